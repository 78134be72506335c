// The scenario file format (alert-tests/**/*.yaml), in zod: the single source of its types and of
// its error messages. docs/simulate.md describes it for people.
import { z } from 'zod';
import { parseDuration } from '../../artifact/duration';
import { NotationError, notationLength } from './expanding-notation';
import { count, MAX_SAMPLES_PER_SERIES, MAX_SCENARIO_SPAN_SECONDS } from './scenario-limits';
import { timePoint } from './time-points';

const DURATION_WORDS = 'a duration such as "90s", "5m", "1h30m" or a number of seconds';

const SPAN_WORDS = `at most ${MAX_SCENARIO_SPAN_SECONDS / 86400} days (${count(MAX_SCENARIO_SPAN_SECONDS)} s), the longest a scenario covers`;

export const Duration = z
  .union(
    [
      z
        .number({ error: `expected ${DURATION_WORDS}` })
        .nonnegative({ error: `expected ${DURATION_WORDS}, not negative` }),
      z
        .string({ error: `expected ${DURATION_WORDS}` })
        .refine((text) => parseDuration(text, 'scenario') !== undefined, { error: `expected ${DURATION_WORDS}` }),
    ],
    { error: `expected ${DURATION_WORDS}` },
  )
  .transform((value) => (typeof value === 'number' ? value : parseDuration(value, 'scenario')!))
  .refine((seconds) => seconds <= MAX_SCENARIO_SPAN_SECONDS, { error: `expected a duration of ${SPAN_WORDS}` });

/** A point in time: a duration from t=0, or an RFC 3339 time in a test that replays exports (time-points.ts). */
const TimePoint = timePoint(Duration);

const Interval = Duration.refine((seconds) => seconds > 0, { error: 'expected a sampling interval greater than 0' });

const LabelMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String), {
  error: 'expected a mapping of label names to values',
});

const Notation = z.string().superRefine((text, context) => {
  try {
    notationLength(text);
  } catch (error) {
    if (!(error instanceof NotationError)) throw error;
    context.addIssue({ code: 'custom', message: error.message, input: text });
  }
});

const ExplicitDistribution = z.strictObject({
  values: z.array(z.number(), { error: 'expected a list of the values observed' }),
});
const BucketDistribution = z
  .strictObject({
    bounds: z.array(z.number()).min(1, { error: 'expected at least one bucket bound' }),
    counts: z.array(z.number().int().nonnegative(), { error: 'expected a list of bucket counts' }),
  })
  .refine((d) => d.counts.length === d.bounds.length + 1, {
    error: 'expected one more count than bounds (an underflow and an overflow bucket)',
  })
  .refine((d) => d.bounds.every((bound, index) => index === 0 || bound > d.bounds[index - 1]), {
    error: 'expected bucket bounds in ascending order',
  });

const DistributionSegment = z.strictObject({
  distribution: z.union([ExplicitDistribution, BucketDistribution], {
    error: 'expected {values: [...]} or {bounds: [...], counts: [...]}',
  }),
  /** How many consecutive samples carry this distribution. */
  repeat: z
    .number()
    .int()
    .positive()
    .max(MAX_SAMPLES_PER_SERIES, {
      error: `expected a repeat count of at most ${count(MAX_SAMPLES_PER_SERIES)} (the samples a series holds)`,
    })
    .default(1),
});

const ValueSegment = z.union([Notation, DistributionSegment], {
  error: 'expected expanding notation such as "0+10x30" or {distribution: …, repeat: n}',
});

export const SeriesSchema = z.strictObject({
  metric: z.string({ error: 'expected the metric type, e.g. redis.googleapis.com/clients/connected' }).min(1),
  resource: z.string({ error: 'expected the monitored-resource type, e.g. redis_instance' }).min(1),
  resource_labels: LabelMap.default({}),
  metric_labels: LabelMap.default({}),
  /** Overrides of the metric's kind and value type when neither the catalog nor the stack knows the metric. */
  kind: z.enum(['GAUGE', 'DELTA', 'CUMULATIVE']).optional(),
  value_type: z.enum(['BOOL', 'INT64', 'DOUBLE', 'DISTRIBUTION']).optional(),
  interval: Interval.optional(),
  /** When the first sample is taken, from the test's start. */
  start: Duration.default(0),
  values: z
    .union([Notation, z.array(ValueSegment)], { error: 'expected expanding notation or a list of segments' })
    .superRefine((values, context) => {
      const samples = seriesLength(values);
      if (samples > MAX_SAMPLES_PER_SERIES) {
        context.addIssue({
          code: 'custom',
          input: values,
          params: { complete: true },
          message: `expected at most ${count(MAX_SAMPLES_PER_SERIES)} samples in a series, found ${count(samples)}`,
        });
      }
    }),
});

/** The samples a series' values stand for, counted without expanding them (NaN when a term is not notation). */
function seriesLength(values: string | readonly (string | { repeat: number })[]): number {
  const segments = typeof values === 'string' ? [values] : values;
  let total = 0;
  for (const segment of segments) {
    try {
      total += typeof segment === 'string' ? notationLength(segment) : segment.repeat;
    } catch {
      return NaN;
    }
  }
  return total;
}
/** Every time series of a Cloud Monitoring export joins the test (time-series-export.ts). */
export const ExportSeriesSchema = z
  .looseObject({
    export: z
      .string({ error: 'expected the path of a time-series export (JSON), relative to this scenario file' })
      .min(1),
    /** Where the export's earliest point goes on the test's timeline (default 0). */
    start: Duration.optional(),
  })
  .superRefine((entry, context) => {
    for (const key of Object.keys(entry).filter((one) => one !== 'export' && one !== 'start')) {
      context.addIssue({
        code: 'custom',
        path: [key],
        input: entry[key],
        message:
          'an export entry takes only export: and start: (the exported series carry their own metric, labels and values)',
      });
    }
  });

/** A hand-written series, or `{export: FILE}`; load-scenario.ts reports the errors of the one the entry means. */
export const SeriesEntrySchema = z.union([SeriesSchema, ExportSeriesSchema]);

const FiresSchema = z.strictObject({
  within: Duration,
  /** Incident start for this expectation; defaults to the test's incident_start. */
  after: TimePoint.optional(),
  labels: LabelMap.optional(),
});

const WindowSchema = z.strictObject({ from: TimePoint.optional(), until: TimePoint.optional() });

export const ExpectationSchema = z
  .strictObject({
    policy: z.string({ error: 'expected the alert policy by display name or Terraform address' }).min(1),
    fires: FiresSchema.optional(),
    resolves: z.strictObject({ by: TimePoint }).optional(),
    does_not_fire: z
      .union([z.literal(true), WindowSchema], { error: 'expected true or {from: …, until: …}' })
      .optional(),
  })
  .refine((e) => (e.fires === undefined) !== (e.does_not_fire === undefined), {
    error: 'expected exactly one of fires: or does_not_fire:',
  })
  .refine((e) => e.resolves === undefined || e.fires !== undefined, {
    error: 'resolves: needs fires: in the same expectation',
  });

export const TestSchema = z.strictObject({
  name: z.string({ error: 'expected a name for the test' }).min(1),
  description: z.string().optional(),
  /** Default 0; times are resolved against the test's timeline by run-scenarios.ts. */
  incident_start: TimePoint.optional(),
  /** Evaluate until this time; default: one hour past the last sample. */
  duration: TimePoint.optional(),
  series: z
    .array(SeriesEntrySchema, { error: 'expected a list of input series' })
    .min(1, { error: 'expected at least one input series' }),
  expect: z
    .array(ExpectationSchema, { error: 'expected a list of expectations' })
    .min(1, { error: 'expected at least one expectation' }),
});

export const ScenarioFileSchema = z
  .strictObject({
    /** Environment whose synthesized stack is tested (environments/<name>.yaml). */
    environment: z.string().optional(),
    /** Or: a Terraform JSON artifact, a REST export, or a directory of REST exports (relative to this file). */
    stack: z.string().optional(),
    /** Default sampling interval of the series. */
    interval: Interval.default(60),
    tests: z.array(TestSchema, { error: 'expected a list of tests' }).min(1, { error: 'expected at least one test' }),
  })
  .refine((file) => (file.environment === undefined) !== (file.stack === undefined), {
    error: 'expected exactly one of environment: or stack:',
  });

export type ScenarioFile = z.output<typeof ScenarioFileSchema>;
export type ScenarioTest = z.output<typeof TestSchema>;
export type ScenarioSeries = z.output<typeof SeriesSchema>;
export type ExportSeriesEntry = z.output<typeof ExportSeriesSchema>;
export type Expectation = z.output<typeof ExpectationSchema>;
