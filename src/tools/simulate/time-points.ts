// Points in time in a scenario: a duration from the test's t=0 ("30m"), or, in a test that replays
// exported series, an absolute RFC 3339 time ("2026-03-14T14:02:10Z": "the deploy went out at
// 14:02:10Z"). An absolute time is placed on the test's timeline through the exports: t=0 is the
// earliest exported point of the test, and every export keeps its own timestamps.
import { z } from 'zod';

export interface AbsoluteTime {
  /** As written, for messages. */
  readonly text: string;
  readonly epochSeconds: number;
}

export type TimeValue = number | AbsoluteTime;

// Full date, 'T', time with optional fraction (up to nanoseconds), and a required zone.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** Seconds since the Unix epoch of an RFC 3339 time (fractions kept), or undefined. */
export function parseTimestamp(text: string): number | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const fields = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)];
  if (fields[1] < 1 || fields[1] > 12 || fields[2] < 1 || fields[3] > 23 || fields[4] > 59 || fields[5] > 59)
    return undefined;
  const milliseconds = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
  // Date.UTC rolls 31 February over into March; a real date reads back the same.
  if (new Date(milliseconds).getUTCDate() !== fields[2]) return undefined;
  let offset = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
  }
  return milliseconds / 1000 - offset + (fraction ? Number(`0${fraction}`) : 0);
}

/** "2026-03-14T14:02:10Z" from epoch seconds (whole seconds; milliseconds when there are some). */
export function formatTimestamp(epochSeconds: number): string {
  const text = new Date(Math.round(epochSeconds * 1000)).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

export function isAbsolute(value: TimeValue | undefined): value is AbsoluteTime {
  return typeof value === 'object' && value !== null;
}

const LOOKS_LIKE_A_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * A scenario field holding a point in time: `duration` (the scenario's duration schema, with its
 * messages and limits) or an RFC 3339 time. Dispatching on the text, rather than a zod union,
 * keeps the duration's own error messages.
 */
export function timePoint(duration: z.ZodType<number, unknown>) {
  return z.unknown().transform((value, context): TimeValue => {
    if (typeof value === 'string' && LOOKS_LIKE_A_DATE.test(value.trim())) {
      const epochSeconds = parseTimestamp(value.trim());
      if (epochSeconds === undefined) {
        context.addIssue({
          code: 'custom',
          message: 'expected an RFC 3339 time with a time zone, such as "2026-03-14T14:02:10Z"',
          input: value,
        });
        return z.NEVER;
      }
      return { text: value.trim(), epochSeconds };
    }
    const result = duration.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      context.addIssue({ ...issue, input: (issue as { input?: unknown }).input } as Parameters<
        typeof context.addIssue
      >[0]);
    return z.NEVER;
  });
}
