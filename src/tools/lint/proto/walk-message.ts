// Walks REST JSON against a protobuf message as the API's JSON parser would: every name must be a
// field of the message (JSON camelCase or proto snake_case), every value of the field's JSON type,
// every enum string a value of the enum, at most one member of a oneof. It reports what it finds;
// callers decide how severe each is.
import { isRecord, type PathSegment } from '../../../artifact/model';
import { likelyTypo } from '../typo';
import type { ProtoField, ProtoMessage } from './proto-types';

export type ProtoIssueKind = 'unknown-field' | 'unknown-enum' | 'type' | 'oneof';

export interface ProtoIssue {
  readonly kind: ProtoIssueKind;
  readonly path: readonly PathSegment[];
  /** The message (or enum) the name appeared in, e.g. `google.monitoring.dashboard.v1.XyChart`. */
  readonly scope: string;
  readonly found: string;
  /** A known name within typo distance of the unknown one. */
  readonly suggestion?: string;
  readonly message: string;
}

interface MessageInfo {
  readonly fields: ReadonlyMap<string, ProtoField>;
  readonly names: readonly string[];
  readonly oneofs: readonly (readonly string[])[];
}

const infoCache = new WeakMap<ProtoMessage, MessageInfo>();

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function info(type: ProtoMessage): MessageInfo {
  let found = infoCache.get(type);
  if (!found) {
    const fields = new Map<string, ProtoField>();
    for (const field of type.fields) {
      fields.set(camel(field.name), field);
      fields.set(snake(field.name), field);
      fields.set(field.name, field);
    }
    found = { fields, names: type.fields.map((field) => camel(field.name)), oneofs: type.oneofs };
    infoCache.set(type, found);
  }
  return found;
}

const NUMERIC_STRING = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$|^(?:NaN|-?Infinity)$/;
const INTEGER_SCALARS = new Set([
  'int32',
  'uint32',
  'sint32',
  'fixed32',
  'sfixed32',
  'int64',
  'uint64',
  'sint64',
  'fixed64',
  'sfixed64',
]);
const WRAPPERS_NUMERIC = new Set([
  'DoubleValue',
  'FloatValue',
  'Int64Value',
  'UInt64Value',
  'Int32Value',
  'UInt32Value',
]);

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * Walks `value` as a `type` message, appending to `issues`; it stops once `issues` holds
 * `maxIssues` (a file with 100,000 unknown names needs its first ones fixed, not 100,000 "did you
 * mean" searches).
 */
interface Sink {
  readonly issues: ProtoIssue[];
  readonly limit: number;
}

export function walkMessage(
  value: unknown,
  type: ProtoMessage,
  path: readonly PathSegment[],
  issues: ProtoIssue[],
  maxIssues = Infinity,
): void {
  walkMessageWithin(value, type, path, { issues, limit: maxIssues });
}

function walkMessageWithin(value: unknown, type: ProtoMessage, path: readonly PathSegment[], sink: Sink): void {
  if (sink.issues.length >= sink.limit) return;
  if (!isRecord(value)) {
    sink.issues.push({
      kind: 'type',
      path,
      scope: type.fullName.replace(/^\./, ''),
      found: jsonType(value),
      message: `${jsonType(value)} where a ${type.name} object is expected`,
    });
    return;
  }
  const { fields, names, oneofs } = info(type);
  const scope = type.fullName.replace(/^\./, '');
  for (const [key, child] of Object.entries(value)) {
    if (sink.issues.length >= sink.limit) return;
    const field = fields.get(key);
    const childPath = [...path, key];
    if (!field) {
      const suggestion = likelyTypo(key, names);
      sink.issues.push({
        kind: 'unknown-field',
        path: childPath,
        scope,
        found: key,
        suggestion,
        message: suggestion
          ? `unknown name "${key}" in ${type.name}; did you mean "${suggestion}"?`
          : `"${key}" is not a field of ${scope} in the published protos`,
      });
      continue;
    }
    if (child === null) continue;
    walkField(child, field, childPath, sink);
  }
  for (const members of oneofs) {
    const present = members.filter((member) => value[camel(member)] !== undefined || value[member] !== undefined);
    if (present.length > 1) {
      sink.issues.push({
        kind: 'oneof',
        path,
        scope,
        found: present.join(', '),
        message: `${present.map(camel).join(' and ')} are set together on ${type.name}; they are alternatives (a oneof), the API accepts one`,
      });
    }
  }
}

function walkField(value: unknown, field: ProtoField, path: readonly PathSegment[], sink: Sink): void {
  if (field.map) {
    if (!isRecord(value)) {
      sink.issues.push({
        kind: 'type',
        path,
        scope: field.fullName,
        found: jsonType(value),
        message: `${jsonType(value)} where ${camel(field.name)} expects an object (a map)`,
      });
      return;
    }
    for (const [key, child] of Object.entries(value)) walkSingle(child, field, [...path, key], sink);
    return;
  }
  if (field.repeated) {
    if (!Array.isArray(value)) {
      sink.issues.push({
        kind: 'type',
        path,
        scope: field.fullName,
        found: jsonType(value),
        message: `${jsonType(value)} where ${camel(field.name)} expects an array`,
      });
      return;
    }
    value.forEach((child, index) => walkSingle(child, field, [...path, index], sink));
    return;
  }
  walkSingle(value, field, path, sink);
}

function walkSingle(value: unknown, field: ProtoField, path: readonly PathSegment[], sink: Sink): void {
  if (value === null) return;
  const resolved = field.resolvedType;
  const name = camel(field.name);
  const mismatch = (expected: string) =>
    sink.issues.push({
      kind: 'type',
      path,
      scope: field.fullName.replace(/^\./, ''),
      found: jsonType(value),
      message: `${name} is ${jsonType(value)}; the API expects ${expected}`,
    });
  if (resolved?.kind === 'enum') {
    if (typeof value === 'number') return;
    if (typeof value !== 'string') return void mismatch(`one of the ${resolved.name} values as a string`);
    // A value's number as a string passes too: protobufjs' Enum.values inherits its by-number
    // table, and this check kept that verdict when lint stopped using protobufjs.
    if (
      Object.hasOwn(resolved.values, value) ||
      Object.values(resolved.values).some((number) => String(number) === value)
    )
      return;
    const known = Object.keys(resolved.values);
    const suggestion = likelyTypo(value, known);
    sink.issues.push({
      kind: 'unknown-enum',
      path,
      scope: resolved.fullName.replace(/^\./, ''),
      found: value,
      suggestion,
      message: suggestion
        ? `"${value}" is not a ${resolved.name} value; did you mean "${suggestion}"?`
        : `"${value}" is not a value of ${resolved.fullName.replace(/^\./, '')} in the published protos (known: ${known.join(', ')})`,
    });
    return;
  }
  if (resolved?.kind === 'message') {
    const full = resolved.fullName;
    if (full.startsWith('.google.protobuf.')) {
      const wellKnown = resolved.name;
      if (
        wellKnown === 'Duration' ||
        wellKnown === 'Timestamp' ||
        wellKnown === 'FieldMask' ||
        wellKnown === 'StringValue' ||
        wellKnown === 'BytesValue'
      ) {
        if (typeof value !== 'string')
          mismatch(wellKnown === 'Duration' ? 'a duration string such as "60s"' : 'a string');
        else if (wellKnown === 'Duration' && !/^-?\d+(?:\.\d{1,9})?s$/.test(value) && !value.includes('${'))
          mismatch('a duration string such as "60s"');
        return;
      }
      if (WRAPPERS_NUMERIC.has(wellKnown)) {
        if (typeof value !== 'number' && !(typeof value === 'string' && NUMERIC_STRING.test(value)))
          mismatch('a number');
        return;
      }
      if (wellKnown === 'BoolValue') {
        if (typeof value !== 'boolean') mismatch('true or false');
        return;
      }
      if (wellKnown === 'ListValue' && !Array.isArray(value)) mismatch('an array');
      if ((wellKnown === 'Struct' || wellKnown === 'Any' || wellKnown === 'Empty') && !isRecord(value))
        mismatch('an object');
      return;
    }
    walkMessageWithin(value, resolved, path, sink);
    return;
  }
  switch (field.type) {
    case 'string':
    case 'bytes':
      if (typeof value !== 'string') mismatch('a string');
      return;
    case 'bool':
      if (typeof value !== 'boolean') mismatch('true or false');
      return;
    case 'double':
    case 'float':
      if (typeof value !== 'number' && !(typeof value === 'string' && NUMERIC_STRING.test(value))) mismatch('a number');
      return;
    default:
      if (INTEGER_SCALARS.has(field.type)) {
        const integer =
          typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && /^-?\d+$/.test(value);
        if (!integer) mismatch('an integer');
      }
  }
}
