// Files that are not files: a device that never ends (/dev/zero), a FIFO that blocks its reader, a
// directory, named wherever a command reads a file. Each is refused in words naming the file,
// without reading a byte (a hang here would time the test out), and without a stack trace.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { ConfigError } from '../../src/config/config-error';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { loadFailureModeCatalog } from '../../src/tools/simulate/failure-modes/failure-mode-catalog';
import { loadScenarioFile } from '../../src/tools/simulate/load-scenario';
import { readTimeSeriesExport } from '../../src/tools/simulate/time-series-export';
import { readLiveDirectory } from '../../src/tools/adopt/live-inventory';
import { readRegularTextFile } from '../../src/util/read-regular-file';
import { captureIo } from '../support/capture-io';
import { STAGING_FILE, temporaryDirectory } from '../support/environments';

let work: string;
let fifo: string;

beforeAll(() => {
  work = temporaryDirectory('non-regular');
  fifo = path.join(work, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  fs.mkdirSync(path.join(work, 'directory.yaml'));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const KINDS = () =>
  [
    ['a character device', '/dev/zero', 'it is a character device, not a regular file (EFTYPE)'],
    ['a FIFO', fifo, 'it is a FIFO (named pipe), not a regular file (EFTYPE)'],
    ['a directory', path.join(work, 'directory.yaml'), 'it is a directory, not a regular file (EFTYPE)'],
  ] as const;

function configErrorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

test('the reader refuses each kind, and a file over its cap, by its errno-style code', () => {
  for (const [, file, reason] of KINDS()) {
    expect(() => readRegularTextFile(file, 1024)).toThrow(reason.replace(/ \(EFTYPE\)$/, ''));
  }
  const big = path.join(work, 'big.txt');
  fs.writeFileSync(big, 'x'.repeat(2048));
  expect(() => readRegularTextFile(big, 1024)).toThrow('the file is 2,048 bytes; at most 1,024 bytes (1 KiB) are read');
  expect(readRegularTextFile(big, 4096)).toHaveLength(2048);
});

describe.each([
  ['an environment file', (file: string) => loadEnvironmentFile(file), 'cannot read the file'],
  ['a scenario file', (file: string) => loadScenarioFile(file), 'cannot read the scenario file'],
])('%s', (_, load, prefix) => {
  test('that is a device, a FIFO or a directory is a ConfigError naming it', () => {
    for (const [, file, reason] of KINDS())
      expect(configErrorOf(() => load(file))).toBe(`${file}: ${prefix}: ${reason}`);
  });
});

test('a failure-mode catalog that is a device is a FileError in words', () => {
  expect(() => loadFailureModeCatalog('/dev/zero')).toThrow(
    'cannot read /dev/zero: it is a character device, not a regular file (EFTYPE)',
  );
});

test('an export that is a device or a FIFO is blamed on the scenario field naming it', () => {
  expect(configErrorOf(() => readTimeSeriesExport('/dev/zero', 'scenario.yaml', 'tests[0].series[0].export'))).toBe(
    'scenario.yaml: tests[0].series[0].export: "/dev/zero" is not a regular file; expected a time-series export file (JSON)',
  );
  expect(configErrorOf(() => readTimeSeriesExport(fifo, 'scenario.yaml', 'tests[0].series[0].export'))).toContain(
    'is not a regular file',
  );
});

test('adopt --from: a collection file that is a FIFO is refused in words, not read', () => {
  const directory = path.join(work, 'live');
  fs.mkdirSync(directory, { recursive: true });
  execFileSync('mkfifo', [path.join(directory, 'alertPolicies.json')]);
  expect(() => readLiveDirectory(directory)).toThrow(
    `cannot read ${path.join(directory, 'alertPolicies.json')}: it is a FIFO (named pipe), not a regular file (EFTYPE)`,
  );
});

test('synth: an extends: parent that is /dev/zero or a FIFO ends in a clean error, not a hang', async () => {
  const dir = temporaryDirectory('extends-device');
  try {
    const environments = path.join(dir, 'environments');
    fs.mkdirSync(environments);
    const staging = fs.readFileSync(STAGING_FILE, 'utf8');
    fs.writeFileSync(path.join(environments, 'child.yaml'), `extends: parent\n${staging}`);
    for (const [, target, reason] of KINDS().slice(0, 2)) {
      fs.rmSync(path.join(environments, 'parent.yaml'), { force: true });
      fs.symlinkSync(target, path.join(environments, 'parent.yaml'));
      const io = captureIo(dir);
      expect(await main(['synth'], io)).toBe(1);
      const errors = io.err.join('');
      expect(errors).toContain(`environments/parent.yaml: cannot read the file: ${reason}`);
      expect(errors).not.toMatch(/internal error|\n\s+at /);
      expect(fs.existsSync(path.join(dir, 'cdktf.out'))).toBe(false);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('review: a base that is a device is refused in words', async () => {
  const io = captureIo(work);
  expect(await main(['review', '--base', '/dev/zero', '--head', '/dev/zero'], io)).not.toBe(0);
  expect(io.err.join('')).toContain(
    'vigil review: /dev/zero: cannot read the file: it is a character device, not a regular file (EFTYPE)',
  );
});
