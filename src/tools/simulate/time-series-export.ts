// Reads Cloud Monitoring time-series exports: a `projects.timeSeries.list` response
// ({timeSeries: […], nextPageToken}), a JSON list of such pages, or the JSON list of TimeSeries
// that `--format=json` tools print. The shapes are those of the REST reference (TimeSeries, Point,
// TimeInterval, TypedValue, google.api.Distribution): int64 values and bucket counts are strings,
// times are RFC 3339, points come newest first, DELTA and CUMULATIVE points carry a start time.
// Every problem names the export file and the JSON path of what is wrong.
import * as fs from 'fs';
import { readRegularTextFile } from '../../util/read-regular-file';
import { ConfigError, ConfigProblem } from '../../config/config-error';
import type { SeriesIdentity } from '../../gcp/filter';
import type { MetricKind, ValueType } from '../../gcp/metric-catalog';
import type { Distribution } from './distribution';
import type { PointValue } from './series';
import { parseTimestamp } from './time-points';

/** Bounds on one export file, so that a hostile or mistaken file cannot exhaust memory or time. */
export const EXPORT_LIMITS = {
  bytes: 64 * 1024 * 1024,
  series: 10_000,
  points: 2_000_000,
  buckets: 10_000,
} as const;

/** A point at an absolute time: seconds since the Unix epoch (fractions kept). */
export interface ExportedPoint {
  readonly epochSeconds: number;
  readonly v: PointValue;
}

export interface ExportedSeries {
  /** The JSON path of the TimeSeries in its file: `timeSeries[2]`, `[0].timeSeries[2]` or `[2]`. */
  readonly path: string;
  readonly identity: SeriesIdentity;
  readonly kind: MetricKind;
  readonly valueType: ValueType;
  /** Oldest first. */
  readonly points: readonly ExportedPoint[];
}

export interface TimeSeriesExport {
  readonly file: string;
  readonly format: 'api' | 'api-pages' | 'list';
  readonly series: readonly ExportedSeries[];
}

type Json = Record<string, unknown>;

const KINDS: readonly MetricKind[] = ['GAUGE', 'DELTA', 'CUMULATIVE'];
const SIMULATED_VALUE_TYPES: readonly ValueType[] = ['BOOL', 'INT64', 'DOUBLE', 'DISTRIBUTION'];
const VALUE_FIELDS: Readonly<Record<string, ValueType>> = {
  boolValue: 'BOOL',
  int64Value: 'INT64',
  doubleValue: 'DOUBLE',
  stringValue: 'STRING',
  distributionValue: 'DISTRIBUTION',
};

/** Thrown inside the reader; caught once and turned into a ConfigError naming the file. */
class ExportProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function looksLikeTimeSeries(value: unknown): boolean {
  return isObject(value) && ('metric' in value || 'points' in value || 'resource' in value);
}

const PAGE_FIELDS = new Set(['timeSeries', 'nextPageToken', 'executionErrors', 'unit']);

/** A ListTimeSeriesResponse: only its own fields ({} when nothing matched). */
function looksLikePage(value: unknown): boolean {
  return isObject(value) && Object.keys(value).every((key) => PAGE_FIELDS.has(key));
}

/** Reads and checks an export file; `referencedFrom`/`field` are blamed when it cannot be read at all. */
export function readTimeSeriesExport(file: string, referencedFrom: string, field: string): TimeSeriesExport {
  const blameReference = (message: string): never => {
    throw new ConfigError([{ file: referencedFrom, path: field, message }]);
  };
  let size = 0;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) blameReference(`"${file}" is a directory; expected a time-series export file (JSON)`);
    if (!stat.isFile()) blameReference(`"${file}" is not a regular file; expected a time-series export file (JSON)`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    blameReference(
      code === 'ENOENT'
        ? `the export "${file}" does not exist`
        : `cannot read the export "${file}" (${code ?? (error as Error).message})`,
    );
  }
  if (size > EXPORT_LIMITS.bytes) {
    blameReference(
      `the export "${file}" is ${size} bytes, over the limit of ${EXPORT_LIMITS.bytes}; export a shorter time range or fewer series`,
    );
  }
  let document: unknown;
  try {
    // Read under the cap as well: the file may have grown since it was measured.
    document = JSON.parse(readRegularTextFile(file, EXPORT_LIMITS.bytes));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) blameReference(`cannot read the export "${file}" (${code})`);
    throw new ConfigError([
      {
        file,
        path: '',
        message: `not JSON (${(error as Error).message}); expected a projects.timeSeries.list response or a JSON list of TimeSeries`,
      },
    ]);
  }
  try {
    return parseTimeSeriesExport(document, file);
  } catch (error) {
    if (!(error instanceof ExportProblem)) throw error;
    const problem: ConfigProblem = { file, path: error.path, message: error.message };
    throw new ConfigError([problem]);
  }
}

/** The series of a parsed export document; throws ExportProblem (internal) with the JSON path. */
function parseTimeSeriesExport(document: unknown, file: string): TimeSeriesExport {
  const budget = { series: 0, points: 0 };
  if (looksLikePage(document)) return { file, format: 'api', series: pageSeries(document as Json, '', budget) };
  if (looksLikeTimeSeries(document))
    throw new ExportProblem(
      '',
      'found one TimeSeries; expected a list of them ([{...}]) or a projects.timeSeries.list response',
    );
  if (Array.isArray(document)) {
    if (document.length > 0 && document.every(looksLikePage)) {
      return {
        file,
        format: 'api-pages',
        series: document.flatMap((page, index) => pageSeries(page as Json, `[${index}]`, budget)),
      };
    }
    return { file, format: 'list', series: document.map((raw, index) => timeSeries(raw, `[${index}]`, budget)) };
  }
  const found = isObject(document)
    ? `an object with ${
        Object.keys(document)
          .slice(0, 5)
          .map((key) => `"${key}"`)
          .join(', ') || 'no keys'
      }`
    : describe(document);
  throw new ExportProblem(
    '',
    `found ${found}; expected a projects.timeSeries.list response ({"timeSeries": [...]}), a list of such pages, or a JSON list of TimeSeries`,
  );
}

function pageSeries(page: Json, at: string, budget: { series: number; points: number }): ExportedSeries[] {
  const list = page.timeSeries;
  // The API answers {} when nothing matched the filter in the interval.
  if (list === undefined) return [];
  const where = `${at}${at ? '.' : ''}timeSeries`;
  if (!Array.isArray(list)) throw new ExportProblem(where, `found ${describe(list)}; expected a list of TimeSeries`);
  return list.map((raw, index) => timeSeries(raw, `${where}[${index}]`, budget));
}

function labelMap(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value))
    throw new ExportProblem(where, `found ${describe(value)}; expected an object of label names to values`);
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(value)) {
    // System metadata labels are protobuf Struct values: numbers, booleans and lists of them occur
    // there; a list is kept as its JSON text. Anything deeper is no label a filter can match.
    const primitive = (one: unknown) => typeof one === 'string' || typeof one === 'number' || typeof one === 'boolean';
    if (typeof label === 'string') labels[key] = label;
    else if (primitive(label)) labels[key] = String(label);
    else if (Array.isArray(label) && label.length <= 1000 && label.every(primitive))
      labels[key] = JSON.stringify(label);
    else
      throw new ExportProblem(
        `${where}.${key}`,
        `found ${describe(label)}; expected a label value (text, a number, true/false or a list of them)`,
      );
  }
  return labels;
}

function typed(value: unknown, where: string, what: string): Json & { type: string } {
  if (!isObject(value)) throw new ExportProblem(where, `found ${describe(value)}; expected ${what}`);
  if (typeof value.type !== 'string' || value.type === '')
    throw new ExportProblem(`${where}.type`, `found ${describe(value.type)}; expected the ${what}'s type`);
  return value as Json & { type: string };
}

function timeSeries(raw: unknown, where: string, budget: { series: number; points: number }): ExportedSeries {
  if (!looksLikeTimeSeries(raw)) {
    throw new ExportProblem(
      where,
      `found ${describe(raw)}; not a TimeSeries: expected an object with metric, resource, metricKind, valueType and points`,
    );
  }
  const series = raw as Json;
  if (++budget.series > EXPORT_LIMITS.series)
    throw new ExportProblem(where, `more than ${EXPORT_LIMITS.series} time series in one export; export fewer`);
  const metric = typed(series.metric, `${where}.metric`, 'metric ({"type": ..., "labels": {...}})');
  const resource = typed(series.resource, `${where}.resource`, 'monitored resource ({"type": ..., "labels": {...}})');
  const kind = series.metricKind as MetricKind;
  if (!KINDS.includes(kind))
    throw new ExportProblem(
      `${where}.metricKind`,
      `found ${describe(series.metricKind)}; expected GAUGE, DELTA or CUMULATIVE`,
    );
  const valueType = series.valueType as ValueType;
  if (!SIMULATED_VALUE_TYPES.includes(valueType)) {
    const what =
      typeof valueType === 'string' && valueType in { STRING: 1, MONEY: 1 }
        ? `${valueType} series are not simulated`
        : `found ${describe(series.valueType)}`;
    throw new ExportProblem(`${where}.valueType`, `${what}; expected BOOL, INT64, DOUBLE or DISTRIBUTION`);
  }
  const metadata = series.metadata;
  const identity: SeriesIdentity = {
    metricType: metric.type,
    resourceType: resource.type,
    metricLabels: labelMap(metric.labels, `${where}.metric.labels`),
    resourceLabels: labelMap(resource.labels, `${where}.resource.labels`),
    ...(isObject(metadata)
      ? {
          metadata: {
            userLabels: labelMap(metadata.userLabels, `${where}.metadata.userLabels`),
            systemLabels: labelMap(metadata.systemLabels, `${where}.metadata.systemLabels`),
          },
        }
      : {}),
  };
  const rawPoints = series.points ?? [];
  if (!Array.isArray(rawPoints))
    throw new ExportProblem(`${where}.points`, `found ${describe(rawPoints)}; expected a list of points`);
  budget.points += rawPoints.length;
  if (budget.points > EXPORT_LIMITS.points)
    throw new ExportProblem(
      `${where}.points`,
      `more than ${EXPORT_LIMITS.points} points in one export; export a shorter time range`,
    );
  const parsed = rawPoints.map((point, index) => exportedPoint(point, `${where}.points[${index}]`, kind, valueType));
  // Newest first in both formats; sorted here rather than reversed so that any order reads right.
  const ordered = parsed.map((point, index) => ({ point, index })).sort((a, b) => a.point.end - b.point.end);
  for (let index = 1; index < ordered.length; index++) {
    if (ordered[index].point.end === ordered[index - 1].point.end) {
      throw new ExportProblem(
        `${where}.points[${ordered[index].index}].interval.endTime`,
        `two points of one series end at the same time (also points[${ordered[index - 1].index}]); expected one point per end time`,
      );
    }
  }
  const points =
    kind === 'CUMULATIVE' && valueType === 'DISTRIBUTION'
      ? incrementsOfCumulative(ordered.map(({ point }) => point))
      : ordered.map(({ point }) => ({ epochSeconds: point.end, v: point.value }));
  return { path: where, identity, kind, valueType, points };
}

interface RawPoint {
  readonly start?: number;
  readonly end: number;
  readonly value: PointValue;
}

function exportedPoint(raw: unknown, where: string, kind: MetricKind, valueType: ValueType): RawPoint {
  if (!isObject(raw))
    throw new ExportProblem(where, `found ${describe(raw)}; expected a point ({"interval": {...}, "value": {...}})`);
  const interval = raw.interval;
  if (!isObject(interval))
    throw new ExportProblem(
      `${where}.interval`,
      `found ${describe(interval)}; expected {"endTime": ..., "startTime": ...}`,
    );
  const end = time(interval.endTime, `${where}.interval.endTime`);
  const start = interval.startTime === undefined ? undefined : time(interval.startTime, `${where}.interval.startTime`);
  if (kind === 'GAUGE' && start !== undefined && start !== end) {
    throw new ExportProblem(
      `${where}.interval`,
      `a GAUGE point covers one instant, but this one spans ${interval.startTime} to ${interval.endTime}: mixed kinds in one series (its metricKind says GAUGE)`,
    );
  }
  if (kind !== 'GAUGE') {
    if (start === undefined)
      throw new ExportProblem(
        `${where}.interval.startTime`,
        `a ${kind} point needs a start time as well as an end time; found none: mixed kinds in one series?`,
      );
    if (start >= end && !(kind === 'CUMULATIVE' && start === end)) {
      throw new ExportProblem(
        `${where}.interval`,
        `startTime ${interval.startTime} is not before endTime ${interval.endTime}; a ${kind} point covers an interval`,
      );
    }
  }
  return { start, end, value: typedValue(raw.value, `${where}.value`, valueType) };
}

function time(value: unknown, where: string): number {
  const seconds = typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (seconds === undefined)
    throw new ExportProblem(
      where,
      `found ${describe(value)}; expected an RFC 3339 time such as "2026-03-14T14:02:10Z"`,
    );
  return seconds;
}

function typedValue(raw: unknown, where: string, valueType: ValueType): PointValue {
  if (!isObject(raw))
    throw new ExportProblem(
      where,
      `a point with no value: found ${describe(raw)}; expected a TypedValue such as {"int64Value": "42"}`,
    );
  const fields = Object.keys(raw).filter((key) => key in VALUE_FIELDS);
  if (fields.length === 0)
    throw new ExportProblem(where, `a point with no value: expected one of ${Object.keys(VALUE_FIELDS).join(', ')}`);
  if (fields.length > 1)
    throw new ExportProblem(where, `a point with ${fields.join(' and ')}; expected exactly one value`);
  const found = VALUE_FIELDS[fields[0]];
  if (found !== valueType) {
    throw new ExportProblem(
      `${where}.${fields[0]}`,
      `a ${found} value in a ${valueType} series (its valueType): mixed value types in one series`,
    );
  }
  const value = raw[fields[0]];
  const at = `${where}.${fields[0]}`;
  switch (valueType) {
    case 'BOOL':
      if (typeof value !== 'boolean') throw new ExportProblem(at, `found ${describe(value)}; expected true or false`);
      return value;
    case 'INT64':
      return int64(value, at);
    case 'DOUBLE':
      return double(value, at);
    default:
      return distribution(value, at);
  }
}

/** int64 in proto3 JSON is a decimal string; a number is accepted too. */
function int64(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  throw new ExportProblem(where, `found ${describe(value)}; expected an integer, written as a string ("42")`);
}

function double(value: unknown, where: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (value === 'NaN') return Number.NaN;
    if (value === 'Infinity') return Number.POSITIVE_INFINITY;
    if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
    if (value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  throw new ExportProblem(where, `found ${describe(value)}; expected a number`);
}

function finiteNumber(value: unknown, where: string): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number))
    throw new ExportProblem(where, `found ${describe(value)}; expected a number`);
  return number;
}

function bucketCount(value: unknown, where: string): number {
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    throw new ExportProblem(where, `found ${describe(value)}; expected a bucket count ("12")`);
  return count;
}

function finiteBuckets(value: unknown, where: string): number {
  const count = finiteNumber(value, where);
  if (!Number.isInteger(count) || count < 1 || count > EXPORT_LIMITS.buckets) {
    throw new ExportProblem(
      where,
      `found ${describe(value)}; expected a whole number of finite buckets from 1 to ${EXPORT_LIMITS.buckets}`,
    );
  }
  return count;
}

/** The bucket bounds of google.api.Distribution.BucketOptions (linear, exponential or explicit). */
function bucketBounds(options: Json, where: string): number[] {
  const linear = options.linearBuckets;
  if (isObject(linear)) {
    const n = finiteBuckets(linear.numFiniteBuckets, `${where}.linearBuckets.numFiniteBuckets`);
    const width = finiteNumber(linear.width, `${where}.linearBuckets.width`);
    const offset = finiteNumber(linear.offset ?? 0, `${where}.linearBuckets.offset`);
    if (width <= 0)
      throw new ExportProblem(`${where}.linearBuckets.width`, `found ${width}; expected a width greater than 0`);
    return Array.from({ length: n + 1 }, (_, index) => offset + width * index);
  }
  const exponential = options.exponentialBuckets;
  if (isObject(exponential)) {
    const n = finiteBuckets(exponential.numFiniteBuckets, `${where}.exponentialBuckets.numFiniteBuckets`);
    const growth = finiteNumber(exponential.growthFactor, `${where}.exponentialBuckets.growthFactor`);
    const scale = finiteNumber(exponential.scale, `${where}.exponentialBuckets.scale`);
    if (growth <= 1)
      throw new ExportProblem(
        `${where}.exponentialBuckets.growthFactor`,
        `found ${growth}; expected a growth factor greater than 1`,
      );
    if (scale <= 0)
      throw new ExportProblem(`${where}.exponentialBuckets.scale`, `found ${scale}; expected a scale greater than 0`);
    return Array.from({ length: n + 1 }, (_, index) => scale * growth ** index);
  }
  const explicit = options.explicitBuckets;
  if (isObject(explicit) && Array.isArray(explicit.bounds)) {
    if (explicit.bounds.length === 0 || explicit.bounds.length > EXPORT_LIMITS.buckets) {
      throw new ExportProblem(
        `${where}.explicitBuckets.bounds`,
        `found ${explicit.bounds.length} bounds; expected 1 to ${EXPORT_LIMITS.buckets}`,
      );
    }
    const bounds = explicit.bounds.map((bound, index) =>
      finiteNumber(bound, `${where}.explicitBuckets.bounds[${index}]`),
    );
    const unordered = bounds.findIndex((bound, index) => index > 0 && bound <= bounds[index - 1]);
    if (unordered >= 0)
      throw new ExportProblem(
        `${where}.explicitBuckets.bounds[${unordered}]`,
        'expected bucket bounds in strictly ascending order',
      );
    return bounds;
  }
  throw new ExportProblem(where, 'expected linearBuckets, exponentialBuckets or explicitBuckets');
}

function distribution(raw: unknown, where: string): Distribution {
  if (!isObject(raw)) throw new ExportProblem(where, `found ${describe(raw)}; expected a Distribution`);
  const total = raw.count === undefined ? 0 : bucketCount(raw.count, `${where}.count`);
  if (raw.bucketOptions === undefined) {
    // Without buckets only the count and mean are known; an empty distribution is still exact.
    if (total === 0) return { values: [] };
    throw new ExportProblem(
      `${where}.bucketOptions`,
      `a distribution of ${total} values without bucketOptions; simulate needs the buckets to read percentiles`,
    );
  }
  if (!isObject(raw.bucketOptions))
    throw new ExportProblem(`${where}.bucketOptions`, `found ${describe(raw.bucketOptions)}; expected bucket options`);
  const bounds = bucketBounds(raw.bucketOptions, `${where}.bucketOptions`);
  const written = raw.bucketCounts ?? [];
  if (!Array.isArray(written))
    throw new ExportProblem(`${where}.bucketCounts`, `found ${describe(written)}; expected a list of counts`);
  if (written.length > bounds.length + 1) {
    throw new ExportProblem(
      `${where}.bucketCounts`,
      `${written.length} counts for ${bounds.length + 1} buckets (an underflow, ${bounds.length - 1} finite and an overflow bucket)`,
    );
  }
  // Trailing zero counts may be left out (google/api/distribution.proto).
  const counts = new Array<number>(bounds.length + 1).fill(0);
  written.forEach((count, index) => {
    counts[index] = bucketCount(count, `${where}.bucketCounts[${index}]`);
  });
  const sum = counts.reduce((a, b) => a + b, 0);
  if (raw.count !== undefined && sum !== total)
    throw new ExportProblem(`${where}.bucketCounts`, `the bucket counts add up to ${sum}, but count is ${total}`);
  return { bounds, counts };
}

/**
 * The simulator holds CUMULATIVE distributions as the values observed since the previous point
 * (series.ts); the API gives running totals since each point's start time. A new start time, or
 * a count that drops, is a reset: that point's own counts are then the increment.
 */
function incrementsOfCumulative(points: readonly RawPoint[]): ExportedPoint[] {
  return points.map((point, index) => {
    const current = point.value as Distribution;
    const previous = index > 0 ? points[index - 1] : undefined;
    if (!previous || previous.start !== point.start) return { epochSeconds: point.end, v: current };
    const before = previous.value as Distribution;
    const sameBuckets =
      before.bounds &&
      current.bounds &&
      before.bounds.length === current.bounds.length &&
      before.bounds.every((bound, at) => bound === current.bounds![at]);
    if (!sameBuckets || !current.counts || !before.counts) return { epochSeconds: point.end, v: current };
    const reset = current.counts.some((count, at) => count < before.counts![at]);
    if (reset) return { epochSeconds: point.end, v: current };
    return {
      epochSeconds: point.end,
      v: { bounds: current.bounds, counts: current.counts.map((count, at) => count - before.counts![at]) },
    };
  });
}
