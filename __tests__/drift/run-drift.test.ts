// The drift runner against a stub `terraform` on PATH (only here: the real binary cannot download
// the google provider on these machines). The stub records its arguments and replays fixtures:
// plan outputs in terraform's -json format (plan-postcondition-warnings.jsonl is a real
// terraform 1.11.4 capture with the addresses renamed) and the real init output without registry access.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NO_CREDENTIALS_MESSAGE } from '../../src/tools/drift/credentials';
import { outcome, overallExitCode } from '../../src/tools/drift/outcome';
import { driftMain, INIT_ARGS, PLAN_ARGS } from '../../src/tools/drift/run-drift';

const FIXTURES = path.join(__dirname, 'fixtures');
const STUB = `#!/bin/sh
echo "$(basename "$(pwd)") $*" >> "$STUB_LOG"
case "$1" in
  init) [ -n "$STUB_INIT_OUTPUT" ] && cat "$STUB_INIT_OUTPUT"; exit "\${STUB_INIT_EXIT:-0}" ;;
  plan) [ -n "$STUB_PLAN_OUTPUT" ] && cat "$STUB_PLAN_OUTPUT"; exit "\${STUB_PLAN_EXIT:-0}" ;;
esac
exit 3
`;

let work: string;
let stubLog: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-drift-test-'));
  fs.mkdirSync(path.join(work, 'bin'));
  fs.writeFileSync(path.join(work, 'bin', 'terraform'), STUB, { mode: 0o755 });
  fs.mkdirSync(path.join(work, 'environments'));
  fs.mkdirSync(path.join(work, 'home'));
  for (const name of ['prod', 'staging']) {
    fs.writeFileSync(path.join(work, 'environments', `${name}.yaml`), '');
    fs.mkdirSync(path.join(work, 'cdktf.out', 'stacks', `monitoring-${name}`), { recursive: true });
    fs.writeFileSync(path.join(work, 'cdktf.out', 'stacks', `monitoring-${name}`, 'cdk.tf.json'), '{}');
  }
  stubLog = path.join(work, 'terraform-calls.log');
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

interface Scenario {
  readonly plan?: string;
  readonly planExit?: number;
  readonly init?: string;
  readonly initExit?: number;
  readonly credentials?: boolean;
  readonly path?: string;
}

async function run(args: string[], scenario: Scenario = {}) {
  let stdout = '';
  let stderr = '';
  fs.rmSync(stubLog, { force: true });
  const env: NodeJS.ProcessEnv = {
    PATH: scenario.path ?? `${path.join(work, 'bin')}:/usr/bin:/bin`,
    HOME: path.join(work, 'home'),
    STUB_LOG: stubLog,
    STUB_PLAN_OUTPUT: scenario.plan ? path.join(FIXTURES, scenario.plan) : '',
    STUB_PLAN_EXIT: String(scenario.planExit ?? 0),
    STUB_INIT_OUTPUT: scenario.init ? path.join(FIXTURES, scenario.init) : '',
    STUB_INIT_EXIT: String(scenario.initExit ?? 0),
  };
  if (scenario.credentials ?? true) env.GOOGLE_APPLICATION_CREDENTIALS = path.join(work, 'key.json');
  const code = await driftMain(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: work,
    env,
  });
  const calls = fs.existsSync(stubLog) ? fs.readFileSync(stubLog, 'utf8').trim().split('\n') : [];
  return { code, stdout, stderr, calls };
}

describe('npm run drift: exit codes', () => {
  it('0 and "no drift" when the refresh-only plan is clean; runs init then the plan with the documented flags in the stack directory', async () => {
    const result = await run(['staging'], { plan: 'plan-no-changes.jsonl' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('staging (monitoring-staging): no drift [exit 0]\n');
    expect(result.calls).toEqual([
      `monitoring-staging ${INIT_ARGS.join(' ')}`,
      `monitoring-staging ${PLAN_ARGS.join(' ')}`,
    ]);
    expect(PLAN_ARGS).toEqual(['plan', '-refresh-only', '-detailed-exitcode', '-lock=false', '-input=false', '-json']);
  });

  it('2 when postconditions fail as warnings (refresh-only mode exits 0), listing each with its address', async () => {
    const result = await run(['staging'], { plan: 'plan-postcondition-warnings.jsonl', planExit: 0 });
    expect(result.code).toBe(2);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('staging (monitoring-staging): DRIFT [exit 2]');
    expect(lines[1]).toMatch(
      /^ {2}- data\.google_redis_instance\.drift_redis: Redis staging-redis-f1adc35c has auth_enabled = false, expected true: /,
    );
    expect(lines[2]).toMatch(
      /^ {2}- data\.google_redis_instance\.drift_redis: Redis staging-redis-f1adc35c has transit_encryption_mode = \(none\), expected DISABLED/,
    );
  });

  it('2 when postconditions fail as errors (terraform exits 1 but nothing else went wrong)', async () => {
    const result = await run(['staging'], { plan: 'plan-postcondition-errors.jsonl', planExit: 1 });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      '- data.google_vpc_access_connector.drift_vpc_connector: VPC connector staging-connector has state = ERROR, expected READY',
    );
  });

  it('2 when terraform reports managed resources changed outside Terraform (exit 2)', async () => {
    const result = await run(['staging'], { plan: 'plan-resource-drift.jsonl', planExit: 2 });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      '- google_monitoring_alert_policy.redis_connection_failures: changed outside Terraform (update)',
    );
  });

  it("1 with terraform's error when the plan fails for another reason", async () => {
    const result = await run(['staging'], { plan: 'plan-other-error.jsonl', planExit: 1 });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('staging (monitoring-staging): ERROR (drift unknown) [exit 1]');
    expect(result.stdout).toContain('! terraform plan failed: Error when reading or editing Redis Instance');
    expect(result.stdout).toContain("Permission 'redis.instances.get' denied");
  });

  it('1 naming credentials when the provider rejects them', async () => {
    const result = await run(['staging'], { plan: 'plan-credentials-error.jsonl', planExit: 1 });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('! the google provider found no usable credentials: ');
  });

  it('an error anywhere makes the whole run 1; otherwise drift anywhere makes it 2', async () => {
    // Both environments replay the same stub; a missing stack is the error.
    fs.rmSync(path.join(work, 'cdktf.out', 'stacks', 'monitoring-prod'), { recursive: true });
    const mixed = await run([], { plan: 'plan-postcondition-warnings.jsonl' });
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toMatch(
      /^prod \(monitoring-prod\): ERROR \(drift unknown\) \[exit 1\]\n {2}! no synthesized stack at .*monitoring-prod\/cdk\.tf\.json: run `npm run synth` first/,
    );
    expect(mixed.stdout).toContain('staging (monitoring-staging): DRIFT [exit 2]');
    fs.mkdirSync(path.join(work, 'cdktf.out', 'stacks', 'monitoring-prod'));
    fs.writeFileSync(path.join(work, 'cdktf.out', 'stacks', 'monitoring-prod', 'cdk.tf.json'), '{}');
    const both = await run(['prod', 'staging'], { plan: 'plan-postcondition-warnings.jsonl' });
    expect(both.code).toBe(2);
    expect(both.calls.filter((call) => call.includes(' plan '))).toEqual([
      `monitoring-prod ${PLAN_ARGS.join(' ')}`,
      `monitoring-staging ${PLAN_ARGS.join(' ')}`,
    ]);
  });

  it('overall: error wins over drift, drift over no drift', () => {
    const of = (...statuses: Array<'no-drift' | 'drift' | 'error'>) =>
      overallExitCode(statuses.map((status, index) => outcome(`env${index}`, `monitoring-env${index}`, status)));
    expect(of('no-drift', 'no-drift')).toBe(0);
    expect(of('no-drift', 'drift')).toBe(2);
    expect(of('drift', 'error', 'no-drift')).toBe(1);
    expect(of()).toBe(0);
  });
});

describe('npm run drift: what it says when it cannot check', () => {
  it('says clearly that there are no credentials, and does not run the plan', async () => {
    const result = await run(['staging'], { credentials: false, plan: 'plan-no-changes.jsonl' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`  ! ${NO_CREDENTIALS_MESSAGE.split('\n')[0]}`);
    expect(result.stdout).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    expect(result.stdout).toContain('gcloud auth application-default login');
    expect(result.calls).toEqual([`monitoring-staging ${INIT_ARGS.join(' ')}`]);
  });

  it("finds gcloud's application default credentials file", async () => {
    fs.mkdirSync(path.join(work, 'home', '.config', 'gcloud'), { recursive: true });
    fs.writeFileSync(path.join(work, 'home', '.config', 'gcloud', 'application_default_credentials.json'), '{}');
    const result = await run(['staging'], { credentials: false, plan: 'plan-no-changes.jsonl' });
    expect(result.code).toBe(0);
  });

  it('--assume-credentials skips the check (runners with a metadata server)', async () => {
    const result = await run(['staging', '--assume-credentials'], {
      credentials: false,
      plan: 'plan-no-changes.jsonl',
    });
    expect(result.code).toBe(0);
  });

  it('says the google provider cannot be downloaded (real init output without registry access)', async () => {
    const result = await run(['staging'], { init: 'init-registry-unreachable.txt', initExit: 1 });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '! terraform init could not download the google provider (could not connect to registry.terraform.io).',
    );
    expect(result.calls).toHaveLength(1);
  });

  it('says terraform is missing when it is not on PATH', async () => {
    const result = await run(['staging'], { path: path.join(work, 'home') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('! terraform could not be started (ENOENT): install Terraform');
  });

  it('rejects unknown options and environments with exit 1 (2 means drift)', async () => {
    const option = await run(['--jsn', 'out.json']);
    expect(option.code).toBe(1);
    expect(option.stderr).toMatch(/^drift: unknown option --jsn; did you mean --json\?\nusage: npm run drift/);
    const environment = await run(['stagin']);
    expect(environment.code).toBe(1);
    expect(environment.stderr).toBe('drift: no environment "stagin" in environments/; did you mean "staging"?\n');
    expect(environment.calls).toEqual([]);
  });
});

describe('npm run drift --json', () => {
  it("writes each environment's outcome and the Markdown body of its issue", async () => {
    const result = await run(['staging', '--json', 'drift.json'], { plan: 'plan-postcondition-warnings.jsonl' });
    expect(result.code).toBe(2);
    const report = JSON.parse(fs.readFileSync(path.join(work, 'drift.json'), 'utf8'));
    expect(report.environments).toHaveLength(1);
    const [staging] = report.environments;
    expect(staging).toMatchObject({
      environment: 'staging',
      stack: 'monitoring-staging',
      status: 'drift',
      exitCode: 2,
    });
    expect(staging.failedPostconditions).toHaveLength(2);
    expect(staging.markdown).toContain('Configuration drift in **staging** (stack `monitoring-staging`): DRIFT.');
    expect(staging.markdown).toContain(
      '- `data.google_redis_instance.drift_redis`: Redis staging-redis-f1adc35c has auth_enabled = false',
    );
    expect(staging.markdown).toContain('Reproduce: `npm run drift -- staging`');
  });
});
