// The cdktf app (cdktf.json runs `node dist/main.js`): one stack per environments/*.yaml.
// Invalid environments stop it before anything is written.
import * as path from 'path';
import { ConfigError } from './src/config/config-error';
import { loadEnvironments } from './src/config/load-environment';
import { synthesizeEnvironments } from './stacks/synthesize';

const ENVIRONMENTS_DIR = path.join(__dirname, __dirname.endsWith(`${path.sep}dist`) ? '..' : '.', 'environments');

try {
  const environments = loadEnvironments(path.relative(process.cwd(), ENVIRONMENTS_DIR) || '.');
  synthesizeEnvironments(environments, process.env.CDKTF_OUTDIR ?? 'cdktf.out');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
