// Every file a command reads comes through here: a regular file, read whole up to a size cap.
// A device (/dev/zero never ends), a FIFO (an open blocks until a writer comes), a socket or a
// directory named where a file is expected is refused before a byte is read, and a file over the
// cap is refused without being read. The errors carry errno-style codes, so callers that word file
// errors with fileErrorReason() word these too.
import * as fs from 'fs';
import { errnoCode, fileErrorReason, isFileSystemError } from '../errors/file-error';

const count = (n: number): string => n.toLocaleString('en-US');

/** A file system error of our own: the message is the reason in words, the code errno-style. */
class FileReadRefusal extends Error {
  constructor(
    message: string,
    readonly code: 'EFTYPE' | 'EFBIG',
  ) {
    super(message);
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** "the file is 6,500,013 bytes; at most 262,144 bytes (256 KiB) are read" (without a size: "more than …"). */
export function tooLargeReason(bytes: number | undefined, maxBytes: number): string {
  const size = bytes === undefined ? `more than ${count(maxBytes)}` : count(bytes);
  return `the file is ${size} bytes; at most ${count(maxBytes)} bytes (${formatCap(maxBytes)}) are read`;
}

function formatCap(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

/**
 * Reads a regular file of at most `maxBytes` bytes. Throws an fs-style error (with `code`) for a
 * missing or unreadable file, for anything that is not a regular file (EFTYPE) and for a file over
 * the cap (EFBIG), which is measured while reading too: a file that grows, or a /proc file whose
 * size reads 0, cannot get past it.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileReadRefusal(`it is ${kindOf(stat)}, not a regular file`, 'EFTYPE');
    if (stat.size > maxBytes) throw new FileReadRefusal(tooLargeReason(stat.size, maxBytes), 'EFBIG');
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size, 4096), maxBytes) + 1);
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new FileReadRefusal(tooLargeReason(undefined, maxBytes), 'EFBIG');
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** readRegularFile as UTF-8 text. */
export function readRegularTextFile(file: string, maxBytes: number): string {
  return readRegularFile(file, maxBytes).toString('utf8');
}

/**
 * What a reader says when readRegularFile failed: the cap's own words for a file too large (the
 * same words the YAML parser uses for text too large), "cannot read <what>: <reason>" otherwise.
 * Anything that is not a file system error is a bug and is thrown on.
 */
export function readFailureMessage(error: unknown, what = 'the file'): string {
  if (!isFileSystemError(error)) throw error;
  if (errnoCode(error) === 'EFBIG') return (error as Error).message;
  return `cannot read ${what}: ${fileErrorReason(error)}`;
}
