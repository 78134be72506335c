// The cdktf app (cdktf.json runs `node dist/main.js`): exactly what `vigil synth` does — validate
// every environments/*.yaml, synthesize one stack each, lint, then write CDKTF_OUTDIR — so
// `cdktf deploy` never deploys a stack that `npm run synth` would have refused.
import * as path from 'path';
import { main } from './src/cli/main';

const ROOT = __dirname.endsWith(`${path.sep}dist`) ? path.dirname(__dirname) : __dirname;

main([
  'synth',
  '--environments',
  path.join(ROOT, 'environments'),
  '--out',
  process.env.CDKTF_OUTDIR ?? path.join(ROOT, 'cdktf.out'),
]).then((code) => {
  process.exitCode = code;
});
