export { runCli, CLI_VERSION } from './main.js';
export type { CommandResult } from './io.js';
export { parseCliArgs, renderHelp, COMMANDS } from './args.js';
export type { CliIo } from './io.js';
export { EXIT } from './io.js';
