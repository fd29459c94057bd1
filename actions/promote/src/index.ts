import { run } from './main.js';

await run();
// The artifact client's requests cannot be cancelled: one left hanging after its
// deadline would keep the step alive. The outcome is decided; end with it.
process.exit(process.exitCode ?? 0);
