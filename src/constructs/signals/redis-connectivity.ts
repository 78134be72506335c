// Redis connectivity: the signal the staging outage lacked. The backend connected to Memorystore
// without the password Redis required while Memorystore itself looked healthy. So the primary
// alert is application-side (connection errors over operations, from the services' logs), backed
// by the health endpoint's own view of Redis and by Memorystore's rejected connections and clients.
import { Construct } from 'constructs';
import { metricFilter } from '../../gcp/filter-builder';
import { metric } from '../../gcp/metric-catalog';
import { percentAsFraction } from '../../gcp/units';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { thresholdCondition } from '../conditions';
import { lineChart, ratioChart } from '../dashboard/widgets';
import { createHealthSectionAlert } from '../health-endpoint-alert';
import { countLogEntries } from '../log-based-metric';
import type { MonitoringContext } from '../monitoring-context';
import type { Signal } from './signal';

const CLIENTS_CONNECTED = metric('redis.googleapis.com/clients/connected');
const REJECTED_CONNECTIONS = metric('redis.googleapis.com/stats/reject_connections_count');
const MEMORY_USAGE_RATIO = metric('redis.googleapis.com/stats/memory/usage_ratio');
const CPU_SECONDS = metric('redis.googleapis.com/stats/cpu_utilization');
const USEC_PER_CALL = metric('redis.googleapis.com/commands/usec_per_call');

export class RedisConnectivity extends Construct implements Signal {
  readonly alertPolicies: AlertPolicyInfo[] = [];
  readonly widgets: Signal['widgets'];

  constructor(scope: Construct, id: string, context: MonitoringContext) {
    super(scope, id);
    const environment = context.environment;
    const redis = environment.redis;
    const thresholds = environment.thresholds.redis;
    const address = `${redis.host}:${redis.port}`;
    const instancePath = `projects/${environment.project}/locations/${environment.region}/instances/${redis.instanceId}`;
    const instanceFilter = (metricType: string) => metricFilter({ metricType, resourceType: 'redis_instance', resourceLabels: { instance_id: instancePath } });

    const errors = countLogEntries(this, 'redis_connection_errors', environment, 'redis-connection-errors', redis.logs.connectionErrorFilter,
      `Redis connection errors logged by the ${environment.name} services (connect failures, NOAUTH, timeouts).`);
    const operations = countLogEntries(this, 'redis_operations', environment, 'redis-operations', redis.logs.operationFilter,
      `Requests served by the ${environment.name} services; each one uses Redis. Denominator of the connection-failure ratio.`);
    const logAggregation = {
      alignmentPeriodSeconds: thresholds.windowSeconds,
      perSeriesAligner: 'ALIGN_DELTA',
      crossSeriesReducer: 'REDUCE_SUM',
      groupByFields: [],
    };
    const firstChecks = [
      `Is REDIS_PASSWORD set for the services, and does the connection handler pass it to the client? Memorystore \`${redis.instanceId}\` has AUTH ${redis.authEnabled ? 'enabled' : 'disabled'}; a client without the password gets "NOAUTH Authentication required" or "Error -3 connecting to ${address}".`,
      `Is the VPC connector \`${environment.vpcConnector.name}\` READY, and are the services deployed with it and egress ${environment.cloudRun.egress}?`,
      `Is the instance reachable from inside the VPC? Run \`npx vigil preflight --env ${environment.name}\` from a VM or Cloud Shell in \`${environment.vpcConnector.network}\` (it pings Redis with the password and says why it fails).`,
    ];
    const commands = [
      `gcloud redis instances describe ${redis.instanceId} --region=${environment.region} --project=${environment.project} --format="value(state,host,port,authEnabled)"`,
      `gcloud logging read '${redis.logs.connectionErrorFilter.replace(/'/g, "'\\''")}' --project=${environment.project} --limit=20 --freshness=1h`,
    ];

    const percent = thresholds.connectionFailurePercent;
    this.alertPolicies.push(createAlertPolicy(this, {
      id: 'redis_connection_failures',
      component: 'redis',
      severity: 'critical',
      title: `Redis: connection failures > ${percent}%`,
      conditions: [thresholdCondition({
        displayName: `Redis connection errors per request > ${percent}% over ${thresholds.windowSeconds / 60} min`,
        filter: metricFilter({ metricType: errors.metricType, resourceType: 'cloud_run_revision' }),
        denominatorFilter: metricFilter({ metricType: operations.metricType, resourceType: 'cloud_run_revision' }),
        aggregation: logAggregation,
        comparison: 'COMPARISON_GT',
        threshold: percentAsFraction(percent),
        durationSeconds: 60,
      })],
      runbook: {
        whatFired: `More than ${percent}% of requests to ${environment.cloudRun.services.join(', ')} logged a Redis connection error over ${thresholds.windowSeconds / 60} minutes (log-based metrics ${errors.name} / ${operations.name}).`,
        userImpact: 'Sessions, rate limits and agent state live in Redis: chat requests fail or hang, and agent executions time out.',
        firstChecks,
        commands,
      },
    }, context));

    this.alertPolicies.push(createHealthSectionAlert(this, context, {
      section: 'redis',
      checkId: 'uptime_redis_status',
      alertId: 'redis_health_endpoint',
      component: 'redis',
      componentTitle: 'Redis',
      severity: 'critical',
      statusMeaning: 'or did not answer',
      runbook: {
        userImpact: 'The backend itself says it cannot use Redis: chat and agent execution are failing for users.',
        firstChecks: [`Read the health endpoint's own error: \`curl -s ${environment.uptime.backendHealthUrl}\` — the redis section carries the client's error text.`, ...firstChecks],
        commands,
      },
    }));

    this.alertPolicies.push(createAlertPolicy(this, {
      id: 'redis_memorystore_connections',
      component: 'redis',
      severity: 'error',
      title: 'Redis: Memorystore rejects connections or has no clients',
      conditions: [
        thresholdCondition({
          displayName: 'Memorystore rejected connections (maxclients) > 0',
          filter: instanceFilter(REJECTED_CONNECTIONS.type),
          aggregation: { alignmentPeriodSeconds: 300, perSeriesAligner: 'ALIGN_DELTA', crossSeriesReducer: 'REDUCE_SUM', groupByFields: ['resource.label.instance_id'] },
          comparison: 'COMPARISON_GT',
          threshold: 0,
          durationSeconds: 0,
        }),
        thresholdCondition({
          displayName: 'Memorystore connected clients < 1 for 5 min',
          filter: instanceFilter(CLIENTS_CONNECTED.type),
          aggregation: { alignmentPeriodSeconds: 300, perSeriesAligner: 'ALIGN_MAX', crossSeriesReducer: 'REDUCE_MAX', groupByFields: ['resource.label.instance_id'] },
          comparison: 'COMPARISON_LT',
          threshold: 1,
          durationSeconds: 300,
        }),
      ],
      runbook: {
        whatFired: `Memorystore \`${redis.instanceId}\` rejected connections at its maxclients limit, or reported no connected clients for 5 minutes.`,
        userImpact: 'No client is connected: the services cannot reach Redis at all (rejected, unreachable, or failing AUTH before they count as clients).',
        firstChecks,
        commands,
      },
    }, context));

    const instanceAggregation = (aligner: string) => ({ alignmentPeriodSeconds: 60, perSeriesAligner: aligner, crossSeriesReducer: 'REDUCE_MAX', groupByFields: ['resource.label.instance_id'] });
    this.widgets = {
      responseTimes: [
        lineChart('Redis: average command time (µs per call)', [{ filter: instanceFilter(USEC_PER_CALL.type), aggregation: instanceAggregation('ALIGN_MEAN') }], { yLabel: 'µs' }),
      ],
      errorRates: [
        ratioChart('Redis: connection errors per request',
          { filter: metricFilter({ metricType: errors.metricType, resourceType: 'cloud_run_revision' }), aggregation: { ...logAggregation, alignmentPeriodSeconds: 60 } },
          { filter: metricFilter({ metricType: operations.metricType, resourceType: 'cloud_run_revision' }), aggregation: { ...logAggregation, alignmentPeriodSeconds: 60 } },
          { threshold: { value: percentAsFraction(percent), label: `alert: ${percent}%` } }),
        lineChart('Redis: rejected connections and connected clients', [
          { filter: instanceFilter(REJECTED_CONNECTIONS.type), aggregation: { alignmentPeriodSeconds: 60, perSeriesAligner: 'ALIGN_DELTA', crossSeriesReducer: 'REDUCE_SUM', groupByFields: ['resource.label.instance_id'] }, legend: 'rejected' },
          { filter: instanceFilter(CLIENTS_CONNECTED.type), aggregation: instanceAggregation('ALIGN_MAX'), legend: 'connected clients' },
        ]),
      ],
      utilization: [
        lineChart('Redis: memory usage (fraction of maxmemory)', [{ filter: instanceFilter(MEMORY_USAGE_RATIO.type), aggregation: instanceAggregation('ALIGN_MEAN') }], { yLabel: 'ratio' }),
        lineChart('Redis: CPU (CPU-seconds per second)', [{ filter: instanceFilter(CPU_SECONDS.type), aggregation: { alignmentPeriodSeconds: 60, perSeriesAligner: 'ALIGN_RATE', crossSeriesReducer: 'REDUCE_SUM', groupByFields: ['resource.label.instance_id'] } }], { yLabel: 'CPU s/s' }),
      ],
    };
  }
}
