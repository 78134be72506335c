// Expands the paths given to lint: files as they are, directories searched recursively for *.json
// (skipping node_modules and hidden directories). Sorted, so output order is stable.
import * as fs from 'fs';
import * as path from 'path';
import { ExitCode } from '../../errors/exit-codes';
import { VigilError } from '../../errors/vigil-error';

export interface InputFile {
  readonly path: string;
  /** Named by the person (not found by walking a directory). */
  readonly explicit: boolean;
}

export class MissingPathError extends VigilError {
  constructor(readonly missing: string) {
    super(`no such file or directory: ${missing}`, ExitCode.usageOrAttention);
  }
}

export function collectFiles(paths: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      throw new MissingPathError(given);
    }
    if (stat.isDirectory()) walk(given, files);
    else files.push({ path: given, explicit: true });
  }
  return files;
}

function walk(directory: string, files: InputFile[]): void {
  const entries = fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) walk(full, files);
    // A symbolic link to a file is linted like the file (a broken one becomes an unreadable-file
    // finding); links to directories are not followed, so a link loop cannot make the walk endless.
    else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.json'))
      files.push({ path: full, explicit: false });
  }
}
