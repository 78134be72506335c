// A genuine bug is not the user's to act on: one line saying so and how to get the trace, exit 1,
// and the trace only with VIGIL_DEBUG=1. Checked in process (a command whose dependency throws a
// plain Error) and on the real binary, spawned, for errors that escape main() altogether.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { CliIo } from '../../src/cli/command';
import { temporaryDirectory } from '../support/environments';

jest.mock('../../src/config/json-schema', () => ({
  JSON_SCHEMA_PATH: 'schema/environment.schema.json',
  environmentJsonSchemaText: () => {
    throw new TypeError(
      "Cannot read properties of undefined (reading 'shape')\n    at a second line that must not be printed",
    );
  },
}));

jest.mock('../../src/cli/commands/clone', () => {
  throw new Error('clone module failed to load');
});

// jest hoists the mocks above every import: `vigil schema` loads the mocked module.
import { main } from '../../src/cli/main';

const work = temporaryDirectory('cli-internal');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const STACK_LINE = /^ {4}at /m;
const BIN = path.join(__dirname, '..', '..', 'bin', 'vigil.js');

async function vigil(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIo = {
    stdout: () => undefined,
    stderr: (text) => {
      stderr += text;
    },
    cwd: work,
    env,
    interactive: false,
  };
  return { code: await main(args, io), stderr };
}

describe('in process', () => {
  test('a bug in a command prints one line and exits 1, without a trace', async () => {
    const run = await vigil(['schema'], {});
    expect(run.stderr).toBe(
      "vigil schema: internal error: Cannot read properties of undefined (reading 'shape') — please report this (set VIGIL_DEBUG=1 for the stack trace)\n",
    );
    expect(run.code).toBe(1);
  });

  test('VIGIL_DEBUG=1 adds the stack trace', async () => {
    const run = await vigil(['schema'], { VIGIL_DEBUG: '1' });
    expect(run.stderr.split('\n')[0]).toBe(
      "vigil schema: internal error: Cannot read properties of undefined (reading 'shape') — please report this (set VIGIL_DEBUG=1 for the stack trace)",
    );
    expect(run.stderr).toContain('TypeError: Cannot read properties of undefined');
    expect(run.stderr).toMatch(STACK_LINE);
    expect(run.code).toBe(1);
  });

  test('a command module that fails to load is an internal error too', async () => {
    const run = await vigil(['clone', 'a', 'b'], {});
    expect(run.stderr).toBe(
      'vigil clone: internal error: clone module failed to load — please report this (set VIGIL_DEBUG=1 for the stack trace)\n',
    );
    expect(run.code).toBe(1);
  });

  test('VIGIL_DEBUG=0 is off', async () => {
    expect((await vigil(['schema'], { VIGIL_DEBUG: '0' })).stderr).not.toMatch(STACK_LINE);
  });
});

// The spawned binary runs dist/ (built by `npm ci`'s prepare script or `npm run build`).
describe('the binary (node bin/vigil.js)', () => {
  const preload = (name: string, code: string): string => {
    const file = path.join(work, `${name}.js`);
    fs.writeFileSync(file, code);
    return file;
  };
  const spawn = (args: string[], options: { require?: string; debug?: boolean } = {}) => {
    const env = { ...process.env };
    delete env.VIGIL_DEBUG;
    if (options.debug) env.VIGIL_DEBUG = '1';
    const node = options.require ? ['--require', options.require] : [];
    return spawnSync(process.execPath, [...node, BIN, ...args], { cwd: work, env, encoding: 'utf8', timeout: 30000 });
  };

  beforeAll(() => fs.mkdirSync(path.join(work, 'empty'), { recursive: true }));

  test('a user error: one line, exit 1, no trace', () => {
    const run = spawn(['lint', 'empty']);
    expect(run.stderr).toBe('vigil lint: no monitoring resources found in empty\n');
    expect(run.status).toBe(1);
  });

  test('--version', () => {
    const run = spawn(['--version']);
    expect(run.stdout).toMatch(/^vigil \d+\.\d+\.\d+\n$/);
    expect(run.status).toBe(0);
  });

  test('a bug inside a command: the internal-error line, exit 1; the trace only with VIGIL_DEBUG=1', () => {
    // Only lint's walk of `empty` fails: the binary's own build check reads directories too.
    const bug = preload(
      'bug',
      "const fs = require('fs'); const readdir = fs.readdirSync; " +
        "fs.readdirSync = (dir, ...rest) => { if (String(dir).endsWith('empty')) throw new Error('simulated bug'); return readdir(dir, ...rest); };\n",
    );
    const run = spawn(['lint', 'empty'], { require: bug });
    expect(run.stderr).toBe(
      'vigil lint: internal error: simulated bug — please report this (set VIGIL_DEBUG=1 for the stack trace)\n',
    );
    expect(run.status).toBe(1);
    const debug = spawn(['lint', 'empty'], { require: bug, debug: true });
    expect(debug.stderr).toMatch(STACK_LINE);
    expect(debug.status).toBe(1);
  });

  test.each([
    [
      'an unhandled rejection',
      "setTimeout(() => { Promise.reject(new Error('stray rejection')); }, 0);\n",
      'stray rejection',
    ],
    ['an uncaught exception', "setTimeout(() => { throw new Error('stray exception'); }, 0);\n", 'stray exception'],
  ])('%s outside main(): one line, exit 1, no trace', (name, code, message) => {
    const run = spawn(['--version'], { require: preload(name.replace(/ /g, '-'), code) });
    expect(run.stderr).toBe(
      `vigil: internal error: ${message} — please report this (set VIGIL_DEBUG=1 for the stack trace)\n`,
    );
    expect(run.status).toBe(1);
  });
});
