// `extends: <env>`: an environment inherits another environment of the same directory before it is
// validated. Mappings merge key by key, lists are replaced whole, the child's values win. What is
// shared is what describes how to watch (thresholds, channel routing, uptime settings); what names
// infrastructure is never inherited (see identifier-fields.ts): a child that does not give its own
// project, instances, hosts, URLs or channel addresses fails validation, naming the field. Free
// text of the parent that mentions one of the parent's identifiers (a log filter naming its
// services) is not inherited either: the child's own value or the default derived from the
// child's own fields applies.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, ConfigProblem } from './config-error';
import { fieldPath } from './format-issues';
import { fieldValues, mentions, optionalPatterns, patternOf, searchTermsOf } from './identifier-fields';
import { ENVIRONMENT_NAME } from './identifiers';
import { closestName } from '../util/closest-name';

type Mapping = Record<string, unknown>;

export interface ResolvedEnvironmentData {
  /** The merged document, to be validated as the child's file. */
  readonly data: unknown;
  /** The files inherited from, nearest parent first; empty without `extends:`. */
  readonly parents: readonly string[];
  /** Adds to each problem where the value came from, when not from the child's own file. */
  explain(problems: readonly ConfigProblem[]): ConfigProblem[];
}

/** Reads and parses one environment file into plain data (the loader's own parser). */
export type ReadEnvironmentData = (file: string) => unknown;

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Mappings merge key by key; anything else (lists, scalars) in `override` replaces `base`. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isMapping(base) || !isMapping(override)) return override === undefined ? base : override;
  const merged: Mapping = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = key in base ? deepMerge(base[key], value) : value;
  return merged;
}

function parentFileOf(file: string, parent: string): string | undefined {
  const directory = path.dirname(file);
  return ['.yaml', '.yml']
    .map((extension) => path.join(directory, `${parent}${extension}`))
    .find((candidate) => fs.existsSync(candidate));
}

function siblingNames(file: string): string[] {
  try {
    return fs
      .readdirSync(path.dirname(file))
      .filter((entry) => /\.ya?ml$/.test(entry))
      .map((entry) => entry.replace(/\.ya?ml$/, ''));
  } catch {
    return [];
  }
}

/** The shortest prefix of `keys` that names a block or field a file may leave out, if any below the root block. */
function outermostOptional(keys: ReadonlyArray<string | number>): ReadonlyArray<string | number> | undefined {
  const optional = optionalPatterns();
  // Top-level blocks (redis, agent) stay: only what sits inside them is withheld.
  for (let length = 2; length <= keys.length; length++) {
    if (optional.has(patternOf(keys.slice(0, length)))) return keys.slice(0, length);
  }
  return undefined;
}

function deleteAt(data: unknown, keys: ReadonlyArray<string | number>): void {
  let current: unknown = data;
  for (const key of keys.slice(0, -1)) {
    if (current === null || typeof current !== 'object') return;
    current = (current as Record<string | number, unknown>)[key];
  }
  if (current === null || typeof current !== 'object') return;
  const last = keys[keys.length - 1];
  if (Array.isArray(current) && typeof last === 'number') current[last] = undefined;
  else delete (current as Mapping)[last as string];
}

/** Lists that lost an element to withholding are withheld whole: lists are never merged. */
function dropHoles(value: unknown, keys: Array<string | number>, withheld: Set<string>): unknown {
  if (Array.isArray(value)) {
    if (value.some((item) => item === undefined)) {
      withheld.add(fieldPath(keys));
      return undefined;
    }
    return value.map((item, index) => dropHoles(item, [...keys, index], withheld));
  }
  if (isMapping(value)) {
    const result: Mapping = {};
    for (const [key, child] of Object.entries(value)) {
      const kept = dropHoles(child, [...keys, key], withheld);
      if (kept !== undefined) result[key] = kept;
    }
    return result;
  }
  return value;
}

interface Inheritable {
  readonly data: Mapping;
  /** Concrete paths of the parent's identifiers and identifier-bearing text, not inherited. */
  readonly withheld: ReadonlySet<string>;
}

/** The parent's document without `extends` and without anything that names its infrastructure. */
function inheritable(parent: Mapping): Inheritable {
  const copy = structuredClone(parent);
  delete copy.extends;
  const values = fieldValues(copy);
  const identifiers = values.filter((entry) => entry.field.role === 'identifier');
  const terms = identifiers.flatMap((entry) => searchTermsOf(String(entry.value), entry.field));
  const withheld = new Map<string, ReadonlyArray<string | number>>();
  for (const entry of values) {
    const namesParent = entry.field.role === 'text' && terms.some((term) => mentions(String(entry.value), term));
    if (entry.field.role !== 'identifier' && !namesParent) continue;
    // A block the file may leave out (expect.redis, stateBackend) goes whole: half of the
    // parent's drift expectations, without their host, would be neither the parent's nor the child's.
    const keys = outermostOptional(entry.keys) ?? entry.keys;
    withheld.set(fieldPath(keys), keys);
  }
  for (const keys of withheld.values()) deleteAt(copy, keys);
  const paths = new Set(withheld.keys());
  return { data: dropHoles(copy, [], paths) as Mapping, withheld: paths };
}

function hasPath(data: unknown, problemPath: string): boolean {
  if (problemPath === '') return true;
  const keys = problemPath.match(/[^.[\]]+/g) ?? [];
  let current: unknown = data;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return false;
    const next = Array.isArray(current) ? current[Number(key)] : (current as Mapping)[key];
    if (next === undefined) return false;
    current = next;
  }
  return true;
}

function isWithin(problemPath: string, withheldPath: string): boolean {
  return (
    problemPath === withheldPath ||
    problemPath.startsWith(`${withheldPath}.`) ||
    problemPath.startsWith(`${withheldPath}[`) ||
    withheldPath.startsWith(`${problemPath}.`) ||
    withheldPath.startsWith(`${problemPath}[`)
  );
}

interface Level {
  readonly file: string;
  readonly data: unknown;
  readonly withheld: ReadonlySet<string>;
}

/**
 * Resolves `extends:` of an environment document read from `file`. A missing parent or a cycle is
 * a ConfigError naming the files involved; a malformed `extends` value is left for the schema to
 * report.
 */
export function resolveExtends(data: unknown, file: string, read: ReadEnvironmentData): ResolvedEnvironmentData {
  // The files' own documents, the child then its parents nearest first, with what each withholds.
  const levels: Level[] = [{ file, data, withheld: new Set() }];
  const chain = [file];
  let current = data;
  let merged: unknown = data;
  const parents: string[] = [];
  // Walk up to the root first; merging happens from the root down.
  const ancestors: Array<{ file: string; data: Mapping }> = [];
  while (isMapping(current) && typeof current.extends === 'string' && ENVIRONMENT_NAME.pattern.test(current.extends)) {
    const childFile = chain[chain.length - 1];
    const parentFile = parentFileOf(childFile, current.extends);
    if (!parentFile) {
      const known = siblingNames(childFile).filter((name) => name !== path.basename(childFile).replace(/\.ya?ml$/, ''));
      const guess = closestName(current.extends, known);
      const hint = guess
        ? `did you mean "${guess}"?`
        : known.length > 0
          ? `environments there: ${known.join(', ')}`
          : 'no other environment is there';
      throw new ConfigError([
        {
          file: childFile,
          path: 'extends',
          message: `no environment "${current.extends}" to inherit from: expected ${path.join(path.dirname(childFile), `${current.extends}.yaml`)}; ${hint}`,
        },
      ]);
    }
    const seen = chain.findIndex((entry) => path.resolve(entry) === path.resolve(parentFile));
    if (seen !== -1) {
      throw new ConfigError([
        {
          file: childFile,
          path: 'extends',
          message: `inheritance cycle: ${[...chain.slice(seen), parentFile].join(' extends ')}; expected a chain that ends in an environment without extends`,
        },
      ]);
    }
    const parentData = read(parentFile);
    if (!isMapping(parentData)) {
      throw new ConfigError([
        {
          file: childFile,
          path: 'extends',
          message: `${parentFile} is not a mapping of environment settings; cannot inherit from it`,
        },
      ]);
    }
    chain.push(parentFile);
    parents.push(parentFile);
    ancestors.push({ file: parentFile, data: parentData });
    current = parentData;
  }
  if (ancestors.length > 0) {
    let base: Mapping | undefined;
    for (let index = ancestors.length - 1; index >= 0; index--) {
      const ancestor = ancestors[index];
      const own = base === undefined ? ancestor.data : (deepMerge(base, ancestor.data) as Mapping);
      const kept = inheritable(own);
      levels.splice(1, 0, { file: ancestor.file, data: ancestor.data, withheld: kept.withheld });
      base = kept.data;
    }
    merged = deepMerge(base, data);
  }
  return {
    data: merged,
    parents,
    explain(problems) {
      if (parents.length === 0) return [...problems];
      return problems.map((problem) => {
        if (problem.file !== file || problem.path === '') return problem;
        const nearest = levels[1];
        if (
          !hasPath(data, problem.path) &&
          [...nearest.withheld].some((withheld) => isWithin(problem.path, withheld))
        ) {
          return {
            ...problem,
            message: `${problem.message} (not inherited from ${nearest.file}: identifiers, and text naming them, are never inherited; give this environment's own)`,
          };
        }
        if (!hasPath(data, problem.path)) {
          const origin = levels.slice(1).find((level) => hasPath(level.data, problem.path));
          if (origin) return { ...problem, message: `${problem.message} (value inherited from ${origin.file})` };
        }
        return problem;
      });
    },
  };
}
