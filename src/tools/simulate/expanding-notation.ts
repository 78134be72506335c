// promtool's expanding notation for sample values, extended with booleans:
//   'a+bxn' → a, a+b, …, a+n·b (n+1 samples)   'axn' → a repeated n+1 times
//   '_' → one missing sample                   '_xn' → n missing samples
//   'true' / 'false' (and 'truexn', 'falsexn') for BOOL metrics.
// (../shared/reference/alert-evaluation.md §1.1.) Distributions are written as YAML mappings
// beside these strings (scenario-schema.ts), not in this notation.
import { appendAll } from '../../util/append-all';
import { count, MAX_SAMPLES_PER_SERIES } from './scenario-limits';

export type Sample = number | boolean | null;

const UNSIGNED = '(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?';
const NUMBER = `[-+]?${UNSIGNED}`;
const SERIES_TERM = new RegExp(`^(${NUMBER})(?:([-+])(${UNSIGNED}))?x(\\d+)$`);
const SINGLE = new RegExp(`^${NUMBER}$`);

export class NotationError extends Error {}

/**
 * How many samples a notation string stands for, without expanding it; throws NotationError for a
 * term that is not notation.
 */
export function notationLength(text: string): number {
  let length = 0;
  for (const term of text.trim().split(/\s+/)) {
    if (term === '' || term === '_') {
      length += term === '' ? 0 : 1;
      continue;
    }
    const repeated = /^_x(\d+)$/.exec(term);
    const bool = /^(?:true|false)(?:x(\d+))?$/.exec(term);
    const series = SERIES_TERM.exec(term);
    if (repeated) length += Number(repeated[1]);
    else if (bool) length += bool[1] === undefined ? 1 : Number(bool[1]) + 1;
    else if (SINGLE.test(term)) length += 1;
    else if (series) length += Number(series[4]) + 1;
    else throw notNotation(term);
  }
  return length;
}

/**
 * Expands one notation string; throws NotationError naming the term that is not notation, or
 * saying how many samples it stands for when that is more than a series may hold.
 */
export function expandNotation(text: string): Sample[] {
  const length = notationLength(text);
  if (length > MAX_SAMPLES_PER_SERIES) {
    throw new NotationError(
      `expands to ${count(length)} samples; a series holds at most ${count(MAX_SAMPLES_PER_SERIES)}`,
    );
  }
  const samples: Sample[] = [];
  for (const term of text.trim().split(/\s+/)) {
    if (term === '') continue;
    appendAll(samples, expandTerm(term));
  }
  return samples;
}

function expandTerm(term: string): Sample[] {
  if (term === '_') return [null];
  const missing = /^_x(\d+)$/.exec(term);
  if (missing) return new Array<Sample>(Number(missing[1])).fill(null);
  const bool = /^(true|false)(?:x(\d+))?$/.exec(term);
  if (bool) return new Array<Sample>(bool[2] === undefined ? 1 : Number(bool[2]) + 1).fill(bool[1] === 'true');
  if (SINGLE.test(term)) return [Number(term)];
  const series = SERIES_TERM.exec(term);
  if (series) {
    const start = Number(series[1]);
    const step = series[3] === undefined ? 0 : Number(series[3]) * (series[2] === '-' ? -1 : 1);
    const times = Number(series[4]);
    const out: number[] = [];
    // Multiplying rather than adding keeps 0.1+0.1x30 free of accumulated rounding error.
    for (let index = 0; index <= times; index++) out.push(start + index * step);
    return out;
  }
  throw notNotation(term);
}

function notNotation(term: string): NotationError {
  return new NotationError(
    `"${term}" is not expanding notation; expected a number, "a+bxn", "a-bxn", "axn", "_", "_xn", "true", "false" or "truexn"`,
  );
}
