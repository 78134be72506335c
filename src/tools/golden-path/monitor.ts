// The golden-path monitor's core, as vigil runs it: the same module the deployed function runs
// (golden-path/src/run-golden-path.js), found from the package root whether vigil runs from its
// TypeScript sources (tests) or from dist/.
import * as fs from 'fs';
import * as path from 'path';
import type * as Monitor from '../../../golden-path/src/run-golden-path';

export type { GoldenPathConfig, GoldenPathResult, Step } from '../../../golden-path/src/run-golden-path';

function packageRoot(): string {
  let directory = __dirname;
  while (!fs.existsSync(path.join(directory, 'golden-path', 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('the golden-path folder is not beside vigil (a broken install)');
    directory = parent;
  }
  return directory;
}

export function goldenPathMonitor(): typeof Monitor {
  return require(path.join(packageRoot(), 'golden-path', 'src', 'run-golden-path.js')) as typeof Monitor;
}
