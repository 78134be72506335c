// The golden review of one realistic change to staging: the critical p99 latency threshold goes
// from 500 ms to 5000 ms (in the environment file) and the PagerDuty channel is taken off that
// policy (in the JSON). Base and head are real syntheses, so the golden follows the real stack.
// Regenerate after an intended change with UPDATE_GOLDEN=1 and review the diff like code.
import * as fs from 'fs';
import * as path from 'path';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { renderMarkdown, review } from '../../src/tools/review';
import { stagingEnvironment } from '../support/environments';
import { artifact } from './fixture';
import { stagingStackJson } from '../support/staging-stack';

const GOLDEN = path.join(__dirname, 'fixtures', 'staging-p99-5000ms-no-pagerduty.md');

function headDocument(): Record<string, unknown> {
  const environment = stagingEnvironment();
  const changed = {
    ...environment,
    thresholds: { ...environment.thresholds, postgres: { ...environment.thresholds.postgres, p99LatencyMs: 5000 } },
  };
  const doc = synthesizeStackJson(changed) as { resource: Record<string, Record<string, Record<string, unknown>>> };
  const policy = doc.resource.google_monitoring_alert_policy.postgres_p99_latency_critical;
  policy.notification_channels = (policy.notification_channels as string[]).filter(
    (reference) => !reference.includes('pagerduty'),
  );
  return doc;
}

const base = stagingStackJson();
const head = headDocument();
const result = review([artifact(base, 'monitoring-staging')], [artifact(head, 'monitoring-staging')]);
const markdown = renderMarkdown(result);

describe('golden review of a realistic staging change', () => {
  test('matches the reviewed Markdown', () => {
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, markdown);
    expect(markdown).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  test('puts the two dangerous parts first, in the units a person reads', () => {
    const warnings = markdown.slice(markdown.indexOf('Review first'), markdown.indexOf('### monitoring-staging'));
    expect(warnings).toContain('no longer pages: channels − pagerduty-oncall');
    expect(warnings).toContain('p99 latency threshold 500 ms → 5 s (alerts later)');
    expect(result.risks.map((risk) => risk.kind).sort()).toEqual(['loosened', 'policy-lost-paging-channel']);
  });

  test('only the critical policy and the dashboard changed', () => {
    expect(result.stacks[0].changes.map((change) => change.address)).toEqual([
      'google_monitoring_alert_policy.postgres_p99_latency_critical',
      'google_monitoring_dashboard.infrastructure_dashboard',
    ]);
  });
});
