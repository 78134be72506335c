// The output directory (cdktf.out) as vigil shares it with Terraform and with the user: vigil owns
// only the files it generated, listed in a marker file (.vigil-output.json); `.terraform/`, lock
// files, state and anything else in the tree are never touched.
//
// A synthesis is written into a staging directory inside the output (`.vigil-staging-*`, so every
// rename below stays on one file system even when the output is a mount point) and committed file
// by file with atomic renames, the marker last. Before the first rename the plan is written to a
// journal (.vigil-commit.json): which staged files go in, which previously generated files go away.
// The staging directory is complete before the journal exists, so a run killed at any point is
// recovered by the next run:
//   - no journal: the staging directory is an unfinished synthesis; it is deleted, and the output
//     is the previous one, complete;
//   - a journal: the commit is rolled forward — staged files still present are renamed into place,
//     removals are repeated (both steps are idempotent), then the journal and staging go.
// Each file is always either its old or its new version, never half-written; between a kill and the
// next run, the files may be a mix of the two synthesized versions, which the roll-forward resolves.
// A file system error during the commit (read-only, disk full, permissions) rolls back instead: each
// replaced file was hard-linked aside before its rename and is put back.
import * as fs from 'fs';
import * as path from 'path';
import { FileError, withFileErrors } from '../src/errors/file-error';
import { VigilError } from '../src/errors/vigil-error';
import { LOCK_FILE } from './output-lock';

export const MARKER_FILE = '.vigil-output.json';
const JOURNAL_FILE = '.vigil-commit.json';
const STAGING_PREFIX = '.vigil-staging-';
const BACKUP_DIRECTORY = '.previous';

/** vigil's own bookkeeping entries in the output root; a directory holding only these counts as empty. */
function isBookkeeping(name: string): boolean {
  return (
    name === MARKER_FILE ||
    name.startsWith(JOURNAL_FILE) ||
    name.startsWith(STAGING_PREFIX) ||
    name.startsWith(LOCK_FILE)
  );
}

export class ForeignOutputError extends VigilError {}

interface Marker {
  readonly files: readonly string[];
}
interface Journal {
  readonly staging: string;
  readonly install: readonly string[];
  readonly remove: readonly string[];
}

/**
 * The files the previous synthesis generated, or an error when `outdir` is a non-empty directory
 * that vigil did not write. A cdktf output of vigil's stacks from before the marker existed (a
 * manifest.json whose stacks are all `monitoring-*`) is adopted: its manifest and stack files count
 * as generated.
 */
export function previouslyGenerated(outdir: string, displayName: string): readonly string[] {
  const entries = withFileErrors('read the directory', displayName, () =>
    fs.existsSync(outdir) ? fs.readdirSync(outdir) : [],
  );
  if (entries.every(isBookkeeping) && !entries.includes(MARKER_FILE)) return [];
  const marker = readJson<Marker>(path.join(outdir, MARKER_FILE));
  if (marker && Array.isArray(marker.files)) return marker.files.filter(isInside);
  const legacy = legacyCdktfOutput(outdir);
  if (legacy) return legacy;
  throw new ForeignOutputError(
    `refusing to write into ${displayName}: it is not empty and has no ${MARKER_FILE}, so it is not ` +
      'an output vigil wrote; nothing was changed. Choose a new or empty directory for --out ' +
      `(or, if it is vigil's output from an older version, delete it and synthesize again)`,
  );
}

function legacyCdktfOutput(outdir: string): string[] | undefined {
  const manifest = readJson<{ stacks?: Record<string, { synthesizedStackPath?: unknown }> }>(
    path.join(outdir, 'manifest.json'),
  );
  const stacks = manifest?.stacks && typeof manifest.stacks === 'object' ? Object.entries(manifest.stacks) : [];
  if (stacks.length === 0 || !stacks.every(([name]) => /^monitoring-[a-z0-9-]+$/.test(name))) return undefined;
  return ['manifest.json', ...stacks.map(([, stack]) => String(stack.synthesizedStackPath)).filter(isInside)];
}

/** Creates a staging directory for the next synthesis inside `outdir`. */
export function createStaging(outdir: string, displayName: string): string {
  return withFileErrors('create a staging directory in', displayName, () =>
    fs.mkdtempSync(path.join(outdir, STAGING_PREFIX)),
  );
}

/**
 * Puts the staged synthesis in place: `files` (relative to `staging`) replace their previous
 * versions, previously generated files not among them are removed, and the marker lists `files`.
 */
export function commitOutput(
  outdir: string,
  staging: string,
  files: readonly string[],
  previous: readonly string[],
  shown: string,
): void {
  const sorted = [...files].sort();
  writeDurably(
    path.join(staging, MARKER_FILE),
    `${JSON.stringify(
      {
        about:
          'Written by `vigil synth`: the files below are generated and replaced on every synthesis; ' +
          'every other file in this directory (state, .terraform/, lock files, yours) is left alone.',
        files: sorted,
      },
      null,
      2,
    )}\n`,
  );
  for (const file of sorted) fsyncFile(path.join(staging, file));
  const journal: Journal = {
    staging: path.basename(staging),
    install: [...sorted, MARKER_FILE],
    remove: previous.filter((file) => !sorted.includes(file)).sort(),
  };
  const journalFile = path.join(outdir, JOURNAL_FILE);
  withFileErrors('write the commit journal', path.join(shown, JOURNAL_FILE), () => {
    writeDurably(`${journalFile}.tmp`, JSON.stringify(journal));
    fs.renameSync(`${journalFile}.tmp`, journalFile);
  });
  installWithRollback(outdir, staging, journal, shown);
  finishCommit(outdir, journal, shown);
}

function installWithRollback(outdir: string, staging: string, journal: Journal, shown: string): void {
  const installed: string[] = [];
  try {
    for (const file of journal.install) {
      const target = path.join(outdir, file);
      const backup = path.join(staging, BACKUP_DIRECTORY, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (fs.existsSync(target)) {
        fs.mkdirSync(path.dirname(backup), { recursive: true });
        fs.linkSync(target, backup);
      }
      fs.renameSync(path.join(staging, file), target);
      installed.push(file);
    }
  } catch (error) {
    const failure =
      error instanceof VigilError ? error : new FileError('write the synthesized files into', shown, error);
    try {
      for (const file of installed.reverse()) {
        const backup = path.join(staging, BACKUP_DIRECTORY, file);
        if (fs.existsSync(backup)) fs.renameSync(backup, path.join(outdir, file));
        else fs.rmSync(path.join(outdir, file), { force: true });
      }
      fs.rmSync(path.join(outdir, JOURNAL_FILE), { force: true });
    } catch {
      // The journal stays: the next run rolls this commit forward; every file is whole either way.
    }
    throw failure;
  }
}

function finishCommit(outdir: string, journal: Journal, shown: string): void {
  withFileErrors('remove a file that is no longer generated from', shown, () => {
    for (const file of journal.remove) {
      fs.rmSync(path.join(outdir, file), { force: true });
      removeEmptyParents(outdir, path.dirname(path.join(outdir, file)));
    }
    fs.rmSync(path.join(outdir, JOURNAL_FILE), { force: true });
    fs.rmSync(path.join(outdir, journal.staging), { recursive: true, force: true });
  });
}

/**
 * Finishes what a killed run left (see the top of this file); called with the lock held. Returns
 * a sentence for the user when there was something to recover.
 */
export function recoverOutput(outdir: string, shown: string): string | undefined {
  const journal = readJson<Journal>(path.join(outdir, JOURNAL_FILE));
  let recovered: string | undefined;
  if (journal && typeof journal.staging === 'string' && journal.staging.startsWith(STAGING_PREFIX)) {
    withFileErrors('finish the interrupted synthesis in', shown, () => {
      const staging = path.join(outdir, journal.staging);
      for (const file of journal.install.filter(isInside)) {
        const staged = path.join(staging, file);
        if (!fs.existsSync(staged)) continue; // renamed into place before the interruption
        fs.mkdirSync(path.dirname(path.join(outdir, file)), { recursive: true });
        fs.renameSync(staged, path.join(outdir, file));
      }
    });
    finishCommit(outdir, { ...journal, remove: journal.remove.filter(isInside) }, shown);
    recovered = 'finished writing the output of an interrupted synthesis';
  }
  withFileErrors('remove what an interrupted synthesis left in', shown, () => {
    for (const name of fs.readdirSync(outdir)) {
      if (name.startsWith(STAGING_PREFIX) || name.startsWith(`${JOURNAL_FILE}.`)) {
        fs.rmSync(path.join(outdir, name), { recursive: true, force: true });
      }
    }
  });
  return recovered;
}

/** Deletes a staging directory that was not committed; one whose commit is journaled stays for the roll-forward. */
export function discardStaging(outdir: string, staging: string): void {
  if (!fs.existsSync(path.join(outdir, JOURNAL_FILE))) fs.rmSync(staging, { recursive: true, force: true });
}

export function removeEmptyParents(root: string, directory: string): void {
  for (let current = directory; current.startsWith(`${root}${path.sep}`); current = path.dirname(current)) {
    try {
      fs.rmdirSync(current);
    } catch {
      return; // not empty (a user's file, .terraform/) or already gone
    }
  }
}

function isInside(file: unknown): file is string {
  return (
    typeof file === 'string' &&
    file.length > 0 &&
    !path.isAbsolute(file) &&
    !path.normalize(file).split(path.sep).includes('..')
  );
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function writeDurably(file: string, text: string): void {
  fs.writeFileSync(file, text);
  fsyncFile(file);
}

function fsyncFile(file: string): void {
  const descriptor = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}
