// Numbers in the units a person reads: a Query Insights threshold of 500000 (microseconds) is
// "500 ms", a ratio of 0.01 is "1%", a duration of "300s" is "300 s".
import { durationSeconds } from '../../artifact/duration';
import { readingUnit } from '../../gcp/metric-catalog';

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { us: 1e-6, ms: 1e-3, s: 1, min: 60, h: 3600, d: 86400 };

/** Six significant digits and no float noise: 0.30000000000000004 → "0.3". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** A length of time in the largest unit that reads well: 0.5 → "500 ms", 5 → "5 s", 86400 → "1 d". */
export function formatSeconds(seconds: number): string {
  const size = Math.abs(seconds);
  if (size === 0) return '0 s';
  if (size >= 86400 && seconds % 86400 === 0) return `${formatNumber(seconds / 86400)} d`;
  if (size >= 3600 && seconds % 3600 === 0) return `${formatNumber(seconds / 3600)} h`;
  if (size >= 1) return `${formatNumber(seconds)} s`;
  if (size >= 1e-3) return `${formatNumber(seconds * 1e3)} ms`;
  return `${formatNumber(seconds * 1e6)} µs`;
}

/** Terraform duration text ("300s", "1.5s") in words; anything else is shown as written. */
export function formatDurationText(value: unknown): string {
  if (typeof value !== 'string') return value === undefined || value === null ? 'unset' : String(value);
  const seconds = durationSeconds(value);
  return seconds === undefined ? value : formatSeconds(seconds);
}

/** What a condition compares: the metric's unit, turned into the unit of the aggregated value. */
export interface ValueScale {
  /** UCUM unit of the compared value: `us`, `ms`, `1`, `By`, `10^2.%`, or `ratio` for a numerator/denominator condition. */
  readonly unit: string;
  /** The value is a rate per second (ALIGN_RATE). */
  readonly perSecond?: boolean;
}

export function formatValue(value: number, scale: ValueScale): string {
  const text = formatInUnit(value, scale.unit);
  return scale.perSecond ? `${text}/s` : text;
}

function formatInUnit(value: number, unit: string): string {
  // Annotations in braces say what is counted, not the unit: `us{CPU}` is microseconds.
  const bare = unit.replace(/\{[^}]*\}/g, '');
  const annotation = /^\{([^}]*)\}$/.exec(unit)?.[1];
  if (unit === 'ratio' || bare === '10^2.%') return `${formatNumber(value * 100)}%`;
  if (bare === '%') return `${formatNumber(value)}%`;
  const seconds = SECONDS_PER_UNIT[bare];
  if (seconds !== undefined) return formatSeconds(value * seconds);
  if (bare === 'By') return formatBytes(value);
  if (annotation !== undefined) return `${formatNumber(value)} ${annotation}`;
  if (bare === '1' || bare === '') return formatNumber(value);
  return `${formatNumber(value)} ${unit}`;
}

function formatBytes(value: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let size = value;
  let index = 0;
  while (Math.abs(size) >= 1024 && index < units.length - 1 && size % 1024 === 0) {
    size /= 1024;
    index += 1;
  }
  return `${formatNumber(size)} ${units[index]}`;
}

const COUNTING = /^(ALIGN|REDUCE)_(COUNT|COUNT_TRUE|COUNT_FALSE)$/;
const FRACTION = /^(ALIGN|REDUCE)_(FRACTION_TRUE|FRACTION_LESS_THAN|PERCENT_CHANGE)$/;

export interface ScaleInputs {
  readonly metricType?: string;
  readonly aligner?: string;
  readonly reducer?: string;
  readonly ratio: boolean;
  /** Units of the stack's own log-based metrics, by metric type (`logging.googleapis.com/user/NAME`). */
  readonly logMetricUnits: ReadonlyMap<string, string>;
}

/**
 * The unit of the value a condition compares with its threshold. Counting aligners and reducers
 * (COUNT, COUNT_FALSE) compare a number of series or points, fractions a 0–1 ratio, ALIGN_RATE
 * the metric's unit per second; otherwise the metric's own unit from the catalog or, for a
 * log-based metric, from its google_logging_metric in the same stack.
 */
export function valueScale(inputs: ScaleInputs): ValueScale {
  if (inputs.ratio) return { unit: 'ratio' };
  const steps = [inputs.reducer, inputs.aligner].filter(
    (step): step is string => Boolean(step) && step !== 'REDUCE_NONE' && step !== 'ALIGN_NONE',
  );
  // The reducer runs last, so it decides first.
  for (const step of steps) {
    if (COUNTING.test(step)) return { unit: '1' };
    if (FRACTION.test(step)) return { unit: 'ratio' };
  }
  const unit = metricUnit(inputs.metricType, inputs.logMetricUnits) ?? '1';
  return { unit, perSecond: inputs.aligner === 'ALIGN_RATE' };
}

export function metricUnit(
  metricType: string | undefined,
  logMetricUnits: ReadonlyMap<string, string>,
): string | undefined {
  if (!metricType) return undefined;
  return readingUnit(metricType) ?? logMetricUnits.get(metricType);
}

/** `metric.type="cloudsql.googleapis.com/…/latencies"` in a Monitoring filter. */
export function metricTypeOfFilter(filter: unknown): string | undefined {
  if (typeof filter !== 'string') return undefined;
  return /metric\.type\s*=\s*"([^"]+)"/.exec(filter)?.[1];
}

/** "p99 latency" for REDUCE_PERCENTILE_99 over …/latencies; "connected" for clients/connected. */
export function measuredQuantity(metricType: string | undefined, aligner?: string, reducer?: string): string {
  const name = metricType ? shortMetricName(metricType) : 'value';
  const counted = /_COUNT(_TRUE|_FALSE)?$/.exec(reducer ?? '') ?? /_COUNT(_TRUE|_FALSE)?$/.exec(aligner ?? '');
  if (counted) return `count of ${counted[1] ? `${counted[1].slice(1).toLowerCase()} ` : ''}${name}`;
  const fraction = /_FRACTION_TRUE$/.exec(reducer ?? '') ?? /_FRACTION_TRUE$/.exec(aligner ?? '');
  if (fraction) return `fraction of true ${name}`;
  const percentile = /PERCENTILE_(\d+)$/.exec(reducer ?? '') ?? /PERCENTILE_(\d+)$/.exec(aligner ?? '');
  if (percentile) return `p${percentile[1]} ${name}`;
  return name;
}

function shortMetricName(metricType: string): string {
  const last = metricType.split('/').pop() ?? metricType;
  return last.replace(/_/g, ' ').replace(/ies$/, 'y');
}
