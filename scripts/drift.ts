// `npm run drift [-- <env>…]` (package.json: `npm run --silent synth && node dist/scripts/drift.js`):
// checks the synthesized stacks for configuration drift. See docs/drift.md. It is `vigil drift`,
// run through the CLI's entry point so that errors follow its one contract (docs/cli.md).
import { main } from '../src/cli/main';

main(['drift', ...process.argv.slice(2)]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // main() turns every error into words; this is only reached if printing itself failed.
    process.stderr.write(`drift: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
