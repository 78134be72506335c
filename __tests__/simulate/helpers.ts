// Test helpers: policies and series written out in full, so each test shows its arithmetic.
import type { MetricKind, ValueType } from '../../src/gcp/metric-catalog';
import type { Aggregation, Condition, Policy, ThresholdCondition } from '../../src/tools/simulate/policy-model';
import type { InputSeries, PointValue } from '../../src/tools/simulate/series';

export const METRIC = 'custom.googleapis.com/test/value';

/** One sample a minute from t=0; null is a missing sample. */
export function series(
  values: ReadonlyArray<PointValue | null>,
  options: {
    metric?: string;
    resource?: string;
    labels?: Record<string, string>;
    metricLabels?: Record<string, string>;
    kind?: MetricKind;
    valueType?: ValueType;
    start?: number;
  } = {},
): InputSeries {
  const start = options.start ?? 0;
  return {
    name: 'test series',
    identity: {
      metricType: options.metric ?? METRIC,
      resourceType: options.resource ?? 'gce_instance',
      resourceLabels: options.labels ?? {},
      metricLabels: options.metricLabels ?? {},
    },
    kind: options.kind ?? 'GAUGE',
    valueType: options.valueType ?? 'DOUBLE',
    points: values.flatMap((v, index) => (v === null ? [] : [{ t: start + index * 60, v }])),
  };
}

export function aggregation(
  aligner: string,
  alignmentPeriod = 60,
  reducer = 'REDUCE_NONE',
  groupByFields: string[] = [],
): Aggregation {
  return { aligner, alignmentPeriod, reducer, groupByFields };
}

export function threshold(overrides: Partial<ThresholdCondition> = {}): ThresholdCondition {
  return {
    type: 'threshold',
    displayName: 'value too high',
    filter: `metric.type = "${METRIC}"`,
    aggregations: [aggregation('ALIGN_MAX')],
    denominatorAggregations: [],
    comparison: 'COMPARISON_GT',
    thresholdValue: 5,
    durationSeconds: 0,
    trigger: { count: 1 },
    missingData: 'NO_OP',
    ...overrides,
  };
}

export function policy(conditions: Condition[], overrides: Partial<Policy> = {}): Policy {
  return {
    address: 'google_monitoring_alert_policy.test',
    displayName: 'test policy',
    combiner: 'OR',
    conditions,
    autoCloseSeconds: 1800,
    enabled: true,
    ...overrides,
  };
}
