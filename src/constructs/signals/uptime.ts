// End-to-end availability: uptime checks of the backend's health endpoint and of the auth
// service, each alerting when it fails from several checker locations; plus the Cloud Run
// request view (5xx, latency, instances) of every service.
import { failingLocationsThreshold, REGION_RULE } from '../../config/checker-locations';
import { Construct } from 'constructs';
import { metricFilter } from '../../gcp/filter-builder';
import { metric } from '../../gcp/metric-catalog';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { thresholdCondition } from '../conditions';
import { lineChart } from '../dashboard/widgets';
import type { MonitoringContext } from '../monitoring-context';
import { createUptimeCheck, UptimeCheckRef, uptimeFailingCondition } from '../uptime-check';
import type { Signal } from './signal';

const REQUEST_LATENCY = metric('monitoring.googleapis.com/uptime_check/request_latency');
const RUN_REQUESTS = metric('run.googleapis.com/request_count');
const RUN_LATENCIES = metric('run.googleapis.com/request_latencies');
const RUN_CPU = metric('run.googleapis.com/container/cpu/utilizations');
const RUN_MEMORY = metric('run.googleapis.com/container/memory/utilizations');
const RUN_INSTANCES = metric('run.googleapis.com/container/instance_count');

export class Uptime extends Construct implements Signal {
  readonly alertPolicies: AlertPolicyInfo[] = [];
  readonly widgets: Signal['widgets'];

  constructor(scope: Construct, id: string, context: MonitoringContext) {
    super(scope, id);
    const environment = context.environment;
    const failing = failingLocationsThreshold(
      environment.uptime.checkerRegions,
      environment.thresholds.uptime.failingLocations,
    );
    const checks: Array<{
      id: string;
      alertId: string;
      title: string;
      url: string;
      component: string;
      impact: string;
    }> = [
      {
        id: 'uptime_backend_health',
        alertId: 'uptime_backend_health_failing',
        title: 'Backend health endpoint',
        url: environment.uptime.backendHealthUrl,
        component: 'backend',
        impact: 'The chat backend is unreachable or unhealthy for users.',
      },
      {
        id: 'uptime_auth_health',
        alertId: 'uptime_auth_health_failing',
        title: 'Auth service health endpoint',
        url: environment.uptime.authHealthUrl,
        component: 'auth',
        impact: 'Users cannot sign in, and the backend cannot validate sessions.',
      },
    ];
    const refs: UptimeCheckRef[] = [];
    for (const check of checks) {
      const ref = createUptimeCheck(this, environment, { id: check.id, title: check.title, url: check.url });
      refs.push(ref);
      this.alertPolicies.push(
        createAlertPolicy(
          this,
          {
            id: check.alertId,
            component: check.component,
            severity: 'critical',
            title: `Uptime: ${check.title.toLowerCase()} failing from ${failing}+ locations`,
            conditions: [thresholdCondition(uptimeFailingCondition(environment, ref, check.title))],
            runbook: {
              whatFired: `The uptime check of ${check.url} (HTTP 2xx within ${environment.uptime.timeoutSeconds} s) failed from ${failing} or more checker locations for 3 consecutive runs. ${REGION_RULE}`,
              userImpact: check.impact,
              firstChecks: [
                `\`curl -sS -m ${environment.uptime.timeoutSeconds} -o /dev/null -w "%{http_code} %{time_total}s\\n" ${check.url}\` — status and time from where you are.`,
                `Is the latest Cloud Run revision serving? \`gcloud run revisions list --region=${environment.region} --project=${environment.project}\`; roll back the revision if failures began with a deploy.`,
                'Are Redis, PostgreSQL and the VPC connector alerts open too? The health endpoint fails when its dependencies do.',
              ],
            },
          },
          context,
        ),
      );
    }

    const services = environment.cloudRun.services;
    const servicesFilter = (metricType: string, metricLabels?: Record<string, string>) =>
      metricFilter({
        metricType,
        resourceType: 'cloud_run_revision',
        resourceLabels: { service_name: services },
        metricLabels,
      });
    const byService = ['resource.label.service_name'];
    const utilizationP99ByService = (title: string, metricType: string) =>
      lineChart(
        title,
        [
          {
            filter: servicesFilter(metricType),
            aggregation: {
              alignmentPeriodSeconds: 60,
              perSeriesAligner: 'ALIGN_PERCENTILE_99',
              crossSeriesReducer: 'REDUCE_MAX',
              groupByFields: byService,
            },
          },
        ],
        { yLabel: 'fraction' },
      );
    this.widgets = {
      responseTimes: [
        lineChart(
          'Uptime check latency',
          refs.map((ref) => ({
            filter: metricFilter({
              metricType: REQUEST_LATENCY.type,
              resourceType: 'uptime_url',
              metricLabels: { check_id: ref.checkIdReference },
            }),
            aggregation: {
              alignmentPeriodSeconds: 60,
              perSeriesAligner: 'ALIGN_MEAN',
              crossSeriesReducer: 'REDUCE_MEAN',
              groupByFields: ['metric.label.check_id'],
            },
            legend: ref.displayName,
          })),
          { yLabel: 'ms' },
        ),
        lineChart(
          'Cloud Run: request latency p99 by service',
          [
            {
              filter: servicesFilter(RUN_LATENCIES.type),
              aggregation: {
                alignmentPeriodSeconds: 60,
                perSeriesAligner: 'ALIGN_DELTA',
                crossSeriesReducer: 'REDUCE_PERCENTILE_99',
                groupByFields: byService,
              },
            },
          ],
          { yLabel: 'ms' },
        ),
      ],
      errorRates: [
        lineChart(
          'Cloud Run: 5xx responses by service',
          [
            {
              filter: servicesFilter(RUN_REQUESTS.type, { response_code_class: '5xx' }),
              aggregation: {
                alignmentPeriodSeconds: 60,
                perSeriesAligner: 'ALIGN_RATE',
                crossSeriesReducer: 'REDUCE_SUM',
                groupByFields: byService,
              },
            },
          ],
          { yLabel: 'requests/s' },
        ),
      ],
      utilization: [
        utilizationP99ByService('Cloud Run: CPU utilization p99 by service', RUN_CPU.type),
        utilizationP99ByService('Cloud Run: memory utilization p99 by service', RUN_MEMORY.type),
        lineChart(
          'Cloud Run: instances by service',
          [
            {
              filter: servicesFilter(RUN_INSTANCES.type),
              aggregation: {
                alignmentPeriodSeconds: 60,
                perSeriesAligner: 'ALIGN_MEAN',
                crossSeriesReducer: 'REDUCE_SUM',
                groupByFields: byService,
              },
            },
          ],
          { yLabel: 'instances' },
        ),
      ],
    };
  }
}
