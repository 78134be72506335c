// JSON paths as people read them: `conditions[0].condition_threshold.filter`. One spelling for
// config problems, clone's leak report and lint findings; keys that are not identifiers are
// quoted only where asked (lint names label keys such as `user_labels["team-a"]`).

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `parent` with one more segment: `a.b`, `a[0]`, or with `quoteKeys` `a["x-y"]`. */
export function appendPath(parent: string, segment: PropertyKey, quoteKeys = false): string {
  if (typeof segment === 'number') return `${parent}[${segment}]`;
  const key = String(segment);
  if (quoteKeys && !IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

export function formatPath(segments: readonly PropertyKey[], prefix = '', quoteKeys = false): string {
  let text = prefix;
  for (const segment of segments) text = appendPath(text, segment, quoteKeys);
  return text;
}

/** `notifications.channels[1].type` → ['notifications', 'channels', 1, 'type']; undefined when malformed. */
export function parsePath(text: string): PathSegment[] | undefined {
  const keys: PathSegment[] = [];
  const token = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/y;
  let expectKey = true;
  while (token.lastIndex < text.length) {
    const start = token.lastIndex;
    const match = token.exec(text);
    if (!match) return undefined;
    if (match[1] !== undefined) {
      if (!expectKey) return undefined;
      keys.push(match[1]);
    } else {
      if (keys.length === 0) return undefined;
      keys.push(Number(match[2]));
    }
    expectKey = false;
    if (text[token.lastIndex] === '.') {
      token.lastIndex += 1;
      expectKey = true;
      if (token.lastIndex === text.length) return undefined;
    }
    if (token.lastIndex === start) return undefined;
  }
  return keys.length > 0 && !expectKey ? keys : undefined;
}
