// Turns zod issues into problems a person can act on: the field path as `--set` takes it, what
// the schema expects, and what the file holds there.
import type { z } from 'zod';
import type { ConfigProblem } from './config-error';
import { closestName } from '../util/closest-name';
import { formatPath } from '../util/json-path';

export function fieldPath(path: readonly PropertyKey[]): string {
  return formatPath(path);
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

export function issueToProblem(
  file: string,
  issue: z.core.$ZodIssue,
  allowedKeys: (path: readonly PropertyKey[]) => string[],
): ConfigProblem {
  const path = fieldPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const allowed = allowedKeys(issue.path);
    const guess = closestName(key, allowed);
    const hint = guess ? `did you mean "${guess}"?` : `expected one of: ${allowed.join(', ')}`;
    return { file, path: joinPath(path, key), message: `unknown key "${key}"; ${hint}` };
  }
  // A message that already says what was found (a length rather than megabytes of text) is whole.
  if (issue.code === 'custom' && (issue.params as { complete?: boolean } | undefined)?.complete)
    return { file, path, message: issue.message };
  const expected =
    issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')
      ? `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`
      : issue.message;
  if (input === undefined) return { file, path, message: `is required: ${expected}` };
  return { file, path, message: `${expected}, found ${describeValue(input)}` };
}

function joinPath(path: string, key: string | undefined): string {
  if (key === undefined) return path;
  return path ? `${path}.${key}` : key;
}
