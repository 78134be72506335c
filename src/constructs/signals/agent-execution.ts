// Agent execution: the user-facing symptom of the outage (agents timing out because Redis and
// PostgreSQL failed underneath). Measured from the backend's logs: one entry per finished
// execution, its outcome and its duration.
import { Construct } from 'constructs';
import { agentExecutionSignal } from '../../config/signals/agent-execution';
import { metricFilter } from '../../gcp/filter-builder';
import { percentAsFraction } from '../../gcp/units';
import { AlertPolicyInfo, createAlertPolicy } from '../alert-policy-factory';
import { thresholdCondition } from '../conditions';
import { lineChart, ratioChart } from '../dashboard/widgets';
import { countLogEntries, distributionOfLogField } from '../log-based-metric';
import type { MonitoringContext } from '../monitoring-context';
import type { Signal } from './signal';

// Execution-time buckets in seconds, dense around the 30 s budget.
const DURATION_BOUNDS = [0.5, 1, 2, 5, 10, 15, 20, 25, 30, 35, 45, 60, 90, 120, 300];

export class AgentExecution extends Construct implements Signal {
  readonly alertPolicies: AlertPolicyInfo[] = [];
  readonly widgets: Signal['widgets'];

  constructor(scope: Construct, id: string, context: MonitoringContext) {
    super(scope, id);
    const environment = context.environment;
    const agent = environment.agent;
    const thresholds = environment.thresholds.agent;
    const windowMinutes = thresholds.windowSeconds / 60;

    const names = agentExecutionSignal.logBasedMetrics;
    const executions = countLogEntries(
      this,
      'agent_executions',
      environment,
      names.executions,
      agent.executionFilter,
      `Agent executions finished by the ${environment.name} backend (any outcome).`,
    );
    const timeouts = countLogEntries(
      this,
      'agent_timeouts',
      environment,
      names.timeouts,
      agent.timeoutFilter,
      `Agent executions of the ${environment.name} backend that hit their timeout.`,
    );
    const durations = distributionOfLogField(
      this,
      'agent_execution_seconds',
      environment,
      names.executionSeconds,
      agent.executionFilter,
      `Execution time of agent executions of the ${environment.name} backend, from ${agent.durationField}.`,
      { field: agent.durationField, unit: 's', bounds: DURATION_BOUNDS },
    );
    const filterOf = (metricType: string) => metricFilter({ metricType, resourceType: 'cloud_run_revision' });
    const windowSum = {
      alignmentPeriodSeconds: thresholds.windowSeconds,
      perSeriesAligner: 'ALIGN_DELTA',
      crossSeriesReducer: 'REDUCE_SUM',
      groupByFields: [],
    };
    const firstChecks = [
      'Are Redis and PostgreSQL healthy? Agent timeouts in the outage came from Redis AUTH failures and 5 s PostgreSQL queries: check the Redis and PostgreSQL alerts and the health endpoint first.',
      `Is the VPC connector \`${environment.vpcConnector.name}\` serving?`,
      'Did a deploy just happen? Compare with the Cloud Run revision history; roll back the revision if the timeouts started with it.',
    ];
    const percent = thresholds.timeoutRatePercent;
    const timeoutRate = createAlertPolicy(
      this,
      {
        id: 'agent_timeout_rate',
        component: 'agent-execution',
        severity: 'critical',
        title: `Agent execution: timeouts > ${percent}% (at least ${thresholds.minExecutionsPerWindow} runs in ${windowMinutes} min)`,
        // AND: the rate matters only with enough executions in the window, so one timeout in three
        // runs at night does not page.
        combiner: 'AND',
        conditions: [
          thresholdCondition({
            displayName: `Timeouts per execution > ${percent}% over ${windowMinutes} min`,
            filter: filterOf(timeouts.metricType),
            denominatorFilter: filterOf(executions.metricType),
            aggregation: windowSum,
            comparison: 'COMPARISON_GT',
            threshold: percentAsFraction(percent),
            durationSeconds: 60,
          }),
          thresholdCondition({
            displayName: `At least ${thresholds.minExecutionsPerWindow} executions in ${windowMinutes} min`,
            filter: filterOf(executions.metricType),
            aggregation: windowSum,
            comparison: 'COMPARISON_GT',
            // Counts are whole numbers: "> N-1" is "at least N".
            threshold: thresholds.minExecutionsPerWindow - 1,
            durationSeconds: 60,
          }),
        ],
        runbook: {
          whatFired: `More than ${percent}% of agent executions timed out over ${windowMinutes} minutes, with at least ${thresholds.minExecutionsPerWindow} executions in the window (log-based metrics ${timeouts.name} / ${executions.name}).`,
          userImpact: 'Users asking the chat agent get no answer: their executions are cut off at the timeout.',
          firstChecks,
        },
        chartLabel: `alert: ${percent}%`,
      },
      context,
    );

    const budget = thresholds.executionBudgetSeconds;
    const overBudget = createAlertPolicy(
      this,
      {
        id: 'agent_execution_over_budget',
        component: 'agent-execution',
        severity: 'warning',
        title: `Agent execution: p95 execution time > ${budget} s`,
        conditions: [
          thresholdCondition({
            displayName: `p95 agent execution time > ${budget} s over ${windowMinutes} min`,
            filter: filterOf(durations.metricType),
            aggregation: { ...windowSum, crossSeriesReducer: 'REDUCE_PERCENTILE_95' },
            comparison: 'COMPARISON_GT',
            threshold: budget,
            durationSeconds: 60,
          }),
        ],
        runbook: {
          whatFired: `The 95th percentile of agent execution time exceeded the ${budget} s budget over ${windowMinutes} minutes (log-based distribution ${durations.name}).`,
          userImpact: 'Agent answers are slow; executions near the budget are about to time out.',
          firstChecks,
        },
        chartLabel: 'budget',
      },
      context,
    );
    this.alertPolicies.push(timeoutRate, overBudget);

    const perMinute = { ...windowSum, alignmentPeriodSeconds: 60 };
    this.widgets = {
      responseTimes: [
        lineChart(
          'Agent execution time p50 / p95',
          [
            {
              filter: filterOf(durations.metricType),
              aggregation: { ...perMinute, crossSeriesReducer: 'REDUCE_PERCENTILE_50' },
              legend: 'p50',
            },
            {
              filter: filterOf(durations.metricType),
              aggregation: { ...perMinute, crossSeriesReducer: 'REDUCE_PERCENTILE_95' },
              legend: 'p95',
            },
          ],
          { yLabel: 's', threshold: overBudget.thresholdLine },
        ),
      ],
      errorRates: [
        ratioChart(
          'Agent executions: timeout ratio',
          { filter: filterOf(timeouts.metricType), aggregation: perMinute },
          { filter: filterOf(executions.metricType), aggregation: perMinute },
          { threshold: timeoutRate.thresholdLine },
        ),
      ],
      utilization: [],
    };
  }
}
