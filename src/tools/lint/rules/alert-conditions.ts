// condition/* (and the filter/aggregation checks of threshold and absence conditions): what the
// AlertPolicy API checks about conditions (alert.proto; facts file §2.1–2.3).
import {
  ACCEPTED_COMPARISONS,
  DURATION_GRANULARITY_SECONDS,
  MAX_ABSENCE_DURATION_SECONDS,
  MAX_CONDITIONS_PER_POLICY,
  MAX_FORECAST_HORIZON_SECONDS,
  MIN_FORECAST_HORIZON_SECONDS,
  MIN_ABSENCE_DURATION_SECONDS,
  MIN_DURATION_WITH_MISSING_DATA_SECONDS,
  PROMQL_EVALUATION_INTERVAL_STEP_SECONDS,
} from '../../../gcp/api-limits';
import { CONDITION_FIELDS } from '../../../artifact/condition-kinds';
import { durationWords, readDurationField } from '../../../artifact/duration';
import { isOpaque, isRecord, type PathSegment } from '../../../artifact/model';
import type { Rule, RuleContext } from '../rule-context';
import { checkAggregations, type AggregationInput } from './aggregation-checks';
import { checkFilter } from './filter-checks';
import { checkSloSelector } from './slo';

const EXCLUSIVE: Readonly<Record<string, string>> = {
  conditionMonitoringQueryLanguage: 'an MQL condition',
  conditionMatchedLog: 'a log-match condition',
};

export const alertConditionRules: Rule = (context) => {
  const body = context.resource.body;
  const conditions = Array.isArray(body.conditions) ? body.conditions : [];
  if (conditions.length === 0 || conditions.length > MAX_CONDITIONS_PER_POLICY) {
    context.report(
      'condition/count',
      ['conditions'],
      `the policy has ${conditions.length} conditions; the API accepts 1 to ${MAX_CONDITIONS_PER_POLICY}`,
      conditions.length === 0 ? 'add a condition' : 'split the policy in two',
    );
  }
  conditions.forEach((condition, index) => {
    if (!isRecord(condition)) return;
    const path: PathSegment[] = ['conditions', index];
    const type = CONDITION_FIELDS.find((name) => isRecord(condition[name]));
    if (!type) {
      context.report(
        'condition/missing-type',
        path,
        `condition ${index} has none of ${CONDITION_FIELDS.join(', ')}; the API requires exactly one`,
      );
      return;
    }
    if (EXCLUSIVE[type] && conditions.length > 1) {
      context.report(
        'condition/exclusive',
        [...path, type],
        `${EXCLUSIVE[type]} must be the only condition of its policy; this policy has ${conditions.length}`,
        'move the other conditions to their own policy',
      );
    }
    const inner = condition[type] as Record<string, unknown>;
    const innerPath = [...path, type];
    switch (type) {
      case 'conditionThreshold':
        checkThreshold(context, inner, innerPath);
        break;
      case 'conditionAbsent':
        checkAbsence(context, inner, innerPath);
        break;
      case 'conditionMatchedLog':
        checkLogMatch(context, innerPath);
        break;
      case 'conditionMonitoringQueryLanguage':
        checkWholeMinutes(context, inner.duration, [...innerPath, 'duration']);
        checkMissingData(context, inner, innerPath);
        break;
      case 'conditionPrometheusQueryLanguage':
        checkPromQl(context, inner, innerPath);
        break;
      case 'conditionSql':
        break;
    }
  });
};

function aggregationList(value: unknown, path: readonly PathSegment[]): AggregationInput[] {
  return Array.isArray(value) ? value.map((item, index) => ({ value: item, path: [...path, index] })) : [];
}

function checkThreshold(context: RuleContext, threshold: Record<string, unknown>, path: readonly PathSegment[]): void {
  const shape = checkFilter(context, threshold.filter, [...path, 'filter'], {
    requireMetricType: true,
    allowSloSelector: true,
  });
  checkSloSelector(context, threshold.filter, [...path, 'filter']);
  const numeratorPeriod = checkAggregations(
    context,
    shape,
    aggregationList(threshold.aggregations, [...path, 'aggregations']),
    'alert',
  );
  if (threshold.denominatorFilter !== undefined) {
    const denominatorShape = checkFilter(context, threshold.denominatorFilter, [...path, 'denominatorFilter'], {
      requireMetricType: true,
      allowSloSelector: false,
    });
    const denominatorPeriod = checkAggregations(
      context,
      denominatorShape,
      aggregationList(threshold.denominatorAggregations, [...path, 'denominatorAggregations']),
      'alert',
    );
    if (numeratorPeriod !== undefined && denominatorPeriod !== undefined && numeratorPeriod !== denominatorPeriod) {
      context.report(
        'aggregation/ratio-periods',
        [...path, 'denominatorAggregations', 0, 'alignmentPeriod'],
        `the denominator is aligned over ${denominatorPeriod}s and the numerator over ${numeratorPeriod}s; the API requires the same alignment period for both`,
        `use "${numeratorPeriod}s" in both`,
      );
    }
  }
  const comparison = threshold.comparison;
  if (typeof comparison === 'string' && !isOpaque(comparison) && !ACCEPTED_COMPARISONS.includes(comparison)) {
    context.report(
      'condition/comparison',
      [...path, 'comparison'],
      `comparison ${comparison} is rejected by the API for threshold conditions; it accepts ${ACCEPTED_COMPARISONS.join(' and ')}`,
      'use COMPARISON_GT or COMPARISON_LT and adjust the threshold',
    );
  } else if (comparison === undefined) {
    context.report(
      'condition/comparison',
      [...path, 'comparison'],
      `the threshold condition has no comparison; the API requires ${ACCEPTED_COMPARISONS.join(' or ')}`,
    );
  }
  checkWholeMinutes(context, threshold.duration, [...path, 'duration']);
  checkMissingData(context, threshold, path);
  const forecast = threshold.forecastOptions;
  if (isRecord(forecast)) {
    const horizon = readDurationField(forecast.forecastHorizon);
    if (
      'seconds' in horizon &&
      (horizon.seconds < MIN_FORECAST_HORIZON_SECONDS || horizon.seconds > MAX_FORECAST_HORIZON_SECONDS)
    ) {
      context.report(
        'condition/forecast-horizon',
        [...path, 'forecastOptions', 'forecastHorizon'],
        `forecast horizon ${horizon.seconds}s is outside what the API accepts: ${MIN_FORECAST_HORIZON_SECONDS}s (1 h) to ${MAX_FORECAST_HORIZON_SECONDS}s (60 h)`,
        'use e.g. "3600s"',
      );
    } else if ('invalid' in horizon) {
      context.report(
        'condition/forecast-horizon',
        [...path, 'forecastOptions', 'forecastHorizon'],
        `forecast horizon ${horizon.invalid} is not a duration; the API requires one between 1 h and 60 h, e.g. "3600s"`,
      );
    }
  }
}

function checkAbsence(context: RuleContext, absence: Record<string, unknown>, path: readonly PathSegment[]): void {
  const shape = checkFilter(context, absence.filter, [...path, 'filter'], {
    requireMetricType: true,
    allowSloSelector: false,
  });
  checkAggregations(context, shape, aggregationList(absence.aggregations, [...path, 'aggregations']), 'alert');
  const parsed = readDurationField(absence.duration);
  if (
    'seconds' in parsed &&
    (parsed.seconds < MIN_ABSENCE_DURATION_SECONDS || parsed.seconds > MAX_ABSENCE_DURATION_SECONDS)
  ) {
    context.report(
      'condition/absence-duration',
      [...path, 'duration'],
      `absence duration ${parsed.seconds}s is outside what the API accepts: ${MIN_ABSENCE_DURATION_SECONDS}s to ${MAX_ABSENCE_DURATION_SECONDS}s (${durationWords(MAX_ABSENCE_DURATION_SECONDS)})`,
      parsed.seconds < MIN_ABSENCE_DURATION_SECONDS
        ? 'use at least "120s"'
        : `use at most "${MAX_ABSENCE_DURATION_SECONDS}s"`,
    );
  } else if (absence.duration === undefined) {
    context.report(
      'condition/absence-duration',
      [...path, 'duration'],
      `the absence condition has no duration; the API requires at least ${MIN_ABSENCE_DURATION_SECONDS}s`,
      'add duration, e.g. "300s"',
    );
  }
  checkWholeMinutes(context, absence.duration, [...path, 'duration']);
}

function checkLogMatch(context: RuleContext, path: readonly PathSegment[]): void {
  const strategy = context.resource.body.alertStrategy;
  if (!isRecord(strategy) || !isRecord(strategy.notificationRateLimit)) {
    context.report(
      'condition/log-match-rate-limit',
      path,
      'a log-match policy without alertStrategy.notificationRateLimit; the API requires a notification rate limit on log-based alert policies',
      'add alert_strategy { notification_rate_limit { period = "300s" } }',
    );
  }
}

function checkPromQl(context: RuleContext, promql: Record<string, unknown>, path: readonly PathSegment[]): void {
  if (promql.evaluationInterval === undefined) return;
  const parsed = readDurationField(promql.evaluationInterval);
  if ('seconds' in parsed && (parsed.seconds <= 0 || parsed.seconds % PROMQL_EVALUATION_INTERVAL_STEP_SECONDS !== 0)) {
    context.report(
      'condition/promql-interval',
      [...path, 'evaluationInterval'],
      `evaluation interval ${parsed.seconds}s is not a positive multiple of ${PROMQL_EVALUATION_INTERVAL_STEP_SECONDS}s, as the API requires`,
      'use "30s" or "60s"',
    );
  } else if ('invalid' in parsed) {
    context.report(
      'condition/promql-interval',
      [...path, 'evaluationInterval'],
      `evaluation interval ${parsed.invalid} is not a duration; expected seconds such as "30s"`,
    );
  }
}

function checkWholeMinutes(context: RuleContext, value: unknown, path: readonly PathSegment[]): void {
  if (value === undefined) return;
  const parsed = readDurationField(value);
  if ('invalid' in parsed) {
    context.report(
      'condition/duration-whole-minutes',
      path,
      `duration ${parsed.invalid} is not a duration; expected whole minutes in seconds, such as "300s"`,
    );
  } else if ('seconds' in parsed && (parsed.seconds < 0 || parsed.seconds % DURATION_GRANULARITY_SECONDS !== 0)) {
    const rounded = Math.max(0, Math.round(parsed.seconds / 60)) * 60;
    context.report(
      'condition/duration-whole-minutes',
      path,
      `duration ${parsed.seconds}s is not a whole number of minutes; the API accepts 0s, 60s, 120s, …`,
      `use "${rounded}s"`,
    );
  }
}

function checkMissingData(
  context: RuleContext,
  condition: Record<string, unknown>,
  path: readonly PathSegment[],
): void {
  const missing = condition.evaluationMissingData;
  if (missing === undefined || missing === 'EVALUATION_MISSING_DATA_UNSPECIFIED') return;
  const parsed = readDurationField(condition.duration ?? '0s');
  if ('seconds' in parsed && parsed.seconds < MIN_DURATION_WITH_MISSING_DATA_SECONDS) {
    context.report(
      'condition/missing-data-duration',
      [...path, 'evaluationMissingData'],
      `evaluationMissingData ${String(missing)} with a duration of ${parsed.seconds}s; the API requires a duration of at least ${MIN_DURATION_WITH_MISSING_DATA_SECONDS}s ("Conditions setting evaluation_missing_data must have a non-zero duration")`,
      'set duration to "60s" or more, or drop evaluation_missing_data',
    );
  }
}
