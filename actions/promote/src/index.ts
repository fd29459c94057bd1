import { run } from './main.js';

await run();
// The outcome is decided and reported: a request left open after its deadline
// (the artifact client's cannot be cancelled) must not keep the step alive.
process.exit(process.exitCode ?? 0);
