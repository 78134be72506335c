// Where a JSON path stands in the text it was parsed from: line and column for findings. One pass
// over the text with an explicit stack (no recursion, so depth does not matter), run only when
// there is something to point at; the common path (no findings) never pays for it.
import type { PathSegment } from './json';

export interface TextPosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  readonly column: number;
}

/** Space, tab, line feed, carriage return. */
function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Whitespace, `,`, `]` or `}`: where a number or literal ends. */
function isDelimiter(code: number): boolean {
  return isWhitespace(code) || code === 44 || code === 93 || code === 125;
}

function segmentKey(segment: PathSegment): string {
  return typeof segment === 'number' ? `#${segment}` : JSON.stringify(segment);
}

/** A path as one string: `"conditions"/#0/"filter"`; the root is the empty string. */
function pathKey(path: readonly PathSegment[]): string {
  return path.map(segmentKey).join('/');
}

/** The offset after the string literal that starts at `start` (a `"`). */
function endOfString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    // Escaped when an odd number of backslashes stands before it.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * Offsets of the wanted paths (and their ancestors) in `text`, which must be valid JSON: a member
 * stands at its key, an array element at its value.
 */
function scanOffsets(text: string, wanted: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  const path: PathSegment[] = [];
  // Per depth: the key of the path so far, and whether it is (a prefix of) a wanted path. Below a
  // prefix nobody wants nothing is looked up, so the pass costs little more than reading the text.
  const keys: string[] = [];
  const live: boolean[] = [];
  const frames: ('object' | 'array')[] = [];
  let index = 0;
  const skipWhitespace = () => {
    while (index < text.length && isWhitespace(text.charCodeAt(index))) index += 1;
  };
  /** Sets the last segment of the path (pushed or replaced) and notes where it stands. */
  const arrive = (segment: PathSegment, offset: number) => {
    const depth = path.length - 1;
    path[depth] = segment;
    const parentLive = depth === 0 ? true : live[depth - 1];
    if (!parentLive) {
      live[depth] = false;
      return;
    }
    keys[depth] = depth === 0 ? segmentKey(segment) : `${keys[depth - 1]}/${segmentKey(segment)}`;
    live[depth] = wanted.has(keys[depth]);
    if (live[depth] && !found.has(keys[depth])) found.set(keys[depth], offset);
  };
  const readKey = () => {
    const start = index;
    index = endOfString(text, start);
    const parentLive = path.length === 0 || live[path.length - 1];
    path.push('');
    // A key below a prefix nobody wants is never looked up: no need to decode it.
    arrive(parentLive ? (JSON.parse(text.slice(start, index)) as string) : '', start);
    skipWhitespace();
    index += 1; // the colon
  };
  /** After a value: the next member or element, or the end of the containers it closes. False at the end. */
  const next = (): boolean => {
    for (;;) {
      skipWhitespace();
      if (frames.length === 0) return false;
      const char = text[index];
      index += 1;
      if (char === ',') {
        skipWhitespace();
        if (frames[frames.length - 1] === 'object') {
          path.pop();
          readKey();
        } else {
          arrive((path[path.length - 1] as number) + 1, index);
        }
        return true;
      }
      // `}` or `]`: the container ends, and with it the value it was in its parent.
      frames.pop();
      path.pop();
    }
  };
  skipWhitespace();
  found.set('', index);
  for (;;) {
    skipWhitespace();
    const char = text[index];
    if (char === '{' || char === '[') {
      index += 1;
      skipWhitespace();
      if (text[index] === (char === '{' ? '}' : ']')) {
        index += 1;
      } else {
        frames.push(char === '{' ? 'object' : 'array');
        if (char === '{') {
          readKey();
        } else {
          path.push(0);
          arrive(0, index);
        }
        continue;
      }
    } else if (char === '"') {
      index = endOfString(text, index);
    } else {
      // A number, true, false or null: up to the next delimiter.
      while (index < text.length && !isDelimiter(text.charCodeAt(index))) index += 1;
    }
    if (!next()) return found;
  }
}

/** Line and column of a character offset in `text`. */
export function positionOfOffset(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
}

/**
 * Where JSON.parse stopped, from its message ("… in JSON at position 12"); the end of the text when
 * the input ended early; undefined when the message says neither.
 */
export function parseErrorPosition(text: string, message: string): TextPosition | undefined {
  const offset = /at position (\d+)/.exec(message)?.[1];
  if (offset !== undefined) return positionOfOffset(text, Number(offset));
  return /Unexpected end of JSON input/.test(message) ? positionOfOffset(text, text.length) : undefined;
}

/**
 * A function giving the position of each path in `text`; a path the text does not have (a field a
 * finding says is missing) gets the position of its nearest ancestor that it does have.
 */
export function locateJsonPaths(
  text: string,
  paths: readonly (readonly PathSegment[])[],
): (path: readonly PathSegment[]) => TextPosition {
  const wanted = new Set<string>();
  for (const path of paths)
    for (let length = 0; length <= path.length; length++) wanted.add(pathKey(path.slice(0, length)));
  const offsets = scanOffsets(text, wanted);
  const lineStarts = [0];
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1))
    lineStarts.push(newline + 1);
  return (path) => {
    let offset = 0;
    for (let length = path.length; length >= 0; length--) {
      const found = offsets.get(pathKey(path.slice(0, length)));
      if (found !== undefined) {
        offset = found;
        break;
      }
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}
