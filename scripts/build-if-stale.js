#!/usr/bin/env node
'use strict';
// Keeps dist/ in step with the TypeScript sources without type-checking them: the synth path
// (`npm run synth`, `npx vigil …`, the cdktf app) runs compiled JavaScript, and a full `tsc` on
// every run cost 12–27 s and 800 MiB. Types are checked by `npm run typecheck` (and CI) instead.
//
// A stamp in dist/ records, per source file, its mtime, size and content hash at the last build.
// Only files whose content changed are transpiled again (swc, one file at a time: TypeScript
// without type information needs nothing else); outputs of deleted or renamed sources are removed;
// a YAML-only change finds nothing to do and costs a few milliseconds of stat calls.
//
// Plain JavaScript on purpose: it must run before anything is built.
//   node scripts/build-if-stale.js               build what is stale
//   node scripts/build-if-stale.js --force       transpile every source again
//   node scripts/build-if-stale.js --then FILE   then run FILE (relative to the project) in this process
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const SOURCE_ROOTS = ['main.ts', 'stacks', 'src', 'scripts'];
const OUT_DIR = 'dist';
const STAMP_FILE = '.vigil-build.json';
// Part of the stamp: a change to how files are transpiled rebuilds everything.
const FORMAT = 1;
const SWC_OPTIONS = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: false,
  swcrc: false,
  configFile: false,
};

/** A build that cannot run; bin/vigil.js prints its message without a stack trace. */
class BuildError extends Error {}

function listSources(root) {
  const sources = [];
  const visit = (relative) => {
    const absolute = path.join(root, relative);
    let stat;
    try {
      stat = fs.statSync(absolute);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(absolute).sort()) {
        if (name !== 'node_modules') visit(path.join(relative, name));
      }
    } else if (relative.endsWith('.ts') && !relative.endsWith('.d.ts')) {
      sources.push({ relative: relative.split(path.sep).join('/'), mtimeMs: stat.mtimeMs, size: stat.size });
    }
  };
  for (const entry of SOURCE_ROOTS) visit(entry);
  return sources;
}

function outputOf(root, relative) {
  return path.join(root, OUT_DIR, relative.replace(/\.ts$/, '.js'));
}

function compilerKey(root) {
  let version = 'absent';
  try {
    version = JSON.parse(fs.readFileSync(require.resolve('@swc/core/package.json', { paths: [root] }), 'utf8')).version;
  } catch {
    // No swc: fine while nothing is stale; a build then says what to install.
  }
  return `${FORMAT} swc ${version} ${JSON.stringify(SWC_OPTIONS)}`;
}

function readStamp(file) {
  try {
    const stamp = JSON.parse(fs.readFileSync(file, 'utf8'));
    return stamp && typeof stamp.files === 'object' ? stamp : undefined;
  } catch {
    return undefined;
  }
}

function hashOf(content) {
  return crypto.createHash('sha256').update(content).digest('hex');
}

// Written beside the target and renamed over it, so a concurrent reader (another vigil process,
// a jest worker) never loads half a file.
function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there.
    }
    throw new BuildError(
      `cannot write ${file} (${error && error.code ? error.code : error}): the build output directory must be writable`,
    );
  }
}

function loadSwc(root, staleCount) {
  try {
    return require(require.resolve('@swc/core', { paths: [root] }));
  } catch (error) {
    throw new BuildError(
      `${staleCount} TypeScript source(s) changed since the last build, and the transpiler @swc/core could not be ` +
        `loaded (${error && error.message ? error.message.split('\n')[0] : error}): run \`npm ci\` in ${root}`,
    );
  }
}

/**
 * Brings dist/ up to date with the sources of `root`. Returns what it did: the number of files
 * transpiled and of stale outputs removed. A project without sources (nothing to build) is left alone.
 */
function ensureBuilt(root = path.resolve(__dirname, '..'), options = {}) {
  if (!fs.existsSync(path.join(root, 'src'))) return { compiled: 0, removed: 0 };
  const stampFile = path.join(root, OUT_DIR, STAMP_FILE);
  const key = compilerKey(root);
  const previous = readStamp(stampFile);
  const known = previous && previous.key === key && !options.force ? previous.files : {};
  const sources = listSources(root);
  const files = {};
  const stale = [];
  let stampChanged = !previous || previous.key !== key;
  for (const source of sources) {
    const entry = known[source.relative];
    if (
      entry &&
      entry.mtimeMs === source.mtimeMs &&
      entry.size === source.size &&
      fs.existsSync(outputOf(root, source.relative))
    ) {
      files[source.relative] = entry;
      continue;
    }
    // Touched but not changed (a checkout, `touch`): compare contents before transpiling.
    const content = fs.readFileSync(path.join(root, source.relative));
    const hash = hashOf(content);
    const record = { mtimeMs: source.mtimeMs, size: source.size, hash };
    files[source.relative] = record;
    stampChanged = true;
    if (!entry || entry.hash !== hash || !fs.existsSync(outputOf(root, source.relative)))
      stale.push({ ...source, content });
  }
  // Outputs of sources that are gone (deleted or renamed): only those this script wrote.
  const previousFiles = previous ? previous.files : {};
  const gone = Object.keys(previousFiles).filter((relative) => !(relative in files));
  for (const relative of gone) fs.rmSync(outputOf(root, relative), { force: true });
  if (gone.length > 0) stampChanged = true;

  if (stale.length > 0) {
    const swc = loadSwc(root, stale.length);
    for (const source of stale) {
      let output;
      try {
        output = swc.transformSync(source.content.toString('utf8'), { ...SWC_OPTIONS, filename: source.relative });
      } catch (error) {
        // Leave this file stale in the stamp, so the next run tries it again.
        delete files[source.relative];
        writeAtomically(stampFile, `${JSON.stringify({ key, files })}\n`);
        // swc's message ends in a native backtrace that says nothing about the source.
        const message = String(error && error.message ? error.message : error)
          .split(/\n\s*Stack backtrace:/)[0]
          .trim();
        throw new BuildError(`cannot compile ${source.relative}:\n${message}`);
      }
      writeAtomically(outputOf(root, source.relative), output.code);
    }
  }
  if (stampChanged) writeAtomically(stampFile, `${JSON.stringify({ key, files })}\n`);
  return { compiled: stale.length, removed: gone.length };
}

module.exports = { ensureBuilt, BuildError, SOURCE_ROOTS };

if (require.main === module) {
  // Options of this script come before `--then FILE`; what follows FILE is FILE's own arguments.
  const args = process.argv.slice(2);
  const thenIndex = args.indexOf('--then');
  const own = thenIndex < 0 ? args : args.slice(0, thenIndex);
  const root = path.resolve(__dirname, '..');
  try {
    const { compiled, removed } = ensureBuilt(root, { force: own.includes('--force') });
    if ((compiled > 0 || removed > 0) && thenIndex < 0) {
      process.stderr.write(`build: ${compiled} file(s) transpiled, ${removed} stale output(s) removed\n`);
    }
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    process.stderr.write(`vigil: ${error.message}\n`);
    process.exit(2);
  }
  if (thenIndex >= 0) {
    const entry = args[thenIndex + 1];
    if (!entry) {
      process.stderr.write('usage: build-if-stale.js [--force] [--then FILE [ARGS…]]\n');
      process.exit(2);
    }
    const file = path.resolve(root, entry);
    // FILE sees the command line it would have had as `node FILE ARGS…`.
    process.argv = [process.argv[0], file, ...args.slice(thenIndex + 2)];
    require(file);
  }
}
