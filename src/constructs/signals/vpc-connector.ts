// Serverless VPC Access connector: every request from Cloud Run to Redis and PostgreSQL crosses
// it. Cloud Monitoring has no metric of the connector's state (facts file §1.3), so "not READY"
// is approached from two sides: here, the connector serving fewer instances than its minimum or
// reporting nothing at all; at plan time, the drift checks read its state from the API.
import { Construct } from 'constructs';
import { metricFilter } from '../../gcp/filter-builder';
import { metric } from '../../gcp/metric-catalog';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { absenceCondition, thresholdCondition } from '../conditions';
import { lineChart } from '../dashboard/widgets';
import type { MonitoringContext } from '../monitoring-context';
import type { Signal } from './signal';

const INSTANCES = metric('vpcaccess.googleapis.com/connector/instances');
const SENT_BYTES = metric('vpcaccess.googleapis.com/connector/sent_bytes_count');
const RECEIVED_BYTES = metric('vpcaccess.googleapis.com/connector/received_bytes_count');

export class VpcConnector extends Construct implements Signal {
  readonly alertPolicies: AlertPolicyInfo[] = [];
  readonly widgets: Signal['widgets'];

  constructor(scope: Construct, id: string, context: MonitoringContext) {
    super(scope, id);
    const environment = context.environment;
    const connector = environment.vpcConnector;
    const thresholds = environment.thresholds.vpcConnector;
    const connectorFilter = (metricType: string) =>
      metricFilter({
        metricType,
        resourceType: 'vpc_access_connector',
        resourceLabels: { connector_name: connector.name, location: environment.region },
      });
    const byConnector = ['resource.label.connector_name'];
    const services = environment.cloudRun.services;

    const notServing = createAlertPolicy(
      this,
      {
        id: 'vpc_connector_not_serving',
        component: 'vpc-connector',
        severity: 'critical',
        title: `VPC connector: ${connector.name} not serving (instances < ${connector.minInstances} or no data)`,
        conditions: [
          thresholdCondition({
            displayName: `Connector instances < ${connector.minInstances} for ${thresholds.durationSeconds / 60} min`,
            filter: connectorFilter(INSTANCES.type),
            aggregation: {
              alignmentPeriodSeconds: 60,
              perSeriesAligner: 'ALIGN_MIN',
              crossSeriesReducer: 'REDUCE_MIN',
              groupByFields: byConnector,
            },
            comparison: 'COMPARISON_LT',
            threshold: connector.minInstances,
            durationSeconds: thresholds.durationSeconds,
            // NO_OP: a connector that stops reporting once this condition fails keeps it failing, and
            // a gap in healthy data neither pages nor resets (ACTIVE paged on any gap of 7+ minutes,
            // alert-tests/staging/noise/metrics-gap.yaml). The absence condition below covers a
            // connector that stops reporting; the health endpoint pages first (failure-modes/staging.yaml).
            evaluationMissingData: 'EVALUATION_MISSING_DATA_NO_OP',
          }),
          absenceCondition({
            displayName: `Connector instances metric absent for ${thresholds.absentForSeconds / 60} min`,
            filter: connectorFilter(INSTANCES.type),
            aggregation: {
              alignmentPeriodSeconds: 300,
              perSeriesAligner: 'ALIGN_MEAN',
              crossSeriesReducer: 'REDUCE_SUM',
              groupByFields: byConnector,
            },
            durationSeconds: thresholds.absentForSeconds,
          }),
        ],
        runbook: {
          whatFired: `Serverless VPC Access connector \`${connector.name}\` (${connector.network}, ${connector.ipCidrRange}) ran fewer than its ${connector.minInstances} minimum instances, or reported no metrics for ${thresholds.absentForSeconds / 60} minutes.`,
          userImpact:
            'Cloud Run reaches Redis and PostgreSQL through this connector: when it is not serving, every request that needs them fails with connection errors.',
          firstChecks: [
            `Is the connector READY? \`gcloud compute networks vpc-access connectors describe ${connector.name} --region=${environment.region} --project=${environment.project} --format="value(state)"\` — ERROR means recreate it (Google: "manual deletion recommended").`,
            `Are ${services.join(' and ')} still attached to it with egress ${environment.cloudRun.egress}? The commands below print each service's connector and egress (annotations run.googleapis.com/vpc-access-connector and vpc-access-egress).`,
            `Is the /28 range ${connector.ipCidrRange} still free in ${connector.network} (no overlapping subnet added)?`,
          ],
          commands: services.map(
            (service) =>
              `gcloud run services describe ${service} --region=${environment.region} --project=${environment.project} --format="yaml(spec.template.metadata.annotations)"`,
          ),
          notes: [
            'Cloud Monitoring has no connector-state metric: READY is also checked at every plan by the drift checks (docs/drift.md).',
            `Rollback, if a VPC change caused this: ${services.map((service) => `\`gcloud run services update ${service} --clear-vpc-connector --region=${environment.region} --project=${environment.project}\``).join(', ')} only as a last resort — Redis and PostgreSQL are private and unreachable without the connector.`,
          ],
        },
        chartLabel: 'minimum',
      },
      context,
    );
    this.alertPolicies.push(notServing);

    const sum = (aligner: string) => ({
      alignmentPeriodSeconds: 60,
      perSeriesAligner: aligner,
      crossSeriesReducer: 'REDUCE_SUM',
      groupByFields: byConnector,
    });
    this.widgets = {
      responseTimes: [],
      errorRates: [],
      utilization: [
        lineChart(
          `VPC connector ${connector.name}: instances`,
          [{ filter: connectorFilter(INSTANCES.type), aggregation: sum('ALIGN_MEAN') }],
          {
            yLabel: 'instances',
            threshold: notServing.thresholdLine,
          },
        ),
        lineChart(
          `VPC connector ${connector.name}: throughput`,
          [
            { filter: connectorFilter(SENT_BYTES.type), aggregation: sum('ALIGN_RATE'), legend: 'sent' },
            { filter: connectorFilter(RECEIVED_BYTES.type), aggregation: sum('ALIGN_RATE'), legend: 'received' },
          ],
          { yLabel: 'bytes/s' },
        ),
      ],
    };
  }
}
