// Condition builders: typed descriptions in, provider condition blocks out. Durations are whole
// seconds here and become "300s" text once; thresholds arrive already in the metric's unit.
import type { MonitoringAlertPolicyConditions } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { durationText } from '../gcp/units';

export interface Aggregation {
  readonly alignmentPeriodSeconds: number;
  readonly perSeriesAligner: string;
  readonly crossSeriesReducer?: string;
  readonly groupByFields?: readonly string[];
}

export interface ThresholdCondition {
  readonly displayName: string;
  readonly filter: string;
  readonly aggregation: Aggregation;
  /** A ratio condition: `filter` is the numerator. Both sides use the same aggregation. */
  readonly denominatorFilter?: string;
  readonly comparison: 'COMPARISON_GT' | 'COMPARISON_LT';
  readonly threshold: number;
  readonly durationSeconds: number;
  readonly evaluationMissingData?:
    | 'EVALUATION_MISSING_DATA_INACTIVE'
    | 'EVALUATION_MISSING_DATA_ACTIVE'
    | 'EVALUATION_MISSING_DATA_NO_OP';
}

export interface AbsenceCondition {
  readonly displayName: string;
  readonly filter: string;
  readonly aggregation: Aggregation;
  readonly durationSeconds: number;
}

function aggregationBlock(aggregation: Aggregation) {
  return {
    alignmentPeriod: durationText(aggregation.alignmentPeriodSeconds),
    perSeriesAligner: aggregation.perSeriesAligner,
    crossSeriesReducer: aggregation.crossSeriesReducer,
    groupByFields: aggregation.groupByFields ? [...aggregation.groupByFields] : undefined,
  };
}

export function thresholdCondition(condition: ThresholdCondition): MonitoringAlertPolicyConditions {
  const ratio = condition.denominatorFilter !== undefined;
  return {
    displayName: condition.displayName,
    conditionThreshold: {
      filter: condition.filter,
      aggregations: [aggregationBlock(condition.aggregation)],
      denominatorFilter: condition.denominatorFilter,
      denominatorAggregations: ratio ? [aggregationBlock(condition.aggregation)] : undefined,
      comparison: condition.comparison,
      thresholdValue: condition.threshold,
      duration: durationText(condition.durationSeconds),
      trigger: { count: 1 },
      evaluationMissingData: condition.evaluationMissingData,
    },
  };
}

export function absenceCondition(condition: AbsenceCondition): MonitoringAlertPolicyConditions {
  return {
    displayName: condition.displayName,
    conditionAbsent: {
      filter: condition.filter,
      aggregations: [aggregationBlock(condition.aggregation)],
      duration: durationText(condition.durationSeconds),
      trigger: { count: 1 },
    },
  };
}
