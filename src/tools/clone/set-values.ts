// `--set <path>=<value>`: the path is any field path of the environment schema, spelt the way
// validation errors print it (`redis.port`, `notifications.channels[1].channel`). Values of text
// fields are taken as written; other values are read as YAML (`6380`, `true`, `[a, b]`).
import { parseDocument } from 'yaml';
import { parseFieldPath, patternOf, schemaFields, schemaPatterns } from '../../config/identifier-fields';
import { closestName } from '../../util/closest-name';
import { CloneError } from './clone-error';

export interface SetValue {
  readonly path: string;
  readonly keys: ReadonlyArray<string | number>;
  readonly value: unknown;
}

// Given by their own options, or not part of a clone: a clone is a full environment of its own.
const RESERVED: Readonly<Record<string, string>> = {
  project: 'give the project with --project',
  region: 'give the region with --region',
  extends: 'a clone is written in full; add extends: by hand if you want inheritance instead',
};

function parseValue(text: string, isString: boolean): unknown {
  const quoted = /^(["']).*\1$/s.test(text);
  if (isString && !quoted) return text;
  const document = parseDocument(text);
  if (document.errors.length > 0) return text;
  const value = document.toJS() as unknown;
  // `#staging-alerts` reads as a YAML comment: an empty value the person did not mean.
  if (value === null && !/^(~|null|Null|NULL)?$/.test(text.trim())) return text;
  return value;
}

export function parseSetValue(argument: string): SetValue {
  const equals = argument.indexOf('=');
  if (equals <= 0)
    throw new CloneError(`--set ${argument}: expected <path>=<value>, such as --set redis.host=10.0.0.3`, 2);
  const path = argument.slice(0, equals).trim();
  const keys = parseFieldPath(path);
  const pattern = keys ? patternOf(keys) : undefined;
  if (!keys || !pattern || !schemaPatterns().has(pattern)) {
    const known = [...schemaPatterns()];
    const guess = closestName((pattern ?? path).replace(/\[\d+\]/g, '[]'), known);
    const hint = guess
      ? `did you mean "${guess.replace(/\[\]/g, '[0]')}"?`
      : 'expected a field path of the environment schema, such as redis.host or notifications.channels[1].channel';
    throw new CloneError(`--set ${path}: no such field in an environment; ${hint}`, 2);
  }
  const reserved = RESERVED[path];
  if (reserved) throw new CloneError(`--set ${path}: ${reserved}`, 2);
  const field = schemaFields().get(pattern);
  return { path, keys, value: parseValue(argument.slice(equals + 1), field?.isString ?? false) };
}
