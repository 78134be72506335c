// cdktf's Testing.app() makes a `cdktf.outdir.*` directory in the temp folder per call and never
// removes it. Tests take their app from here instead: the directory is made here and removed after
// the test file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';

const made: string[] = [];

afterAll(() => {
  for (const outdir of made.splice(0)) fs.rmSync(outdir, { recursive: true, force: true });
});

export function testingApp(): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-test-app-'));
  made.push(outdir);
  return Testing.app({ outdir });
}
