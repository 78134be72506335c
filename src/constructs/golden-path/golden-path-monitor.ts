// The golden-path synthetic monitor: the function's source zip → a bucket object → a 2nd gen Cloud
// Run function with its own service account → Cloud Run Invoker for the caller (two candidates) → an
// uptime check whose target is the function (synthetic_monitor) → the paging alert, the run's
// log-based metrics and the dashboard section shown first. Facts and sources: docs/golden-path.md.
import { CloudRunV2ServiceIamMember } from '@cdktf/provider-google/lib/cloud-run-v2-service-iam-member';
import { Cloudfunctions2Function } from '@cdktf/provider-google/lib/cloudfunctions2-function';
import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { LoggingMetric } from '@cdktf/provider-google/lib/logging-metric';
import { MonitoringUptimeCheckConfig } from '@cdktf/provider-google/lib/monitoring-uptime-check-config';
import { SecretManagerSecretIamMember } from '@cdktf/provider-google/lib/secret-manager-secret-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketObject } from '@cdktf/provider-google/lib/storage-bucket-object';
import { Construct } from 'constructs';
import type { Environment } from '../../config/environment';
import { goldenPathLatencyMetric } from '../../config/golden-path-metrics';
import type { GoldenPath } from '../../config/golden-path-schema';
import { VigilError } from '../../errors/vigil-error';
import { metricFilter } from '../../gcp/filter-builder';
import { LOG_BASED_METRIC_PREFIX, metric } from '../../gcp/metric-catalog';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { thresholdCondition } from '../conditions';
import type { SectionTiles } from '../dashboard/mosaic-layout';
import { lineChart, sectionHeader } from '../dashboard/widgets';
import { displayName, logMetricName, MonitoringContext } from '../monitoring-context';
import { goldenPathRunbook } from './golden-path-runbook';
import { functionEnvironment, functionSecrets } from './function-environment';
import { addSourceArchive, type StackSourceArchive } from './source-archive';

const CHECK_PASSED = metric('monitoring.googleapis.com/uptime_check/check_passed');

/** Consecutive failed runs before paging: one failed run stays silent (Google's console default is two). */
export const GOLDEN_PATH_FAILED_RUNS_TO_PAGE = 2;

/** The log-based metrics of the run's log line, by the name after `vigil-<env>-` (the SLO reads the first two). */
export const GOLDEN_PATH_LOG_METRICS = {
  runs: 'golden-path-runs',
  failedSteps: 'golden-path-failed-steps',
} as const;

/** Latency buckets of the per-event log-based metrics, in ms: the plan's 3 s connect and 30 s agent budgets fall on bounds. */
const LATENCY_BOUNDS_MS = [250, 500, 1000, 2000, 3000, 5000, 10000, 15000, 20000, 25000, 30000, 45000, 60000];

export function goldenPathFunctionName(environment: Environment): string {
  return `vigil-${environment.name}-golden-path`;
}

// Service account ids are 6–30 characters; long environment names fall back to a short stable form.
function serviceAccountId(environment: Environment): string {
  const id = `vigil-gp-${environment.name}`;
  if (id.length > 30)
    throw new VigilError(
      `environment name ${environment.name} is too long for the golden-path service account id (at most 21 characters)`,
    );
  return id;
}

export class GoldenPathMonitor extends Construct {
  readonly alertPolicies: AlertPolicyInfo[] = [];
  readonly section: SectionTiles;
  readonly checkIdReference: string;
  readonly archive: StackSourceArchive;

  constructor(
    scope: Construct,
    id: string,
    context: MonitoringContext,
    settings: GoldenPath,
    sourceDirectory?: string,
  ) {
    super(scope, id);
    const environment = context.environment;
    const region = settings.region ?? environment.region;
    const functionName = goldenPathFunctionName(environment);

    this.archive = addSourceArchive(this, sourceDirectory);
    const bucketName = settings.sourceBucket ?? this.createBucket(environment, region);
    const object = new StorageBucketObject(this, 'golden_path_source', {
      bucket: bucketName,
      // The content hash in the name: a source change uploads a new object and redeploys the
      // function; the same sources give the same name, so plans never churn.
      name: `vigil/${environment.name}/golden-path-${this.archive.sha256}.zip`,
      source: this.archive.terraformPath,
      contentType: 'application/zip',
    });
    object.overrideLogicalId('golden_path_source');

    const account = new ServiceAccount(this, 'golden_path_service_account', {
      project: environment.project,
      accountId: serviceAccountId(environment),
      displayName: displayName(environment, 'golden-path synthetic monitor'),
    });
    account.overrideLogicalId('golden_path_service_account');
    const member = `serviceAccount:${account.email}`;
    // Secret accessor on the monitor's own secrets only, never on the project.
    const secrets = functionSecrets(settings);
    secrets.forEach((secret) => {
      const grant = new SecretManagerSecretIamMember(this, `golden_path_secret_${secret.key.toLowerCase()}`, {
        project: environment.project,
        secretId: secret.secret,
        role: 'roles/secretmanager.secretAccessor',
        member,
      });
      grant.overrideLogicalId(`golden_path_secret_${secret.key.toLowerCase()}`);
    });

    const fn = new Cloudfunctions2Function(this, 'golden_path_function', {
      project: environment.project,
      name: functionName,
      location: region,
      description: 'vigil golden-path synthetic monitor: one chat turn end to end',
      labels: { env: environment.name, 'managed-by': 'vigil' },
      buildConfig: {
        runtime: 'nodejs22',
        entryPoint: 'goldenPath',
        source: { storageSource: { bucket: bucketName, object: object.name } },
      },
      serviceConfig: {
        serviceAccountEmail: account.email,
        // One run at a time is all the monitor needs; the bound also caps the cost of a retry storm.
        maxInstanceCount: 1,
        availableMemory: '256M',
        timeoutSeconds: settings.timeoutSeconds,
        environmentVariables: functionEnvironment(settings),
        secretEnvironmentVariables: secrets.map((secret) => ({
          key: secret.key,
          projectId: environment.project,
          secret: secret.secret,
          version: 'latest',
        })),
        ...(settings.vpcConnector
          ? { vpcConnector: `projects/${environment.project}/locations/${region}/connectors/${settings.vpcConnector}` }
          : {}),
      },
    });
    fn.overrideLogicalId('golden_path_function');

    // Which identity Cloud Monitoring presents when it calls the function is not stated in any
    // source read here (docs/golden-path.md, IAM). Both candidates get Cloud Run Invoker on this one
    // service only: the Monitoring service agent, and the function's own service account, which
    // Mozilla's synthetic-monitor module grants invoker to; without the right one every run is a
    // 403 and the alert pages for a monitor that cannot run.
    const project = new DataGoogleProject(this, 'golden_path_project', { projectId: environment.project });
    project.overrideLogicalId('golden_path_project');
    const invoker = new CloudRunV2ServiceIamMember(this, 'golden_path_invoker', {
      project: environment.project,
      location: region,
      name: fn.name,
      role: 'roles/run.invoker',
      member: `serviceAccount:service-${project.number}@gcp-sa-monitoring-notification.iam.gserviceaccount.com`,
    });
    invoker.overrideLogicalId('golden_path_invoker');
    const selfInvoker = new CloudRunV2ServiceIamMember(this, 'golden_path_self_invoker', {
      project: environment.project,
      location: region,
      name: fn.name,
      role: 'roles/run.invoker',
      member,
    });
    selfInvoker.overrideLogicalId('golden_path_self_invoker');

    const check = new MonitoringUptimeCheckConfig(this, 'golden_path_check', {
      project: environment.project,
      displayName: displayName(environment, 'Golden path (chat turn end to end)'),
      period: `${settings.periodSeconds}s`,
      timeout: `${settings.timeoutSeconds}s`,
      userLabels: { env: environment.name },
      syntheticMonitor: { cloudFunctionV2: { name: fn.id } },
      dependsOn: [invoker, selfInvoker],
    });
    check.overrideLogicalId('golden_path_check');
    this.checkIdReference = check.uptimeCheckId;

    this.alertPolicies.push(this.failingAlert(context, settings, functionName));
    this.section = this.dashboardSection(context, settings, functionName);
  }

  private createBucket(environment: Environment, region: string): string {
    const name = `${environment.project}-vigil-${environment.name}-src`;
    if (name.length > 63)
      throw new VigilError(
        `goldenPath.sourceBucket: the default bucket name ${name} is longer than 63 characters; name a bucket in goldenPath.sourceBucket`,
      );
    const bucket = new StorageBucket(this, 'golden_path_bucket', {
      project: environment.project,
      name,
      location: region.toUpperCase(),
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      labels: { env: environment.name, 'managed-by': 'vigil' },
    });
    bucket.overrideLogicalId('golden_path_bucket');
    return bucket.name;
  }

  /**
   * Pages after GOLDEN_PATH_FAILED_RUNS_TO_PAGE failed runs within that many periods. Each run
   * writes one check_passed point; ALIGN_COUNT_FALSE over the window counts the failed ones, so
   * one failed run (1) stays under the threshold and two consecutive ones (2) cross it.
   */
  private failingAlert(context: MonitoringContext, settings: GoldenPath, functionName: string): AlertPolicyInfo {
    const failedRuns = GOLDEN_PATH_FAILED_RUNS_TO_PAGE;
    const windowSeconds = failedRuns * settings.periodSeconds;
    const environment = context.environment;
    return createAlertPolicy(
      this,
      {
        id: 'golden_path_failing',
        component: 'golden-path',
        severity: 'critical',
        title: `Golden path: ${failedRuns} failed runs in a row (chat turn end to end)`,
        conditions: [
          thresholdCondition({
            displayName: `Golden path failed ${failedRuns} times within ${windowSeconds / 60} min`,
            filter: metricFilter({
              metricType: CHECK_PASSED.type,
              resourceType: 'cloud_run_revision',
              metricLabels: { check_id: this.checkIdReference },
            }),
            aggregation: {
              alignmentPeriodSeconds: windowSeconds,
              perSeriesAligner: 'ALIGN_COUNT_FALSE',
              crossSeriesReducer: 'REDUCE_SUM',
              groupByFields: ['metric.label.check_id'],
            },
            comparison: 'COMPARISON_GT',
            threshold: failedRuns - 1,
            durationSeconds: 0,
          }),
        ],
        runbook: goldenPathRunbook(environment, settings, functionName, failedRuns),
      },
      context,
    );
  }

  private dashboardSection(context: MonitoringContext, settings: GoldenPath, functionName: string): SectionTiles {
    const environment = context.environment;
    const runLog = [
      'resource.type="cloud_run_revision"',
      `resource.labels.service_name="${functionName}"`,
      'jsonPayload.goldenPath.outcome:*',
    ].join(' AND ');
    const runs = new LoggingMetric(this, 'golden_path_runs', {
      project: environment.project,
      name: logMetricName(environment, GOLDEN_PATH_LOG_METRICS.runs),
      description: 'Golden-path runs, passed or failed (one log line per run): the SLO total.',
      filter: runLog,
      metricDescriptor: { metricKind: 'DELTA', valueType: 'INT64', unit: '1' },
    });
    runs.overrideLogicalId('golden_path_runs');
    const failures = new LoggingMetric(this, 'golden_path_failed_steps', {
      project: environment.project,
      name: logMetricName(environment, GOLDEN_PATH_LOG_METRICS.failedSteps),
      description: 'Failed golden-path runs by failing step (one log line per run, docs/golden-path.md).',
      filter: `${runLog} AND jsonPayload.goldenPath.outcome="failed"`,
      metricDescriptor: {
        metricKind: 'DELTA',
        valueType: 'INT64',
        unit: '1',
        labels: [{ key: 'failed_step', valueType: 'STRING', description: 'The step the run failed at.' }],
      },
      labelExtractors: { failed_step: 'EXTRACT(jsonPayload.goldenPath.failedStep)' },
    });
    failures.overrideLogicalId('golden_path_failed_steps');
    const latencyMetrics = [...settings.events, 'total'].map((event) => {
      const metricId = `golden_path_latency_${event}`;
      const name = logMetricName(environment, goldenPathLatencyMetric(event));
      const resource = new LoggingMetric(this, metricId, {
        project: environment.project,
        name,
        description: `Golden-path latency of ${event} in ms (from the run's log line).`,
        filter: `${runLog} AND jsonPayload.goldenPath.latencyMs.${event}:*`,
        valueExtractor: `EXTRACT(jsonPayload.goldenPath.latencyMs.${event})`,
        metricDescriptor: { metricKind: 'DELTA', valueType: 'DISTRIBUTION', unit: 'ms' },
        bucketOptions: { explicitBuckets: { bounds: LATENCY_BOUNDS_MS } },
      });
      resource.overrideLogicalId(metricId);
      return { event, type: `${LOG_BASED_METRIC_PREFIX}${name}` };
    });
    const checkFilter = metricFilter({
      metricType: CHECK_PASSED.type,
      resourceType: 'cloud_run_revision',
      metricLabels: { check_id: this.checkIdReference },
    });
    return {
      header: sectionHeader(
        'Golden path',
        `A real chat turn every ${settings.periodSeconds / 60} min: token, WebSocket, ${settings.events.length} events in order within ${settings.deadlineSeconds} s`,
      ),
      tiles: [
        lineChart(
          'Golden path: runs passed (1) or failed (0)',
          [
            {
              filter: checkFilter,
              aggregation: { alignmentPeriodSeconds: settings.periodSeconds, perSeriesAligner: 'ALIGN_FRACTION_TRUE' },
            },
          ],
          { yLabel: 'fraction passed' },
        ),
        lineChart(
          'Golden path: p95 latency per event',
          latencyMetrics.map((latency) => ({
            filter: metricFilter({ metricType: latency.type, resourceType: 'cloud_run_revision' }),
            aggregation: {
              alignmentPeriodSeconds: 300,
              perSeriesAligner: 'ALIGN_DELTA',
              crossSeriesReducer: 'REDUCE_PERCENTILE_95',
            },
            legend: latency.event,
          })),
          { yLabel: 'ms' },
        ),
        lineChart(
          'Golden path: failed runs by step',
          [
            {
              filter: metricFilter({
                metricType: `${LOG_BASED_METRIC_PREFIX}${logMetricName(environment, GOLDEN_PATH_LOG_METRICS.failedSteps)}`,
                resourceType: 'cloud_run_revision',
              }),
              aggregation: {
                alignmentPeriodSeconds: 300,
                perSeriesAligner: 'ALIGN_DELTA',
                crossSeriesReducer: 'REDUCE_SUM',
                groupByFields: ['metric.label.failed_step'],
              },
            },
          ],
          { yLabel: 'runs' },
        ),
      ],
      tileWidth: 16,
      tileHeight: 12,
    };
  }
}
