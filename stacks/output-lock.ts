// One synthesis at a time per output directory: a lock file created with O_EXCL that holds the
// owner's pid and host. A lock whose process no longer exists on this host is stale (a killed run)
// and is broken; a live one is waited for briefly, then reported. Waiting rather than failing at
// once lets `npm run synth` and `cdktf deploy` started together both finish.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { withFileErrors } from '../src/errors/file-error';
import { VigilError } from '../src/errors/vigil-error';

export const LOCK_FILE = '.vigil-lock';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
}

export interface LockOptions {
  /** How long to wait for a live owner before giving up. */
  readonly waitMs: number;
  /** Told once, when the lock is held by another live process and this one starts waiting. */
  readonly onWait?: (owner: LockOwner) => void;
  /** The output directory as the user named it, for messages. */
  readonly displayName: string;
}

export class OutputLockedError extends VigilError {}

/** Takes the lock of `outdir` (which must exist) and returns the function that releases it. */
export async function acquireOutputLock(outdir: string, options: LockOptions): Promise<() => void> {
  const lockFile = path.join(outdir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname() };
  const deadline = Date.now() + options.waitMs;
  let told = false;
  const shownLockFile = path.join(options.displayName, LOCK_FILE);
  for (;;) {
    if (tryCreate(lockFile, me, shownLockFile)) return () => release(lockFile);
    const owner = readOwner(lockFile);
    if (owner === undefined) continue; // released (or half-written by a killed run, see readOwner) meanwhile
    if (!isAlive(owner)) {
      breakStaleLock(lockFile, owner, shownLockFile);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new OutputLockedError(
        `another synth is running (pid ${owner.pid}${owner.host === me.host ? '' : ` on ${owner.host}`}) ` +
          `on ${options.displayName} and did not finish within ${Math.round(options.waitMs / 1000)} s; run synth again when it has ` +
          `finished (if no such process exists, remove ${path.join(options.displayName, LOCK_FILE)})`,
      );
    }
    if (!told) options.onWait?.(owner);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function tryCreate(lockFile: string, owner: LockOwner, shownLockFile: string): boolean {
  // Written in full before it is visible under its name: a reader never sees a lock without its pid.
  const pending = `${lockFile}.${owner.pid}`;
  withFileErrors('create the lock file', shownLockFile, () => fs.writeFileSync(pending, JSON.stringify(owner)));
  try {
    fs.linkSync(pending, lockFile); // fails with EEXIST when the lock is taken: the O_EXCL of a link
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    return withFileErrors('create the lock file', shownLockFile, () => {
      throw error;
    });
  } finally {
    fs.rmSync(pending, { force: true });
  }
}

function readOwner(lockFile: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : { pid: 0, host: os.hostname() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { pid: 0, host: os.hostname() }; // unreadable content: nobody can own it
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.pid <= 0) return false;
  if (owner.host !== os.hostname()) return true; // another machine's process cannot be checked from here
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Two runs may find the same stale lock. Each moves it aside under its own name and removes it only
// if it is still the stale one it read; a fresh lock taken meanwhile by a third run is put back.
function breakStaleLock(lockFile: string, stale: LockOwner, shownLockFile: string): void {
  const aside = `${lockFile}.stale-${process.pid}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    withFileErrors('remove the stale lock file', shownLockFile, () => {
      throw error;
    });
  }
  const moved = readOwner(aside);
  if (moved && moved.pid !== stale.pid) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      /* a newer lock is already in place */
    }
  }
  fs.rmSync(aside, { force: true });
}

function release(lockFile: string): void {
  const owner = readOwner(lockFile);
  if (owner?.pid === process.pid) fs.rmSync(lockFile, { force: true });
}

/**
 * Removes the lock's temporary files (`.vigil-lock.<pid>`, `.vigil-lock.stale-<pid>`) of processes
 * killed while taking or breaking the lock. Those of live processes stay: they may be taking it now.
 */
export function removeAbandonedLockFiles(outdir: string): void {
  for (const name of fs.readdirSync(outdir)) {
    const match = /^\.vigil-lock\.(?:stale-)?(\d+)$/.exec(name);
    if (match && !isAlive({ pid: Number(match[1]), host: os.hostname() }))
      fs.rmSync(path.join(outdir, name), { force: true });
  }
}
