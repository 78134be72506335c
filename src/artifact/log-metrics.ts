// The shape of a log-based metric as the stack defines it (google_logging_metric).
import type { MetricKind, ValueType } from '../gcp/metric-catalog';
import { isRecord } from './json';

export interface LogMetricShape {
  readonly kind: MetricKind;
  readonly valueType: ValueType;
  readonly unit: string;
}

/**
 * A log-based metric's descriptor with Logging's defaults filled in: without a descriptor (or a
 * field of it) the metric counts entries, a DELTA INT64 of unit "1" (facts §1.6). `descriptor` is
 * in the API's spelling (metricKind, valueType, unit).
 */
export function logMetricShape(descriptor: unknown): LogMetricShape {
  const fields = isRecord(descriptor) ? descriptor : {};
  const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  return {
    kind: text(fields.metricKind, 'DELTA') as MetricKind,
    valueType: text(fields.valueType, 'INT64') as ValueType,
    unit: text(fields.unit, '1'),
  };
}
