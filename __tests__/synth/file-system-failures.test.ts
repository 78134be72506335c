// A read-only output, a full disk, and permissions: a FileError in words, exit 1, the previous
// output intact and nothing left behind. Real failures on a small tmpfs (mounting needs root, which
// the test machines have; elsewhere those tests say why they did not run), and an injected failure
// in the middle of the commit, which a real disk cannot produce on demand.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS_DIR, temporaryDirectory } from '../support/environments';

// Fails the n-th rename into a directory named cdktf.out once `failRename.at` is set.
const failRename = { at: 0, code: 'EACCES', count: 0 };
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return {
    ...actual,
    renameSync: (from: string, to: string) => {
      if (
        failRename.at > 0 &&
        String(to).includes(`cdktf.out${require('path').sep}`) &&
        !String(to).includes('.vigil-')
      ) {
        failRename.count += 1;
        if (failRename.count === failRename.at) {
          throw Object.assign(new Error(`${failRename.code}: injected, rename '${from}' -> '${to}'`), {
            code: failRename.code,
          });
        }
      }
      return actual.renameSync(from, to);
    },
  };
});

import { main } from '../../src/cli/main';
import { captureIo, leftovers, listFiles } from './support';

function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A project on its own tmpfs of `size`, or undefined where mounting is not allowed. */
function projectOnTmpfs(size: string): string | undefined {
  const dir = temporaryDirectory('synth-tmpfs');
  if (!mountTmpfs(dir, size)) {
    fs.rmSync(dir, { recursive: true, force: true });
    process.stderr.write(
      'file-system-failures: cannot mount a tmpfs here (not root?); the injected failure below still runs\n',
    );
    return undefined;
  }
  mounts.push(dir);
  fs.cpSync(ENVIRONMENTS_DIR, path.join(dir, 'environments'), { recursive: true });
  return dir;
}

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
}

test('a read-only file system: the lock cannot be taken, nothing changes', async () => {
  const dir = projectOnTmpfs('4m');
  if (!dir) return;
  expect(await main(['synth'], captureIo(dir))).toBe(0);
  const before = contents(path.join(dir, 'cdktf.out'));
  execFileSync('mount', ['-o', 'remount,ro', dir]);

  const io = captureIo(dir);
  expect(await main(['synth'], io)).toBe(1);
  expect(io.err.join('')).toBe(
    'vigil synth: cannot create the lock file cdktf.out/.vigil-lock: the file system is read-only (EROFS)\n',
  );
  const missing = captureIo(dir);
  expect(await main(['synth', '--out', 'elsewhere/out'], missing)).toBe(1);
  expect(missing.err.join('')).toBe(
    'vigil synth: cannot create the output directory elsewhere/out: the file system is read-only (EROFS)\n',
  );
  expect(contents(path.join(dir, 'cdktf.out'))).toEqual(before);
});

test('a full disk: synthesis stops in words, the previous output stays, staging is removed', async () => {
  // Room for one output (about 250 KB with the golden path and the saturation alerts) but not for a
  // second copy beside it while it is replaced.
  const dir = projectOnTmpfs('360k');
  if (!dir) return;
  expect(await main(['synth'], captureIo(dir))).toBe(0);
  const before = contents(path.join(dir, 'cdktf.out'));
  const file = path.join(dir, 'environments', 'staging.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('p99LatencyMs: 500', 'p99LatencyMs: 600'));

  const io = captureIo(dir);
  expect(await main(['synth'], io)).toBe(1);
  expect(io.err.join('')).toBe(
    'vigil synth: cannot write the synthesized stacks into cdktf.out: no space left on the device (ENOSPC)\n',
  );
  expect(contents(path.join(dir, 'cdktf.out'))).toEqual(before);
  expect(leftovers(path.join(dir, 'cdktf.out'))).toEqual([]);
});

test.each(['EACCES', 'ENOSPC'])(
  '%s in the middle of the commit (injected): rolled back, the previous output intact',
  async (code) => {
    const dir = temporaryDirectory('synth-commit-failure');
    mounts.push(dir);
    fs.cpSync(ENVIRONMENTS_DIR, path.join(dir, 'environments'), { recursive: true });
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    const before = contents(path.join(dir, 'cdktf.out'));
    const file = path.join(dir, 'environments', 'staging.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('p99LatencyMs: 500', 'p99LatencyMs: 700'));

    Object.assign(failRename, { at: 2, code, count: 0 }); // the first file is in place when the second fails
    const io = captureIo(dir);
    try {
      expect(await main(['synth'], io)).toBe(1);
    } finally {
      failRename.at = 0;
    }
    const reason = code === 'EACCES' ? 'permission denied' : 'no space left on the device';
    expect(io.err.join('')).toBe(
      `vigil synth: cannot write the synthesized files into cdktf.out: ${reason} (${code})\n`,
    );
    expect(contents(path.join(dir, 'cdktf.out'))).toEqual(before);
    expect(leftovers(path.join(dir, 'cdktf.out'))).toEqual([]);
  },
);
