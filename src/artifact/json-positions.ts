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

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function pathKey(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

/** The offset after the string literal that starts at `start` (a `"`). */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

/**
 * Offsets of the wanted paths (and their ancestors) in `text`, which must be valid JSON: a member
 * stands at its key, an array element at its value.
 */
function scanOffsets(text: string, wanted: ReadonlySet<string>, deepest: number): Map<string, number> {
  const found = new Map<string, number>();
  const path: PathSegment[] = [];
  const frames: ('object' | 'array')[] = [];
  let index = 0;
  const skipWhitespace = () => {
    while (index < text.length && WHITESPACE.has(text[index])) index += 1;
  };
  const note = (offset: number) => {
    if (path.length > deepest) return;
    const key = pathKey(path);
    if (wanted.has(key) && !found.has(key)) found.set(key, offset);
  };
  const readKey = () => {
    const start = index;
    index = endOfString(text, start);
    path.push(JSON.parse(text.slice(start, index)) as string);
    note(start);
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
          path[path.length - 1] = (path[path.length - 1] as number) + 1;
          note(index);
        }
        return true;
      }
      // `}` or `]`: the container ends, and with it the value it was in its parent.
      frames.pop();
      path.pop();
    }
  };
  skipWhitespace();
  note(index);
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
          note(index);
        }
        continue;
      }
    } else if (char === '"') {
      index = endOfString(text, index);
    } else {
      while (index < text.length && !WHITESPACE.has(text[index]) && text[index] !== ',' && text[index] !== ']' && text[index] !== '}') index += 1;
    }
    if (!next()) return found;
  }
}

/**
 * A function giving the position of each path in `text`; a path the text does not have (a field a
 * finding says is missing) gets the position of its nearest ancestor that it does have.
 */
export function locateJsonPaths(text: string, paths: readonly (readonly PathSegment[])[]): (path: readonly PathSegment[]) => TextPosition {
  const wanted = new Set<string>();
  let deepest = 0;
  for (const path of paths) {
    deepest = Math.max(deepest, path.length);
    for (let length = 0; length <= path.length; length++) wanted.add(pathKey(path.slice(0, length)));
  }
  const offsets = scanOffsets(text, wanted, deepest);
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
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
