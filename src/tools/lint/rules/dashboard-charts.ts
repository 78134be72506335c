// Every chart's filter and aggregation, checked like an alert condition's (filter/*, aggregation/*),
// with the chart limits: alignment periods up to 104 weeks. Charts are found wherever a
// `timeSeriesQuery` appears (xyChart data sets, scorecards, tables, pie charts, nested groups).
// A single filter may be an SLO selector (the API reads them in any time-series filter; docs/slo.md),
// checked like an alert's: a known selector, its lookback, an SLO of the stack. A ratio side may not.
import { isRecord, type PathSegment } from '../../../artifact/model';
import type { Rule, RuleContext } from '../rule-context';
import { checkAggregations } from './aggregation-checks';
import { checkFilter } from './filter-checks';
import { checkSloSelector } from './slo';

export const dashboardChartRules: Rule = (context) => {
  if (context.resource.parseProblem) return;
  visit(context, context.resource.body, []);
};

function visit(context: RuleContext, value: unknown, path: readonly PathSegment[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(context, item, [...path, index]));
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'timeSeriesQuery' && isRecord(child)) checkQuery(context, child, [...path, key]);
    else visit(context, child, [...path, key]);
  }
}

function checkQuery(context: RuleContext, query: Record<string, unknown>, path: readonly PathSegment[]): void {
  const single = query.timeSeriesFilter;
  if (isRecord(single)) {
    const base = [...path, 'timeSeriesFilter'];
    const shape = checkFilter(context, single.filter, [...base, 'filter'], {
      requireMetricType: true,
      allowSloSelector: true,
    });
    checkSloSelector(context, single.filter, [...base, 'filter']);
    checkAggregations(
      context,
      shape,
      [
        { value: single.aggregation, path: [...base, 'aggregation'] },
        { value: single.secondaryAggregation, path: [...base, 'secondaryAggregation'] },
      ],
      'chart',
    );
  }
  const ratio = query.timeSeriesFilterRatio;
  if (isRecord(ratio)) {
    const base = [...path, 'timeSeriesFilterRatio'];
    for (const side of ['numerator', 'denominator'] as const) {
      const part = ratio[side];
      if (!isRecord(part)) continue;
      const shape = checkFilter(context, part.filter, [...base, side, 'filter'], {
        requireMetricType: true,
        allowSloSelector: false,
      });
      checkAggregations(context, shape, [{ value: part.aggregation, path: [...base, side, 'aggregation'] }], 'chart');
    }
    // The ratio's output is a DOUBLE gauge whatever its inputs; its secondary aggregation is checked for names and periods only.
    checkAggregations(
      context,
      undefined,
      [{ value: ratio.secondaryAggregation, path: [...base, 'secondaryAggregation'] }],
      'chart',
    );
  }
}
