export { runCli, CLI_VERSION, type CommandResult } from './main.js';
export { parseCliArgs, renderHelp, COMMANDS } from './args.js';
export type { CliIo } from './io.js';
export { EXIT } from './io.js';
