// Cloud SQL instance health: is the instance up, and is it running out of connections, CPU or
// disk? Cloud SQL's own metrics (cloudsql_database, sampled every 60 s), with runbooks from the
// remediation plan's PostgreSQL section. Query latency is the PostgreSQL latency signal's.
import { Construct } from 'constructs';
import type { Environment } from '../../config/environment';
import { cloudSqlHealthSignal } from '../../config/signals/cloudsql-health';
import { tooManyClientsLogFilter } from '../../gcp/cloudsql-postgres-log';
import { metricFilter } from '../../gcp/filter-builder';
import { metric } from '../../gcp/metric-catalog';
import { percentAsFraction } from '../../gcp/units';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { Aggregation, thresholdCondition } from '../conditions';
import { lineChart, Widget } from '../dashboard/widgets';
import { countLogEntries, LogMetricRef } from '../log-based-metric';
import type { MonitoringContext } from '../monitoring-context';
import type { Runbook } from '../runbook';
import type { Signal } from './signal';

const UP = metric('cloudsql.googleapis.com/database/up');
const BACKENDS = metric('cloudsql.googleapis.com/database/postgresql/num_backends');
const CPU = metric('cloudsql.googleapis.com/database/cpu/utilization');
const DISK = metric('cloudsql.googleapis.com/database/disk/utilization');

const BY_INSTANCE = ['resource.label.database_id'];

/** Every metric here is a 60 s GAUGE: align each minute, then reduce across the instance's series. */
function perMinute(aligner: string, reducer: string): Aggregation {
  return {
    alignmentPeriodSeconds: 60,
    perSeriesAligner: aligner,
    crossSeriesReducer: reducer,
    groupByFields: BY_INSTANCE,
  };
}

/** Refusals counted over 5 minutes: one refusal is a blip, several in a window are failing requests. */
const REFUSED_WINDOW: Aggregation = {
  alignmentPeriodSeconds: 300,
  perSeriesAligner: 'ALIGN_DELTA',
  crossSeriesReducer: 'REDUCE_SUM',
  groupByFields: [],
};

type RunbookChecks = Pick<Runbook, 'firstChecks' | 'commands'>;

/** The remediation plan's PostgreSQL investigation, for this environment's instance. */
interface InstanceCommands {
  readonly describe: string;
  readonly diskSize: string;
  readonly slowQueries: string;
  readonly scaleUp: string;
}

function instanceRunbook(environment: Environment): InstanceCommands {
  const instance = environment.postgres.instance;
  const project = `--project=${environment.project}`;
  return {
    describe: `gcloud sql instances describe ${instance} ${project} --format="table(state,backendType,instanceType,settings.tier)"`,
    diskSize: `gcloud sql instances describe ${instance} ${project} --format="value(settings.dataDiskSizeGb,settings.dataDiskType)"`,
    slowQueries: `gcloud logging read "resource.type=cloudsql_database AND severity>=WARNING" ${project} --limit=20`,
    scaleUp: `gcloud sql instances patch ${instance} --tier=db-custom-2-4096 ${project}`,
  };
}

export class CloudSqlHealth extends Construct implements Signal {
  readonly alertPolicies: AlertPolicyInfo[];
  readonly widgets: Signal['widgets'];

  private readonly environment: Environment;
  private readonly instanceFilter: (metricType: string) => string;

  constructor(scope: Construct, id: string, context: MonitoringContext) {
    super(scope, id);
    this.environment = context.environment;
    // Cloud SQL resources are labelled "PROJECT:INSTANCE".
    const databaseId = `${this.environment.project}:${this.environment.postgres.instance}`;
    this.instanceFilter = (metricType) =>
      metricFilter({ metricType, resourceType: 'cloudsql_database', resourceLabels: { database_id: databaseId } });
    const down = this.downAlert(context);
    const connections = this.connectionsAlert(context);
    const exhausted = this.connectionsExhaustedAlert(context);
    const cpu = this.cpuAlert(context);
    const disk = this.diskAlert(context);
    const refusedMetric = countLogEntries(
      this,
      'postgres_too_many_clients_log',
      this.environment,
      cloudSqlHealthSignal.logBasedMetrics.tooManyClients,
      tooManyClientsLogFilter(this.environment.project, this.environment.postgres.instance),
      `Connections PostgreSQL on ${this.environment.postgres.instance} refused at max_connections ("too many clients", reserved slots), from Cloud SQL's postgres.log.`,
    );
    const refusedFilter = metricFilter({ metricType: refusedMetric.metricType, resourceType: 'cloudsql_database' });
    const refused = this.refusedConnectionsAlert(context, refusedMetric, refusedFilter);
    this.alertPolicies = [down, connections, exhausted, refused, cpu, disk];
    this.widgets = {
      responseTimes: [],
      errorRates: [
        lineChart(
          'PostgreSQL: connections refused (too many clients), per 5 min',
          [{ filter: refusedFilter, aggregation: REFUSED_WINDOW }],
          { yLabel: 'refused connections', threshold: refused.thresholdLine },
        ),
      ],
      utilization: [
        this.chart('Cloud SQL: instance up (database/up)', UP.type, perMinute('ALIGN_MIN', 'REDUCE_MIN'), 'up', down),
        lineChart(
          'Cloud SQL: connections against max_connections',
          [{ filter: this.instanceFilter(BACKENDS.type), aggregation: perMinute('ALIGN_MEAN', 'REDUCE_SUM') }],
          {
            yLabel: 'connections',
            // The ticket line (near max) and the page line (exhausted).
            threshold: connections.thresholdLine,
            thresholds: exhausted.thresholdLine ? [exhausted.thresholdLine] : [],
          },
        ),
        this.chart(
          'Cloud SQL: CPU utilization',
          CPU.type,
          perMinute('ALIGN_MEAN', 'REDUCE_MAX'),
          'fraction of reserved CPU',
          cpu,
        ),
        this.chart(
          'Cloud SQL: disk utilization',
          DISK.type,
          perMinute('ALIGN_MEAN', 'REDUCE_MAX'),
          'fraction of disk quota',
          disk,
        ),
      ],
    };
  }

  /** One metric of the instance, with the threshold line of the alert that watches it. */
  private chart(
    title: string,
    metricType: string,
    aggregation: Aggregation,
    yLabel: string,
    alert: AlertPolicyInfo,
  ): Widget {
    return lineChart(title, [{ filter: this.instanceFilter(metricType), aggregation }], {
      yLabel,
      threshold: alert.thresholdLine,
    });
  }

  private downAlert(context: MonitoringContext): AlertPolicyInfo {
    const instance = this.environment.postgres.instance;
    const seconds = this.environment.thresholds.cloudSql.downForSeconds;
    const commands = instanceRunbook(this.environment);
    const checks: RunbookChecks = {
      firstChecks: [
        `What state is the instance in? \`${commands.describe}\` — RUNNABLE is serving; MAINTENANCE, SUSPENDED or FAILED say why it is down. In unplanned downtime the state can still look running while database/up reports 0 (Google's metric list).`,
        'Did a tier change or flag patch just restart it? Those restarts end by themselves; this alert waits out the usual restart.',
        `Check Cloud SQL's own log for the instance: \`${commands.slowQueries}\`.`,
      ],
      commands: [commands.describe, commands.slowQueries],
    };
    return createAlertPolicy(
      this,
      {
        id: 'cloudsql_instance_down',
        component: 'postgresql',
        severity: 'critical',
        title: `Cloud SQL: ${instance} down for ${seconds / 60} min`,
        conditions: [
          thresholdCondition({
            displayName: `database/up < 1 (or no data) for ${seconds / 60} min`,
            filter: this.instanceFilter(UP.type),
            aggregation: perMinute('ALIGN_MIN', 'REDUCE_MIN'),
            comparison: 'COMPARISON_LT',
            threshold: 1,
            durationSeconds: seconds,
            // An instance that stops reporting is as down as one reporting 0.
            evaluationMissingData: 'EVALUATION_MISSING_DATA_ACTIVE',
          }),
        ],
        chartLabel: 'down below 1',
        runbook: {
          whatFired: `Cloud SQL \`${instance}\` reported itself down (database/up below 1), or reported nothing, for ${seconds / 60} minutes.`,
          userImpact:
            'Every chat request reads and writes PostgreSQL: requests fail, sign-in fails, and agent executions time out.',
          ...checks,
        },
      },
      context,
    );
  }

  /**
   * Connections at the limit page: requests needing a new connection fail now. num_backends is
   * visible up to 165 s after sampling (Google's metric list), so one minute's mean with no held
   * duration pages within 285 s worst case (165 ingest + 60 alignment + 60 evaluation); holding it
   * one more minute would take 345 s, over the 5-minute page target.
   */
  private connectionsExhaustedAlert(context: MonitoringContext): AlertPolicyInfo {
    const environment = this.environment;
    const thresholds = environment.thresholds.cloudSql;
    const limit = Math.floor((thresholds.maxConnections * thresholds.connectionsExhaustedPercent) / 100);
    const commands = instanceRunbook(environment);
    return createAlertPolicy(
      this,
      {
        id: 'cloudsql_connections_exhausted',
        component: 'postgresql',
        severity: 'critical',
        title: `Cloud SQL: connections at max_connections (> ${limit} of ${thresholds.maxConnections})`,
        conditions: [
          thresholdCondition({
            displayName: `PostgreSQL backends > ${limit} (1 min mean)`,
            filter: this.instanceFilter(BACKENDS.type),
            aggregation: perMinute('ALIGN_MEAN', 'REDUCE_SUM'),
            comparison: 'COMPARISON_GT',
            threshold: limit,
            durationSeconds: 0,
          }),
        ],
        chartLabel: `page: ${limit} of ${thresholds.maxConnections}`,
        runbook: {
          whatFired: `PostgreSQL on \`${environment.postgres.instance}\` held more than ${limit} connections (${thresholds.connectionsExhaustedPercent}% of max_connections ${thresholds.maxConnections}) over one minute.`,
          userImpact:
            'New connections are refused ("too many clients already", "remaining connection slots are reserved"): requests that need one fail while others still succeed, so the health endpoint may stay green.',
          firstChecks: [
            `Do the backend logs show "too many clients"? \`gcloud logging read 'resource.type="cloud_run_revision" AND textPayload:"too many clients"' --freshness=15m --project=${environment.project}\``,
            `How many instances of ${environment.cloudRun.services.join(' and ')} run, times DATABASE_POOL_SIZE each? A scale-out multiplies the pools past max_connections.`,
            `Relieve it now: lower the pool size or cap instances, or raise max_connections / the tier (\`${commands.scaleUp}\`).`,
          ],
          commands: [commands.describe],
        },
      },
      context,
    );
  }

  /**
   * PostgreSQL's own refusals, from Cloud SQL's postgres.log: they need no max_connections setting,
   * so they page even when thresholds.cloudSql.maxConnections is wrong and num_backends never
   * reaches the exhausted line. Log-based metrics may be up to 10 minutes late (Google's
   * troubleshooting page), so the worst case is 16 minutes: 600 s + 300 s window + 60 s evaluation.
   */
  private refusedConnectionsAlert(context: MonitoringContext, refused: LogMetricRef, filter: string): AlertPolicyInfo {
    const environment = this.environment;
    const limit = environment.thresholds.cloudSql.refusedConnectionsPerWindow;
    const commands = instanceRunbook(environment);
    return createAlertPolicy(
      this,
      {
        id: 'postgres_too_many_clients',
        component: 'postgresql',
        severity: 'critical',
        title: `PostgreSQL: connections refused (too many clients) > ${limit} in 5 min`,
        conditions: [
          thresholdCondition({
            displayName: `"too many clients" refusals in postgres.log > ${limit} over 5 min`,
            filter,
            aggregation: REFUSED_WINDOW,
            comparison: 'COMPARISON_GT',
            threshold: limit,
            durationSeconds: 0,
          }),
        ],
        chartLabel: `page: ${limit}`,
        runbook: {
          whatFired: `PostgreSQL on \`${environment.postgres.instance}\` refused more than ${limit} connections in 5 minutes with "sorry, too many clients already" or "remaining connection slots are reserved" (log-based metric ${refused.name}, from Cloud SQL's postgres.log; up to 10 minutes late).`,
          userImpact:
            'Requests that need a new database connection fail while those on pooled connections succeed: some users get errors, and the health endpoint may stay green.',
          firstChecks: [
            `Is max_connections what vigil assumes (${environment.thresholds.cloudSql.maxConnections})? \`gcloud sql instances describe ${environment.postgres.instance} --project=${environment.project} --format="value(settings.databaseFlags)"\` — a lower flag or a smaller tier means the num_backends alerts watch the wrong limit: set thresholds.cloudSql.maxConnections.`,
            `How many instances of ${environment.cloudRun.services.join(' and ')} run, times DATABASE_POOL_SIZE each? A scale-out multiplies the pools past max_connections.`,
            `Relieve it now: lower the pool size or cap instances, or raise max_connections / the tier (\`${commands.scaleUp}\`).`,
          ],
          commands: [
            commands.describe,
            `gcloud logging read '${tooManyClientsLogFilter(environment.project, environment.postgres.instance).replace(/'/g, "'\\''")}' --freshness=30m --limit=20 --project=${environment.project}`,
          ],
        },
      },
      context,
    );
  }

  private connectionsAlert(context: MonitoringContext): AlertPolicyInfo {
    const environment = this.environment;
    const thresholds = environment.thresholds.cloudSql;
    const limit = Math.floor((thresholds.maxConnections * thresholds.connectionsPercentOfMax) / 100);
    const commands = instanceRunbook(environment);
    const poolSecret = `gcloud secrets versions add database-pool-size-${environment.name} --data-file=<(echo "20") --project=${environment.project}`;
    return createAlertPolicy(
      this,
      {
        id: 'cloudsql_connections_near_max',
        component: 'postgresql',
        severity: 'error',
        title: `Cloud SQL: connections > ${thresholds.connectionsPercentOfMax}% of max_connections (${thresholds.maxConnections})`,
        conditions: [
          thresholdCondition({
            displayName: `PostgreSQL backends > ${limit} for ${thresholds.durationSeconds / 60} min`,
            filter: this.instanceFilter(BACKENDS.type),
            aggregation: perMinute('ALIGN_MEAN', 'REDUCE_SUM'),
            comparison: 'COMPARISON_GT',
            threshold: limit,
            durationSeconds: thresholds.durationSeconds,
          }),
        ],
        chartLabel: `alert: ${limit} of ${thresholds.maxConnections}`,
        runbook: {
          whatFired: `PostgreSQL on \`${environment.postgres.instance}\` held more than ${limit} connections (${thresholds.connectionsPercentOfMax}% of max_connections ${thresholds.maxConnections}) for ${thresholds.durationSeconds / 60} minutes.`,
          userImpact:
            'New connections are about to be refused ("remaining connection slots are reserved"): requests that need a fresh connection fail.',
          firstChecks: [
            `How many instances of ${environment.cloudRun.services.join(' and ')} are running, times DATABASE_POOL_SIZE each? That product must stay below max_connections.`,
            'Are connections leaking or idle in transaction? Compare backends by state (num_backends_by_state) on the metrics explorer.',
            `Lower the pool size (the plan's remedy) or raise max_connections / the tier: \`${poolSecret}\`, \`${commands.scaleUp}\`.`,
          ],
          commands: [commands.describe, poolSecret],
        },
      },
      context,
    );
  }

  private cpuAlert(context: MonitoringContext): AlertPolicyInfo {
    const thresholds = this.environment.thresholds.cloudSql;
    const commands = instanceRunbook(this.environment);
    const percent = thresholds.cpuUtilizationPercent;
    return createAlertPolicy(
      this,
      {
        id: 'cloudsql_cpu_high',
        component: 'postgresql',
        severity: 'warning',
        title: `Cloud SQL: CPU > ${percent}% for ${thresholds.cpuForSeconds / 60} min`,
        conditions: [
          thresholdCondition({
            displayName: `CPU utilization > ${percent}% for ${thresholds.cpuForSeconds / 60} min`,
            filter: this.instanceFilter(CPU.type),
            aggregation: perMinute('ALIGN_MEAN', 'REDUCE_MAX'),
            comparison: 'COMPARISON_GT',
            // cpu/utilization is a fraction of the reserved CPU (its unit reads 10^2.%).
            threshold: percentAsFraction(percent),
            durationSeconds: thresholds.cpuForSeconds,
          }),
        ],
        chartLabel: `alert: ${percent}%`,
        runbook: {
          whatFired: `CPU utilization of Cloud SQL \`${this.environment.postgres.instance}\` stayed above ${percent}% of its reserved CPU for ${thresholds.cpuForSeconds / 60} minutes.`,
          userImpact:
            'Queries queue for CPU: chat responses slow down, and the PostgreSQL latency alerts are likely to follow.',
          firstChecks: [
            'Which queries use the CPU? Open Query Insights for the instance and sort by total time.',
            "Are hot tables bloated or missing statistics? Run `VACUUM ANALYZE auth_users; VACUUM ANALYZE chat_sessions; VACUUM ANALYZE agent_executions;` (the plan's query optimization).",
            `Scale the instance up for now (the plan's immediate remedy): \`${commands.scaleUp}\` — it restarts the instance.`,
          ],
          commands: [commands.describe, commands.scaleUp],
        },
      },
      context,
    );
  }

  private diskAlert(context: MonitoringContext): AlertPolicyInfo {
    const thresholds = this.environment.thresholds.cloudSql;
    const commands = instanceRunbook(this.environment);
    const percent = thresholds.diskUtilizationPercent;
    const instance = this.environment.postgres.instance;
    return createAlertPolicy(
      this,
      {
        id: 'cloudsql_disk_high',
        component: 'postgresql',
        severity: 'error',
        title: `Cloud SQL: disk > ${percent}% full`,
        conditions: [
          thresholdCondition({
            displayName: `Disk utilization > ${percent}% for ${thresholds.durationSeconds / 60} min`,
            filter: this.instanceFilter(DISK.type),
            aggregation: perMinute('ALIGN_MEAN', 'REDUCE_MAX'),
            comparison: 'COMPARISON_GT',
            threshold: percentAsFraction(percent),
            durationSeconds: thresholds.durationSeconds,
          }),
        ],
        chartLabel: `alert: ${percent}%`,
        runbook: {
          whatFired: `Cloud SQL \`${instance}\` used more than ${percent}% of its disk for ${thresholds.durationSeconds / 60} minutes.`,
          userImpact:
            'When the disk fills, PostgreSQL stops accepting writes: chat sessions and agent executions cannot be saved.',
          firstChecks: [
            `How large is the disk, and does it grow by itself? \`${commands.diskSize}\`; automatic storage increase is settings.storageAutoResize.`,
            'What grew? Large tables, bloat that VACUUM can reclaim, or logs: check the biggest relations before adding disk.',
            `Grow the disk (it cannot shrink again): \`gcloud sql instances patch ${instance} --storage-size=<GB> --project=${this.environment.project}\`.`,
          ],
          commands: [commands.diskSize, commands.describe],
        },
      },
      context,
    );
  }
}
