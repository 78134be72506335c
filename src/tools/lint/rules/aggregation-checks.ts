// aggregation/*: aligners and reducers that fit the series they are applied to (common.proto's
// tables, src/gcp/aggregation-rules.ts), a reducer only after a real aligner and an alignment
// period, and alignment periods within the API's bounds. Group-by labels are checked against
// Google's lists like filter labels (filter/label-typo, filter/unknown-label).
import {
  ALIGNER_RULES,
  checkAligner,
  checkReducer,
  REDUCER_RULES,
  type SeriesShape,
} from '../../../gcp/aggregation-rules';
import {
  MAX_ALERT_ALIGNMENT_PERIOD_SECONDS,
  MAX_CHART_ALIGNMENT_PERIOD_SECONDS,
  MIN_ALIGNMENT_PERIOD_SECONDS,
} from '../../../gcp/api-limits';
import { closestName } from '../../../util/closest-name';
import { durationWords, readDurationField } from '../../../artifact/duration';
import { isOpaque, isRecord, type PathSegment } from '../../../artifact/model';
import type { RuleContext } from '../rule-context';
import type { FilteredSeries } from './filter-checks';
import { checkLabel, groupByLabel, type LabelScope } from './label-checks';

export interface AggregationInput {
  readonly value: unknown;
  readonly path: readonly PathSegment[];
}

export type AggregationScope = 'alert' | 'chart';

/** Checks aggregations applied in order; returns the alignment period of the first (seconds), if known. */
export function checkAggregations(
  context: RuleContext,
  input: FilteredSeries | undefined,
  aggregations: readonly AggregationInput[],
  scope: AggregationScope,
): number | undefined {
  let shape = input?.shape;
  let firstPeriod: number | undefined;
  // A later aggregation (a chart's secondaryAggregation) works on series already aligned by an earlier one.
  let aligned = false;
  aggregations.forEach(({ value, path }, index) => {
    if (!isRecord(value)) return;
    const aligner = typeof value.perSeriesAligner === 'string' ? value.perSeriesAligner : undefined;
    const reducer = typeof value.crossSeriesReducer === 'string' ? value.crossSeriesReducer : undefined;
    const period = checkPeriod(context, value.alignmentPeriod, [...path, 'alignmentPeriod'], scope, aligner);
    if (index === 0) firstPeriod = period;
    if (input?.labelScope) checkGroupBy(context, input.labelScope, value.groupByFields, [...path, 'groupByFields']);

    const alignerKnown = checkName(context, aligner, ALIGNER_RULES, [...path, 'perSeriesAligner'], 'aligner');
    const reducerKnown = checkName(context, reducer, REDUCER_RULES, [...path, 'crossSeriesReducer'], 'reducer');

    if (reducer && reducer !== 'REDUCE_NONE' && !isOpaque(reducer)) {
      if ((!aligner || aligner === 'ALIGN_NONE') && !aligned) {
        context.report(
          'aggregation/reducer-needs-aligner',
          [...path, 'crossSeriesReducer'],
          `${reducer} is set with ${aligner ? 'ALIGN_NONE' : 'no per-series aligner'}; the API requires an aligner other than ALIGN_NONE before a cross-series reducer`,
          shape
            ? `add perSeriesAligner, e.g. ${suggestAligner(shape)}`
            : 'add perSeriesAligner (ALIGN_MEAN for gauges, ALIGN_RATE or ALIGN_DELTA for counters)',
        );
      }
      // Charts may omit it: the chart's minAlignmentPeriod (or the console's automatic period) supplies one.
      if (value.alignmentPeriod === undefined && scope === 'alert' && !aligned) {
        context.report(
          'aggregation/reducer-needs-aligner',
          [...path, 'alignmentPeriod'],
          `${reducer} is set without an alignment period; the API requires alignmentPeriod with a cross-series reducer`,
          'add alignment_period, e.g. "300s"',
        );
      }
    }

    if (aligner && aligner !== 'ALIGN_NONE') aligned = true;
    if (shape && aligner && alignerKnown) {
      const result = checkAligner(aligner, shape);
      if (result.ok === false) {
        context.report(
          'aggregation/aligner-kind',
          [...path, 'perSeriesAligner'],
          `${aligner} does not fit a ${shape.kind} ${shape.valueType} series; it accepts ${result.accepts}`,
          `use ${suggestAligner(shape)}`,
        );
        shape = undefined;
      } else if (result.ok === true) {
        shape = result.output;
      }
    }
    if (shape && reducer && reducerKnown && aligner !== 'ALIGN_NONE' && aligner !== undefined) {
      const result = checkReducer(reducer, shape);
      if (result.ok === false) {
        context.report(
          'aggregation/reducer-kind',
          [...path, 'crossSeriesReducer'],
          `${reducer} does not fit the aligned ${shape.kind} ${shape.valueType} series; it accepts ${result.accepts}`,
          shape.valueType === 'BOOL'
            ? 'use REDUCE_COUNT_TRUE, REDUCE_COUNT_FALSE or REDUCE_FRACTION_TRUE'
            : 'use REDUCE_SUM, REDUCE_MEAN or REDUCE_MAX',
        );
        shape = undefined;
      } else if (result.ok === true) {
        shape = result.output;
      }
    }
  });
  return firstPeriod;
}

function checkGroupBy(context: RuleContext, scope: LabelScope, fields: unknown, path: readonly PathSegment[]): void {
  if (!Array.isArray(fields)) return;
  fields.forEach((field, index) => {
    const label = typeof field === 'string' ? groupByLabel(field) : undefined;
    if (label) checkLabel(context, scope, label.side, label.key, [...path, index]);
  });
}

function checkName(
  context: RuleContext,
  name: string | undefined,
  known: Readonly<Record<string, unknown>>,
  path: readonly PathSegment[],
  what: string,
): boolean {
  if (name === undefined || isOpaque(name)) return false;
  if (name in known) return true;
  const suggestion = closestName(name, Object.keys(known));
  context.report(
    'aggregation/unknown-name',
    path,
    `"${name}" is not an ${what} the API knows${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    suggestion ? `use ${suggestion}` : undefined,
  );
  return false;
}

function checkPeriod(
  context: RuleContext,
  value: unknown,
  path: readonly PathSegment[],
  scope: AggregationScope,
  aligner: string | undefined,
): number | undefined {
  if (value === undefined) {
    if (scope === 'alert' && aligner && aligner !== 'ALIGN_NONE' && !isOpaque(aligner)) {
      context.report(
        'aggregation/alignment-period',
        path,
        `${aligner} is set without an alignment period; the API requires alignmentPeriod with any aligner other than ALIGN_NONE`,
        'add alignment_period, e.g. "300s"',
      );
    }
    return undefined;
  }
  const parsed = readDurationField(value);
  if ('opaque' in parsed) return undefined;
  if ('invalid' in parsed) {
    context.report(
      'aggregation/alignment-period',
      path,
      `alignment period ${parsed.invalid} is not a duration; expected seconds such as "300s"`,
    );
    return undefined;
  }
  const max = scope === 'alert' ? MAX_ALERT_ALIGNMENT_PERIOD_SECONDS : MAX_CHART_ALIGNMENT_PERIOD_SECONDS;
  if (parsed.seconds < MIN_ALIGNMENT_PERIOD_SECONDS || parsed.seconds > max) {
    context.report(
      'aggregation/alignment-period',
      path,
      `alignment period ${parsed.seconds}s is outside what the API accepts ${scope === 'alert' ? 'in alert policies' : 'in charts'}: ${MIN_ALIGNMENT_PERIOD_SECONDS}s to ${max}s (${durationWords(max)})`,
      parsed.seconds < MIN_ALIGNMENT_PERIOD_SECONDS ? 'use at least "60s"' : `use at most "${max}s"`,
    );
  }
  return parsed.seconds;
}

function suggestAligner(shape: SeriesShape): string {
  if (shape.valueType === 'DISTRIBUTION')
    return shape.kind === 'CUMULATIVE'
      ? 'ALIGN_DELTA (then REDUCE_PERCENTILE_99)'
      : 'ALIGN_PERCENTILE_99, or ALIGN_DELTA then REDUCE_PERCENTILE_99';
  if (shape.valueType === 'BOOL') return 'ALIGN_NEXT_OLDER, ALIGN_COUNT_TRUE or ALIGN_FRACTION_TRUE';
  if (shape.kind === 'GAUGE') return 'ALIGN_MEAN or ALIGN_MAX';
  return 'ALIGN_RATE or ALIGN_DELTA';
}
