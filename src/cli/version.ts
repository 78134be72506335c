// `vigil --version`: the version of the package this CLI was installed from, read from its
// package.json (one directory up from src/ and two from dist/src/, hence the walk).
import * as fs from 'fs';
import * as path from 'path';

export function vigilVersion(): string {
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'package.json');
    if (fs.existsSync(candidate)) {
      const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'vigil' && manifest.version) return manifest.version;
    }
    if (path.dirname(directory) === directory) return 'unknown';
  }
}
