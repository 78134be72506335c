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

// Only the loading step, as synth does it (no cdktf): what the cache returns and what it loaded.
const LOAD_PROBE = `
const { cachedEnvironments } = require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'src', 'config', 'environment-cache.js'))});
const loader = ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'src', 'config', 'load-environment.js'))};
const directory = process.argv[1];
let code = 0;
let environments = [];
try {
  environments = cachedEnvironments(directory, () => require(loader).loadEnvironments(directory));
} catch (error) {
  process.stderr.write(error.message + '\\n');
  code = 1;
}
const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/'));
process.stderr.write(JSON.stringify({ code, yaml: loaded('yaml'), zod: loaded('zod'), names: environments.map((e) => e.name) }) + '\\n');`;

function load(): { stderr: string; loaded: { code: number; yaml: boolean; zod: boolean; names: string[] } } {
  const result = spawnSync(process.execPath, ['-e', LOAD_PROBE, environments], { cwd: work, env, encoding: 'utf8' });
  const lines = result.stderr.trim().split('\n');
  return { stderr: result.stderr, loaded: JSON.parse(lines[lines.length - 1]) };
}

function synth(out: string): {
  status: number | null;
  stderr: string;
  loaded: { code: number; yaml: boolean; zod: boolean };
} {
  const result = spawnSync(
    process.execPath,
    ['-e', PROBE, 'synth', '--environments', environments, '--out', path.join(work, out)],
    { cwd: work, env, encoding: 'utf8' },
  );
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

test('synth with nothing changed loads neither yaml nor zod and writes the same stack', () => {
  expect(synth('a').loaded).toEqual({ code: 0, yaml: true, zod: true });
  const cacheFiles = fs.readdirSync(path.join(work, 'cache'));
  expect(cacheFiles).toEqual([expect.stringMatching(/^environments-[0-9a-f]{16}\.json$/)]);
  expect(synth('b').loaded).toEqual({ code: 0, yaml: false, zod: false });
  expect(artifact('b')).toBe(artifact('a'));
});

test('VIGIL_NO_CACHE and a damaged cache file validate again', () => {
  expect(load().loaded).toEqual({ code: 0, yaml: true, zod: true, names: ['staging'] });
  expect(load().loaded).toEqual({ code: 0, yaml: false, zod: false, names: ['staging'] });
  env.VIGIL_NO_CACHE = '1';
  expect(load().loaded).toEqual({ code: 0, yaml: true, zod: true, names: ['staging'] });
  delete env.VIGIL_NO_CACHE;
  const [file] = fs.readdirSync(path.join(work, 'cache'));
  fs.writeFileSync(path.join(work, 'cache', file), '{"key":');
  expect(load().loaded).toEqual({ code: 0, yaml: true, zod: true, names: ['staging'] });
});

test('a changed or new file is validated again; invalid input is never cached; at most 8 cache files', () => {
  // Eight older cache files of other directories: writing a ninth removes the oldest.
  fs.mkdirSync(path.join(work, 'cache'));
  const others = Array.from({ length: 8 }, (_, index) =>
    path.join(work, 'cache', `environments-${String(index).repeat(16)}.json`),
  );
  others.forEach((file, index) => {
    fs.writeFileSync(file, '{}');
    fs.utimesSync(file, new Date(2020, 0, index + 1), new Date(2020, 0, index + 1));
  });
  expect(load().loaded.code).toBe(0);
  const kept = fs.readdirSync(path.join(work, 'cache'));
  expect(kept).toHaveLength(8);
  expect(kept).not.toContain(path.basename(others[0]));
  expect(kept).toContain(path.basename(others[1]));

  const file = path.join(environments, 'staging.yaml');
  const original = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, original.replace(/^region: .*$/m, 'region: nowhere'));
  for (let attempt = 0; attempt < 2; attempt++) {
    const invalid = load();
    expect(invalid.loaded).toMatchObject({ code: 1, yaml: true, zod: true });
    expect(invalid.stderr).toContain('staging.yaml: region:');
  }
  // Back to the content that was cached: a hit.
  fs.writeFileSync(file, original);
  expect(load().loaded).toEqual({ code: 0, yaml: false, zod: false, names: ['staging'] });

  fs.writeFileSync(path.join(environments, 'broken.yaml'), 'extends: nowhere\n');
  const added = load();
  expect(added.loaded).toMatchObject({ code: 1, yaml: true });
  expect(added.stderr).toContain('no environment "nowhere" to inherit from');
});
