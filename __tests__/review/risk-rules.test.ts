// The changes that quietly take away what guards an outage, each a fixture pair reviewed through
// the CLI: --fail-on-risk fails on each with a warning in words; a runbook edit is shown as a diff.
import * as path from 'path';
import { main } from '../../src/cli/main';
import { captureIo } from '../support/capture-io';

const FIXTURES = path.join(__dirname, 'fixtures', 'risks');

const capture = () => captureIo(FIXTURES);

async function reviewFixture(name: string, ...flags: string[]) {
  const io = capture();
  const code = await main(
    ['review', '--base', path.join(name, 'base.tf.json'), '--head', path.join(name, 'head.tf.json'), ...flags],
    io,
  );
  return { code, out: io.out.join(''), err: io.err.join('') };
}

test.each([
  [
    'drift-check-off',
    'drift check `data.google_redis_instance.drift_redis` is removed (7 expected settings: host, port, tier, memory_size_gb, redis_version, auth_enabled, transit_encryption_mode): `npm run drift` no longer sees it change',
  ],
  [
    'expect-field-removed',
    'drift check `data.google_redis_instance.drift_redis` no longer expects transit_encryption_mode: a change there goes unnoticed',
  ],
  [
    'uptime-fewer-regions',
    '**[staging] Backend health endpoint**: uptime checks drop from 5 to 3 checker locations (ASIA_PACIFIC, EUROPE and USA_IOWA); fewer independent witnesses of an outage',
  ],
  [
    'uptime-usa-to-one-location',
    '**[staging] Backend health endpoint**: uptime checks drop from 5 to 3 checker locations (ASIA_PACIFIC, EUROPE and USA_OREGON); fewer independent witnesses of an outage',
  ],
  [
    'uptime-all-in-one-region',
    "**[staging] Backend health endpoint**: all in USA: a problem of that region's network alone looks like an outage; fewer independent witnesses of an outage",
  ],
  [
    'uptime-longer-period',
    '**[staging] Backend health endpoint**: checked less often, every 60 s → 300 s (an outage is seen later)',
  ],
  [
    'uptime-json-path-matcher-removed',
    '**[staging] Backend health endpoint**: JSON-path matcher removed (JSON path $.status MATCHES_JSON_PATH "\\"ok\\""): a response that fails it now passes the check',
  ],
  [
    'golden-path-removed',
    'the **golden path** is removed or disabled: nothing runs a real chat turn any more, so a backend whose /health is green but whose agents never answer pages nobody',
  ],
  [
    'golden-path-event-dropped',
    'the **golden path** no longer requires `agent_completed`: a run where it never arrives now passes',
  ],
  [
    'golden-path-deadline-raised',
    "the **golden path**'s deadline is raised 30 s → 45 s, over the plan's 30 s agent budget: slow agents now pass",
  ],
  [
    'golden-path-less-often',
    '**[staging] Golden path (chat turn end to end)**: checked less often, every 60 s → 300 s (an outage is seen later)',
  ],
])('%s is a risk: --fail-on-risk exits 1 and says why', async (name, warning) => {
  const withoutFlag = await reviewFixture(name);
  expect(withoutFlag.code).toBe(0);
  const failing = await reviewFixture(name, '--fail-on-risk');
  expect(failing.code).toBe(1);
  const warnings = failing.out.slice(failing.out.indexOf('Review first'));
  expect(warnings).toContain(`- ${warning}`);
  expect(failing.err).toBe('');
});

test('a runbook edit is shown as a short unified diff and is not a risk', async () => {
  const { code, out } = await reviewFixture('runbook', '--fail-on-risk');
  expect(code).toBe(0);
  expect(out).not.toContain('Review first');
  expect(out).toContain('runbook text changed (18 → 17 lines):\n    ```diff\n    @@ -7,4 +7,3 @@\n');
  expect(out).toContain('\n    -1. Is REDIS_PASSWORD set for the services');
  expect(out).toContain('\n    +1. Is REDIS_AUTH_TOKEN set for the services');
  expect(out).toMatch(/\n {4}-2\. Is the VPC connector/);
});
