// The fallback for attributes without a domain reading: leaf-by-leaf changes with the path in
// words ("http check › path") and values shortened, never a raw JSON diff.
import { isObject, Json, stableJson } from './resources';
import { durationSeconds } from '../../artifact/duration';
import { formatSeconds } from './quantities';
import { isSecretKey, MASK } from './secrets';

export interface LeafChange {
  readonly path: readonly string[];
  readonly before: Json | undefined;
  readonly after: Json | undefined;
}

export function leafChanges(
  before: Json | undefined,
  after: Json | undefined,
  path: readonly string[] = [],
): LeafChange[] {
  if (stableJson(before) === stableJson(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => leafChanges(before[key], after[key], [...path, key]));
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    before.length === after.length &&
    before.some((item) => typeof item === 'object' && item !== null)
  ) {
    return before.flatMap((item, index) => leafChanges(item, after[index], [...path, `#${index + 1}`]));
  }
  return [{ path, before, after }];
}

export function describeLeafChange(change: LeafChange): string {
  if (change.path.some(isSecretKey)) {
    // Variable references (`${var.…}`) are names, not values; anything else under a secret key is hidden.
    const show = (value: Json | undefined) =>
      typeof value === 'string' && /^\$\{var\.[^}]+\}$/.test(value) ? value : value === undefined ? undefined : MASK;
    change = { ...change, before: show(change.before), after: show(change.after) };
  }
  const where = change.path.map((key) => key.replace(/_/g, ' ')).join(' › ') || 'value';
  if (
    Array.isArray(change.before) &&
    Array.isArray(change.after) &&
    [...change.before, ...change.after].every((item) => typeof item !== 'object' || item === null)
  ) {
    return `${where} ${setDifference(change.before.map(shortValue), change.after.map(shortValue))}`;
  }
  const secondsBefore = durationSeconds(change.before);
  const secondsAfter = durationSeconds(change.after);
  if (secondsBefore !== undefined && secondsAfter !== undefined)
    return `${where} ${formatSeconds(secondsBefore)} → ${formatSeconds(secondsAfter)}`;
  if (change.before === undefined) return `${where} set to ${shortValue(change.after)}`;
  if (change.after === undefined) return `${where} unset (was ${shortValue(change.before)})`;
  return `${where} ${shortValue(change.before)} → ${shortValue(change.after)}`;
}

/** "+ a, − b" for two lists of names; "reordered" when only the order differs. */
export function setDifference(before: readonly string[], after: readonly string[]): string {
  const removed = before.filter((item) => !after.includes(item));
  const added = after.filter((item) => !before.includes(item));
  const parts = [...removed.map((item) => `− ${item}`), ...added.map((item) => `+ ${item}`)];
  return parts.length > 0 ? parts.join(', ') : 'reordered';
}

const MAX_VALUE_LENGTH = 120;

export function shortValue(value: Json | undefined): string {
  if (value === undefined || value === null) return 'unset';
  const text =
    typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? stableJson(value) : String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
