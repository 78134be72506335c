// The failure modes of an environment as data (failure-modes/<environment>.yaml): each way the
// service fails, the severity it deserves, the time within which someone must hear of it, and the
// whole-stack scenario that is its signature; beside them, the noise scenarios that must page
// nobody. A catalog may `extends:` another (failure-modes/<name>.yaml): it inherits its modes and
// noise, and an entry with the same id replaces the inherited one.
import * as fs from 'fs';
import { readRegularTextFile } from '../../../util/read-regular-file';
import * as path from 'path';
import { parseDuration } from '../../../artifact/duration';
import { MAX_ENVIRONMENT_YAML_BYTES, parseBoundedYaml } from '../../../config/bounded-yaml';
import { ConfigError, type ConfigProblem } from '../../../config/config-error';
import { withFileErrors } from '../../../errors/file-error';

export type FailureSeverity = 'page' | 'ticket';

/** A page must reach someone within 5 minutes unless the catalog says (and justifies) otherwise. */
export const DEFAULT_PAGE_TARGET_SECONDS = 300;
/** A ticket is read in working hours; an hour is the default bound on its notification. */
export const DEFAULT_TICKET_TARGET_SECONDS = 3600;

export interface FailureMode {
  readonly id: string;
  readonly description: string;
  readonly severity: FailureSeverity;
  readonly targetSeconds: number;
  /** Why the target is longer than the default, when it is. */
  readonly targetReason?: string;
  /** Absolute path of the scenario file that is the mode's signature. */
  readonly scenario: string;
  /** The catalog file that defined this entry (messages name it). */
  readonly definedIn: string;
}

export interface NoiseScenario {
  readonly id: string;
  readonly description: string;
  readonly scenario: string;
  readonly definedIn: string;
}

export interface FailureModeCatalog {
  readonly file: string;
  readonly modes: readonly FailureMode[];
  readonly noise: readonly NoiseScenario[];
}

const ID = /^[a-z][a-z0-9-]{0,62}$/;
const TOP_KEYS = ['extends', 'modes', 'noise'];
const MODE_KEYS = ['id', 'description', 'severity', 'target', 'targetReason', 'scenario'];
const NOISE_KEYS = ['id', 'description', 'scenario'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(
  entry: Record<string, unknown>,
  allowed: readonly string[],
  file: string,
  at: string,
): ConfigProblem[] {
  return Object.keys(entry)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({
      file,
      path: at ? `${at}.${key}` : key,
      message: `unknown field "${key}"; expected one of: ${allowed.join(', ')}`,
    }));
}

function text(
  entry: Record<string, unknown>,
  key: string,
  file: string,
  at: string,
  problems: ConfigProblem[],
): string {
  const value = entry[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.push({
    file,
    path: `${at}.${key}`,
    message:
      value === undefined
        ? 'missing; expected a non-empty string'
        : `expected a non-empty string, got ${JSON.stringify(value)}`,
  });
  return '';
}

function scenarioPath(entry: Record<string, unknown>, file: string, at: string, problems: ConfigProblem[]): string {
  const relative = text(entry, 'scenario', file, at, problems);
  if (relative === '') return '';
  const absolute = path.resolve(path.dirname(file), relative);
  if (!fs.existsSync(absolute))
    problems.push({
      file,
      path: `${at}.scenario`,
      message: `no such scenario file: ${relative} (relative to ${path.dirname(file)})`,
    });
  return absolute;
}

function identifier(entry: Record<string, unknown>, file: string, at: string, problems: ConfigProblem[]): string {
  const id = text(entry, 'id', file, at, problems);
  if (id !== '' && !ID.test(id))
    problems.push({
      file,
      path: `${at}.id`,
      message: `"${id}" is not an id; expected lower-case letters, digits and -`,
    });
  return id;
}

function readMode(raw: unknown, file: string, at: string, problems: ConfigProblem[]): FailureMode | undefined {
  if (!isRecord(raw)) {
    problems.push({ file, path: at, message: 'expected a failure mode (id:, description:, severity:, scenario:)' });
    return undefined;
  }
  problems.push(...unknownKeys(raw, MODE_KEYS, file, at));
  const id = identifier(raw, file, at, problems);
  const description = text(raw, 'description', file, at, problems);
  const severity = raw.severity;
  if (severity !== 'page' && severity !== 'ticket')
    problems.push({
      file,
      path: `${at}.severity`,
      message: `expected page or ticket, got ${severity === undefined ? 'nothing' : JSON.stringify(severity)}`,
    });
  const fallback = severity === 'ticket' ? DEFAULT_TICKET_TARGET_SECONDS : DEFAULT_PAGE_TARGET_SECONDS;
  let targetSeconds = fallback;
  if (raw.target !== undefined) {
    const parsed =
      typeof raw.target === 'number'
        ? raw.target
        : typeof raw.target === 'string'
          ? parseDuration(raw.target, 'scenario')
          : undefined;
    if (parsed === undefined || parsed <= 0)
      problems.push({
        file,
        path: `${at}.target`,
        message: `expected a duration greater than 0 (5m, 300s, 300), got ${JSON.stringify(raw.target)}`,
      });
    else targetSeconds = parsed;
  }
  const targetReason = typeof raw.targetReason === 'string' ? raw.targetReason : undefined;
  if (raw.targetReason !== undefined && (targetReason === undefined || targetReason.trim() === ''))
    problems.push({ file, path: `${at}.targetReason`, message: 'expected a non-empty string' });
  if (severity === 'page' && targetSeconds > DEFAULT_PAGE_TARGET_SECONDS && !targetReason)
    problems.push({
      file,
      path: `${at}.targetReason`,
      message: `a page with a target longer than ${DEFAULT_PAGE_TARGET_SECONDS} s needs targetReason: why it cannot be met sooner`,
    });
  const scenario = scenarioPath(raw, file, at, problems);
  return {
    id,
    description,
    severity: severity === 'ticket' ? 'ticket' : 'page',
    targetSeconds,
    ...(targetReason ? { targetReason } : {}),
    scenario,
    definedIn: file,
  };
}

function readNoise(raw: unknown, file: string, at: string, problems: ConfigProblem[]): NoiseScenario | undefined {
  if (!isRecord(raw)) {
    problems.push({ file, path: at, message: 'expected a noise scenario (id:, description:, scenario:)' });
    return undefined;
  }
  problems.push(...unknownKeys(raw, NOISE_KEYS, file, at));
  return {
    id: identifier(raw, file, at, problems),
    description: text(raw, 'description', file, at, problems),
    scenario: scenarioPath(raw, file, at, problems),
    definedIn: file,
  };
}

function readList<T extends { id: string }>(
  document: Record<string, unknown>,
  key: 'modes' | 'noise',
  file: string,
  problems: ConfigProblem[],
  read: (raw: unknown, file: string, at: string, problems: ConfigProblem[]) => T | undefined,
): T[] {
  const list = document[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push({ file, path: key, message: 'expected a list' });
    return [];
  }
  const seen = new Set<string>();
  const entries: T[] = [];
  list.forEach((raw, index) => {
    const entry = read(raw, file, `${key}[${index}]`, problems);
    if (!entry) return;
    if (entry.id !== '' && seen.has(entry.id))
      problems.push({ file, path: `${key}[${index}].id`, message: `"${entry.id}" is already defined in this file` });
    seen.add(entry.id);
    entries.push(entry);
  });
  return entries;
}

/** Inherited entries first, in their order; an entry of the same id replaces its inherited one in place. */
function merge<T extends { id: string }>(inherited: readonly T[], own: readonly T[]): T[] {
  const result = inherited.map((entry) => own.find((mine) => mine.id === entry.id) ?? entry);
  return [...result, ...own.filter((mine) => !inherited.some((entry) => entry.id === mine.id))];
}

export function loadFailureModeCatalog(file: string, visiting: readonly string[] = []): FailureModeCatalog {
  const absolute = path.resolve(file);
  if (visiting.includes(absolute))
    throw new ConfigError([
      { file, path: 'extends', message: `extends itself through ${[...visiting, absolute].join(' → ')}` },
    ]);
  const textContent = withFileErrors('read', file, () => readRegularTextFile(file, MAX_ENVIRONMENT_YAML_BYTES));
  const document = parseBoundedYaml(textContent, file, { maxBytes: MAX_ENVIRONMENT_YAML_BYTES });
  if (!isRecord(document))
    throw new ConfigError([{ file, path: '', message: 'expected a mapping with modes: and noise:' }]);
  const problems: ConfigProblem[] = [...unknownKeys(document, TOP_KEYS, file, '')];
  let parent: FailureModeCatalog | undefined;
  if (document.extends !== undefined) {
    if (typeof document.extends !== 'string' || !ID.test(document.extends)) {
      problems.push({ file, path: 'extends', message: 'expected the name of another catalog in this directory' });
    } else {
      const parentFile = path.join(path.dirname(file), `${document.extends}.yaml`);
      if (!fs.existsSync(parentFile))
        problems.push({
          file,
          path: 'extends',
          message: `no catalog "${document.extends}": ${parentFile} does not exist`,
        });
      else parent = loadFailureModeCatalog(parentFile, [...visiting, absolute]);
    }
  }
  const modes = readList(document, 'modes', file, problems, readMode);
  const noise = readList(document, 'noise', file, problems, readNoise);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    file,
    modes: merge(parent?.modes ?? [], modes),
    noise: merge(parent?.noise ?? [], noise),
  };
}
