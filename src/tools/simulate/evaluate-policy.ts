// Runs one alert policy over a test's input series: compiles each condition (filter, matching
// series, aggregation checks, ingest delay), steps every condition once per evaluation instant,
// combines them (OR, AND, AND_WITH_MATCHING_RESOURCE) and opens and closes incidents.
import { checkAligner, checkReducer, SeriesShape } from '../../gcp/aggregation-rules';
import { FilterSyntaxError, matchesFilter, parseFilter } from '../../gcp/filter';
import { EVALUATION_INTERVAL_SECONDS, prepare, PreparedSeries } from './aggregate';
import { SIMULATED_ALIGNERS } from './aligners';
import type { Slo } from '../../artifact/slos';
import { parseSloSelector } from '../../gcp/slo-selectors';
import {
  absenceTracker,
  ConditionTick,
  ConditionTracker,
  compare,
  SIMULATED_COMPARISONS,
  thresholdTracker,
} from './condition-trackers';
import { ingestDelayOf } from './ingest-delay';
import { Labels, labelsKey } from './labels';
import type { Aggregation, Condition, Policy } from './policy-model';
import { SIMULATED_REDUCERS } from './reducers';
import type { InputSeries } from './series';
import { SloNotSimulated, sloConditionTracker } from './slo-tracker';

export interface Incident {
  /** Wall-clock second (from the test's start) of the evaluation that opened it: the notification. */
  readonly openedAt: number;
  readonly failing: readonly Labels[];
  /** Indexes of the conditions that were met when it opened. */
  readonly conditionsMet: readonly number[];
  closedAt?: number;
  closedBy?: 'resolved' | 'auto-close';
}

export interface ConditionTrace {
  readonly displayName: string;
  readonly ingestDelaySeconds: number;
  /** Per evaluation instant, the compared value of each output series (threshold conditions). */
  readonly values: Map<string, Array<[number, number]>>;
  readonly threshold?: number;
}

export type PolicyRun =
  | {
      readonly status: 'evaluated';
      readonly policy: Policy;
      readonly incidents: readonly Incident[];
      readonly traces: readonly ConditionTrace[];
    }
  | { readonly status: 'no-input'; readonly policy: Policy }
  | { readonly status: 'not-simulated'; readonly policy: Policy; readonly reason: string };

interface Compiled {
  readonly tracker: ConditionTracker;
  readonly delay: number;
  readonly trace: ConditionTrace;
  readonly matched: number;
}

class NotSimulated extends Error {}

function selectSeries(filter: string, inputs: readonly PreparedSeries[], what: string): PreparedSeries[] {
  let node;
  try {
    node = parseFilter(filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new NotSimulated(`its ${what} does not parse (${error.message})`);
    throw error;
  }
  return inputs.filter((input) => matchesFilter(node, input.series.identity));
}

/** Checks the aggregation chain against the series' shape with the lint rules; the failure in words. */
function checkAggregations(aggregations: readonly Aggregation[], series: InputSeries): void {
  let shape: SeriesShape = { kind: series.kind, valueType: series.valueType };
  aggregations.forEach((aggregation, index) => {
    if (index === 0) {
      if (!SIMULATED_ALIGNERS.has(aggregation.aligner))
        throw new NotSimulated(`aligner ${aggregation.aligner} is not simulated`);
      const aligned = checkAligner(aggregation.aligner, shape);
      if (aligned.ok === false)
        throw new NotSimulated(
          `${aggregation.aligner} accepts ${aligned.accepts}, but ${series.identity.metricType} is ${shape.kind} ${shape.valueType}`,
        );
      if (aligned.ok === true) shape = aligned.output;
    }
    if (aggregation.reducer === 'REDUCE_NONE') return;
    if (!SIMULATED_REDUCERS.has(aggregation.reducer))
      throw new NotSimulated(`reducer ${aggregation.reducer} is not simulated`);
    if (aggregations[0].aligner === 'ALIGN_NONE')
      throw new NotSimulated(
        `${aggregation.reducer} needs a per-series aligner other than ALIGN_NONE (the API rejects this)`,
      );
    const reduced = checkReducer(aggregation.reducer, shape);
    if (reduced.ok === false)
      throw new NotSimulated(
        `${aggregation.reducer} accepts ${reduced.accepts}, but the aligned series is ${shape.kind} ${shape.valueType}`,
      );
    if (reduced.ok === true) shape = reduced.output;
  });
  if (shape.valueType === 'DISTRIBUTION')
    throw new NotSimulated('its aggregations leave a distribution, which a threshold cannot compare');
}

function delayOf(series: readonly PreparedSeries[]): number {
  return Math.max(0, ...series.map((one) => ingestDelayOf(one.series.identity.metricType).seconds));
}

function compile(
  condition: Condition,
  inputs: readonly PreparedSeries[],
  forgetAfter: number,
  recordValues: boolean,
  slos: ReadonlyMap<string, Slo>,
): Compiled {
  if (condition.type === 'unsupported')
    throw new NotSimulated(`condition "${condition.displayName}" is a ${condition.what}: not simulated`);
  if (condition.type === 'threshold' && parseSloSelector(condition.filter))
    return compileSloCondition(condition, inputs, recordValues, slos);
  const matched = selectSeries(condition.filter, inputs, 'filter');
  if (matched.length > 0) checkAggregations(condition.aggregations, matched[0].series);
  const trace: ConditionTrace = { displayName: condition.displayName, ingestDelaySeconds: 0, values: new Map() };
  if (condition.type === 'absent') {
    const delay = delayOf(matched);
    return {
      tracker: absenceTracker(condition, matched),
      delay,
      trace: { ...trace, ingestDelaySeconds: delay },
      matched: matched.length,
    };
  }
  if (!SIMULATED_COMPARISONS.has(condition.comparison))
    throw new NotSimulated(`comparison ${condition.comparison} is not simulated`);
  let denominator: PreparedSeries[] | undefined;
  if (condition.denominatorFilter) {
    denominator = selectSeries(condition.denominatorFilter, inputs, 'denominator filter');
    if (denominator.length > 0) checkAggregations(condition.denominatorAggregations, denominator[0].series);
  }
  const delay = delayOf([...matched, ...(denominator ?? [])]);
  return {
    tracker: thresholdTracker(condition, matched, denominator, forgetAfter, recordValues),
    delay,
    trace: { ...trace, ingestDelaySeconds: delay, threshold: condition.thresholdValue },
    matched: matched.length + (denominator?.length ?? 0),
  };
}

/** A threshold on an SLO selector: its value comes from the series the SLO's own filters select. */
function compileSloCondition(
  condition: Condition & { type: 'threshold' },
  inputs: readonly PreparedSeries[],
  recordValues: boolean,
  slos: ReadonlyMap<string, Slo>,
): Compiled {
  if (!SIMULATED_COMPARISONS.has(condition.comparison))
    throw new NotSimulated(`comparison ${condition.comparison} is not simulated`);
  let compiled;
  try {
    compiled = sloConditionTracker(
      condition,
      slos,
      inputs,
      (value) => compare(value, condition.comparison, condition.thresholdValue),
      recordValues,
    );
  } catch (error) {
    if (error instanceof SloNotSimulated) throw new NotSimulated(error.message);
    if (error instanceof FilterSyntaxError)
      throw new NotSimulated(`its SLO's filter does not parse (${error.message})`);
    throw error;
  }
  const delay = Math.max(0, ...compiled.series.map((one) => ingestDelayOf(one.identity.metricType).seconds));
  return {
    tracker: compiled.tracker,
    delay,
    trace: {
      displayName: condition.displayName,
      ingestDelaySeconds: delay,
      values: new Map(),
      threshold: condition.thresholdValue,
    },
    matched: compiled.series.length,
  };
}

/** Resource labels shared by two label sets agree (AND_WITH_MATCHING_RESOURCE). */
function sameResource(a: Labels, b: Labels): boolean {
  return Object.keys(a).every((key) => !key.startsWith('resource.') || b[key] === undefined || b[key] === a[key]);
}

/**
 * ASSUMPTION (alert-evaluation.md §2.11 leaves "same resource" open when conditions group
 * differently): a resource matches when every resource field both failing series carry is equal.
 */
function combine(combiner: string, ticks: readonly ConditionTick[]): { met: boolean; failing: Labels[] } {
  const combined = combineConditions(combiner, ticks);
  return {
    met: combined.met,
    failing: [...new Map(combined.failing.map((labels) => [labelsKey(labels), labels])).values()],
  };
}

function combineConditions(combiner: string, ticks: readonly ConditionTick[]): { met: boolean; failing: Labels[] } {
  if (combiner === 'AND') {
    const met = ticks.every((tick) => tick.met);
    return { met, failing: met ? ticks.flatMap((tick) => tick.failing) : [] };
  }
  if (combiner === 'AND_WITH_MATCHING_RESOURCE') {
    if (!ticks.every((tick) => tick.met)) return { met: false, failing: [] };
    const [first, ...rest] = ticks;
    const shared = first.failing.filter((labels) =>
      rest.every((tick) => tick.failing.some((other) => sameResource(labels, other))),
    );
    return { met: shared.length > 0, failing: shared };
  }
  return { met: ticks.some((tick) => tick.met), failing: ticks.flatMap((tick) => tick.failing) };
}

export interface EvaluationOptions {
  /** Last wall-clock second to evaluate (inclusive). */
  readonly until: number;
  /** Keep per-instant values for plots (slower). */
  readonly recordValues?: boolean;
  /** Leave the ingest delay out (data visible the instant it is sampled). */
  readonly ignoreIngestDelay?: boolean;
  /** The stack's SLOs by name, for conditions on SLO selectors. */
  readonly slos?: ReadonlyMap<string, Slo>;
}

export function evaluatePolicy(policy: Policy, series: readonly InputSeries[], options: EvaluationOptions): PolicyRun {
  const inputs = prepare(series);
  let compiled: Compiled[];
  try {
    compiled = policy.conditions.map((condition) =>
      compile(condition, inputs, policy.autoCloseSeconds, options.recordValues ?? false, options.slos ?? new Map()),
    );
  } catch (error) {
    if (error instanceof NotSimulated) return { status: 'not-simulated', policy, reason: error.message };
    throw error;
  }
  if (compiled.every((one) => one.matched === 0)) return { status: 'no-input', policy };
  const incidents: Incident[] = [];
  let open: Incident | undefined;
  let lastData = 0;
  // After an auto-close, a condition still "met" on stale series must not reopen at once.
  let awaitingData = false;
  for (let wall = 0; wall <= options.until; wall += EVALUATION_INTERVAL_SECONDS) {
    const ticks = compiled.map((one) => {
      const tick = one.tracker.step(wall, wall - (options.ignoreIngestDelay ? 0 : one.delay));
      if (tick.values) {
        for (const [key, value] of tick.values) {
          const line = one.trace.values.get(key) ?? [];
          line.push([wall, value]);
          one.trace.values.set(key, line);
        }
      }
      return tick;
    });
    const { met, failing } = combine(policy.combiner, ticks);
    const hasData = ticks.some((tick) => tick.hasData);
    const decided = ticks.some((tick) => tick.decided);
    if (hasData) {
      lastData = wall;
      awaitingData = false;
    }
    if (open) {
      if (!met && decided) {
        open.closedAt = wall;
        open.closedBy = 'resolved';
        open = undefined;
      } else if (wall - lastData >= policy.autoCloseSeconds) {
        // "If an alert policy that was active has no data for this long, any open incidents will close."
        open.closedAt = wall;
        open.closedBy = 'auto-close';
        open = undefined;
        awaitingData = true;
      }
    } else if (met && policy.enabled && !awaitingData) {
      open = { openedAt: wall, failing, conditionsMet: ticks.flatMap((tick, index) => (tick.met ? [index] : [])) };
      incidents.push(open);
    }
  }
  return { status: 'evaluated', policy, incidents, traces: compiled.map((one) => one.trace) };
}
