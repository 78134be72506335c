// Dashboard widgets in the Dashboard API's JSON (camelCase), built from typed parts.
// Pure functions: no cdktf here, so the dashboard's JSON can be checked without synthesis.

export interface ChartAggregation {
  readonly alignmentPeriodSeconds: number;
  readonly perSeriesAligner: string;
  readonly crossSeriesReducer?: string;
  readonly groupByFields?: readonly string[];
}

export interface ChartSeries {
  readonly filter: string;
  /** Left out for SLO selectors: the alert conditions send them without aggregations too (docs/slo.md). */
  readonly aggregation?: ChartAggregation;
  readonly legend?: string;
}

export type Widget = Record<string, unknown> & { readonly title: string };

function aggregationJson(aggregation: ChartAggregation): Record<string, unknown> {
  return {
    alignmentPeriod: `${aggregation.alignmentPeriodSeconds}s`,
    perSeriesAligner: aggregation.perSeriesAligner,
    ...(aggregation.crossSeriesReducer ? { crossSeriesReducer: aggregation.crossSeriesReducer } : {}),
    ...(aggregation.groupByFields ? { groupByFields: [...aggregation.groupByFields] } : {}),
  };
}

/** A horizontal line, in the unit the chart shows: an alert policy hands its own (AlertPolicyInfo.thresholdLine). */
export interface ChartThreshold {
  readonly value: number;
  readonly label: string;
}

export interface ChartOptions {
  readonly yLabel?: string;
  readonly threshold?: ChartThreshold;
  /** More lines, after `threshold`: the burn-rate chart shows one per alerting rate. */
  readonly thresholds?: readonly ChartThreshold[];
}

function thresholdsJson(options: ChartOptions): Record<string, unknown> {
  const all = [...(options.threshold ? [options.threshold] : []), ...(options.thresholds ?? [])];
  if (all.length === 0) return {};
  return { thresholds: all.map(({ value, label }) => ({ value, label, targetAxis: 'Y1' })) };
}

export function lineChart(title: string, series: readonly ChartSeries[], options: ChartOptions = {}): Widget {
  return {
    title,
    xyChart: {
      dataSets: series.map((entry) => ({
        plotType: 'LINE',
        targetAxis: 'Y1',
        ...(entry.legend ? { legendTemplate: entry.legend } : {}),
        timeSeriesQuery: {
          timeSeriesFilter: {
            filter: entry.filter,
            ...(entry.aggregation ? { aggregation: aggregationJson(entry.aggregation) } : {}),
          },
        },
      })),
      ...thresholdsJson(options),
      yAxis: { label: options.yLabel ?? '', scale: 'LINEAR' },
    },
  };
}

export function ratioChart(
  title: string,
  numerator: ChartSeries,
  denominator: ChartSeries,
  options: ChartOptions = {},
): Widget {
  return {
    title,
    xyChart: {
      dataSets: [
        {
          plotType: 'LINE',
          targetAxis: 'Y1',
          timeSeriesQuery: {
            timeSeriesFilterRatio: {
              numerator: ratioPart(numerator),
              denominator: ratioPart(denominator),
            },
          },
        },
      ],
      ...thresholdsJson(options),
      yAxis: { label: options.yLabel ?? 'ratio', scale: 'LINEAR' },
    },
  };
}

function ratioPart(series: ChartSeries): Record<string, unknown> {
  return { filter: series.filter, ...(series.aggregation ? { aggregation: aggregationJson(series.aggregation) } : {}) };
}

export function alertChart(title: string, policyNameReference: string): Widget {
  return { title, alertChart: { name: policyNameReference } };
}

export function textTile(title: string, markdown: string): Widget {
  return { title, text: { content: markdown, format: 'MARKDOWN' } };
}

export function sectionHeader(title: string, subtitle: string): Widget {
  return { title, sectionHeader: { subtitle, dividerBelow: true } };
}
