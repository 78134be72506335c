// promtool's expanding notation for sample values, extended with booleans:
//   'a+bxn' → a, a+b, …, a+n·b (n+1 samples)   'axn' → a repeated n+1 times
//   '_' → one missing sample                   '_xn' → n missing samples
//   'true' / 'false' (and 'truexn', 'falsexn') for BOOL metrics.
// (../shared/reference/alert-evaluation.md §1.1.) Distributions are written as YAML mappings
// beside these strings (scenario-schema.ts), not in this notation.
import { appendAll } from '../../util/append-all';

export type Sample = number | boolean | null;

const UNSIGNED = '(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?';
const NUMBER = `[-+]?${UNSIGNED}`;
const SERIES_TERM = new RegExp(`^(${NUMBER})(?:([-+])(${UNSIGNED}))?x(\\d+)$`);
const SINGLE = new RegExp(`^${NUMBER}$`);

export class NotationError extends Error {}

/** Expands one notation string; throws NotationError naming the term that is not notation. */
export function expandNotation(text: string): Sample[] {
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
  throw new NotationError(`"${term}" is not expanding notation; expected a number, "a+bxn", "a-bxn", "axn", "_", "_xn", "true", "false" or "truexn"`);
}
