// A seeded model of a project's history, written as `vigil export` files: one-minute points for a
// list of series, a healthy level with noise, and known incidents that hold a series at a chosen
// level for a while. Backtest tests and the benchmark feed it to `vigil backtest --from-exports`
// and check that exactly the seeded incidents come back. The output is the REST shape of
// projects.timeSeries.list (points newest first, int64 as strings, DELTA/CUMULATIVE start times).
import type { MetricKind } from '../../gcp/metric-catalog';
import { formatTimestamp } from '../simulate/time-points';

export const MINUTE = 60;

export interface ModelledSeries {
  /** Names the export file (`<name>.json`) and the series in seeded incidents. */
  readonly name: string;
  readonly metricType: string;
  readonly resourceType: string;
  readonly resourceLabels: Readonly<Record<string, string>>;
  readonly metricLabels?: Readonly<Record<string, string>>;
  readonly kind: MetricKind;
  readonly valueType: 'INT64' | 'DOUBLE' | 'DISTRIBUTION';
  /** The healthy level and how far it wanders (uniform, ± spread). */
  readonly level: number;
  readonly spread: number;
  /** DISTRIBUTION only: explicit bucket bounds, and how many values each minute holds (all at the level). */
  readonly bounds?: readonly number[];
  readonly countPerMinute?: number;
}

export interface SeededIncident {
  /** The series it acts on (ModelledSeries.name). */
  readonly series: string;
  /** Seconds from the window's start, on a minute. */
  readonly start: number;
  readonly durationSeconds: number;
  /** The level the series holds meanwhile (no noise). */
  readonly level: number;
  /** The alert policies (Terraform logical ids) that must open exactly one incident for it. */
  readonly pages: readonly string[];
}

export interface HistoryModel {
  readonly series: readonly ModelledSeries[];
  readonly incidents: readonly SeededIncident[];
}

export interface GeneratedExport {
  readonly file: string;
  /** A list of ListTimeSeriesResponse pages, as `vigil export` writes them. */
  readonly pages: ReadonlyArray<{ timeSeries: unknown[] }>;
}

/** mulberry32: a small seeded generator, so that the same seed gives byte-identical files. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bucketCounts(bounds: readonly number[], value: number, count: number): number[] {
  const counts = new Array<number>(bounds.length + 1).fill(0);
  let index = 0;
  while (index < bounds.length && value >= bounds[index]) index++;
  counts[index] = count;
  return counts;
}

function typedValue(series: ModelledSeries, value: number, running: number[] | undefined): Record<string, unknown> {
  if (series.valueType === 'INT64') return { int64Value: String(Math.max(0, Math.round(value))) };
  if (series.valueType === 'DOUBLE') return { doubleValue: value };
  const count = series.countPerMinute ?? 60;
  const minute = bucketCounts(series.bounds!, value, count);
  const counts = running ? running.map((total, index) => total + minute[index]) : minute;
  if (running) running.splice(0, running.length, ...counts);
  const total = counts.reduce((sum, one) => sum + one, 0);
  return {
    distributionValue: {
      count: String(total),
      bucketOptions: { explicitBuckets: { bounds: [...series.bounds!] } },
      bucketCounts: counts.map(String),
    },
  };
}

/**
 * The export files of `days` days of one-minute points starting at `fromEpoch`. Each series goes to
 * its own file as one page (several series with the same file name would share it).
 */
export function generateHistory(model: HistoryModel, fromEpoch: number, days: number, seed: number): GeneratedExport[] {
  const minutes = Math.round((days * 86400) / MINUTE);
  return model.series.map((series, seriesIndex) => {
    const random = seededRandom(seed * 7919 + seriesIndex);
    const incidents = model.incidents.filter((incident) => incident.series === series.name);
    const running: number[] | undefined =
      series.kind === 'CUMULATIVE' && series.valueType === 'DISTRIBUTION' ? [] : undefined;
    if (running) running.push(...new Array<number>(series.bounds!.length + 1).fill(0));
    let total = 0;
    const points: unknown[] = [];
    for (let minute = 1; minute <= minutes; minute++) {
      const t = minute * MINUTE;
      const seeded = incidents.find((incident) => t > incident.start && t <= incident.start + incident.durationSeconds);
      const value = seeded ? seeded.level : series.level + (random() * 2 - 1) * series.spread;
      let typed: Record<string, unknown>;
      if (series.kind === 'CUMULATIVE' && series.valueType !== 'DISTRIBUTION') {
        total += Math.max(0, value);
        typed = typedValue(series, total, undefined);
      } else typed = typedValue(series, value, running);
      const end = formatTimestamp(fromEpoch + t);
      const start =
        series.kind === 'GAUGE' ? end : formatTimestamp(series.kind === 'DELTA' ? fromEpoch + t - MINUTE : fromEpoch);
      points.push({ interval: { startTime: start, endTime: end }, value: typed });
    }
    points.reverse(); // the API lists points newest first
    return {
      file: `${series.name}.json`,
      pages: [
        {
          timeSeries: [
            {
              metric: { type: series.metricType, labels: { ...(series.metricLabels ?? {}) } },
              resource: { type: series.resourceType, labels: { ...series.resourceLabels } },
              metricKind: series.kind,
              valueType: series.valueType,
              points,
            },
          ],
        },
      ],
    };
  });
}
