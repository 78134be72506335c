// What every picture of vigil draws: a time-series chart in the metric's unit, with thresholds
// labelled by their policy and incidents shaded. Commands build a spec; render-chart.ts draws it.

/** A chart's data: one time-series chart, whatever draws it. Times in epoch seconds. */
export interface TimeSeriesChartSpec {
  readonly title: string;
  /** The catalog unit ('ms', 'us', '10^2.%', '1' for a plain count), or 'ratio' for a ratio of two filters (a fraction). */
  readonly unit: string;
  readonly series: ReadonlyArray<{ readonly name: string; readonly points: ReadonlyArray<{ t: number; v: number }> }>;
  readonly thresholds: ReadonlyArray<{ readonly value: number; readonly label: string }>;
  readonly incidents: ReadonlyArray<{ readonly start: number; readonly end?: number; readonly label?: string }>;
  /** The time range shown (charts that are compared share one); the data's own range when absent. */
  readonly window?: { readonly start: number; readonly end: number };
  /** Moments marked by a labelled vertical rule (a scenario's incident start, a deploy). */
  readonly events?: ReadonlyArray<{ readonly t: number; readonly label: string }>;
  /** How a dashboard tile plots the series (Cloud Monitoring's dataSets[].plotType); LINE when absent. */
  readonly plotType?: 'LINE' | 'STACKED_AREA' | 'STACKED_BAR' | 'HEATMAP';
  readonly width?: number;
  readonly height?: number;
  /**
   * How the time axis reads: clock time in UTC (the default), or `elapsed` for times counted from a
   * scenario's start (simulate: 0, 30m, 1h), whose epoch seconds are not a date.
   */
  readonly timeAxis?: 'utc' | 'elapsed';
}

/**
 * The unit of a ratio of two filters: a fraction, read as a percentage. The catalog's `1` is not one:
 * it marks dimensionless values, counts included (Cloud SQL backends, connector instances).
 */
export const RATIO = 'ratio';

/** A value in the unit a person reads: ratios and `10^2.%` as percent, microseconds as ms. */
export function formatValue(value: number, unit: string): string {
  const round = (n: number) => String(Number(n.toPrecision(4)));
  if (unit === RATIO || unit === '10^2.%') return `${round(value * 100)}%`;
  if (unit === 'us') return `${round(value / 1000)} ms`;
  if (unit === 'ms' || unit === 's' || unit === 'By' || unit === 'min' || unit === 'h')
    return `${round(value)} ${unit}`;
  return round(value);
}
