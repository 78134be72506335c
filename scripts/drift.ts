// `npm run drift [-- <env>…]` (package.json: `npm run --silent synth && node dist/scripts/drift.js`):
// checks the synthesized stacks for configuration drift. See docs/drift.md.
import { driftMain } from '../src/tools/drift/run-drift';

driftMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  // A bug, not a user error: show it whole.
  console.error(error);
  process.exitCode = 1;
});
