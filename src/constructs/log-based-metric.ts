// Log-based metrics: counters of matching log entries, and distributions of a numeric field.
// Their metric type is logging.googleapis.com/user/<name>; names carry the environment so that
// environments sharing a project never collide.
import { LoggingMetric } from '@cdktf/provider-google/lib/logging-metric';
import type { Construct } from 'constructs';
import type { Environment } from '../config/environment';
import { LOG_BASED_METRIC_PREFIX } from '../gcp/metric-catalog';
import { logMetricName } from './monitoring-context';

export interface LogMetricRef {
  readonly name: string;
  readonly metricType: string;
}

export function countLogEntries(scope: Construct, id: string, environment: Environment, metric: string, filter: string, description: string): LogMetricRef {
  const name = logMetricName(environment, metric);
  const resource = new LoggingMetric(scope, id, {
    project: environment.project,
    name,
    description,
    filter,
    metricDescriptor: { metricKind: 'DELTA', valueType: 'INT64', unit: '1', displayName: `${metric} (${environment.name})` },
  });
  resource.overrideLogicalId(id);
  return { name, metricType: `${LOG_BASED_METRIC_PREFIX}${name}` };
}

export interface DistributionOptions {
  readonly field: string;
  readonly unit: string;
  readonly bounds: readonly number[];
}

export function distributionOfLogField(scope: Construct, id: string, environment: Environment, metric: string, filter: string, description: string, options: DistributionOptions): LogMetricRef {
  const name = logMetricName(environment, metric);
  const resource = new LoggingMetric(scope, id, {
    project: environment.project,
    name,
    description,
    filter,
    valueExtractor: `EXTRACT(${options.field})`,
    metricDescriptor: { metricKind: 'DELTA', valueType: 'DISTRIBUTION', unit: options.unit, displayName: `${metric} (${environment.name})` },
    bucketOptions: { explicitBuckets: { bounds: [...options.bounds] } },
  });
  resource.overrideLogicalId(id);
  return { name, metricType: `${LOG_BASED_METRIC_PREFIX}${name}` };
}
