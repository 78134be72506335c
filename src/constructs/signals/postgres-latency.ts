// PostgreSQL latency: in the outage the health query took 5,083 ms against a 200 ms budget.
// Query Insights latencies (a CUMULATIVE distribution in microseconds) give the database's own
// p99; the health endpoint's postgresql status gives the application's view.
import { Construct } from 'constructs';
import { metricFilter } from '../../gcp/filter-builder';
import { metric } from '../../gcp/metric-catalog';
import { millisecondsIn } from '../../gcp/units';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { Aggregation, thresholdCondition } from '../conditions';
import { lineChart } from '../dashboard/widgets';
import { createHealthSectionAlert } from '../health-endpoint-alert';
import type { MonitoringContext } from '../monitoring-context';
import type { Signal } from './signal';

const LATENCIES = metric('cloudsql.googleapis.com/database/postgresql/insights/aggregate/latencies');
const MEMORY = metric('cloudsql.googleapis.com/database/memory/utilization');

// Percentile aligners are documented for GAUGE and DELTA distributions only; for a CUMULATIVE one,
// ALIGN_DELTA turns each window into a delta distribution and the reducer takes the percentile
// (facts file §2.3).
function percentileAggregation(reducer: string): Aggregation {
  return {
    alignmentPeriodSeconds: 60,
    perSeriesAligner: 'ALIGN_DELTA',
    crossSeriesReducer: reducer,
    groupByFields: ['resource.label.resource_id'],
  };
}

export class PostgresLatency extends Construct implements Signal {
  readonly alertPolicies: AlertPolicyInfo[] = [];
  readonly widgets: Signal['widgets'];

  constructor(scope: Construct, id: string, context: MonitoringContext) {
    super(scope, id);
    const environment = context.environment;
    const postgres = environment.postgres;
    const thresholds = environment.thresholds.postgres;
    // Cloud SQL resources are labelled "PROJECT:INSTANCE".
    const resourceId = `${environment.project}:${postgres.instance}`;
    const latencyFilter = metricFilter({
      metricType: LATENCIES.type,
      resourceType: 'cloudsql_instance_database',
      resourceLabels: { resource_id: resourceId, ...(postgres.database ? { database: postgres.database } : {}) },
    });
    const databaseFilter = (metricType: string) =>
      metricFilter({ metricType, resourceType: 'cloudsql_database', resourceLabels: { database_id: resourceId } });
    const minutes = thresholds.durationSeconds / 60;
    const firstChecks = [
      `Is the instance short of CPU, memory or connections? See "Resource utilization" on the dashboard; \`gcloud sql instances describe ${postgres.instance} --project=${environment.project} --format="table(state,settings.tier)"\`.`,
      'Which queries are slow? Open Query Insights for the instance and sort by total time; check for missing VACUUM/ANALYZE on hot tables (auth_users, chat_sessions, agent_executions).',
      "Is the services' connection pool exhausted (DATABASE_POOL_SIZE)? A pool wait shows as latency in the health endpoint but not in Query Insights.",
      `Run \`npx vigil preflight --env ${environment.name}\` from inside the VPC: it times \`SELECT 1\` end to end.`,
    ];
    const commands = [
      `gcloud sql instances describe ${postgres.instance} --project=${environment.project} --format="table(state,backendType,settings.tier,settings.insightsConfig.queryInsightsEnabled)"`,
      `gcloud sql instances patch ${postgres.instance} --database-flags=log_min_duration_statement=1000 --project=${environment.project}`,
    ];
    const latencyAlert = (id: string, severity: 'critical' | 'warning', latencyMs: number, meaning: string) =>
      createAlertPolicy(
        this,
        {
          id,
          component: 'postgresql',
          severity,
          title: `PostgreSQL: p99 query latency > ${latencyMs} ms`,
          conditions: [
            thresholdCondition({
              displayName: `Query Insights p99 latency > ${latencyMs} ms for ${minutes} min`,
              filter: latencyFilter,
              aggregation: percentileAggregation('REDUCE_PERCENTILE_99'),
              comparison: 'COMPARISON_GT',
              threshold: millisecondsIn(LATENCIES.unit, latencyMs),
              durationSeconds: thresholds.durationSeconds,
            }),
          ],
          chartLabel: `alert: ${latencyMs} ms`,
          runbook: {
            whatFired: `The 99th percentile of query latency on Cloud SQL \`${postgres.instance}\` (Query Insights) stayed above ${latencyMs} ms for ${minutes} minutes. ${meaning}`,
            userImpact:
              'Every chat request reads and writes PostgreSQL: responses slow down, and agent executions run into their 30 s timeout.',
            firstChecks,
            commands,
            notes: [
              'This alert is blind when Query Insights is off for the instance; the drift checks verify it at plan time (docs/drift.md).',
            ],
          },
        },
        context,
      );
    const critical = latencyAlert(
      'postgres_p99_latency_critical',
      'critical',
      thresholds.p99LatencyMs,
      "This is the remediation plan's critical threshold.",
    );
    this.alertPolicies.push(critical);
    this.alertPolicies.push(
      latencyAlert(
        'postgres_p99_latency_warning',
        'warning',
        thresholds.p99WarningLatencyMs,
        'This is above the normal budget; the critical alert follows if it keeps rising.',
      ),
    );

    this.alertPolicies.push(
      createHealthSectionAlert(this, context, {
        section: 'postgresql',
        checkId: 'uptime_postgresql_status',
        alertId: 'postgres_health_endpoint',
        component: 'postgresql',
        componentTitle: 'PostgreSQL',
        // Pages: it is the fastest signal of PostgreSQL slow (degraded) and down (failed), 4m 35s worst
        // case against 9m 45s for Query Insights and database/up (failure-modes/staging.yaml).
        severity: 'critical',
        statusMeaning: 'degraded means slower than the budget; failed means no connection',
        runbook: {
          userImpact: 'The backend reports its database as degraded or failed: chat responses are slow or failing.',
          firstChecks: [
            `Read the health endpoint: \`curl -s ${environment.uptime.backendHealthUrl}\` — postgresql.response_time_ms and error say which.`,
            ...firstChecks,
          ],
          commands,
        },
      }),
    );

    const gauge = {
      alignmentPeriodSeconds: 60,
      perSeriesAligner: 'ALIGN_MEAN',
      crossSeriesReducer: 'REDUCE_MAX',
      groupByFields: ['resource.label.database_id'],
    };
    this.widgets = {
      responseTimes: [
        lineChart(
          'PostgreSQL: query latency p50 / p99 (Query Insights)',
          [
            { filter: latencyFilter, aggregation: percentileAggregation('REDUCE_PERCENTILE_50'), legend: 'p50' },
            { filter: latencyFilter, aggregation: percentileAggregation('REDUCE_PERCENTILE_99'), legend: 'p99' },
          ],
          { yLabel: 'µs', threshold: critical.thresholdLine },
        ),
      ],
      errorRates: [],
      // CPU, disk and connections are charted with their alerts by the Cloud SQL instance health signal.
      utilization: [
        lineChart('Cloud SQL: memory utilization', [{ filter: databaseFilter(MEMORY.type), aggregation: gauge }], {
          yLabel: 'fraction',
        }),
      ],
    };
  }
}
