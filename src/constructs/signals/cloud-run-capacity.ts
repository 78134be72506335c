// Cloud Run capacity: what users meet when the services run out of room. Two facts from Google's
// metric list shape it: request_count "excludes requests that are not reaching your container
// instances (e.g. unauthorized requests or when maximum number of instances is reached)", so the
// requests turned away at the maximum are invisible to it and the instance count at the maximum
// is their only metric; and both metrics are visible up to 120 s after sampling, so each alert can
// page within 5 minutes (120 s ingest + 60 s alignment + 60 s held + 60 s evaluation).
import { Construct } from 'constructs';
import { metricFilter } from '../../gcp/filter-builder';
import { metric } from '../../gcp/metric-catalog';
import { percentAsFraction } from '../../gcp/units';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { Aggregation, thresholdCondition } from '../conditions';
import { lineChart, ratioChart } from '../dashboard/widgets';
import type { MonitoringContext } from '../monitoring-context';
import type { Runbook } from '../runbook';
import type { Signal } from './signal';

const REQUESTS = metric('run.googleapis.com/request_count');
const INSTANCES = metric('run.googleapis.com/container/instance_count');

/** The response codes of requests Cloud Run or the service turned away. */
const REJECTED_CODES = ['429', '503'];

function perMinute(groupByFields: readonly string[]): Aggregation {
  return {
    alignmentPeriodSeconds: 60,
    perSeriesAligner: 'ALIGN_DELTA',
    crossSeriesReducer: 'REDUCE_SUM',
    groupByFields,
  };
}

export class CloudRunCapacity extends Construct implements Signal {
  readonly alertPolicies: AlertPolicyInfo[];
  readonly widgets: Signal['widgets'];
  private readonly servicesFilter: (metricType: string, metricLabels?: Record<string, string[]>) => string;

  constructor(scope: Construct, id: string, context: MonitoringContext) {
    super(scope, id);
    const services = context.environment.cloudRun.services;
    this.servicesFilter = (metricType, metricLabels) =>
      metricFilter({
        metricType,
        resourceType: 'cloud_run_revision',
        resourceLabels: { service_name: services },
        metricLabels,
      });
    const runbook = this.runbook(context);
    const atMax = this.maxInstancesAlert(context, runbook);
    const rejected = this.rejectedRequestsAlert(context, runbook);
    this.alertPolicies = [atMax, rejected];
    this.widgets = {
      responseTimes: [],
      errorRates: [
        ratioChart(
          'Cloud Run: share of requests answered 429 or 503, by service',
          {
            filter: this.servicesFilter(REQUESTS.type, { response_code: REJECTED_CODES }),
            aggregation: perMinute(['resource.label.service_name']),
          },
          { filter: this.servicesFilter(REQUESTS.type), aggregation: perMinute(['resource.label.service_name']) },
          { threshold: rejected.thresholdLine },
        ),
      ],
      utilization: [
        lineChart(
          'Cloud Run: instances per revision against max instances',
          [{ filter: this.servicesFilter(INSTANCES.type), aggregation: this.instancesPerRevision() }],
          { yLabel: 'instances', threshold: atMax.thresholdLine },
        ),
      ],
    };
  }

  /** Every state (active and idle) counts against the maximum; a revision is what scales. */
  private instancesPerRevision(): Aggregation {
    return {
      alignmentPeriodSeconds: 60,
      perSeriesAligner: 'ALIGN_MEAN',
      crossSeriesReducer: 'REDUCE_SUM',
      groupByFields: ['resource.label.service_name', 'resource.label.revision_name'],
    };
  }

  private runbook(context: MonitoringContext): Pick<Runbook, 'firstChecks' | 'commands'> {
    const environment = context.environment;
    const where = `--region=${environment.region} --project=${environment.project}`;
    return {
      firstChecks: [
        "Is traffic higher than usual (the dashboard's Cloud Run request charts), or are requests slower so that each instance holds them longer (request latency, Redis and PostgreSQL charts)?",
        `Raise the ceiling if the traffic is real: \`gcloud run services update SERVICE --max-instances=N ${where}\` (and cloudRun.maxInstances in the environment file), keeping DATABASE_POOL_SIZE × instances under PostgreSQL's max_connections.`,
        'Look for the rejected requests themselves: Cloud Run logs "The request was aborted because there was no available instance" for requests it could not place.',
      ],
      commands: [
        ...environment.cloudRun.services.map(
          (service) =>
            `gcloud run services describe ${service} ${where} --format="yaml(spec.template.metadata.annotations,spec.template.spec.containerConcurrency)"`,
        ),
        `gcloud logging read 'resource.type="cloud_run_revision" AND (httpRequest.status=429 OR httpRequest.status=503)' --freshness=15m --limit=20 --project=${environment.project}`,
      ],
    };
  }

  /**
   * A revision at the maximum cannot scale: requests beyond its instances' concurrency wait and are
   * then turned away, and request_count does not count them (Google's metric list). So the
   * maximum reached pages: held one minute, worst case 5 minutes (120 s ingest).
   */
  private maxInstancesAlert(context: MonitoringContext, runbook: Pick<Runbook, 'firstChecks' | 'commands'>) {
    const max = context.environment.cloudRun.maxInstances;
    return createAlertPolicy(
      this,
      {
        id: 'cloud_run_at_max_instances',
        component: 'cloud-run',
        severity: 'critical',
        title: `Cloud Run: a revision at max instances (${max})`,
        conditions: [
          thresholdCondition({
            displayName: `Instances of one revision at ${max} for 1 min`,
            filter: this.servicesFilter(INSTANCES.type),
            aggregation: this.instancesPerRevision(),
            comparison: 'COMPARISON_GT',
            // Instance counts are whole numbers: "> max - 1" is "at max".
            threshold: max - 1,
            durationSeconds: 60,
          }),
        ],
        chartLabel: `page: max instances ${max}`,
        runbook: {
          whatFired: `A revision of ${context.environment.cloudRun.services.join(' or ')} ran ${max} instances (cloudRun.maxInstances, active and idle together) for over a minute: it cannot scale further.`,
          userImpact:
            'Requests beyond what the running instances can take wait and are then turned away (429, "no available instance"). Those requests never reach an instance, so request_count and the error charts do not show them.',
          ...runbook,
        },
      },
      context,
    );
  }

  /**
   * Requests answered 429 or 503 over all requests, per service, two one-minute windows in a row,
   * with at least minRequestsPerMinute requests in each (AND with the matching service). Worst
   * case 5 minutes: 120 s ingest + 60 s alignment + 60 s held + 60 s evaluation.
   */
  private rejectedRequestsAlert(context: MonitoringContext, runbook: Pick<Runbook, 'firstChecks' | 'commands'>) {
    const thresholds = context.environment.thresholds.cloudRun;
    const percent = thresholds.rejectedRequestPercent;
    const byService = perMinute(['resource.label.service_name']);
    return createAlertPolicy(
      this,
      {
        id: 'cloud_run_rejected_requests',
        component: 'cloud-run',
        severity: 'critical',
        title: `Cloud Run: requests answered 429 or 503 > ${percent}%`,
        // The volume guard must hold for the same service as the ratio.
        combiner: 'AND_WITH_MATCHING_RESOURCE',
        conditions: [
          thresholdCondition({
            displayName: `Requests answered 429 or 503 > ${percent}% of a service's requests for 2 min`,
            filter: this.servicesFilter(REQUESTS.type, { response_code: REJECTED_CODES }),
            denominatorFilter: this.servicesFilter(REQUESTS.type),
            aggregation: byService,
            comparison: 'COMPARISON_GT',
            threshold: percentAsFraction(percent),
            durationSeconds: 60,
          }),
          thresholdCondition({
            displayName: `At least ${thresholds.minRequestsPerMinute} requests a minute to the service`,
            filter: this.servicesFilter(REQUESTS.type),
            aggregation: byService,
            comparison: 'COMPARISON_GT',
            // Counts are whole numbers: "> N-1" is "at least N".
            threshold: thresholds.minRequestsPerMinute - 1,
            durationSeconds: 60,
          }),
        ],
        chartLabel: `page: ${percent}%`,
        runbook: {
          whatFired: `More than ${percent}% of a service's requests were answered 429 (too many requests) or 503 (unavailable) in two one-minute windows in a row, with at least ${thresholds.minRequestsPerMinute} requests a minute.`,
          userImpact:
            'Those users get an error instead of an answer: chat messages fail to send or sessions drop, while the health endpoint may still pass.',
          ...runbook,
        },
      },
      context,
    );
  }
}
