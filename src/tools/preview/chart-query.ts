// What a chart's query plots over the preview's series, computed with simulate's own filter
// matching, aligners, reducers, ratio join and SLO selectors: each chart shows the values Cloud
// Monitoring would plot for the same points. A query simulate cannot evaluate (MQL, PromQL, an
// aligner it does not know) is reported in words instead of drawn wrong.
import { readAggregations, type Aggregation } from '../../artifact/aggregations';
import { isRecord } from '../../artifact/json';
import { checkAligner, checkReducer, type SeriesShape } from '../../gcp/aggregation-rules';
import { FilterSyntaxError, matchesFilter, parseFilter } from '../../gcp/filter';
import { readingUnit } from '../../gcp/metric-catalog';
import { parseSloSelector } from '../../gcp/slo-selectors';
import { RATIO } from '../charts/chart-spec';
import { aggregateAt, type AggregatedSeries, type PreparedSeries } from '../simulate/aggregate';
import { numeric } from '../simulate/aligners';
import { ratioValues } from '../simulate/condition-trackers';
import { SIMULATED_ALIGNERS } from '../simulate/aligners';
import type { StackModel, ThresholdCondition } from '../simulate/policy-model';
import { SIMULATED_REDUCERS } from '../simulate/reducers';
import { SloNotSimulated, sloConditionTracker } from '../simulate/slo-tracker';
import type { PreviewData } from './preview-data';
import { seriesNames } from './series-name';

export interface PlottedSeries {
  readonly name: string;
  /** Seconds from the preview's t=0. */
  readonly points: Array<{ t: number; v: number }>;
}

export type QueryResult =
  | { readonly status: 'plotted'; readonly unit: string; readonly series: readonly PlottedSeries[] }
  | { readonly status: 'not-simulated'; readonly reason: string };

/** A chart of a week at a one-minute period would compute 10,000 instants per series: enough is what a tile can show. */
const MAX_INSTANTS = 720;
const DEFAULT_PERIOD_SECONDS = 60;

class NotSimulated extends Error {}

function select(filter: string, inputs: readonly PreparedSeries[]): PreparedSeries[] {
  let node;
  try {
    node = parseFilter(filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new NotSimulated(`its filter does not parse (${error.message})`);
    throw error;
  }
  return inputs.filter((input) => matchesFilter(node, input.series.identity));
}

/** The shape after the aggregations, checked with lint's rules; a chain simulate cannot run throws. */
function checkChain(aggregations: readonly Aggregation[], series: readonly PreparedSeries[]): void {
  if (series.length === 0) return;
  let shape: SeriesShape = { kind: series[0].series.kind, valueType: series[0].series.valueType };
  aggregations.forEach((aggregation, index) => {
    if (index === 0) {
      if (!SIMULATED_ALIGNERS.has(aggregation.aligner))
        throw new NotSimulated(`aligner ${aggregation.aligner} is not simulated`);
      const aligned = checkAligner(aggregation.aligner, shape);
      if (aligned.ok === false) throw new NotSimulated(`${aggregation.aligner} accepts ${aligned.accepts}`);
      if (aligned.ok === true) shape = aligned.output;
    }
    if (aggregation.reducer === 'REDUCE_NONE') return;
    if (!SIMULATED_REDUCERS.has(aggregation.reducer))
      throw new NotSimulated(`reducer ${aggregation.reducer} is not simulated`);
    const reduced = checkReducer(aggregation.reducer, shape);
    if (reduced.ok === false) throw new NotSimulated(`${aggregation.reducer} accepts ${reduced.accepts}`);
    if (reduced.ok === true) shape = reduced.output;
  });
}

/** Evaluation instants: every alignment period across the window, thinned to MAX_INSTANTS. */
function instants(data: PreviewData, period: number): number[] {
  const step = period * Math.max(1, Math.ceil((data.until - data.from) / (period * MAX_INSTANTS)));
  const out: number[] = [];
  for (let t = Math.ceil(data.from / step) * step; t <= data.until; t += step) out.push(t);
  return out;
}

/** The catalog unit of what the aggregations leave: fractions and counts change it. */
function aggregatedUnit(
  metricType: string | undefined,
  aggregations: readonly Aggregation[],
  stack: StackModel,
): string {
  const names = aggregations.flatMap((one) => [one.aligner, one.reducer]);
  if (names.some((name) => name === 'ALIGN_FRACTION_TRUE' || name === 'REDUCE_FRACTION_TRUE')) return RATIO;
  if (names.some((name) => /^(ALIGN|REDUCE)_COUNT/.test(name))) return '1';
  const unit = metricType ? (readingUnit(metricType) ?? stack.logMetrics.get(metricType)?.unit) : undefined;
  if (unit === undefined) return '1';
  return names.includes('ALIGN_RATE') ? `${unit}/s` : unit;
}

function metricTypeOf(filter: string): string | undefined {
  return /metric\.type\s*=\s*"([^"]+)"/.exec(filter)?.[1];
}

type Collected = Map<string, { labels: AggregatedSeries['labels']; points: Array<{ t: number; v: number }> }>;

function collect(into: Collected, at: number, values: ReadonlyMap<string, AggregatedSeries>): void {
  for (const [key, one] of values) {
    const line = into.get(key) ?? { labels: one.labels, points: [] };
    line.points.push({ t: at, v: numeric(one.value) });
    into.set(key, line);
  }
}

function named(collected: Collected, legendTemplate: string | undefined, fallback: string): PlottedSeries[] {
  const lines = [...collected.values()];
  const names = seriesNames(
    lines.map((line) => line.labels),
    legendTemplate,
    fallback,
  );
  return lines.map((line, index) => ({ name: names[index], points: line.points }));
}

function filterQuery(
  query: Record<string, unknown>,
  data: PreviewData,
  stack: StackModel,
  legendTemplate: string | undefined,
): QueryResult {
  const filter = typeof query.filter === 'string' ? query.filter : '';
  if (parseSloSelector(filter)) return sloQuery(filter, data, stack, legendTemplate);
  const aggregations = readAggregations([query.aggregation, query.secondaryAggregation].filter(isRecord));
  const matched = select(filter, data.prepared);
  checkChain(aggregations, matched);
  const collected: Collected = new Map();
  for (const at of instants(data, aggregations[0]?.alignmentPeriod ?? DEFAULT_PERIOD_SECONDS))
    collect(collected, at, aggregateAt(matched, aggregations, at));
  const type = metricTypeOf(filter);
  return {
    status: 'plotted',
    unit: aggregatedUnit(type, aggregations, stack),
    // One series with nothing to tell it apart is named by its metric, without the service's domain.
    series: named(collected, legendTemplate, type ? type.replace(/^[^/]*\.googleapis\.com\/(user\/)?/, '') : filter),
  };
}

function ratioQuery(
  query: Record<string, unknown>,
  data: PreviewData,
  legendTemplate: string | undefined,
): QueryResult {
  const side = (name: 'numerator' | 'denominator') => {
    const part = isRecord(query[name]) ? query[name] : {};
    const aggregations = readAggregations([part.aggregation].filter(isRecord));
    const matched = select(typeof part.filter === 'string' ? part.filter : '', data.prepared);
    checkChain(aggregations, matched);
    return { aggregations, matched };
  };
  const secondary = readAggregations([query.secondaryAggregation].filter(isRecord));
  if (secondary.some((one) => one.reducer !== 'REDUCE_NONE'))
    throw new NotSimulated('a secondary aggregation of a ratio is not simulated');
  const top = side('numerator');
  const bottom = side('denominator');
  const collected: Collected = new Map();
  for (const at of instants(data, top.aggregations[0]?.alignmentPeriod ?? DEFAULT_PERIOD_SECONDS))
    collect(
      collected,
      at,
      ratioValues(aggregateAt(top.matched, top.aggregations, at), aggregateAt(bottom.matched, bottom.aggregations, at)),
    );
  return { status: 'plotted', unit: RATIO, series: named(collected, legendTemplate, 'ratio') };
}

/** An SLO selector's value over time, from the series the SLO's own filters select (simulate's SLO tracker). */
function sloQuery(
  filter: string,
  data: PreviewData,
  stack: StackModel,
  legendTemplate: string | undefined,
): QueryResult {
  const selector = parseSloSelector(filter)!;
  // The tracker of a threshold condition on the selector, never met: only its recorded values are read.
  const condition: ThresholdCondition = {
    type: 'threshold',
    displayName: selector.selector,
    filter,
    aggregations: [],
    denominatorAggregations: [],
    comparison: 'COMPARISON_GT',
    thresholdValue: Number.POSITIVE_INFINITY,
    durationSeconds: 0,
    trigger: { count: 1 },
    missingData: 'NO_OP',
  };
  let tracker;
  try {
    ({ tracker } = sloConditionTracker(condition, stack.slos, data.prepared, () => false, true));
  } catch (error) {
    if (error instanceof SloNotSimulated) throw new NotSimulated(error.message);
    if (error instanceof FilterSyntaxError)
      throw new NotSimulated(`its SLO's filter does not parse (${error.message})`);
    throw error;
  }
  const points: Array<{ t: number; v: number }> = [];
  for (const at of instants(data, DEFAULT_PERIOD_SECONDS)) {
    const value = tracker.step(at, at).values?.get('');
    if (value !== undefined) points.push({ t: at, v: value });
  }
  const burnRate = selector.selector === 'select_slo_burn_rate';
  const name = legendTemplate || (burnRate ? `burn rate over ${selector.lookback}` : 'error budget left');
  return { status: 'plotted', unit: burnRate ? '1' : RATIO, series: [{ name, points }] };
}

/** Evaluates one `timeSeriesQuery` of a chart or scorecard. */
export function evaluateQuery(
  query: unknown,
  data: PreviewData,
  stack: StackModel,
  legendTemplate?: string,
): QueryResult {
  const body = isRecord(query) ? query : {};
  try {
    if (isRecord(body.timeSeriesFilter)) return filterQuery(body.timeSeriesFilter, data, stack, legendTemplate);
    if (isRecord(body.timeSeriesFilterRatio)) return ratioQuery(body.timeSeriesFilterRatio, data, legendTemplate);
    if (typeof body.timeSeriesQueryLanguage === 'string')
      return { status: 'not-simulated', reason: 'an MQL query is not simulated' };
    if (typeof body.prometheusQuery === 'string')
      return { status: 'not-simulated', reason: 'a PromQL query is not simulated' };
    return { status: 'not-simulated', reason: 'the query has no timeSeriesFilter or timeSeriesFilterRatio' };
  } catch (error) {
    if (error instanceof NotSimulated) return { status: 'not-simulated', reason: error.message };
    throw error;
  }
}
