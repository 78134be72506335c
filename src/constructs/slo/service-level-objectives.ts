// Service level objectives: one custom service per environment holding four SLOs (chat API
// availability and latency, agent execution success and latency), each with the SRE workbook's
// multiwindow burn-rate alerts. The SLI filters read the same metrics as the signals: Cloud Run's
// request metrics and the agent signal's log-based metrics. Facts and defaults: docs/slo.md.
import { goldenPathLatencyMetric } from '../../config/golden-path-metrics';
import { MonitoringCustomService } from '@cdktf/provider-google/lib/monitoring-custom-service';
import { MonitoringSlo, MonitoringSloRequestBasedSli } from '@cdktf/provider-google/lib/monitoring-slo';
import { Construct } from 'constructs';
import type { Environment } from '../../config/environment';
import { agentExecutionSignal } from '../../config/signals/agent-execution';
import { BURN_RATE_ALERTS, BurnRateAlert } from '../../config/slo-limits';
import { metricFilter } from '../../gcp/filter-builder';
import { LOG_BASED_METRIC_PREFIX, metric } from '../../gcp/metric-catalog';
import {
  budgetExhaustedAfterSeconds,
  budgetSpentFraction,
  budgetWords,
  errorBudgetSeconds,
} from '../../gcp/slo-budget';
import { sloBudgetFractionFilter, sloBurnRateFilter, sloName } from '../../gcp/slo-selectors';
import { durationText } from '../../gcp/units';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { GOLDEN_PATH_LOG_METRICS } from '../golden-path/golden-path-monitor';
import { logMetricName, MonitoringContext } from '../monitoring-context';

/** The golden-path SLO's window: the same 30 days as the other SLOs' default. */
const GOLDEN_PATH_SLO_WINDOW_DAYS = 30;

const RUN_REQUESTS = metric('run.googleapis.com/request_count');

/** One SLO as the construct builds it. The `id` is both the API's slo_id and the Terraform logical id's stem. */
interface SloSpec {
  readonly key: keyof Environment['slos'] | 'goldenPath';
  readonly sloId: string;
  readonly title: string;
  readonly good: string;
  readonly sli: MonitoringSloRequestBasedSli;
  readonly userImpact: string;
  readonly firstChecks: readonly string[];
}

export interface SloInfo {
  readonly key: string;
  readonly name: string;
  readonly title: string;
  readonly good: string;
  readonly goalPercent: number;
  readonly windowDays: number;
  readonly alertPolicies: readonly AlertPolicyInfo[];
  /** What a chart or policy naming this SLO by text depends on: Terraform cannot see the reference. */
  readonly resource: MonitoringSlo;
}

export function sloServiceId(environment: Environment): string {
  return `vigil-${environment.name}-chat-backend`;
}

export class ServiceLevelObjectives extends Construct {
  readonly slos: SloInfo[] = [];
  readonly alertPolicies: AlertPolicyInfo[] = [];

  constructor(scope: Construct, id: string, context: MonitoringContext) {
    super(scope, id);
    const environment = context.environment;
    const service = new MonitoringCustomService(this, 'slo_service', {
      project: environment.project,
      serviceId: sloServiceId(environment),
      displayName: `${environment.name} chat backend (vigil)`,
      userLabels: { env: environment.name },
    });
    service.overrideLogicalId('slo_service');
    for (const spec of sloSpecs(environment)) this.addSlo(service, spec, context);
  }

  private addSlo(service: MonitoringCustomService, spec: SloSpec, context: MonitoringContext): void {
    const environment = context.environment;
    const { goalPercent, windowDays } =
      spec.key === 'goldenPath'
        ? { goalPercent: environment.goldenPath!.sloGoalPercent, windowDays: GOLDEN_PATH_SLO_WINDOW_DAYS }
        : environment.slos[spec.key];
    const logicalId = `slo_${spec.sloId.replace(/-/g, '_')}`;
    const slo = new MonitoringSlo(this, logicalId, {
      project: environment.project,
      service: service.serviceId,
      sloId: spec.sloId,
      displayName: `${spec.title}: ${goalPercent}% over ${windowDays} days`,
      goal: goalPercent / 100,
      rollingPeriodDays: windowDays,
      requestBasedSli: spec.sli,
      userLabels: { env: environment.name },
    });
    slo.overrideLogicalId(logicalId);
    const name = sloName(environment.project, sloServiceId(environment), spec.sloId);
    const policies = BURN_RATE_ALERTS.map((alert) =>
      createAlertPolicy(
        this,
        {
          id: `${logicalId}_${alert.key}`,
          component: 'slo',
          severity: alert.severity,
          title: `${spec.title} SLO: error budget burning > ${alert.burnRate}x`,
          combiner: 'AND',
          conditions: [alert.longWindowSeconds, alert.shortWindowSeconds].map((lookback) => ({
            displayName: `Burn rate > ${alert.burnRate}x over ${budgetWords(lookback)}`,
            conditionThreshold: {
              filter: sloBurnRateFilter(name, lookback),
              comparison: 'COMPARISON_GT',
              thresholdValue: alert.burnRate,
              duration: durationText(0),
              trigger: { count: 1 },
            },
          })),
          runbook: burnRunbook(spec, alert, name, goalPercent, windowDays),
          dependsOn: [slo],
        },
        context,
      ),
    );
    this.alertPolicies.push(...policies);
    this.slos.push({
      key: spec.key,
      name,
      title: spec.title,
      good: spec.good,
      goalPercent,
      windowDays,
      alertPolicies: policies,
      resource: slo,
    });
  }
}

function burnRunbook(spec: SloSpec, alert: BurnRateAlert, name: string, goalPercent: number, windowDays: number) {
  const budget = budgetWords(errorBudgetSeconds(goalPercent, windowDays));
  const spent = budgetSpentFraction(alert.burnRate, alert.longWindowSeconds, windowDays) * 100;
  const exhausted = budgetWords(budgetExhaustedAfterSeconds(alert.burnRate, windowDays));
  const long = budgetWords(alert.longWindowSeconds);
  const short = budgetWords(alert.shortWindowSeconds);
  const action =
    alert.severity === 'critical'
      ? 'This is a page: at this rate the budget is gone within days; act now.'
      : 'This is a ticket, not a page: plan the fix within working hours, before the budget runs out.';
  return {
    whatFired:
      `The ${spec.title} SLO (${goalPercent}% of ${spec.good} over ${windowDays} days) burned its error budget ` +
      `faster than ${alert.burnRate}x over both the last ${long} and the last ${short}.`,
    userImpact:
      `${spec.userImpact} The whole ${windowDays}-day budget is ${budget} of total outage; ` +
      `burning at ${alert.burnRate}x spends ${spent.toFixed(1)}% of it in ${long} and all of it in ${exhausted}. ${action}`,
    firstChecks: [...spec.firstChecks],
    notes: [
      `Budget left: chart \`${sloBudgetFractionFilter(name)}\` in Metrics Explorer (direct filter mode), ` +
        'or the SLO on the Cloud Monitoring Services page: 1 is untouched, 0 is spent, below 0 is the SLO missed.',
      `Burn rate ${alert.burnRate}x: ${percentWords(alert.burnRate * (100 - goalPercent))}% of events bad where ` +
        `the goal allows ${percentWords(100 - goalPercent)}%.`,
    ],
  };
}

function percentWords(percent: number): string {
  return String(Number(percent.toPrecision(4)));
}

function sloSpecs(environment: Environment): SloSpec[] {
  const services = environment.cloudRun.services;
  const runFilter = (metricType: string, metricLabels?: Record<string, string>) =>
    metricFilter({
      metricType,
      resourceType: 'cloud_run_revision',
      resourceLabels: { service_name: services },
      metricLabels,
    });
  const logMetric = (metricName: string) =>
    metricFilter({
      metricType: `${LOG_BASED_METRIC_PREFIX}${logMetricName(environment, metricName)}`,
      resourceType: 'cloud_run_revision',
    });
  const names = agentExecutionSignal.logBasedMetrics;
  const serviceList = services.map((name) => `\`${name}\``).join(', ');
  const chatChecks = [
    'Is one service or every service failing? Split the Cloud Run request charts by service on the dashboard.',
    'Are Redis and PostgreSQL healthy? The last outage was Redis AUTH failures and 5 s PostgreSQL queries: check their alerts and the health endpoint.',
    'Did a deploy just happen? Compare with the Cloud Run revision history; roll back the revision if the errors started with it.',
  ];
  const agentChecks = [
    'Are Redis and PostgreSQL healthy? Agent timeouts in the outage came from Redis AUTH failures and 5 s PostgreSQL queries.',
    `Is the VPC connector \`${environment.vpcConnector.name}\` serving?`,
    'Did a deploy just happen? Roll back the backend revision if the failures started with it.',
  ];
  const budget = environment.thresholds.agent.executionBudgetSeconds;
  const goldenPath = environment.goldenPath?.enabled ? [goldenPathSpec(environment, logMetric)] : [];
  // The latency a chat user feels is the time from their message to the agent's first event. Cloud
  // Run's request_latencies cannot say it: a WebSocket request lasts as long as its session (a
  // WebSocket stream is an HTTP request subject to the request timeout, Cloud Run's WebSockets
  // page), so over a WebSocket backend that SLI measures how long people stay connected. The golden
  // path measures the real thing on every run; without it there is no chat latency SLO.
  const firstEvent = environment.goldenPath?.events[0];
  const chatLatency: SloSpec[] =
    environment.goldenPath?.enabled && firstEvent
      ? [
          {
            key: 'chatLatency',
            sloId: 'chat-latency',
            title: 'Chat latency',
            good: `the golden-path chat turns whose first agent event (${firstEvent}) arrived within ${environment.slos.chatLatency.thresholdMs} ms of the message`,
            sli: {
              distributionCut: {
                distributionFilter: logMetric(goldenPathLatencyMetric(firstEvent)),
                range: { max: environment.slos.chatLatency.thresholdMs },
              },
            },
            userImpact: 'Chat answers are slow to start: users wait for the agent after sending a message.',
            firstChecks: [
              "Open the dashboard's Golden path section: which event's latency grew (connect, handshake, agent_started)?",
              ...chatChecks,
            ],
          },
        ]
      : [];
  return [
    ...goldenPath,
    {
      key: 'chatAvailability',
      sloId: 'chat-availability',
      title: 'Chat API availability',
      good: `the chat API requests answered without a 5xx (Cloud Run services ${serviceList})`,
      sli: {
        goodTotalRatio: {
          badServiceFilter: runFilter(RUN_REQUESTS.type, { response_code_class: '5xx' }),
          totalServiceFilter: runFilter(RUN_REQUESTS.type),
        },
      },
      userImpact: 'Users get server errors from the chat API.',
      firstChecks: chatChecks,
    },
    ...chatLatency,
    {
      key: 'agentSuccess',
      sloId: 'agent-success',
      title: 'Agent execution success',
      good: 'the agent executions that did not time out',
      sli: {
        goodTotalRatio: {
          badServiceFilter: logMetric(names.timeouts),
          totalServiceFilter: logMetric(names.executions),
        },
      },
      userImpact: 'Users asking the chat agent get no answer: their executions are cut off at the timeout.',
      firstChecks: agentChecks,
    },
    {
      key: 'agentLatency',
      sloId: 'agent-latency',
      title: 'Agent execution latency',
      good: `the agent executions finished within the ${budget} s budget`,
      sli: {
        distributionCut: {
          distributionFilter: logMetric(names.executionSeconds),
          range: { max: budget },
        },
      },
      userImpact: `Agent answers take longer than the ${budget} s budget.`,
      firstChecks: agentChecks,
    },
  ];
}

// Golden-path success: runs that passed, of all runs (one log line each). The plan asks for more
// than 90% of end-to-end runs to pass; the default goal 95% matches its ">= 95% success for
// business-critical operations", and anything below 93.06% could never reach the fast-burn page.
function goldenPathSpec(environment: Environment, logMetric: (name: string) => string): SloSpec {
  return {
    key: 'goldenPath',
    sloId: 'golden-path-success',
    title: 'Golden path success',
    good: 'the golden-path runs (a real chat turn end to end) that passed',
    sli: {
      goodTotalRatio: {
        badServiceFilter: logMetric(GOLDEN_PATH_LOG_METRICS.failedSteps),
        totalServiceFilter: logMetric(GOLDEN_PATH_LOG_METRICS.runs),
      },
    },
    userImpact: 'Users often cannot complete a chat turn: the golden path keeps failing at some step.',
    firstChecks: [
      "Open the dashboard's Golden path section: which step fails (failed runs by step)?",
      `Run \`vigil golden-path --env ${environment.name}\` to see one run's steps and latencies yourself.`,
      "Then follow the golden-path alert's runbook for that step.",
    ],
  };
}
