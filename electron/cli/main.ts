/**
 * Entry of the command line (`npm run cli -- …`, run by tsx). Everything else is in run.ts, which
 * the tests call directly.
 */
import { runCli } from './run';

runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    // A fault of ours, not bad input (1) or wrong arguments (2).
    process.exitCode = 3;
  },
);
