// Which fields of an environment identify infrastructure of that environment, derived from the
// schema rather than listed by hand: a string field checked against one of the infrastructure
// formats of identifiers.ts (project, instance, connector, network, service, bucket, IP, CIDR),
// an email address or a URL is an identifier. Inheritance (`extends:`) never copies them, and
// `vigil clone` never copies them either: each environment names its own infrastructure.
import { z } from 'zod';
import * as formats from './identifiers';
import { EnvironmentFileSchema } from './schema';
import { AnySchema, definition, unwrap } from './zod-introspection';
import { parsePath } from '../util/json-path';

/**
 * identifier: names infrastructure (or an address) of one environment.
 * text: free text (log filters, descriptions) that may mention identifiers.
 * shared: everything else: thresholds, sizes, enums, our own channel ids, the region.
 */
export type FieldRole = 'identifier' | 'text' | 'shared';

export interface SchemaField {
  /** The field path with `[]` for any list index: `notifications.channels[].address`. */
  readonly pattern: string;
  readonly role: FieldRole;
  /** What a value must look like, in the words of the schema's own error message. */
  readonly expected: string;
  readonly schema: AnySchema;
  /** The identifier format of identifiers.ts the field is checked against, if any. */
  readonly format?: formats.IdentifierFormat;
  /** zod's string format: `email` or `url` for addresses. */
  readonly stringFormat?: string;
  /** The value is text (a string field), as opposed to a number, boolean or enum. */
  readonly isString: boolean;
}

// Formats that name something other than infrastructure of the environment: the region is a
// location many projects share, channel ids are this file's own names for its channels, and an
// environment name is ours too.
const NOT_INFRASTRUCTURE: readonly formats.IdentifierFormat[] = [
  formats.REGION,
  formats.CHANNEL_ID,
  formats.ENVIRONMENT_NAME,
];

const ALL_FORMATS: readonly formats.IdentifierFormat[] = Object.values(formats).filter(
  (format): format is formats.IdentifierFormat => typeof format === 'object' && format !== null && 'pattern' in format,
);

const INFRASTRUCTURE_PATTERNS = new Set(
  ALL_FORMATS.filter((format) => !NOT_INFRASTRUCTURE.includes(format)).map((format) => format.pattern.source),
);

function formatOf(schema: AnySchema): formats.IdentifierFormat | undefined {
  const patterns = (definition(schema).checks ?? []).map((check) => check._zod.def.pattern?.source).filter(Boolean);
  return ALL_FORMATS.find((format) => patterns.includes(format.pattern.source));
}

// Fields whose schema type cannot tell that they identify something: a Slack channel is a channel
// address like an email, and two environments sharing a Terraform state location overwrite each
// other's state. Every other string field with a pattern of its own (a database name, a log
// field, a Memorystore version) is shared.
const IDENTIFIERS_BY_MEANING: ReadonlySet<string> = new Set([
  'notifications.channels[].channel',
  'stateBackend.gcs.prefix',
  'stateBackend.cloud.workspace',
  'stateBackend.local.path',
]);

function isContainer(schema: AnySchema): boolean {
  const def = definition(unwrap(schema));
  if (def.type === 'object' || def.type === 'array') return true;
  return def.type === 'union' && (def.options ?? []).some(isContainer);
}

function roleOf(pattern: string, schema: AnySchema): FieldRole {
  if (IDENTIFIERS_BY_MEANING.has(pattern)) return 'identifier';
  const def = definition(schema);
  if (def.type !== 'string') return 'shared';
  if (def.format === 'email' || def.format === 'url') return 'identifier';
  const checks = def.checks ?? [];
  if (checks.some((check) => check._zod.def.pattern && INFRASTRUCTURE_PATTERNS.has(check._zod.def.pattern.source)))
    return 'identifier';
  return checks.some((check) => check._zod.def.format === 'regex') ? 'shared' : 'text';
}

function expectedOf(schema: AnySchema): string {
  // The schema's own message for a value of the right type but the wrong form.
  const result = z.safeParse(schema, '\u0000');
  const message = result.success ? '' : (result.error.issues[0]?.message ?? '');
  return message.startsWith('expected ') ? message.slice('expected '.length) : 'a value';
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function collect(
  schema: AnySchema,
  pattern: string,
  fields: Map<string, SchemaField>,
  nodes: Set<string>,
  optional: Set<string>,
): void {
  const inner = unwrap(schema);
  const def = definition(inner);
  if (pattern !== '') nodes.add(pattern);
  if (pattern !== '' && inner !== schema) optional.add(pattern);
  if (def.type === 'object' && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) collect(child, join(pattern, key), fields, nodes, optional);
  } else if (def.type === 'array' && def.element) {
    collect(def.element, `${pattern}[]`, fields, nodes, optional);
  } else if (def.type === 'union' && (def.options ?? []).some(isContainer)) {
    for (const option of def.options ?? []) collect(option, pattern, fields, nodes, optional);
  } else if (!fields.has(pattern)) {
    fields.set(pattern, {
      pattern,
      role: roleOf(pattern, inner),
      expected: expectedOf(inner),
      schema: inner,
      format: formatOf(inner),
      stringFormat: definition(inner).type === 'string' ? definition(inner).format : undefined,
      isString: definition(inner).type === 'string',
    });
  }
}

interface SchemaMap {
  readonly fields: ReadonlyMap<string, SchemaField>;
  readonly nodes: ReadonlySet<string>;
  readonly optional: ReadonlySet<string>;
}

let cached: SchemaMap | undefined;

function schemaMap(): SchemaMap {
  if (!cached) {
    const fields = new Map<string, SchemaField>();
    const nodes = new Set<string>();
    const optional = new Set<string>();
    collect(EnvironmentFileSchema, '', fields, nodes, optional);
    cached = { fields, nodes, optional };
  }
  return cached;
}

/** Every leaf field of the environment schema, by pattern. */
export function schemaFields(): ReadonlyMap<string, SchemaField> {
  return schemaMap().fields;
}

/** Every field path pattern of the schema, leaves and the mappings and lists that hold them. */
export function schemaPatterns(): ReadonlySet<string> {
  return schemaMap().nodes;
}

/** The patterns of fields and blocks a file may leave out (optional or with a default). */
export function optionalPatterns(): ReadonlySet<string> {
  return schemaMap().optional;
}

/** `notifications.channels[1].type` → ['notifications', 'channels', 1, 'type']; undefined when malformed. */
export const parseFieldPath = parsePath;

/** The pattern of a concrete path: list indices become `[]`. */
export function patternOf(keys: readonly PropertyKey[]): string {
  let text = '';
  for (const key of keys) {
    if (typeof key === 'number') text += '[]';
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

export interface FieldValue {
  /** The concrete path, as validation errors print it: `cloudRun.services[1]`. */
  readonly path: string;
  readonly keys: ReadonlyArray<string | number>;
  readonly field: SchemaField;
  readonly value: string | number | boolean;
}

/** Every scalar of an environment document that the schema knows, with its field. */
export function fieldValues(data: unknown): FieldValue[] {
  const values: FieldValue[] = [];
  const fields = schemaFields();
  const walk = (value: unknown, keys: Array<string | number>, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...keys, index], `${path}[${index}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, [...keys, key], join(path, key));
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const field = fields.get(patternOf(keys));
      if (field) values.push({ path, keys, field, value });
    }
  };
  walk(data, [], '');
  return values;
}

/** The identifier values of an environment document. */
export function identifierValues(data: unknown): FieldValue[] {
  return fieldValues(data).filter((entry) => entry.field.role === 'identifier');
}

const NAME_CHARACTER = /[A-Za-z0-9._-]/;

/**
 * Whether `text` mentions `value` as a whole name: not as part of a longer name, so that project
 * `netra-staging` is not found inside `netra-staging-2`, nor host `staging.example.com` inside
 * `api.staging.example.com`.
 */
export function mentions(text: string, value: string): boolean {
  return mentionIndexes(text, value).length > 0;
}

export function mentionIndexes(text: string, value: string): number[] {
  const indexes: number[] = [];
  if (value === '') return indexes;
  for (let index = text.indexOf(value); index !== -1; index = text.indexOf(value, index + 1)) {
    const before = index > 0 ? text[index - 1] : '';
    let after = text[index + value.length] ?? '';
    // A full stop that ends a sentence is not part of the name.
    if (after === '.' && !NAME_CHARACTER.test(text[index + value.length + 1] ?? '')) after = '';
    if (!NAME_CHARACTER.test(before) && !NAME_CHARACTER.test(after)) indexes.push(index);
  }
  return indexes;
}

/** The names an identifier value is found by in text: a URL by its host as well. */
export function searchTermsOf(value: string, field: SchemaField): string[] {
  if (field.stringFormat === 'url') {
    try {
      return [value, new URL(value).hostname];
    } catch {
      return [value];
    }
  }
  return [value];
}
