// The new environment's document, built from the source's: everything that describes how to watch
// is copied, everything that names the source's infrastructure is replaced. An identifier's new
// value comes from --set, from a certain derivation (derive-identifier.ts), from another field
// that held the same source value (`expect.redis.host` follows `redis.host`), or from the person;
// it is never copied silently.
import { z } from 'zod';
import {
  FieldValue,
  fieldValues,
  identifierValues,
  mentionIndexes,
  mentions,
  schemaFields,
  searchTermsOf,
  SchemaField,
} from '../../config/identifier-fields';
import { CHANNEL_ID, IPV4_ADDRESS, IPV4_CIDR_28 } from '../../config/identifiers';
import { deriveChannelId, deriveIdentifier, isProjectScopedName } from './derive-identifier';
import type { SetValue } from './set-values';

type Mapping = Record<string, unknown>;
type Keys = ReadonlyArray<string | number>;

export interface CloneInput {
  readonly sourceName: string;
  /** The source's document with `extends:` resolved, before defaults. */
  readonly sourceData: Mapping;
  readonly targetName: string;
  readonly project: string;
  readonly region?: string;
  readonly sets: readonly SetValue[];
}

export type Choice = 'given' | 'derived' | 'follows' | 'answered' | 'rewritten';

export interface IdentifierChoice {
  readonly path: string;
  readonly sourceValue: string;
  readonly value: string;
  readonly how: Choice;
  /** For `follows`: the field whose value it takes. */
  readonly from?: string;
}

/** A value the person must give: one path per source value; the others follow it. */
export interface MissingValue {
  readonly path: string;
  readonly keys: Keys;
  readonly field: SchemaField;
  readonly sourceValue: string;
  /** Other fields that held the same source value and take the same answer. */
  readonly alsoFills: readonly string[];
  /** For text: the source identifiers it still names. */
  readonly names?: readonly string[];
}

function getAt(data: unknown, keys: Keys): unknown {
  let current = data;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function setAt(data: Mapping, keys: Keys, value: unknown): void {
  let current: Record<string | number, unknown> = data;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      current[key] = value;
      return;
    }
    const next = current[key];
    if (next === null || typeof next !== 'object') current[key] = typeof keys[index + 1] === 'number' ? [] : {};
    current = current[key] as Record<string | number, unknown>;
  });
}

function within(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}

function isChannelAddress(field: SchemaField): boolean {
  return field.stringFormat === 'email' || field.pattern === 'notifications.channels[].channel';
}

function replaceMentions(text: string, from: string, to: string): string {
  const indexes = mentionIndexes(text, from);
  let result = text;
  for (const index of indexes.reverse()) result = `${result.slice(0, index)}${to}${result.slice(index + from.length)}`;
  return result;
}

export class CloneDraft {
  readonly data: Mapping;
  readonly choices: IdentifierChoice[] = [];
  private readonly input: CloneInput;
  private readonly explicit: readonly string[];
  private readonly sourceIdentifiers: readonly FieldValue[];
  private missingIdentifiers: MissingValue[] = [];

  constructor(input: CloneInput) {
    this.input = input;
    const data = structuredClone(input.sourceData);
    delete data.extends;
    data.project = input.project;
    data.region = input.region ?? input.sourceData.region;
    for (const set of input.sets) setAt(data, set.keys, set.value);
    this.data = data;
    this.explicit = input.sets.map((set) => set.path);
    this.sourceIdentifiers = identifierValues(input.sourceData);
    this.planIdentifiers();
    this.renameChannelIds();
  }

  private renameChannelIds(): void {
    for (const entry of fieldValues(this.data)) {
      if (entry.field.format !== CHANNEL_ID || this.isExplicit(entry.path)) continue;
      const renamed = deriveChannelId(String(entry.value), this.input.sourceName, this.input.targetName);
      if (renamed === undefined) continue;
      setAt(this.data, entry.keys, renamed);
      this.choices.push({ path: entry.path, sourceValue: String(entry.value), value: renamed, how: 'derived' });
    }
  }

  private isExplicit(path: string): boolean {
    return this.explicit.some((given) => within(path, given));
  }

  private planIdentifiers(): void {
    const groups = new Map<string, FieldValue[]>();
    // The project comes from --project; every other identifier is planned here.
    for (const entry of this.sourceIdentifiers.filter((identifier) => identifier.path !== 'project')) {
      const key = String(entry.value);
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    for (const [sourceValue, members] of groups) {
      const given = members.filter((member) => this.isExplicit(member.path));
      for (const member of given) {
        const value = getAt(this.data, member.keys);
        if (value !== undefined)
          this.choices.push({ path: member.path, sourceValue, value: String(value), how: 'given' });
      }
      const leader = given.find((member) => getAt(this.data, member.keys) !== undefined);
      const rest = members.filter((member) => !this.isExplicit(member.path));
      if (rest.length === 0) continue;
      if (leader) {
        this.fill(rest, String(getAt(this.data, leader.keys)), 'follows', leader.path);
        continue;
      }
      const derived = rest
        .map((member) => deriveIdentifier(member.field, sourceValue, this.input.sourceName, this.input.targetName))
        .find(Boolean);
      if (derived !== undefined) {
        this.fill(rest, derived, 'derived');
      } else {
        this.missingIdentifiers.push({
          path: rest[0].path,
          keys: rest[0].keys,
          field: rest[0].field,
          sourceValue,
          alsoFills: rest.slice(1).map((member) => member.path),
        });
      }
    }
  }

  private fill(members: readonly FieldValue[], value: string, how: Choice, from?: string): void {
    members.forEach((member, index) => {
      setAt(this.data, member.keys, value);
      const leader = how === 'follows' ? from : index > 0 ? members[0].path : undefined;
      this.choices.push({
        path: member.path,
        sourceValue: String(member.value),
        value,
        how: index > 0 ? 'follows' : how,
        from: leader,
      });
    });
  }

  /** Identifiers still to be given, one entry per source value. */
  get missing(): readonly MissingValue[] {
    return this.missingIdentifiers;
  }

  /**
   * Checks and applies the person's value for a missing identifier; returns why it was refused.
   * The text is taken as written (identifiers are text fields).
   */
  answer(path: string, text: string): string | undefined {
    const index = this.missingIdentifiers.findIndex((missing) => missing.path === path);
    if (index === -1) throw new Error(`not a missing value: ${path}`);
    const missing = this.missingIdentifiers[index];
    const value = text.trim();
    if (!z.safeParse(missing.field.schema, value).success) return `expected ${missing.field.expected}`;
    const reuse = this.reuseProblem(missing.field, missing.sourceValue, value);
    if (reuse) return reuse;
    const members = [missing.path, ...missing.alsoFills].map(
      (memberPath) => this.sourceIdentifiers.find((entry) => entry.path === memberPath)!,
    );
    this.fill(members, value, 'answered');
    this.missingIdentifiers.splice(index, 1);
    return undefined;
  }

  /**
   * Why a value equal to the source's own may not be kept, if it may not. Channel addresses may
   * be shared (one on-call mailbox for all environments is common: they say where alerts go, not
   * what is watched). Names inside a project and private addresses may repeat in another project,
   * where they are other resources. The project, URLs, buckets and state locations never.
   */
  reuseProblem(field: SchemaField, sourceValue: string, value: string): string | undefined {
    if (value !== sourceValue || isChannelAddress(field)) return undefined;
    const projectScoped = isProjectScopedName(field) || field.format === IPV4_ADDRESS || field.format === IPV4_CIDR_28;
    const sameProject = this.input.project === this.input.sourceData.project;
    if (projectScoped && !sameProject) return undefined;
    const why = projectScoped
      ? `in the same project ${this.input.project} it is the same resource`
      : 'it names the same resource in any project';
    return `"${value}" is ${this.input.sourceName}'s own value and ${why}; expected ${this.input.targetName}'s own`;
  }

  /** Given values (--set) that keep one of the source's identifiers where that is not allowed. */
  givenReuseProblems(): Array<{ path: string; message: string }> {
    const problems: Array<{ path: string; message: string }> = [];
    for (const entry of this.sourceIdentifiers) {
      if (!this.isExplicit(entry.path)) continue;
      const value = getAt(this.data, entry.keys);
      const problem =
        value === undefined ? undefined : this.reuseProblem(entry.field, String(entry.value), String(value));
      if (problem) problems.push({ path: entry.path, message: problem });
    }
    return problems;
  }

  /** The source identifiers the new environment keeps on purpose: they are no leak. */
  sharedValues(): Set<string> {
    return new Set(identifierValues(this.data).map((entry) => String(entry.value)));
  }

  /** The source's identifiers that must not appear in the new environment, each with its field. */
  foreignIdentifiers(): Array<{ term: string; path: string }> {
    const shared = this.sharedValues();
    const missing = new Set(this.missingIdentifiers.map((entry) => entry.sourceValue));
    return this.sourceIdentifiers
      .filter((entry) => !shared.has(String(entry.value)) && !missing.has(String(entry.value)))
      .flatMap((entry) => searchTermsOf(String(entry.value), entry.field).map((term) => ({ term, path: entry.path })));
  }

  /**
   * Rewrites the source's identifiers in free text (log filters, descriptions) to the new values,
   * and returns the text fields that still name a source identifier with no new value.
   */
  rewriteText(): MissingValue[] {
    const replacements: Array<[string, string]> = [];
    for (const entry of this.sourceIdentifiers) {
      const value = getAt(this.data, entry.keys);
      if (value === undefined || String(value) === String(entry.value)) continue;
      const from = searchTermsOf(String(entry.value), entry.field);
      const to = searchTermsOf(String(value), entry.field);
      from.forEach((term, index) => replacements.push([term, to[index] ?? String(value)]));
    }
    // Longer names first, so a URL is replaced before the host inside it.
    replacements.sort((a, b) => b[0].length - a[0].length);
    const foreign = this.foreignIdentifiers();
    const leaks: MissingValue[] = [];
    for (const entry of fieldValues(this.data)) {
      if (entry.field.role !== 'text' || this.isExplicit(entry.path) || typeof entry.value !== 'string') continue;
      let text = entry.value;
      for (const [from, to] of replacements) text = replaceMentions(text, from, to);
      if (text !== entry.value) {
        setAt(this.data, entry.keys, text);
        this.choices.push({ path: entry.path, sourceValue: entry.value, value: text, how: 'rewritten' });
      }
      const names = foreign.filter(({ term }) => mentions(text, term)).map(({ term }) => term);
      if (names.length > 0)
        leaks.push({
          path: entry.path,
          keys: entry.keys,
          field: entry.field,
          sourceValue: entry.value,
          alsoFills: [],
          names: [...new Set(names)],
        });
    }
    return leaks;
  }

  /** Sets a text field to the person's value (after rewriteText reported it). */
  answerText(missing: MissingValue, text: string): string | undefined {
    if (!z.safeParse(missing.field.schema, text).success) return `expected ${missing.field.expected}`;
    const names = this.foreignIdentifiers()
      .filter(({ term }) => mentions(text, term))
      .map(({ term }) => term);
    if (names.length > 0)
      return `still names ${this.input.sourceName}'s ${names.map((name) => `"${name}"`).join(', ')}`;
    setAt(this.data, missing.keys, text);
    this.choices.push({ path: missing.path, sourceValue: missing.sourceValue, value: text, how: 'answered' });
    return undefined;
  }
}

/** The schema field of a concrete path, for prompts and messages. */
export function fieldAt(path: string): SchemaField | undefined {
  return schemaFields().get(path.replace(/\[\d+\]/g, '[]'));
}
