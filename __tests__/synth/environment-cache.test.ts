// The cache of validated environments (src/config/environment-cache.ts), as the compiled CLI uses
// it: a hit gives the same stacks without loading yaml or zod; any change to a file is a miss, and
// an invalid file is reported every time.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS_DIR, REPO_ROOT, temporaryDirectory } from '../support/environments';

const BIN = path.join(REPO_ROOT, 'bin', 'vigil.js');
let work: string;
let environments: string;
let env: NodeJS.ProcessEnv;

// Synthesizes in-process through the compiled CLI and says whether yaml and zod were loaded.
const PROBE = `
const { main } = require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'))});
main(process.argv.slice(1)).then((code) => {
  const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/'));
  process.stderr.write(JSON.stringify({ code, yaml: loaded('yaml'), zod: loaded('zod') }) + '\\n');
  process.exitCode = code;
});`;

function synth(out: string): { status: number | null; stderr: string; loaded: { code: number; yaml: boolean; zod: boolean } } {
  const result = spawnSync(process.execPath, ['-e', PROBE, 'synth', '--environments', environments, '--out', path.join(work, out)], { cwd: work, env, encoding: 'utf8' });
  const lines = result.stderr.trim().split('\n');
  return { status: result.status, stderr: result.stderr, loaded: JSON.parse(lines[lines.length - 1]) };
}

function artifact(out: string): string {
  return fs.readFileSync(path.join(work, out, 'stacks', 'monitoring-staging', 'cdk.tf.json'), 'utf8');
}

beforeAll(() => {
  // Brings dist/ up to date, as any use of the CLI does.
  expect(spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).status).toBe(0);
});

beforeEach(() => {
  work = temporaryDirectory('cache');
  environments = path.join(work, 'environments');
  fs.cpSync(ENVIRONMENTS_DIR, environments, { recursive: true });
  env = { ...process.env, VIGIL_CACHE_DIR: path.join(work, 'cache') };
  delete env.VIGIL_NO_CACHE;
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

test('with nothing changed: no yaml, no zod, the same stack; VIGIL_NO_CACHE and a damaged cache validate again', () => {
  const first = synth('a');
  expect(first.loaded).toEqual({ code: 0, yaml: true, zod: true });
  const cacheFiles = fs.readdirSync(path.join(work, 'cache'));
  expect(cacheFiles).toEqual([expect.stringMatching(/^environments-[0-9a-f]{16}\.json$/)]);
  expect(synth('b').loaded).toEqual({ code: 0, yaml: false, zod: false });
  expect(artifact('b')).toBe(artifact('a'));

  env.VIGIL_NO_CACHE = '1';
  expect(synth('c').loaded).toEqual({ code: 0, yaml: true, zod: true });
  delete env.VIGIL_NO_CACHE;

  fs.writeFileSync(path.join(work, 'cache', cacheFiles[0]), '{"key":');
  expect(synth('d').loaded).toEqual({ code: 0, yaml: true, zod: true });
  expect(artifact('d')).toBe(artifact('a'));
});

test('a changed or new file is validated again; invalid input is never cached; at most 8 cache files', () => {
  // Eight older cache files of other directories: writing a ninth removes the oldest.
  fs.mkdirSync(path.join(work, 'cache'));
  const others = Array.from({ length: 8 }, (_, index) => path.join(work, 'cache', `environments-${String(index).repeat(16)}.json`));
  others.forEach((file, index) => {
    fs.writeFileSync(file, '{}');
    fs.utimesSync(file, new Date(2020, 0, index + 1), new Date(2020, 0, index + 1));
  });
  synth('a');
  const kept = fs.readdirSync(path.join(work, 'cache'));
  expect(kept).toHaveLength(8);
  expect(kept).not.toContain(path.basename(others[0]));
  expect(kept).toContain(path.basename(others[1]));

  const file = path.join(environments, 'staging.yaml');
  const original = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, original.replace(/^region: .*$/m, 'region: nowhere'));
  const invalid = synth('b');
  expect(invalid.loaded).toEqual({ code: 1, yaml: true, zod: true });
  expect(invalid.stderr).toContain('staging.yaml: region:');
  // Back to the content that was cached: a hit.
  fs.writeFileSync(file, original);
  expect(synth('c').loaded).toEqual({ code: 0, yaml: false, zod: false });
  expect(artifact('c')).toBe(artifact('a'));

  fs.writeFileSync(path.join(environments, 'broken.yaml'), 'extends: nowhere\n');
  const added = synth('d');
  expect(added.loaded.code).toBe(1);
  expect(added.stderr).toContain('no environment "nowhere" to inherit from');
});
