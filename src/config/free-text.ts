// Free text in an environment file, validated to the limits of the API it ends up in
// (src/gcp/api-limits.ts, each limit with its source). api-limits.ts is data with no imports, so
// the config layer reads it without depending on anything else of the gcp layer.
import { z } from 'zod';
import { MAX_LOG_METRIC_FILTER_CHARS } from '../gcp/api-limits';

/** Length in Unicode characters (code points), as the API counts, without copying the text. */
export function unicodeLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    length++;
  }
  return length;
}

const count = (value: number) => value.toLocaleString('en-US');

/**
 * A text of at most `max` Unicode characters. The message gives the length found rather than the
 * text (which may be megabytes); `complete` tells issueToProblem not to append the value.
 */
export function boundedText(what: string, max: number) {
  return z.string({ error: `expected ${what} as text` }).superRefine((text, context) => {
    const length = unicodeLength(text);
    if (length > max) {
      context.addIssue({
        code: 'custom',
        input: text,
        params: { complete: true },
        message: `expected ${what} of at most ${count(max)} characters (the API's limit), found ${count(length)} characters`,
      });
    }
  });
}

/**
 * Where a Cloud Logging filter's quotes or parentheses do not balance, in words, or undefined.
 * This is not a parser of the logging query language: it finds the mistakes that would make
 * Terraform send a filter the API rejects, before synthesis writes it.
 */
export function logFilterImbalance(filter: string): string | undefined {
  const open: number[] = [];
  let quoteAt = -1;
  for (let index = 0; index < filter.length; index++) {
    const char = filter[index];
    if (quoteAt >= 0) {
      if (char === '\\') index++;
      else if (char === '"') quoteAt = -1;
      continue;
    }
    if (char === '"') quoteAt = index;
    else if (char === '(') open.push(index);
    else if (char === ')' && open.pop() === undefined) return `the ')' at character ${index + 1} closes no '('`;
  }
  if (quoteAt >= 0) return `the quote at character ${quoteAt + 1} is never closed`;
  if (open.length > 0) return `the '(' at character ${open[open.length - 1] + 1} is never closed`;
  return undefined;
}

/** A Cloud Logging filter of a log-based metric: within the API's length, with balanced quotes and parentheses. */
export const LogFilter = z
  .string({ error: 'expected a Cloud Logging filter as text' })
  .min(1, { error: 'expected a Cloud Logging filter, found an empty text' })
  .superRefine((filter, context) => {
    const length = unicodeLength(filter);
    const limit = count(MAX_LOG_METRIC_FILTER_CHARS);
    const imbalance = length > MAX_LOG_METRIC_FILTER_CHARS ? undefined : logFilterImbalance(filter);
    const problem =
      length > MAX_LOG_METRIC_FILTER_CHARS
        ? `expected a Cloud Logging filter of at most ${limit} characters (the API's limit), found ${count(length)} characters`
        : imbalance && `expected a Cloud Logging filter with balanced quotes and parentheses: ${imbalance}`;
    if (problem) {
      const message = problem;
      context.addIssue({ code: 'custom', input: filter, params: { complete: true }, message });
    }
  });
