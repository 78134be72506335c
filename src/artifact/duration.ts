// The one duration parser. Two grammars: the API's (google.protobuf.Duration in JSON: "300s",
// "1.5s", "-5s"; Terraform and REST both write it) and the scenario files' ("5m", "1h30m", "90s",
// or a bare number of seconds). The API's is the scenario's with one unit, `s`, and a sign.
import { isOpaque } from './json';

export type DurationGrammar = 'api' | 'scenario';

const UNIT_SECONDS: Readonly<Record<DurationGrammar, Readonly<Record<string, number>>>> = {
  api: { s: 1 },
  scenario: { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 },
};
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;

/** Seconds in `text`, or undefined when it is not a duration in that grammar. */
export function parseDuration(text: string, grammar: DurationGrammar): number | undefined {
  let rest = text.trim();
  if (rest === '') return undefined;
  const sign = grammar === 'api' && rest.startsWith('-') ? -1 : 1;
  if (sign < 0) rest = rest.slice(1);
  if (grammar === 'scenario' && /^\d+(\.\d+)?$/.test(rest)) return Number(rest);
  let seconds = 0;
  let parts = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < rest.length) {
    const start = PART.lastIndex;
    const match = PART.exec(rest);
    const unit = match ? UNIT_SECONDS[grammar][match[2]] : undefined;
    if (!match || match.index !== start || unit === undefined) return undefined;
    seconds += Number(match[1]) * unit;
    parts += 1;
  }
  // The API's form is exactly one number of seconds.
  if (grammar === 'api' && parts !== 1) return undefined;
  return sign * seconds;
}

export type DurationField = { readonly seconds: number } | { readonly opaque: true } | { readonly invalid: string };

/** A duration field as the API would read it: seconds, a Terraform placeholder, or invalid. */
export function readDurationField(value: unknown): DurationField {
  if (isOpaque(value)) return { opaque: true };
  const seconds = typeof value === 'string' ? parseDuration(value, 'api') : undefined;
  return seconds === undefined ? { invalid: JSON.stringify(value) } : { seconds };
}

/** Seconds of an API duration ("300s"); undefined for anything else. */
export function durationSeconds(value: unknown): number | undefined {
  return typeof value === 'string' ? parseDuration(value, 'api') : undefined;
}

/**
 * A duration field read leniently, as simulate evaluates a policy: "300s" (or a scenario-style
 * "5m"), {seconds: "300", nanos: 0}, 300; absent or unreadable gives `fallback`.
 */
export function lenientDurationSeconds(value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseDuration(value, 'scenario') ?? fallback;
  if (typeof value === 'object') {
    const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
    return Number(seconds ?? 0) + Number(nanos ?? 0) / 1e9;
  }
  return fallback;
}

/** A whole duration in words: "90 s", "5 min", "2 h", "1 h 30 min" (lint's messages, the README's alert table). */
export function durationWords(seconds: number): string {
  if (seconds >= 3600 && seconds % 60 === 0) {
    const hours = Math.floor(seconds / 3600);
    const minutes = (seconds % 3600) / 60;
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
