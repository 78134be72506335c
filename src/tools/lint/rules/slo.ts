// slo/*: SLO resources (google_monitoring_slo) and the SLO selectors of alert conditions, against
// what the ServiceLevelObjective API accepts (docs/slo.md, Facts): goal 0 < goal <= 0.9999, a
// rolling period of 1–30 whole days or a calendar period, two of good/bad/total filters on DELTA or
// CUMULATIVE numbers, a distribution cut only on a DISTRIBUTION metric; a selector naming an SLO
// the stack defines, with a lookback in the units the selectors take.
import { isOpaque, isRecord, type PathSegment } from '../../../artifact/model';
import { MAX_SLO_GOAL_PERCENT, MAX_SLO_WINDOW_DAYS } from '../../../config/slo-limits';
import { lookbackSeconds, parseSloSelector, SLO_SELECTORS } from '../../../gcp/slo-selectors';
import type { Rule, RuleContext } from '../rule-context';
import { checkFilter } from './filter-checks';

const CALENDAR_PERIODS = ['DAY', 'WEEK', 'FORTNIGHT', 'MONTH'];
const MAX_GOAL = MAX_SLO_GOAL_PERCENT / 100;

const block = (value: unknown): Record<string, unknown> | undefined => {
  const one = Array.isArray(value) ? value[0] : value;
  return isRecord(one) ? one : undefined;
};

function checkGoalAndPeriod(context: RuleContext, body: Record<string, unknown>): void {
  const goal = body.goal;
  if (!isOpaque(goal) && !(typeof goal === 'number' && goal > 0 && goal <= MAX_GOAL)) {
    context.report(
      'slo/goal',
      ['goal'],
      `the goal is ${JSON.stringify(goal)}; the API accepts a fraction above 0 and at most ${MAX_GOAL}`,
      'write the goal as a fraction: 0.995 for 99.5%',
    );
  }
  const days = body.rollingPeriodDays;
  const calendar = body.calendarPeriod;
  if (days !== undefined && calendar !== undefined) {
    context.report('slo/period', ['calendarPeriod'], 'both a rolling and a calendar period; the API takes one of them');
  } else if (days === undefined && calendar === undefined) {
    context.report('slo/period', [], 'no period: set rolling_period_days (1 to 30) or calendar_period');
  } else if (days !== undefined && !isOpaque(days)) {
    if (!(typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_SLO_WINDOW_DAYS)) {
      context.report(
        'slo/period',
        ['rollingPeriodDays'],
        `the rolling period is ${JSON.stringify(days)} days; the API accepts a whole number of days from 1 to ${MAX_SLO_WINDOW_DAYS}`,
      );
    }
  } else if (typeof calendar === 'string' && !CALENDAR_PERIODS.includes(calendar)) {
    context.report(
      'slo/period',
      ['calendarPeriod'],
      `the calendar period is "${calendar}"; the API accepts ${CALENDAR_PERIODS.join(', ')}`,
    );
  }
}

function checkRatio(context: RuleContext, ratio: Record<string, unknown>, path: PathSegment[]): void {
  const given = ['goodServiceFilter', 'badServiceFilter', 'totalServiceFilter'].filter(
    (field) => typeof ratio[field] === 'string' && ratio[field] !== '',
  );
  if (given.length !== 2) {
    context.report(
      'slo/ratio-filters',
      path,
      `the ratio has ${given.length === 0 ? 'no filter' : given.join(', ')}; the API needs exactly two of good, bad and total`,
      'good and total, bad and total, or good and bad',
    );
  }
  for (const field of given) {
    const filterPath = [...path, field];
    const series = checkFilter(context, ratio[field], filterPath, { requireMetricType: true, allowSloSelector: false });
    const shape = series?.shape;
    if (shape && (shape.kind === 'GAUGE' || !['INT64', 'DOUBLE'].includes(shape.valueType))) {
      context.report(
        'slo/ratio-metric-kind',
        filterPath,
        `the filter selects a ${shape.kind} ${shape.valueType} metric; a ratio SLI counts DELTA or CUMULATIVE INT64 or DOUBLE series`,
      );
    }
  }
}

function checkCut(context: RuleContext, cut: Record<string, unknown>, path: PathSegment[]): void {
  const filterPath = [...path, 'distributionFilter'];
  const series = checkFilter(context, cut.distributionFilter, filterPath, {
    requireMetricType: true,
    allowSloSelector: false,
  });
  const shape = series?.shape;
  if (shape && (shape.valueType !== 'DISTRIBUTION' || shape.kind === 'GAUGE')) {
    context.report(
      'slo/distribution-cut-kind',
      filterPath,
      `the filter selects a ${shape.kind} ${shape.valueType} metric; a distribution cut needs a DELTA or CUMULATIVE DISTRIBUTION metric`,
      'use a good/total ratio for counters',
    );
  }
}

/** google_monitoring_slo: goal, period and the request-based SLI. */
export const sloRules: Rule = (context) => {
  const body = context.resource.body;
  checkGoalAndPeriod(context, body);
  const requestBased = block(body.requestBasedSli);
  if (!requestBased) return;
  const ratio = block(requestBased.goodTotalRatio);
  if (ratio) checkRatio(context, ratio, ['requestBasedSli', 'goodTotalRatio']);
  const cut = block(requestBased.distributionCut);
  if (cut) checkCut(context, cut, ['requestBasedSli', 'distributionCut']);
};

/** An alert threshold or chart whose filter is an SLO selector: a known selector, its lookback, its SLO. */
export function checkSloSelector(context: RuleContext, filter: unknown, path: readonly PathSegment[]): void {
  if (typeof filter !== 'string') return;
  const selector = parseSloSelector(filter);
  if (!selector) return;
  if (!(SLO_SELECTORS as readonly string[]).includes(selector.selector)) {
    context.report(
      'slo/unknown-selector',
      path,
      `${selector.selector} is not an SLO selector; the API documents ${SLO_SELECTORS.join(', ')}`,
    );
    return;
  }
  if (selector.selector === 'select_slo_burn_rate') {
    const seconds = selector.lookback === undefined ? undefined : lookbackSeconds(selector.lookback);
    if (seconds === undefined || seconds <= 0) {
      context.report(
        'slo/lookback',
        path,
        selector.lookback === undefined
          ? 'select_slo_burn_rate without a lookback; it needs one, such as "3600s"'
          : `the lookback "${selector.lookback}" is not a duration in ns, us, ms, s, m or h (no days: three days is "72h")`,
      );
    }
  }
  const slos = context.unit.slos;
  if (slos === undefined || selector.name.includes('${')) return;
  if (!slos.some((slo) => slo.name === selector.name)) {
    const names = slos.flatMap((slo) => (slo.name ? [slo.name] : []));
    context.report(
      'slo/unknown-slo',
      path,
      `no google_monitoring_slo in this stack is named ${selector.name}` +
        (names.length > 0 ? `; the stack defines ${names.join(', ')}` : '; the stack defines no SLO'),
    );
  }
}
