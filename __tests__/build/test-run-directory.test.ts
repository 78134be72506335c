// The suite's own hygiene check: global-teardown.ts fails the run when a test left anything in the
// run's temporary directory, names it, and removes the directory either way.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RUN_DIRECTORY_VARIABLE } from '../support/global-setup';
import globalTeardown from '../support/global-teardown';

function withRunDirectory(leftover: string | undefined, check: (runDirectory: string) => void): void {
  const saved = process.env[RUN_DIRECTORY_VARIABLE];
  const runDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'teardown-check-'));
  fs.mkdirSync(path.join(runDirectory, 'tmp'));
  if (leftover) fs.mkdirSync(path.join(runDirectory, 'tmp', leftover));
  process.env[RUN_DIRECTORY_VARIABLE] = runDirectory;
  try {
    check(runDirectory);
  } finally {
    process.env[RUN_DIRECTORY_VARIABLE] = saved;
    fs.rmSync(runDirectory, { recursive: true, force: true });
  }
}

test('a leftover fails the run, named', () => {
  withRunDirectory('cdktf.outdir.abc123', (runDirectory) => {
    expect(() => globalTeardown()).toThrow('the tests left 1 entries in the temporary directory: cdktf.outdir.abc123');
    expect(fs.existsSync(runDirectory)).toBe(false);
  });
});

test('a clean run passes and its directory goes', () => {
  withRunDirectory(undefined, (runDirectory) => {
    expect(() => globalTeardown()).not.toThrow();
    expect(fs.existsSync(runDirectory)).toBe(false);
  });
});
