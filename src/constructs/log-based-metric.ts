// Log-based metrics: counters of matching log entries, and distributions of a numeric field.
// Their metric type is logging.googleapis.com/user/<name>; names carry the environment so that
// environments sharing a project never collide.
import { LoggingMetric, LoggingMetricConfig } from '@cdktf/provider-google/lib/logging-metric';
import type { Construct } from 'constructs';
import type { Environment } from '../config/environment';
import { LOG_BASED_METRIC_PREFIX } from '../gcp/metric-catalog';
import { logMetricName } from './monitoring-context';

export interface LogMetricRef {
  readonly name: string;
  readonly metricType: string;
}

interface LogMetricSpec {
  readonly id: string;
  readonly metric: string;
  readonly filter: string;
  readonly description: string;
}

function createLogMetric(
  scope: Construct,
  environment: Environment,
  spec: LogMetricSpec,
  shape: Pick<LoggingMetricConfig, 'metricDescriptor' | 'valueExtractor' | 'bucketOptions'>,
): LogMetricRef {
  const name = logMetricName(environment, spec.metric);
  const resource = new LoggingMetric(scope, spec.id, {
    project: environment.project,
    name,
    description: spec.description,
    filter: spec.filter,
    ...shape,
  });
  resource.overrideLogicalId(spec.id);
  return { name, metricType: `${LOG_BASED_METRIC_PREFIX}${name}` };
}

function descriptorDisplayName(environment: Environment, metric: string): string {
  return `${metric} (${environment.name})`;
}

export function countLogEntries(
  scope: Construct,
  id: string,
  environment: Environment,
  metric: string,
  filter: string,
  description: string,
): LogMetricRef {
  return createLogMetric(
    scope,
    environment,
    { id, metric, filter, description },
    {
      metricDescriptor: {
        metricKind: 'DELTA',
        valueType: 'INT64',
        unit: '1',
        displayName: descriptorDisplayName(environment, metric),
      },
    },
  );
}

export interface DistributionOptions {
  readonly field: string;
  readonly unit: string;
  readonly bounds: readonly number[];
}

export function distributionOfLogField(
  scope: Construct,
  id: string,
  environment: Environment,
  metric: string,
  filter: string,
  description: string,
  options: DistributionOptions,
): LogMetricRef {
  return createLogMetric(
    scope,
    environment,
    { id, metric, filter, description },
    {
      valueExtractor: `EXTRACT(${options.field})`,
      metricDescriptor: {
        metricKind: 'DELTA',
        valueType: 'DISTRIBUTION',
        unit: options.unit,
        displayName: descriptorDisplayName(environment, metric),
      },
      bucketOptions: { explicitBuckets: { bounds: [...options.bounds] } },
    },
  );
}
