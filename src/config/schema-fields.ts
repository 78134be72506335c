// Field builders shared by the environment schema and the signals' threshold blocks: every
// number carries its unit and range in the words of its error message.
import { z } from 'zod';
import type { IdentifierFormat } from './identifiers';

export const identifier = (format: IdentifierFormat) =>
  z.string({ error: `expected ${format.expected}` }).regex(format.pattern, { error: `expected ${format.expected}` });

export const positive = (what: string, max: number) =>
  z
    .number({ error: `expected ${what}` })
    .gt(0, { error: `expected ${what} greater than 0` })
    .lte(max, { error: `expected ${what} at most ${max}` });

export const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `expected ${what}` })
    .int({ error: `expected ${what} as a whole number` })
    .gte(min, { error: `expected ${what} of at least ${min}` })
    .lte(max, { error: `expected ${what} at most ${max}` });

// Alert durations must be whole minutes (the API rejects anything else, facts file §2.2).
export const wholeMinutes = (what: string, min: number, max: number) =>
  wholeNumber(what, min, max).multipleOf(60, {
    error: `expected ${what} that is a whole number of minutes (a multiple of 60)`,
  });

export const httpsUrl = z.url({
  protocol: /^https?$/,
  error: 'expected an http(s) URL such as https://api.example.com/health',
});

/** What a signal definition's `thresholds` builder is handed (src/config/signals/): zod and the field builders. */
export interface ThresholdFields {
  readonly z: typeof z;
  readonly positive: typeof positive;
  readonly wholeNumber: typeof wholeNumber;
  readonly wholeMinutes: typeof wholeMinutes;
}

/** The field builders every signal definition's `thresholds` builder is handed. */
export const THRESHOLD_FIELDS: ThresholdFields = { z, positive, wholeNumber, wholeMinutes };

/** A signal's `thresholds.<key>` block as a zod schema. */
export function thresholdsSchema<Thresholds extends z.ZodObject>(definition: {
  readonly thresholds: (fields: ThresholdFields) => Thresholds;
}): Thresholds {
  return definition.thresholds(THRESHOLD_FIELDS);
}
