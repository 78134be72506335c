// Targeted assertions on each alert of the staging stack: filter, threshold in the metric's unit,
// duration, aggregations, and the conventions every policy shares.
import { setupJest } from 'cdktf/lib/testing/adapters/jest';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { MonitoringUptimeCheckConfig } from '@cdktf/provider-google/lib/monitoring-uptime-check-config';
import { LoggingMetric } from '@cdktf/provider-google/lib/logging-metric';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { resourcesOf, stagingEnvironment } from '../support/environments';
import { stagingStackJson } from '../support/staging-stack';

setupJest();

const document = stagingStackJson();
const synthesized = JSON.stringify(document);
const policies = resourcesOf(document, 'google_monitoring_alert_policy');
type Condition = {
  display_name: string;
  condition_threshold?: Record<string, any>;
  condition_absent?: Record<string, any>;
};
const conditionsOf = (id: string) => policies[id].conditions as Condition[];
const threshold = (id: string, index = 0) => conditionsOf(id)[index].condition_threshold!;

describe('staging alert policies', () => {
  test('the four critical alerts of the remediation plan exist, with their thresholds in words', () => {
    const names = Object.values(policies).map((policy) => policy.display_name);
    expect(names).toEqual(
      expect.arrayContaining([
        '[staging] Redis: connection failures > 1%',
        '[staging] PostgreSQL: p99 query latency > 500 ms',
        '[staging] VPC connector: staging-connector not serving (instances < 2 or no data)',
        '[staging] Agent execution: timeouts > 5% (at least 20 runs in 10 min)',
      ]),
    );
  });

  test('every policy carries severity, labels, a markdown runbook, auto-close and channels', () => {
    for (const [id, policy] of Object.entries(policies)) {
      const labels = policy.user_labels as Record<string, string>;
      expect(labels.env).toBe('staging');
      expect(['CRITICAL', 'ERROR', 'WARNING']).toContain(policy.severity);
      expect(labels.severity).toBe(String(policy.severity).toLowerCase());
      expect(labels.component).toMatch(/^[a-z][a-z0-9-]*$/);
      const documentation = policy.documentation as Record<string, string>;
      expect(documentation.mime_type).toBe('text/markdown');
      expect(documentation.content).toContain('## What fired');
      expect(documentation.content).toContain('## First checks');
      expect(documentation.content).toContain('Infrastructure health — staging');
      expect(documentation.content.length).toBeLessThanOrEqual(8192);
      expect((policy.alert_strategy as Record<string, string>).auto_close).toBe('86400s');
      expect((policy.notification_channels as string[]).length).toBeGreaterThan(0);
      expect(policy.enabled).toBe(true);
      expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  test('critical alerts page; errors go to Slack and email; warnings go to Slack only', () => {
    expect(policies.postgres_health_endpoint.notification_channels).toEqual([
      '${google_monitoring_notification_channel.channel_pagerduty_oncall.name}',
      '${google_monitoring_notification_channel.channel_staging_slack.name}',
      '${google_monitoring_notification_channel.channel_platform_email.name}',
    ]);
    // The plan's > 1% Redis failures are critical: partial failures the health endpoint cannot see page.
    expect(policies.redis_connection_failures.notification_channels).toEqual([
      '${google_monitoring_notification_channel.channel_pagerduty_oncall.name}',
      '${google_monitoring_notification_channel.channel_staging_slack.name}',
      '${google_monitoring_notification_channel.channel_platform_email.name}',
    ]);
    expect(policies.postgres_p99_latency_warning.notification_channels).toEqual([
      '${google_monitoring_notification_channel.channel_staging_slack.name}',
    ]);
  });

  test('Redis connection failures: a ratio of log-based metrics, > 1% as a fraction, critical with a volume guard', () => {
    expect(synthesized).toHaveResourceWithProperties(LoggingMetric, {
      name: 'vigil-staging-redis-connection-errors',
      metric_descriptor: {
        metric_kind: 'DELTA',
        value_type: 'INT64',
        unit: '1',
        display_name: 'redis-connection-errors (staging)',
      },
    });
    expect(synthesized).toHaveResourceWithProperties(MonitoringAlertPolicy, {
      display_name: '[staging] Redis: connection failures > 1%',
      severity: 'CRITICAL',
      combiner: 'AND',
    });
    // The volume guard: at least 100 requests in the same 5-minute window, so one error at night
    // traffic (2 requests a minute) cannot page.
    const guard = threshold('redis_connection_failures', 1);
    expect(guard.filter).toBe(
      'metric.type="logging.googleapis.com/user/vigil-staging-redis-operations" AND resource.type="cloud_run_revision"',
    );
    expect(guard.comparison).toBe('COMPARISON_GT');
    expect(guard.threshold_value).toBe(99);
    expect(guard.denominator_filter).toBeUndefined();
    const condition = threshold('redis_connection_failures');
    expect(condition.filter).toBe(
      'metric.type="logging.googleapis.com/user/vigil-staging-redis-connection-errors" AND resource.type="cloud_run_revision"',
    );
    expect(condition.denominator_filter).toBe(
      'metric.type="logging.googleapis.com/user/vigil-staging-redis-operations" AND resource.type="cloud_run_revision"',
    );
    expect(condition.threshold_value).toBe(0.01);
    expect(condition.comparison).toBe('COMPARISON_GT');
    expect(condition.duration).toBe('60s');
    const aggregation = {
      alignment_period: '300s',
      per_series_aligner: 'ALIGN_DELTA',
      cross_series_reducer: 'REDUCE_SUM',
      group_by_fields: [],
    };
    expect(condition.aggregations).toEqual([aggregation]);
    expect(condition.denominator_aggregations).toEqual([aggregation]);
  });

  test('Redis: health endpoint JSON path check and Memorystore conditions', () => {
    expect(synthesized).toHaveResourceWithProperties(MonitoringUptimeCheckConfig, {
      content_matchers: [
        {
          content: 'healthy',
          matcher: 'MATCHES_JSON_PATH',
          json_path_matcher: { json_path: '$.redis.status', json_matcher: 'EXACT_MATCH' },
        },
      ],
    });
    const health = threshold('redis_health_endpoint');
    expect(health.filter).toBe(
      'metric.type="monitoring.googleapis.com/uptime_check/check_passed" AND resource.type="uptime_url" AND metric.labels.check_id="${google_monitoring_uptime_check_config.uptime_redis_status.uptime_check_id}"',
    );
    const instance =
      'resource.labels.instance_id="projects/netra-staging/locations/us-central1/instances/staging-redis-f1adc35c"';
    const [rejects, clients] = conditionsOf('redis_memorystore_connections').map(
      (condition) => condition.condition_threshold!,
    );
    expect(rejects.filter).toBe(
      `metric.type="redis.googleapis.com/stats/reject_connections_count" AND resource.type="redis_instance" AND ${instance}`,
    );
    expect(rejects).toMatchObject({ comparison: 'COMPARISON_GT', threshold_value: 0 });
    expect(clients.filter).toBe(
      `metric.type="redis.googleapis.com/clients/connected" AND resource.type="redis_instance" AND ${instance}`,
    );
    expect(clients).toMatchObject({ comparison: 'COMPARISON_LT', threshold_value: 1, duration: '300s' });
    expect(policies.redis_memorystore_connections.combiner).toBe('OR');
  });

  test('PostgreSQL p99: Query Insights in microseconds, 500 ms critical and 200 ms warning', () => {
    const critical = threshold('postgres_p99_latency_critical');
    expect(critical.filter).toBe(
      'metric.type="cloudsql.googleapis.com/database/postgresql/insights/aggregate/latencies" AND resource.type="cloudsql_instance_database" AND resource.labels.resource_id="netra-staging:staging-postgres-db"',
    );
    expect(critical.threshold_value).toBe(500000);
    expect(critical.duration).toBe('300s');
    expect(critical.aggregations).toEqual([
      {
        alignment_period: '60s',
        per_series_aligner: 'ALIGN_DELTA',
        cross_series_reducer: 'REDUCE_PERCENTILE_99',
        group_by_fields: ['resource.label.resource_id'],
      },
    ]);
    expect(policies.postgres_p99_latency_critical.severity).toBe('CRITICAL');
    expect(threshold('postgres_p99_latency_warning').threshold_value).toBe(200000);
    expect(policies.postgres_p99_latency_warning.severity).toBe('WARNING');
  });

  test('VPC connector: instances below the minimum, or no data', () => {
    const [low, absent] = conditionsOf('vpc_connector_not_serving');
    const filter =
      'metric.type="vpcaccess.googleapis.com/connector/instances" AND resource.type="vpc_access_connector" AND resource.labels.connector_name="staging-connector" AND resource.labels.location="us-central1"';
    expect(low.condition_threshold).toMatchObject({
      filter,
      comparison: 'COMPARISON_LT',
      threshold_value: 2,
      duration: '300s',
      evaluation_missing_data: 'EVALUATION_MISSING_DATA_NO_OP',
    });
    expect(absent.condition_absent).toMatchObject({ filter, duration: '600s' });
    expect(policies.vpc_connector_not_serving.documentation).toMatchObject({
      content: expect.stringContaining('no connector-state metric'),
    });
  });

  test('agent timeouts: ratio > 5% AND at least 20 executions in 10 minutes', () => {
    expect(policies.agent_timeout_rate.combiner).toBe('AND');
    const [rate, volume] = conditionsOf('agent_timeout_rate').map((condition) => condition.condition_threshold!);
    expect(rate.filter).toContain('logging.googleapis.com/user/vigil-staging-agent-timeouts');
    expect(rate.denominator_filter).toContain('logging.googleapis.com/user/vigil-staging-agent-executions');
    expect(rate.threshold_value).toBe(0.05);
    expect(rate.aggregations[0]).toMatchObject({
      alignment_period: '600s',
      per_series_aligner: 'ALIGN_DELTA',
      cross_series_reducer: 'REDUCE_SUM',
    });
    expect(volume).toMatchObject({ comparison: 'COMPARISON_GT', threshold_value: 19 });
    expect(volume.filter).toContain('vigil-staging-agent-executions');
  });

  test('agent executions over the 30 s budget: a distribution log metric in seconds', () => {
    expect(synthesized).toHaveResourceWithProperties(LoggingMetric, {
      name: 'vigil-staging-agent-execution-seconds',
      value_extractor: 'EXTRACT(jsonPayload.duration_seconds)',
      metric_descriptor: {
        metric_kind: 'DELTA',
        value_type: 'DISTRIBUTION',
        unit: 's',
        display_name: 'agent-execution-seconds (staging)',
      },
    });
    const condition = threshold('agent_execution_over_budget');
    expect(condition).toMatchObject({ threshold_value: 30, comparison: 'COMPARISON_GT' });
    expect(condition.aggregations[0]).toMatchObject({
      per_series_aligner: 'ALIGN_DELTA',
      cross_series_reducer: 'REDUCE_PERCENTILE_95',
    });
  });

  test('uptime: health endpoint and auth service from 5 locations, alerting when 4 or more fail for 3 runs (one region cannot page alone)', () => {
    // The HTTP checks; the golden path's synthetic monitor (golden_path_check) is tested in __tests__/golden-path.
    const checks = Object.fromEntries(
      Object.entries(resourcesOf(document, 'google_monitoring_uptime_check_config')).filter(
        ([, check]) => check.synthetic_monitor === undefined,
      ),
    );
    expect(Object.keys(checks).sort()).toEqual([
      'uptime_auth_health',
      'uptime_backend_health',
      'uptime_postgresql_status',
      'uptime_redis_status',
    ]);
    for (const check of Object.values(checks)) {
      expect(check.selected_regions).toEqual(['USA', 'EUROPE', 'ASIA_PACIFIC']);
      expect(check.period).toBe('60s');
      expect(check.timeout).toBe('10s');
    }
    expect(checks.uptime_backend_health.monitored_resource).toEqual({
      type: 'uptime_url',
      labels: { project_id: 'netra-staging', host: 'api.staging.netrasystems.ai' },
    });
    for (const id of [
      'uptime_backend_health_failing',
      'uptime_auth_health_failing',
      'redis_health_endpoint',
      'postgres_health_endpoint',
    ]) {
      const condition = threshold(id);
      expect(condition).toMatchObject({ comparison: 'COMPARISON_GT', threshold_value: 3, duration: '120s' });
      expect(condition.aggregations).toEqual([
        {
          alignment_period: '60s',
          per_series_aligner: 'ALIGN_NEXT_OLDER',
          cross_series_reducer: 'REDUCE_COUNT_FALSE',
          group_by_fields: ['metric.label.check_id'],
        },
      ]);
    }
  });

  test('an override in YAML changes the synthesized threshold, converted to the metric unit', () => {
    const environment = stagingEnvironment();
    const changed = {
      ...environment,
      thresholds: { ...environment.thresholds, postgres: { ...environment.thresholds.postgres, p99LatencyMs: 750 } },
    };
    const policy = resourcesOf(
      synthesizeStackJson(changed),
      'google_monitoring_alert_policy',
    ).postgres_p99_latency_critical;
    expect((policy.conditions as Condition[])[0].condition_threshold!.threshold_value).toBe(750000);
    expect(policy.display_name).toBe('[staging] PostgreSQL: p99 query latency > 750 ms');
  });
});
