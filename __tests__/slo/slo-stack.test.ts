// The SLOs of the staging stack: the custom service, four request-based SLOs on the signals'
// metrics, and three AND-combined burn-rate policies per SLO built by the alert-policy factory.
import { setupJest } from 'cdktf/lib/testing/adapters/jest';
import { MonitoringCustomService } from '@cdktf/provider-google/lib/monitoring-custom-service';
import { MonitoringSlo } from '@cdktf/provider-google/lib/monitoring-slo';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { resourcesOf, stagingData, validate } from '../support/environments';
import { stagingStackJson } from '../support/staging-stack';

setupJest();

const document = stagingStackJson();
const synthesized = JSON.stringify(document);
const policies = resourcesOf(document, 'google_monitoring_alert_policy');
const SLO_NAME = 'projects/netra-staging/services/vigil-staging-chat-backend/serviceLevelObjectives';
const RUN =
  'resource.type="cloud_run_revision" AND resource.labels.service_name=one_of("netra-backend-staging", "netra-auth-service")';

describe('staging SLOs', () => {
  test('one custom service holds the four SLOs, each a request-based SLI on the signals metrics', () => {
    expect(synthesized).toHaveResourceWithProperties(MonitoringCustomService, {
      service_id: 'vigil-staging-chat-backend',
      project: 'netra-staging',
    });
    expect(Object.keys(resourcesOf(document, 'google_monitoring_slo')).sort()).toEqual([
      'slo_agent_latency',
      'slo_agent_success',
      'slo_chat_availability',
      'slo_chat_latency',
      'slo_golden_path_success',
    ]);
    expect(synthesized).toHaveResourceWithProperties(MonitoringSlo, {
      slo_id: 'chat-availability',
      service: '${google_monitoring_custom_service.slo_service.service_id}',
      goal: 0.995,
      rolling_period_days: 30,
      request_based_sli: {
        good_total_ratio: {
          bad_service_filter: `metric.type="run.googleapis.com/request_count" AND ${RUN} AND metric.labels.response_code_class="5xx"`,
          total_service_filter: `metric.type="run.googleapis.com/request_count" AND ${RUN}`,
        },
      },
    });
    expect(synthesized).toHaveResourceWithProperties(MonitoringSlo, {
      slo_id: 'chat-latency',
      goal: 0.99,
      request_based_sli: {
        distribution_cut: {
          // The golden path's time to the first agent event, not Cloud Run's request_latencies (a
          // WebSocket request lasts its whole session).
          distribution_filter:
            'metric.type="logging.googleapis.com/user/vigil-staging-golden-path-latency-agent-started" AND resource.type="cloud_run_revision"',
          range: { max: 1000 },
        },
      },
    });
    expect(synthesized).toHaveResourceWithProperties(MonitoringSlo, {
      slo_id: 'agent-success',
      request_based_sli: {
        good_total_ratio: {
          bad_service_filter:
            'metric.type="logging.googleapis.com/user/vigil-staging-agent-timeouts" AND resource.type="cloud_run_revision"',
          total_service_filter:
            'metric.type="logging.googleapis.com/user/vigil-staging-agent-executions" AND resource.type="cloud_run_revision"',
        },
      },
    });
    // Cut at the agent signal's execution budget, so the SLO and the p95 warning agree on "slow".
    expect(synthesized).toHaveResourceWithProperties(MonitoringSlo, {
      slo_id: 'agent-latency',
      request_based_sli: {
        distribution_cut: {
          distribution_filter:
            'metric.type="logging.googleapis.com/user/vigil-staging-agent-execution-seconds" AND resource.type="cloud_run_revision"',
          range: { max: 30 },
        },
      },
    });
  });

  test('the workbook pairs: fast burn pages, the slower two are tickets; both windows must burn (AND)', () => {
    const fast = policies.slo_chat_availability_fast_burn;
    expect(fast).toMatchObject({
      display_name: '[staging] Chat API availability SLO: error budget burning > 14.4x',
      combiner: 'AND',
      severity: 'CRITICAL',
      user_labels: { env: 'staging', component: 'slo', severity: 'critical' },
      depends_on: ['google_monitoring_slo.slo_chat_availability'],
    });
    expect((fast.conditions as Array<{ condition_threshold: unknown }>).map((one) => one.condition_threshold)).toEqual([
      {
        filter: `select_slo_burn_rate("${SLO_NAME}/chat-availability", "3600s")`,
        comparison: 'COMPARISON_GT',
        threshold_value: 14.4,
        duration: '0s',
        trigger: { count: 1 },
      },
      {
        filter: `select_slo_burn_rate("${SLO_NAME}/chat-availability", "300s")`,
        comparison: 'COMPARISON_GT',
        threshold_value: 14.4,
        duration: '0s',
        trigger: { count: 1 },
      },
    ]);
    const lookbacks = (id: string) =>
      (policies[id].conditions as Array<{ condition_threshold: { filter: string; threshold_value: number } }>).map(
        (one) => [/"(\d+s)"\)$/.exec(one.condition_threshold.filter)![1], one.condition_threshold.threshold_value],
      );
    expect(lookbacks('slo_agent_success_slow_burn')).toEqual([
      ['21600s', 6],
      ['1800s', 6],
    ]);
    expect(lookbacks('slo_agent_success_steady_burn')).toEqual([
      ['259200s', 1],
      ['21600s', 1],
    ]);
    for (const id of Object.keys(policies).filter((one) => one.startsWith('slo_'))) {
      expect([id, policies[id].severity]).toEqual([id, id.endsWith('_fast_burn') ? 'CRITICAL' : 'WARNING']);
    }
    expect(Object.keys(policies).filter((one) => one.startsWith('slo_'))).toHaveLength(15);
  });

  test('runbooks state the budget, what the burn rate spends, and where to read the budget left', () => {
    const content = (id: string) => (policies[id].documentation as { content: string }).content;
    const fast = content('slo_chat_availability_fast_burn');
    expect(fast).toContain('The whole 30-day budget is 3 h 36 min of total outage');
    expect(fast).toContain('burning at 14.4x spends 2.0% of it in 1 h and all of it in 2 d 2 h');
    expect(fast).toContain('This is a page');
    expect(fast).toContain(`select_slo_budget_fraction("${SLO_NAME}/chat-availability")`);
    expect(content('slo_agent_success_steady_burn')).toContain('This is a ticket, not a page');
    expect(fast).toContain('Burn rate 14.4x: 7.2% of events bad where the goal allows 0.5%.');
    expect(content('slo_agent_success_steady_burn')).toContain('spends 10.0% of it in 3 d');
  });

  test('goals, windows and the latency cut come from the environment file', () => {
    const environment = validate(
      { ...stagingData(), slos: { chatLatency: { goalPercent: 95, windowDays: 7, thresholdMs: 2500 } } },
      'environments/staging.yaml',
    );
    const slo = resourcesOf(synthesizeStackJson(environment), 'google_monitoring_slo').slo_chat_latency;
    expect(slo).toMatchObject({
      goal: 0.95,
      rolling_period_days: 7,
      display_name: 'Chat latency: 95% over 7 days',
      request_based_sli: { distribution_cut: { range: { max: 2500 } } },
    });
  });
});

test('no latency SLI reads Cloud Run request latencies (session lengths on a WebSocket backend); without a golden path there is no chat latency SLO', () => {
  expect(JSON.stringify(resourcesOf(document, 'google_monitoring_slo'))).not.toContain('request_latencies');
  const { goldenPath: _omitted, ...withoutGoldenPath } = stagingData() as Record<string, unknown>;
  const slos = resourcesOf(
    synthesizeStackJson(validate(withoutGoldenPath, 'environments/staging.yaml')),
    'google_monitoring_slo',
  );
  expect(Object.keys(slos).sort()).toEqual(['slo_agent_latency', 'slo_agent_success', 'slo_chat_availability']);
});
