// Serverless VPC Access connector: every request from Cloud Run to Redis and PostgreSQL crosses
// it. Cloud Monitoring has no metric of the connector's state (facts file §1.3), so "not READY"
// is approached from two sides: here, the connector serving fewer instances than its minimum or
// reporting nothing at all; at plan time, the drift checks read its state from the API.
// Saturation is read from the same metrics: instances at maxInstances, and bytes per second
// against the capacity of maxInstances instances of its machine type (src/gcp/vpc-connector-throughput.ts).
// Every connector metric is visible up to 240 s after sampling (Google's metric list), so none of
// these can page within 5 minutes: 240 s + 60 s alignment + 60 s evaluation is 6 minutes at best.
import { Construct } from 'constructs';
import { metricFilter } from '../../gcp/filter-builder';
import { metric } from '../../gcp/metric-catalog';
import { connectorCapacityBytesPerSecond, connectorMbpsPerInstance } from '../../gcp/vpc-connector-throughput';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { Aggregation, absenceCondition, thresholdCondition } from '../conditions';
import { lineChart } from '../dashboard/widgets';
import type { MonitoringContext } from '../monitoring-context';
import type { Runbook } from '../runbook';
import type { Signal } from './signal';

/** What a saturation runbook asks first, and the commands it offers. */
function saturationRunbook(context: MonitoringContext): Pick<Runbook, 'firstChecks' | 'commands' | 'notes'> {
  const environment = context.environment;
  const connector = environment.vpcConnector;
  const where = `--region=${environment.region} --project=${environment.project}`;
  return {
    firstChecks: [
      `Which service drives the traffic? The Cloud Run charts on the dashboard show requests and instances of ${environment.cloudRun.services.join(' and ')}; a traffic spike or a scale-out multiplies connections to Redis and PostgreSQL.`,
      `Is the traffic expected? Raise the ceiling: more instances (maxInstances ${connector.maxInstances}, at most 10) or a larger machine type than ${connector.machineType} (\`gcloud compute networks vpc-access connectors update ${connector.name} ${where} --max-instances=10 --machine-type=e2-standard-4\`), then set the same values under vpcConnector: in the environment file.`,
      'Is it unexpected (a retry storm, a bulk job, large Redis values)? Stop the source first; the connector scales in by itself once traffic falls.',
    ],
    commands: [
      `gcloud compute networks vpc-access connectors describe ${connector.name} ${where} --format="yaml(state,machineType,minInstances,maxInstances)"`,
    ],
    notes: [
      `Capacity assumed: ${connector.maxInstances} × ${connectorMbpsPerInstance(connector.machineType)} Mbit/s (${connector.machineType}, Google's estimate per instance).`,
      'Google recommends Direct VPC egress for Cloud Run instead of a connector; it has no connector instances to saturate.',
    ],
  };
}

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

    const sum = (aligner: string): Aggregation => ({
      alignmentPeriodSeconds: 60,
      perSeriesAligner: aligner,
      crossSeriesReducer: 'REDUCE_SUM',
      groupByFields: byConnector,
    });
    const { atMaxInstances, nearCapacity, saturated } = this.saturationAlerts(context, connectorFilter, sum);
    this.alertPolicies.push(atMaxInstances, nearCapacity, saturated);
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
            thresholds: atMaxInstances.thresholdLine ? [atMaxInstances.thresholdLine] : [],
          },
        ),
        lineChart(
          `VPC connector ${connector.name}: throughput`,
          [
            { filter: connectorFilter(SENT_BYTES.type), aggregation: sum('ALIGN_RATE'), legend: 'sent' },
            { filter: connectorFilter(RECEIVED_BYTES.type), aggregation: sum('ALIGN_RATE'), legend: 'received' },
          ],
          {
            yLabel: 'bytes/s',
            // The warning line (near capacity) and the page line (saturated).
            threshold: nearCapacity.thresholdLine,
            thresholds: saturated.thresholdLine ? [saturated.thresholdLine] : [],
          },
        ),
      ],
    };
  }
  /**
   * At maxInstances or near capacity (warnings) and saturated (a page), against the capacity of
   * maxInstances instances of the connector's machine type.
   */
  private saturationAlerts(
    context: MonitoringContext,
    connectorFilter: (metricType: string) => string,
    sum: (aligner: string) => Aggregation,
  ): { atMaxInstances: AlertPolicyInfo; nearCapacity: AlertPolicyInfo; saturated: AlertPolicyInfo } {
    const connector = context.environment.vpcConnector;
    const thresholds = context.environment.thresholds.vpcConnector;
    const byConnector = ['resource.label.connector_name'];
    const runbook = saturationRunbook(context);
    const capacity = connectorCapacityBytesPerSecond(connector.machineType, connector.maxInstances);
    const capacityWords = `${connector.maxInstances} × ${connectorMbpsPerInstance(connector.machineType)} Mbit/s (${connector.machineType})`;
    const minutes = thresholds.durationSeconds / 60;
    // Bytes per second in either direction over the capacity's fraction; one condition a direction,
    // since a condition reads one metric type.
    const throughputConditions = (percent: number, durationSeconds: number, held: string) =>
      [
        ['sent', SENT_BYTES.type],
        ['received', RECEIVED_BYTES.type],
      ].map(([direction, metricType]) =>
        thresholdCondition({
          displayName: `Connector bytes ${direction} > ${percent}% of capacity ${held}`,
          filter: connectorFilter(metricType),
          aggregation: sum('ALIGN_RATE'),
          comparison: 'COMPARISON_GT',
          threshold: Math.round((capacity * percent) / 100),
          durationSeconds,
        }),
      );

    // At maxInstances the connector cannot grow: a warning, since it may still carry the traffic.
    const atMaxInstances = createAlertPolicy(
      this,
      {
        id: 'vpc_connector_at_max_instances',
        component: 'vpc-connector',
        severity: 'warning',
        title: `VPC connector: ${connector.name} at maxInstances (${connector.maxInstances})`,
        conditions: [
          thresholdCondition({
            displayName: `Connector instances at ${connector.maxInstances} for ${minutes} min`,
            filter: connectorFilter(INSTANCES.type),
            aggregation: {
              alignmentPeriodSeconds: 60,
              perSeriesAligner: 'ALIGN_MIN',
              crossSeriesReducer: 'REDUCE_MIN',
              groupByFields: byConnector,
            },
            comparison: 'COMPARISON_GT',
            // Instance counts are whole numbers: "> max - 1" is "at max".
            threshold: connector.maxInstances - 1,
            durationSeconds: thresholds.durationSeconds,
          }),
        ],
        chartLabel: `warning: at maxInstances ${connector.maxInstances}`,
        runbook: {
          whatFired: `Serverless VPC Access connector \`${connector.name}\` ran at its maxInstances (${connector.maxInstances}) for ${minutes} minutes: it cannot add instances for more traffic.`,
          userImpact:
            'None yet: requests still reach Redis and PostgreSQL. If traffic grows further, the connector cannot carry it and requests slow down or fail.',
          ...runbook,
        },
      },
      context,
    );
    const nearCapacity = createAlertPolicy(
      this,
      {
        id: 'vpc_connector_near_capacity',
        component: 'vpc-connector',
        severity: 'warning',
        title: `VPC connector: ${connector.name} throughput > ${thresholds.throughputWarningPercent}% of capacity`,
        conditions: throughputConditions(
          thresholds.throughputWarningPercent,
          thresholds.durationSeconds,
          `for ${minutes} min`,
        ),
        chartLabel: `warning: ${thresholds.throughputWarningPercent}%`,
        runbook: {
          whatFired: `Bytes sent or received per second by \`${connector.name}\` stayed above ${thresholds.throughputWarningPercent}% of its estimated capacity, ${capacityWords}, for ${minutes} minutes.`,
          userImpact:
            'None yet: the connector carries the traffic. Near its estimated capacity, latency to Redis and PostgreSQL grows and a further rise is not carried.',
          ...runbook,
        },
      },
      context,
    );
    // Saturated: the connector carries all it can, so traffic beyond it is delayed or dropped and
    // requests fail: a page. One minute's rate with no held duration: 6 minutes worst case (240 s
    // ingest + 60 s alignment + 60 s evaluation); holding it would only add to that.
    const saturated = createAlertPolicy(
      this,
      {
        id: 'vpc_connector_saturated',
        component: 'vpc-connector',
        severity: 'critical',
        title: `VPC connector: ${connector.name} saturated (throughput > ${thresholds.saturatedThroughputPercent}% of capacity)`,
        conditions: throughputConditions(thresholds.saturatedThroughputPercent, 0, 'over 1 min'),
        chartLabel: `page: ${thresholds.saturatedThroughputPercent}%`,
        runbook: {
          whatFired: `Bytes sent or received per second by \`${connector.name}\` exceeded ${thresholds.saturatedThroughputPercent}% of its estimated capacity, ${capacityWords}, over one minute.`,
          userImpact:
            'Every request from the services to Redis and PostgreSQL crosses this connector: at its capacity, those calls wait or time out, so a share of chat requests fails or hangs while the health endpoint may still pass.',
          ...runbook,
        },
      },
      context,
    );
    return { atMaxInstances, nearCapacity, saturated };
  }
}
