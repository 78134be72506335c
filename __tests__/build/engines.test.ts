// package.json's engines.node is the real floor: every package that `npm ci` installs (runtime and
// development, since the README's one `npm ci` installs both) accepts every Node version ours
// accepts. So `npm ci --engine-strict` cannot pass on a Node version that a dependency refuses
// (@cdktf/provider-google 16.12.1 declares >= 20.9.0; glob and lru-cache skip Node 21).
import * as fs from 'fs';
import * as path from 'path';
import * as semver from 'semver';
import { REPO_ROOT } from '../support/environments';

interface Manifest {
  readonly name?: string;
  readonly version?: string;
  readonly engines?: { readonly node?: string };
}

function readManifest(directory: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Every installed package directory under node_modules, nested and scoped ones included. */
function installedPackages(nodeModules: string): string[] {
  const found: string[] = [];
  const pending = [nodeModules];
  while (pending.length > 0) {
    const directory = pending.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const full = path.join(directory, entry.name);
      if (entry.name.startsWith('@')) {
        pending.push(full);
        continue;
      }
      found.push(full);
      pending.push(path.join(full, 'node_modules'));
    }
  }
  return found;
}

const ours = (readManifest(REPO_ROOT) as Manifest).engines?.node as string;

test('our engines.node is a valid range', () => {
  expect(semver.validRange(ours)).not.toBeNull();
});

test('no installed package is stricter about Node than our engines.node', () => {
  const packages = installedPackages(path.join(REPO_ROOT, 'node_modules'));
  expect(packages.length).toBeGreaterThan(100);
  const stricter = packages.flatMap((directory) => {
    const manifest = readManifest(directory);
    const theirs = manifest?.engines?.node;
    if (!manifest?.name || !theirs || semver.validRange(theirs) === null) return [];
    return semver.subset(ours, theirs) ? [] : [`${manifest.name}@${manifest.version}: node ${theirs}`];
  });
  expect([...new Set(stricter)].sort()).toEqual([]);
});

test('the check catches a stricter package: ">=20" would let Node 20.0 in, which @cdktf/provider-google refuses', () => {
  expect(semver.subset('>=20', '>= 20.9.0')).toBe(false);
  expect(semver.subset(ours, '>= 20.9.0')).toBe(true);
});
