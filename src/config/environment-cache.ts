// Validated environments, cached by content: loading yaml and zod and validating cost about a third
// of a synthesis of staging (profile in docs/architecture.md), for a result that only changes when
// the YAML or the code that validates it does.
//
// The key covers everything the result depends on: the directory's path, the name and bytes of
// every environment file in it (so `extends:` parents, which live in the same directory, are
// covered too), the build stamp of the compiled code (it changes with any source file), and the
// versions of yaml and zod. Anything unusual — no build stamp (running from TypeScript, as the
// tests do), no node_modules, an unreadable or foreign cache file — means no cache: the loader runs
// as it would without one. Invalid environments are never cached; their errors are reported each
// time. VIGIL_NO_CACHE=1 turns the cache off.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Environment } from './environment';
import { readRegularFile } from '../util/read-regular-file';

const FORMAT = 'vigil environment cache 1';
const ENVIRONMENT_FILE = /\.ya?ml$/;

// Larger than any file the key covers may be (environment YAML is capped at 256 KiB, manifests are
// small); anything else (a FIFO, a device, a huge file) means no cache, and the loader reports it.
const MAX_KEYED_FILE_BYTES = 1024 * 1024;

// dist/src/config → the project root, when running compiled code.
const COMPILED_ROOT = path.resolve(__dirname, '..', '..', '..');

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readRegularFile(file, MAX_KEYED_FILE_BYTES);
  } catch {
    return undefined;
  }
}

function cacheKey(directory: string): string | undefined {
  const stamp = readOrUndefined(path.join(COMPILED_ROOT, 'dist', '.vigil-build.json'));
  if (!stamp || path.basename(path.dirname(path.dirname(__dirname))) !== 'dist') return undefined;
  const hash = crypto.createHash('sha256').update(FORMAT).update('\0').update(stamp);
  for (const dependency of ['yaml', 'zod']) {
    const manifest = readOrUndefined(path.join(COMPILED_ROOT, 'node_modules', dependency, 'package.json'));
    if (!manifest) return undefined;
    hash.update('\0').update(manifest);
  }
  hash.update('\0').update(path.resolve(directory));
  let entries: string[];
  try {
    entries = fs
      .readdirSync(directory)
      .filter((entry) => ENVIRONMENT_FILE.test(entry))
      .sort();
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const content = readOrUndefined(path.join(directory, entry));
    if (!content) return undefined;
    hash.update('\0').update(entry).update('\0').update(content);
  }
  return hash.digest('hex');
}

// One file per environments directory, at most MAX_FILES of them (the least recently written go):
// temporary directories (tests, benchmarks) never make the cache grow without bound.
// VIGIL_CACHE_DIR puts it elsewhere (the tests do, to be independent of each other).
const MAX_FILES = 8;
const CACHE_FILE_NAME = /^environments-[0-9a-f]{16}\.json$/;

function cacheDirectory(): string {
  return process.env.VIGIL_CACHE_DIR ?? path.join(COMPILED_ROOT, 'node_modules', '.cache', 'vigil');
}

function cacheFile(directory: string): string {
  const name = crypto.createHash('sha256').update(path.resolve(directory)).digest('hex').slice(0, 16);
  return path.join(cacheDirectory(), `environments-${name}.json`);
}

function pruneCache(): void {
  const files = fs
    .readdirSync(cacheDirectory())
    .filter((name) => CACHE_FILE_NAME.test(name))
    .map((name) => path.join(cacheDirectory(), name))
    .map((file) => ({ file, written: fs.statSync(file).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { file } of files.slice(MAX_FILES)) fs.rmSync(file, { force: true });
}

/**
 * The environments of `directory` from the cache when nothing they depend on changed; otherwise
 * `load()` (which validates, and throws on invalid input), whose result is then cached.
 */
export function cachedEnvironments(directory: string, load: () => Environment[]): Environment[] {
  const key = process.env.VIGIL_NO_CACHE === '1' ? undefined : cacheKey(directory);
  if (key === undefined) return load();
  const file = cacheFile(directory);
  const cached = readOrUndefined(file);
  if (cached) {
    try {
      const entry = JSON.parse(cached.toString('utf8')) as { key?: string; environments?: Environment[] };
      if (entry.key === key && Array.isArray(entry.environments)) return entry.environments;
    } catch {
      // A damaged cache file is a miss.
    }
  }
  const environments = load();
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify({ key, environments }));
    fs.renameSync(temporary, file);
    pruneCache();
  } catch {
    // A cache that cannot be written only costs the next run its speed.
  }
  return environments;
}
