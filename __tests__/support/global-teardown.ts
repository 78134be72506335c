// After the run: the suite must leave nothing in the temporary directory (a Testing.app() that is
// never removed leaves a cdktf.outdir.* per call, a test that forgets its fixture a vigil-*).
// Anything left fails the run, named; the run's directory is removed either way.
import * as fs from 'fs';
import * as path from 'path';
import { RUN_DIRECTORY_VARIABLE } from './global-setup';

export default function globalTeardown(): void {
  const runDirectory = process.env[RUN_DIRECTORY_VARIABLE];
  if (!runDirectory || !fs.existsSync(runDirectory)) return;
  const leftovers = fs.readdirSync(path.join(runDirectory, 'tmp')).sort();
  fs.rmSync(runDirectory, { recursive: true, force: true });
  if (leftovers.length > 0) {
    const shown = leftovers.slice(0, 20).join(', ') + (leftovers.length > 20 ? `, … (${leftovers.length} in all)` : '');
    throw new Error(`the tests left ${leftovers.length} entries in the temporary directory: ${shown}`);
  }
}
