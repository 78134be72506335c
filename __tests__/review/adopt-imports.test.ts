// review's section on adoption: the head stack's import blocks (vigil adopt --write) listed as
// adopted, not added, each with what the first apply changes on the live resource in review's
// words (5% → 1%), and the live resources head would duplicate, or imports that cannot succeed,
// as risks. Live resources come from the seeded project (__tests__/support/adopt-seed.ts).
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { LiveResource } from '../../src/tools/adopt/live-inventory';
import { renderMarkdown, review, type ReviewResult, type StackArtifact } from '../../src/tools/review';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { liveResources, PROJECT, seededLiveProject } from '../support/adopt-seed';
import { captureIo } from '../support/capture-io';
import { stagingEnvironment, temporaryDirectory } from '../support/environments';

let base: Record<string, unknown>;
let head: Record<string, unknown>;
let live: LiveResource[];

const IMPORTS = [
  { to: 'google_monitoring_alert_policy.redis_connection_failures', id: `${PROJECT}/alertPolicies/2003` },
  { to: 'google_monitoring_alert_policy.redis_memory_pressure', id: `${PROJECT}/alertPolicies/2001` },
  { to: 'google_monitoring_uptime_check_config.uptime_backend_health', id: `${PROJECT}/uptimeCheckConfigs/u1` },
  { to: 'google_logging_metric.redis_connection_errors', id: 'netra-staging vigil-staging-redis-connection-errors' },
];

const artifact = (doc: Record<string, unknown>): StackArtifact[] => [
  { stack: 'monitoring-staging', file: 'cdk.tf.json', doc, givenAsFile: false },
];

beforeAll(() => {
  base = synthesizeStackJson(stagingEnvironment()) as Record<string, unknown>;
  // The import blocks as cdktf writes them for an adopt: block (the adopt tests check that synthesis).
  head = { ...base, import: IMPORTS };
  live = liveResources(seededLiveProject(base));
});

function reviewed(options: { live?: readonly LiveResource[]; headDoc?: Record<string, unknown> } = {}): ReviewResult {
  return review(artifact(base), artifact(options.headDoc ?? head), { live: options.live });
}

test("each import is its own section: the live resource adopted, what the first apply changes in review's words", () => {
  const result = reviewed({ live });
  const [stack] = result.stacks;
  // Adopted resources are not "added": Terraform imports them instead of creating them.
  expect(stack.changes.filter((change) => change.kind === 'added')).toEqual([]);
  expect(stack.imports?.map((one) => one.address)).toEqual(IMPORTS.map((one) => one.to));
  const text = renderMarkdown(result);
  expect(text).toContain('| Stack | Added | Adopted | Changed | Removed | Moved |');
  expect(text).toContain('| monitoring-staging | 0 | 4 | 0 | 0 | 0 |');
  expect(text).toContain('#### Adopted (Terraform imports the live resource instead of creating it)');
  expect(text).toContain(
    `- alert policy **[staging] Redis: connection failures > 1%** (\`google_monitoring_alert_policy.redis_connection_failures\`) adopts the existing policy 'Redis connectivity' (\`${PROJECT}/alertPolicies/2003\`) and changes:`,
  );
  expect(text).toMatch(/ {2}- condition "[^"]+": vigil-staging-redis-connection-errors ratio threshold 5% → 1%\n/);
  expect(text).toContain('  - display name "Redis connectivity" → "[staging] Redis: connection failures > 1%"');
  expect(text).toMatch(/ {2}- condition "[^"]+": usage ratio threshold 80% → 90%; duration 600 s → 300 s/);
  expect(text).toContain(
    `- log-based metric **vigil-staging-redis-connection-errors** (\`google_logging_metric.redis_connection_errors\`) adopts the existing log-based metric 'vigil-staging-redis-connection-errors' (\`netra-staging vigil-staging-redis-connection-errors\`) and changes:`,
  );
  // Output-only fields of the live resources are never differences.
  expect(text).not.toMatch(/creation record|mutation record|create time/);
});

test('the duplicate risks of the live project are review risks, in words', () => {
  const result = reviewed({ live });
  const duplicates = result.risks.filter((risk) => risk.kind === 'duplicate-live-resource');
  const plan = duplicates.find((risk) => risk.message.includes("'Redis Connectivity Alert'"));
  expect(plan?.message).toContain(
    `deploying creates **[staging] Redis: Memorystore memory > 90% or evicting keys** and **[staging] Redis: Memorystore rejects connections or has no clients** beside the live alert policy 'Redis Connectivity Alert' (\`${PROJECT}/alertPolicies/1001\`): its filter names no metric type`,
  );
  expect(plan?.message).toContain('Two pages for one fault');
  expect(duplicates.some((risk) => risk.message.includes(`${PROJECT}/uptimeCheckConfigs/u2`))).toBe(true);
  // Adopted resources are no duplicates.
  expect(duplicates.some((risk) => risk.message.includes(`${PROJECT}/alertPolicies/2001`))).toBe(false);
  const text = renderMarkdown(result);
  expect(text).toMatch(/### ⚠️ Review first: .*\n+- deploying creates /);
});

test('an import whose live resource is gone, or that another Terraform configuration manages, is a risk', () => {
  const headDoc = {
    ...base,
    import: [
      { to: 'google_monitoring_alert_policy.redis_memory_pressure', id: `${PROJECT}/alertPolicies/999` },
      { to: 'google_monitoring_notification_channel.channel_staging_slack', id: `${PROJECT}/notificationChannels/c2` },
    ],
  };
  const risks = reviewed({ live, headDoc }).risks;
  expect(risks.find((risk) => risk.kind === 'import-target-missing')?.message).toContain(
    `imports \`${PROJECT}/alertPolicies/999\`, which the live resources do not have`,
  );
  expect(risks.find((risk) => risk.kind === 'imported-managed-elsewhere')?.message).toMatch(
    /another Terraform configuration manages \(managed-by: terraform\).*terraform state list -id=/,
  );
});

test('without the live resources each import is listed and says how to see its changes; base imports are not repeated', () => {
  const text = renderMarkdown(reviewed());
  expect(text).toContain(
    `adopts the live resource \`${PROJECT}/alertPolicies/2001\` (what the first apply changes on it is not shown: run review with \`--live DIR\``,
  );
  const again = review(artifact(head), artifact(head), {});
  expect(again.stacks[0].imports).toBeUndefined();
  expect(renderMarkdown(again)).toContain('No monitoring changes.');
});

test('vigil review --live reads the files of vigil adopt --from; JSON has the imports', async () => {
  const work = temporaryDirectory('review-live');
  try {
    fs.writeFileSync(path.join(work, 'base.json'), JSON.stringify(base));
    fs.writeFileSync(path.join(work, 'head.json'), JSON.stringify(head));
    fs.mkdirSync(path.join(work, 'live'));
    const project = seededLiveProject(base);
    fs.writeFileSync(path.join(work, 'live', 'alertPolicies.json'), JSON.stringify(project.alertPolicies));
    fs.writeFileSync(
      path.join(work, 'live', 'uptimeCheckConfigs.json'),
      JSON.stringify({ uptimeCheckConfigs: project.uptimeCheckConfigs }),
    );
    const io = captureIo(work);
    const args = ['review', '--base', 'base.json', '--head', 'head.json', '--live', 'live', '--format', 'json'];
    expect(await main(args, io)).toBe(0);
    const json = JSON.parse(io.out.join('')) as ReviewResult;
    const adopted = json.stacks[0].imports?.find((one) => one.id === `${PROJECT}/alertPolicies/2003`);
    expect(adopted?.liveName).toBe('Redis connectivity');
    expect(adopted?.differences?.join('\n')).toContain('ratio threshold 5% → 1%');
    // metrics.json was not given: the metric's import is listed, its live values unknown, and no risk claims it is gone.
    expect(json.risks.some((risk) => risk.kind === 'import-target-missing')).toBe(false);
    expect(json.risks.some((risk) => risk.kind === 'duplicate-live-resource')).toBe(true);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
