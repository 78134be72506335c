// Every file a command writes on request (--out, --junit, --plot, --svg-dir, drift --json) goes
// through here. A missing parent directory is created, as `mkdir -p` would: the person named the
// file, so its directory is part of the request. Any file system failure (permissions, a read-only
// or full disk, a file where a directory should be) becomes a FileError that names the path as
// the person gave it.
import * as fs from 'fs';
import * as path from 'path';
import { errnoCode, FileError, withFileErrors } from '../errors/file-error';

/** Creates `directory` and its parents if missing. `shown` is the path as the person gave it. */
export function ensureOutputDirectory(directory: string, shown: string = directory): void {
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    // mkdir -p reports a file in the way as EEXIST, which would read "it already exists".
    const cause =
      errnoCode(error) === 'EEXIST' ? Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }) : error;
    throw new FileError('create the directory', shown, cause);
  }
}

/** Writes `text` (or bytes: a PNG) to `file`, creating its directory first. `shown` is the path as the person gave it. */
export function writeOutputFile(file: string, text: string | Uint8Array, shown: string = file): void {
  ensureOutputDirectory(path.dirname(file), path.dirname(shown));
  withFileErrors('write', shown, () => fs.writeFileSync(file, text));
}
