// vigil review states SLO changes in budget terms; a lowered goal, a removed SLO or a removed
// burn-rate policy is a risk. Base and head are the staging stack synthesized from two environments.
import { review, renderMarkdown } from '../../src/tools/review';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { stagingData, validate } from '../support/environments';

const stackOf = (slos: unknown) =>
  synthesizeStackJson(validate({ ...stagingData(), slos }, 'environments/staging.yaml'));
const artifact = (doc: Record<string, unknown>) => ({
  stack: 'monitoring-staging',
  file: 'monitoring-staging/cdk.tf.json',
  doc,
  givenAsFile: false,
});

describe('review of SLO changes', () => {
  const base = stackOf({});

  test('a lowered goal: the budget in words, and a risk', () => {
    const result = review([artifact(base)], [artifact(stackOf({ agentSuccess: { goalPercent: 95 } }))]);
    const change = result.stacks[0].changes.find((one) => one.address === 'google_monitoring_slo.slo_agent_success')!;
    expect(change.details).toContain(
      'goal 99% → 95%: the error budget (total outage) grows from 7 h 12 min to 1 d 12 h per 30 days',
    );
    expect(result.risks.map((risk) => [risk.kind, risk.message])).toEqual([
      [
        'slo-loosened',
        'SLO **Agent execution success: 95% over 30 days**: goal lowered 99% → 95%: the error budget grows from ' +
          '7 h 12 min to 1 d 12 h, and every burn-rate alert on it fires later',
      ],
    ]);
    expect(renderMarkdown(result)).toContain('goal lowered 99% → 95%');
  });

  test('a tighter goal and a shorter window are described but are no risk', () => {
    const result = review(
      [artifact(base)],
      [artifact(stackOf({ chatAvailability: { goalPercent: 99.9, windowDays: 7 } }))],
    );
    const change = result.stacks[0].changes.find(
      (one) => one.address === 'google_monitoring_slo.slo_chat_availability',
    )!;
    expect(change.details[0]).toBe(
      'goal 99.5% → 99.9%, window 30 → 7 days: the error budget (total outage) shrinks from 3 h 36 min to 10 min per 7 days',
    );
    expect(result.risks.filter((risk) => risk.kind.startsWith('slo-'))).toEqual([]);
  });

  test('a removed burn-rate policy and a removed SLO are risks', () => {
    const head = JSON.parse(JSON.stringify(base));
    delete head.resource.google_monitoring_alert_policy.slo_chat_latency_fast_burn;
    delete head.resource.google_monitoring_slo.slo_agent_latency;
    const kinds = review([artifact(base)], [artifact(head)]).risks.map((risk) => [risk.kind, risk.address]);
    expect(kinds).toEqual([
      ['policy-removed', 'google_monitoring_alert_policy.slo_chat_latency_fast_burn'],
      ['slo-removed', 'google_monitoring_slo.slo_agent_latency'],
    ]);
  });
});
