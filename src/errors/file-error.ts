// A file or directory vigil could not read or write, in words: what it tried, where, and why
// (permissions, a read-only file system, a full disk, a missing directory), never the raw
// errno text with a stack trace.
import { VigilError } from './vigil-error';

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory, not a file',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the directory is not empty',
  EMFILE: 'too many open files',
  EBUSY: 'it is busy (in use by another process)',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'an input/output error from the device',
};

export class FileError extends VigilError {
  readonly code: string | undefined;

  /** `action` reads as a verb phrase: "write", "read", "create the directory". */
  constructor(action: string, file: string, cause: unknown) {
    super(`cannot ${action} ${file}: ${fileErrorReason(cause)}`);
    this.code = errnoCode(cause);
  }
}

/** Why a file system operation failed, in words with the errno code: "permission denied (EACCES)". */
export function fileErrorReason(cause: unknown): string {
  const code = errnoCode(cause);
  const reason = (code && REASONS[code]) ?? (cause instanceof Error ? cause.message : String(cause));
  return `${reason}${code ? ` (${code})` : ''}`;
}

export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for an error a file system operation raised (it carries an errno code), as opposed to a bug. */
export function isFileSystemError(error: unknown): boolean {
  const code = errnoCode(error);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}

/** Runs a file system operation, turning its failure into a FileError in words. */
export function withFileErrors<T>(action: string, file: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof VigilError || !isFileSystemError(error)) throw error;
    throw new FileError(action, file, error);
  }
}
