// Redis connectivity: the signal the staging outage lacked. The backend connected to Memorystore
// without the password Redis required while Memorystore itself looked healthy. So the primary
// alert is application-side (connection errors over operations, from the services' logs), backed
// by the health endpoint's own view of Redis and by Memorystore's rejected connections and clients.
import { Construct } from 'constructs';
import type { Environment } from '../../config/environment';
import { redisSignal } from '../../config/signals/redis';
import { metricFilter } from '../../gcp/filter-builder';
import { metric } from '../../gcp/metric-catalog';
import { percentAsFraction } from '../../gcp/units';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { Aggregation, thresholdCondition } from '../conditions';
import { lineChart, ratioChart } from '../dashboard/widgets';
import { createHealthSectionAlert } from '../health-endpoint-alert';
import { countLogEntries, LogMetricRef } from '../log-based-metric';
import type { MonitoringContext } from '../monitoring-context';
import type { Runbook } from '../runbook';
import type { Signal } from './signal';

const CLIENTS_CONNECTED = metric('redis.googleapis.com/clients/connected');
const REJECTED_CONNECTIONS = metric('redis.googleapis.com/stats/reject_connections_count');
const MEMORY_USAGE_RATIO = metric('redis.googleapis.com/stats/memory/usage_ratio');
const EVICTED_KEYS = metric('redis.googleapis.com/stats/evicted_keys');
const CPU_SECONDS = metric('redis.googleapis.com/stats/cpu_utilization');
const USEC_PER_CALL = metric('redis.googleapis.com/commands/usec_per_call');

/** The filters every alert and chart of this signal selects from. */
interface RedisFilters {
  readonly errors: LogMetricRef;
  readonly operations: LogMetricRef;
  readonly errorsFilter: string;
  readonly operationsFilter: string;
  instance(metricType: string): string;
  /** Sums the log-based counters over `periodSeconds`, across every service. */
  logAggregation(periodSeconds: number): Aggregation;
}

function instanceAggregation(aligner: string, reducer = 'REDUCE_MAX', periodSeconds = 60): Aggregation {
  return {
    alignmentPeriodSeconds: periodSeconds,
    perSeriesAligner: aligner,
    crossSeriesReducer: reducer,
    groupByFields: ['resource.label.instance_id'],
  };
}

/** What every Redis runbook asks first, and the commands it offers. */
function redisRunbook(environment: Environment): Pick<Runbook, 'firstChecks' | 'commands'> {
  const redis = environment.redis;
  const address = `${redis.host}:${redis.port}`;
  return {
    firstChecks: [
      `Is REDIS_PASSWORD set for the services, and does the connection handler pass it to the client? Memorystore \`${redis.instanceId}\` has AUTH ${redis.authEnabled ? 'enabled' : 'disabled'}; a client without the password gets "NOAUTH Authentication required" or "Error -3 connecting to ${address}".`,
      `Is the VPC connector \`${environment.vpcConnector.name}\` READY, and are the services deployed with it and egress ${environment.cloudRun.egress}?`,
      `Is the instance reachable from inside the VPC? Run \`npx vigil preflight --env ${environment.name}\` from a VM or Cloud Shell in \`${environment.vpcConnector.network}\` (it pings Redis with the password and says why it fails).`,
    ],
    commands: [
      `gcloud redis instances describe ${redis.instanceId} --region=${environment.region} --project=${environment.project} --format="value(state,host,port,authEnabled)"`,
      `gcloud logging read '${redis.logs.connectionErrorFilter.replace(/'/g, "'\\''")}' --project=${environment.project} --limit=20 --freshness=1h`,
    ],
  };
}

export class RedisConnectivity extends Construct implements Signal {
  readonly alertPolicies: AlertPolicyInfo[];
  readonly widgets: Signal['widgets'];

  constructor(scope: Construct, id: string, context: MonitoringContext) {
    super(scope, id);
    const filters = this.createFilters(context.environment);
    const runbook = redisRunbook(context.environment);
    const connectionFailures = this.connectionFailureAlert(context, filters, runbook);
    const memory = this.memoryPressureAlert(context, filters);
    this.alertPolicies = [
      connectionFailures,
      this.healthEndpointAlert(context, runbook),
      this.memorystoreConnectionsAlert(context, filters, runbook),
      memory,
    ];
    this.widgets = this.createWidgets(filters, connectionFailures, memory);
  }

  private createFilters(environment: Environment): RedisFilters {
    const redis = environment.redis;
    const names = redisSignal.logBasedMetrics;
    const errors = countLogEntries(
      this,
      'redis_connection_errors',
      environment,
      names.connectionErrors,
      redis.logs.connectionErrorFilter,
      `Redis connection errors logged by the ${environment.name} services (connect failures, NOAUTH, timeouts).`,
    );
    const operations = countLogEntries(
      this,
      'redis_operations',
      environment,
      names.operations,
      redis.logs.operationFilter,
      `Requests served by the ${environment.name} services; each one uses Redis. Denominator of the connection-failure ratio.`,
    );
    const instancePath = `projects/${environment.project}/locations/${environment.region}/instances/${redis.instanceId}`;
    return {
      errors,
      operations,
      errorsFilter: metricFilter({ metricType: errors.metricType, resourceType: 'cloud_run_revision' }),
      operationsFilter: metricFilter({ metricType: operations.metricType, resourceType: 'cloud_run_revision' }),
      instance: (metricType) =>
        metricFilter({ metricType, resourceType: 'redis_instance', resourceLabels: { instance_id: instancePath } }),
      logAggregation: (periodSeconds) => ({
        alignmentPeriodSeconds: periodSeconds,
        perSeriesAligner: 'ALIGN_DELTA',
        crossSeriesReducer: 'REDUCE_SUM',
        groupByFields: [],
      }),
    };
  }

  private connectionFailureAlert(
    context: MonitoringContext,
    filters: RedisFilters,
    runbook: Pick<Runbook, 'firstChecks' | 'commands'>,
  ): AlertPolicyInfo {
    const environment = context.environment;
    const thresholds = environment.thresholds.redis;
    const percent = thresholds.connectionFailurePercent;
    const minutes = thresholds.windowSeconds / 60;
    return createAlertPolicy(
      this,
      {
        id: 'redis_connection_failures',
        component: 'redis',
        // The plan calls more than 1% Redis failures critical: a partial failure (one connection in
        // thirty refused) is invisible to the health endpoint, which sees one request a minute. The
        // volume guard keeps one error at night traffic from paging (failure-modes/staging.yaml,
        // noise night-blip).
        severity: 'critical',
        title: `Redis: connection failures > ${percent}%`,
        // AND: the ratio matters only with enough requests in the window.
        combiner: 'AND',
        conditions: [
          thresholdCondition({
            displayName: `Redis connection errors per request > ${percent}% over ${minutes} min`,
            filter: filters.errorsFilter,
            denominatorFilter: filters.operationsFilter,
            aggregation: filters.logAggregation(thresholds.windowSeconds),
            comparison: 'COMPARISON_GT',
            threshold: percentAsFraction(percent),
            durationSeconds: 60,
          }),
          thresholdCondition({
            displayName: `At least ${thresholds.minOperationsPerWindow} requests in ${minutes} min`,
            filter: filters.operationsFilter,
            aggregation: filters.logAggregation(thresholds.windowSeconds),
            comparison: 'COMPARISON_GT',
            // Counts are whole numbers: "> N-1" is "at least N".
            threshold: thresholds.minOperationsPerWindow - 1,
            durationSeconds: 60,
          }),
        ],
        chartLabel: `alert: ${percent}%`,
        runbook: {
          whatFired: `More than ${percent}% of requests to ${environment.cloudRun.services.join(', ')} logged a Redis connection error over ${minutes} minutes, with at least ${thresholds.minOperationsPerWindow} requests in the window (log-based metrics ${filters.errors.name} / ${filters.operations.name}).`,
          userImpact:
            'Sessions, rate limits and agent state live in Redis: chat requests fail or hang, and agent executions time out.',
          ...runbook,
        },
      },
      context,
    );
  }

  private healthEndpointAlert(
    context: MonitoringContext,
    runbook: Pick<Runbook, 'firstChecks' | 'commands'>,
  ): AlertPolicyInfo {
    return createHealthSectionAlert(this, context, {
      section: 'redis',
      checkId: 'uptime_redis_status',
      alertId: 'redis_health_endpoint',
      component: 'redis',
      componentTitle: 'Redis',
      severity: 'critical',
      statusMeaning: 'or did not answer',
      runbook: {
        userImpact: 'The backend itself says it cannot use Redis: chat and agent execution are failing for users.',
        firstChecks: [
          `Read the health endpoint's own error: \`curl -s ${context.environment.uptime.backendHealthUrl}\` — the redis section carries the client's error text.`,
          ...runbook.firstChecks,
        ],
        commands: runbook.commands,
      },
    });
  }

  private memorystoreConnectionsAlert(
    context: MonitoringContext,
    filters: RedisFilters,
    runbook: Pick<Runbook, 'firstChecks' | 'commands'>,
  ): AlertPolicyInfo {
    return createAlertPolicy(
      this,
      {
        id: 'redis_memorystore_connections',
        component: 'redis',
        severity: 'error',
        title: 'Redis: Memorystore rejects connections or has no clients',
        conditions: [
          thresholdCondition({
            displayName: 'Memorystore rejected connections (maxclients) > 0',
            filter: filters.instance(REJECTED_CONNECTIONS.type),
            aggregation: instanceAggregation('ALIGN_DELTA', 'REDUCE_SUM', 300),
            comparison: 'COMPARISON_GT',
            threshold: 0,
            durationSeconds: 0,
          }),
          thresholdCondition({
            displayName: 'Memorystore connected clients < 1 for 5 min',
            filter: filters.instance(CLIENTS_CONNECTED.type),
            aggregation: instanceAggregation('ALIGN_MAX', 'REDUCE_MAX', 300),
            comparison: 'COMPARISON_LT',
            threshold: 1,
            durationSeconds: 300,
          }),
        ],
        runbook: {
          whatFired: `Memorystore \`${context.environment.redis.instanceId}\` rejected connections at its maxclients limit, or reported no connected clients for 5 minutes.`,
          userImpact:
            'No client is connected: the services cannot reach Redis at all (rejected, unreachable, or failing AUTH before they count as clients).',
          ...runbook,
        },
      },
      context,
    );
  }

  /**
   * Memory pressure, a ticket (Slack and email): usage_ratio (GAUGE DOUBLE, 0 to 1) over the threshold
   * for 5 minutes, or any key evicted (evicted_keys, DELTA INT64). Both are visible up to 240 s after
   * sampling (Google's metric list), so neither could page within 5 minutes; eviction loses sessions
   * and rate-limit state but requests keep working.
   */
  private memoryPressureAlert(context: MonitoringContext, filters: RedisFilters): AlertPolicyInfo {
    const environment = context.environment;
    const percent = environment.thresholds.redis.memoryUsagePercent;
    return createAlertPolicy(
      this,
      {
        id: 'redis_memory_pressure',
        component: 'redis',
        severity: 'error',
        title: `Redis: Memorystore memory > ${percent}% or evicting keys`,
        conditions: [
          thresholdCondition({
            displayName: `Memorystore memory usage > ${percent}% of maxmemory for 5 min`,
            filter: filters.instance(MEMORY_USAGE_RATIO.type),
            aggregation: instanceAggregation('ALIGN_MEAN'),
            comparison: 'COMPARISON_GT',
            threshold: percentAsFraction(percent),
            durationSeconds: 300,
          }),
          thresholdCondition({
            displayName: 'Memorystore evicted keys > 0 over 5 min',
            filter: filters.instance(EVICTED_KEYS.type),
            aggregation: instanceAggregation('ALIGN_DELTA', 'REDUCE_SUM', 300),
            comparison: 'COMPARISON_GT',
            threshold: 0,
            durationSeconds: 0,
          }),
        ],
        chartLabel: `ticket: ${percent}%`,
        runbook: {
          whatFired: `Memorystore \`${environment.redis.instanceId}\` used more than ${percent}% of its maxmemory for 5 minutes, or evicted keys.`,
          userImpact:
            'Evicted keys are lost sessions and rate-limit counters: users are signed out or throttled wrongly; at maxmemory writes can fail.',
          firstChecks: [
            `Which keys grow? \`redis-cli -h ${environment.redis.host} --bigkeys\` from a host on the VPC; keys without a TTL are the usual cause.`,
            `Is the maxmemory-policy the intended one? \`gcloud redis instances describe ${environment.redis.instanceId} --region=${environment.region} --project=${environment.project} --format='value(redisConfigs,memorySizeGb)'\``,
            `Resize if the working set grew: \`gcloud redis instances update ${environment.redis.instanceId} --size=<GB> --region=${environment.region} --project=${environment.project}\`.`,
          ],
          commands: [
            `gcloud redis instances describe ${environment.redis.instanceId} --region=${environment.region} --project=${environment.project}`,
          ],
        },
      },
      context,
    );
  }

  private createWidgets(
    filters: RedisFilters,
    connectionFailures: AlertPolicyInfo,
    memory: AlertPolicyInfo,
  ): Signal['widgets'] {
    const perMinute = filters.logAggregation(60);
    return {
      responseTimes: [
        lineChart(
          'Redis: average command time (µs per call)',
          [{ filter: filters.instance(USEC_PER_CALL.type), aggregation: instanceAggregation('ALIGN_MEAN') }],
          { yLabel: 'µs' },
        ),
      ],
      errorRates: [
        ratioChart(
          'Redis: connection errors per request',
          { filter: filters.errorsFilter, aggregation: perMinute },
          { filter: filters.operationsFilter, aggregation: perMinute },
          { threshold: connectionFailures.thresholdLine },
        ),
        lineChart('Redis: rejected connections and connected clients', [
          {
            filter: filters.instance(REJECTED_CONNECTIONS.type),
            aggregation: instanceAggregation('ALIGN_DELTA', 'REDUCE_SUM'),
            legend: 'rejected',
          },
          {
            filter: filters.instance(CLIENTS_CONNECTED.type),
            aggregation: instanceAggregation('ALIGN_MAX'),
            legend: 'connected clients',
          },
        ]),
      ],
      utilization: [
        lineChart(
          'Redis: memory usage (fraction of maxmemory)',
          [{ filter: filters.instance(MEMORY_USAGE_RATIO.type), aggregation: instanceAggregation('ALIGN_MEAN') }],
          { yLabel: 'ratio', threshold: memory.thresholdLine },
        ),
        lineChart(
          'Redis: evicted keys per minute',
          [
            {
              filter: filters.instance(EVICTED_KEYS.type),
              aggregation: instanceAggregation('ALIGN_DELTA', 'REDUCE_SUM'),
            },
          ],
          { yLabel: 'keys' },
        ),
        lineChart(
          'Redis: CPU (CPU-seconds per second)',
          [
            {
              filter: filters.instance(CPU_SECONDS.type),
              aggregation: instanceAggregation('ALIGN_RATE', 'REDUCE_SUM'),
            },
          ],
          { yLabel: 'CPU s/s' },
        ),
      ],
    };
  }
}
