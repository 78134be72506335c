// The golden-path block deploys a synthetic monitor: a reproducible source zip, the function with
// its own service account and secrets by reference, the uptime check with synthetic_monitor, the
// paging alert and the dashboard section shown first. Bad blocks get messages naming the field.
import * as fs from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { ConfigError } from '../../src/config/config-error';
import { stackArtifactPath } from '../../src/config/environment';
import type { Environment } from '../../src/config/environment';
import { buildSourceArchive, GOLDEN_PATH_SOURCE_DIRECTORY } from '../../src/constructs/golden-path/source-archive';
import { lintDocument } from '../../src/tools/lint';
import { MonitoringStack } from '../../stacks/monitoring-stack';
import { resourcesOf, stagingData, temporaryDirectory, validate } from '../support/environments';
import { MARKER_FILE } from '../../stacks/output-directory';
import { synthesizeEnvironments } from '../../stacks/synthesize';
import { testingApp } from '../support/testing-app';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'golden-path-source');
const FILE = 'environments/staging.yaml';

const TOKEN_BLOCK = {
  webSocketUrl: 'wss://api.staging.example.test/ws',
  auth: { type: 'token', tokenSecret: 'golden-path-token' },
};
const LOGIN_BLOCK = {
  webSocketUrl: 'wss://api.staging.example.test/ws',
  auth: {
    type: 'login',
    loginUrl: 'https://auth.staging.example.test/auth/login',
    usernameSecret: 'golden-path-user',
    passwordSecret: 'golden-path-password',
  },
  vpcConnector: 'staging-connector',
};

function environmentWith(block: Record<string, unknown>): Environment {
  return validate({ ...stagingData(), goldenPath: block }, FILE);
}

interface Synthesis {
  readonly document: Record<string, any>;
  readonly zip: Buffer;
  readonly zipPath: string;
}

function synthesize(environment: Environment): Synthesis {
  const app = testingApp();
  new MonitoringStack(app, environment, { goldenPathSource: FIXTURE });
  app.synth();
  const artifact = stackArtifactPath(app.outdir, environment.name);
  const document = JSON.parse(fs.readFileSync(artifact, 'utf8'));
  const source = Object.values(resourcesOf(document, 'google_storage_bucket_object'))[0]!.source as string;
  const zipPath = path.join(path.dirname(artifact), source);
  return { document, zip: fs.readFileSync(zipPath), zipPath: source };
}

/** The entries of a zip by name, read from its local headers and inflated. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let offset = 0;
  while (zip.readUInt32LE(offset) === 0x04034b50) {
    const compressedSize = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const name = zip.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const start = offset + 30 + nameLength + extraLength;
    entries.set(name, inflateRawSync(zip.subarray(start, start + compressedSize)));
    offset = start + compressedSize;
  }
  return entries;
}

let token: Synthesis;
let login: Synthesis;
beforeAll(() => {
  token = synthesize(environmentWith(TOKEN_BLOCK));
  login = synthesize(environmentWith(LOGIN_BLOCK));
});

describe('golden-path source zip', () => {
  test('two synths give byte-identical zips at the same content-addressed path', () => {
    const again = synthesize(environmentWith(TOKEN_BLOCK));
    expect(again.zip.equals(token.zip)).toBe(true);
    expect(again.zipPath).toBe(token.zipPath);
  });

  test('holds package.json, the lockfile and exactly the listed files, with their contents', () => {
    const entries = unzip(token.zip);
    expect([...entries.keys()]).toEqual(['index.js', 'package-lock.json', 'package.json', 'src/run.js']);
    for (const [name, content] of entries) expect(content.equals(fs.readFileSync(path.join(FIXTURE, name)))).toBe(true);
  });

  test("the repository's golden-path/ zips to its package.json, lockfile and listed files only, the same bytes twice", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(GOLDEN_PATH_SOURCE_DIRECTORY, 'package.json'), 'utf8'));
    const first = buildSourceArchive();
    expect(first.fileNames).toEqual(['package-lock.json', 'package.json', ...manifest.files].sort());
    expect(buildSourceArchive().bytes.equals(first.bytes)).toBe(true);
  });

  test('the object name carries the content hash, so a change redeploys', () => {
    const object = Object.values(resourcesOf(token.document, 'google_storage_bucket_object'))[0]!;
    const hash = require('crypto').createHash('sha256').update(token.zip).digest('hex');
    expect(object.name).toBe(`vigil/staging/golden-path-${hash}.zip`);
  });
});

describe('golden-path resources', () => {
  test('the function runs nodejs22 at entry point goldenPath with the contract environment', () => {
    const fn = resourcesOf(token.document, 'google_cloudfunctions2_function').golden_path_function!;
    expect(fn.build_config).toMatchObject({ runtime: 'nodejs22', entry_point: 'goldenPath' });
    const service = fn.service_config as Record<string, any>;
    expect(service.environment_variables).toEqual({
      GOLDEN_PATH_WS_URL: 'wss://api.staging.example.test/ws',
      GOLDEN_PATH_AUTH: 'token',
      GOLDEN_PATH_AUTH_PLACEMENT: 'header',
      GOLDEN_PATH_EVENTS: 'agent_started,agent_thinking,tool_executing,tool_completed,agent_completed',
      GOLDEN_PATH_DEADLINE_MS: '30000',
      GOLDEN_PATH_CONNECT_TIMEOUT_MS: '3000',
      GOLDEN_PATH_MESSAGE: expect.any(String),
    });
    expect(service.secret_environment_variables).toEqual([
      { key: 'GOLDEN_PATH_TOKEN', project_id: 'netra-staging', secret: 'golden-path-token', version: 'latest' },
    ]);
    expect(service.vpc_connector).toBeUndefined();
    expect(service.service_account_email).toContain('google_service_account.golden_path_service_account.email');
  });

  test('login auth: username and password secrets, the login URL, and the VPC connector when set', () => {
    const service = resourcesOf(login.document, 'google_cloudfunctions2_function').golden_path_function!
      .service_config as Record<string, any>;
    expect(service.environment_variables.GOLDEN_PATH_LOGIN_URL).toBe('https://auth.staging.example.test/auth/login');
    expect(service.secret_environment_variables.map((secret: any) => [secret.key, secret.secret])).toEqual([
      ['GOLDEN_PATH_USERNAME', 'golden-path-user'],
      ['GOLDEN_PATH_PASSWORD', 'golden-path-password'],
    ]);
    expect(service.vpc_connector).toBe('projects/netra-staging/locations/us-central1/connectors/staging-connector');
  });

  test('secret accessor is granted on its own secrets only, to its own service account', () => {
    const grants = Object.values(resourcesOf(login.document, 'google_secret_manager_secret_iam_member'));
    expect(grants.map((grant) => [grant.secret_id, grant.role]).sort()).toEqual([
      ['golden-path-password', 'roles/secretmanager.secretAccessor'],
      ['golden-path-user', 'roles/secretmanager.secretAccessor'],
    ]);
    for (const grant of grants) expect(grant.member).toContain('google_service_account.golden_path_service_account');
    expect(resourcesOf(login.document, 'google_project_iam_member')).toEqual({});
  });

  test('both candidate callers may invoke the function, on its own service only, and the check waits for both', () => {
    const grants = resourcesOf(token.document, 'google_cloud_run_v2_service_iam_member');
    expect(Object.keys(grants).sort()).toEqual(['golden_path_invoker', 'golden_path_self_invoker']);
    for (const grant of Object.values(grants)) {
      expect(grant.role).toBe('roles/run.invoker');
      expect(grant.name).toBe('${google_cloudfunctions2_function.golden_path_function.name}');
    }
    expect(grants.golden_path_invoker!.member).toMatch(
      /^serviceAccount:service-\$\{data\.google_project\.golden_path_project\.number\}@gcp-sa-monitoring-notification\.iam\.gserviceaccount\.com$/,
    );
    expect(grants.golden_path_self_invoker!.member).toBe(
      'serviceAccount:${google_service_account.golden_path_service_account.email}',
    );
    const check = resourcesOf(token.document, 'google_monitoring_uptime_check_config').golden_path_check!;
    expect(check.depends_on).toEqual([
      'google_cloud_run_v2_service_iam_member.golden_path_invoker',
      'google_cloud_run_v2_service_iam_member.golden_path_self_invoker',
    ]);
    expect(resourcesOf(token.document, 'google_project_iam_member')).toEqual({});
  });

  test('the uptime check targets the function, with period and timeout from the YAML', () => {
    const check = resourcesOf(token.document, 'google_monitoring_uptime_check_config').golden_path_check!;
    expect(check).toMatchObject({ period: '60s', timeout: '60s' });
    expect((check.synthetic_monitor as any).cloud_function_v2.name).toContain(
      'google_cloudfunctions2_function.golden_path_function.id',
    );
  });

  test('the alert pages on two failed runs in a row and stays silent for one', () => {
    const policy = resourcesOf(token.document, 'google_monitoring_alert_policy').golden_path_failing!;
    const condition = (policy.conditions as any[])[0].condition_threshold;
    expect(condition.filter).toContain('metric.type="monitoring.googleapis.com/uptime_check/check_passed"');
    expect(condition.filter).toContain('resource.type="cloud_run_revision"');
    expect(condition.aggregations[0]).toMatchObject({
      alignment_period: '120s',
      per_series_aligner: 'ALIGN_COUNT_FALSE',
      cross_series_reducer: 'REDUCE_SUM',
    });
    expect(condition).toMatchObject({ comparison: 'COMPARISON_GT', threshold_value: 1, duration: '0s' });
    expect(policy.severity).toBe('CRITICAL');
    expect((policy.documentation as any).content).toContain('`token` → the auth service');
  });

  test('an SLO on golden-path success (failed runs of all runs) with the burn-rate alerts of the other SLOs', () => {
    const slo = resourcesOf(token.document, 'google_monitoring_slo').slo_golden_path_success!;
    expect(slo).toMatchObject({ goal: 0.95, rolling_period_days: 30 });
    expect((slo.request_based_sli as any).good_total_ratio).toEqual({
      bad_service_filter:
        'metric.type="logging.googleapis.com/user/vigil-staging-golden-path-failed-steps" AND resource.type="cloud_run_revision"',
      total_service_filter:
        'metric.type="logging.googleapis.com/user/vigil-staging-golden-path-runs" AND resource.type="cloud_run_revision"',
    });
    const runs = resourcesOf(token.document, 'google_logging_metric').golden_path_runs!;
    expect(runs.filter).toBe(
      'resource.type="cloud_run_revision" AND resource.labels.service_name="vigil-staging-golden-path" AND jsonPayload.goldenPath.outcome:*',
    );
    const burnAlerts = Object.keys(resourcesOf(token.document, 'google_monitoring_alert_policy')).filter((id) =>
      id.startsWith('slo_golden_path_success_'),
    );
    expect(burnAlerts.sort()).toEqual([
      'slo_golden_path_success_fast_burn',
      'slo_golden_path_success_slow_burn',
      'slo_golden_path_success_steady_burn',
    ]);
  });

  test('the dashboard opens with the golden-path section', () => {
    const dashboard = resourcesOf(token.document, 'google_monitoring_dashboard').infrastructure_dashboard!;
    const tiles = JSON.parse(dashboard.dashboard_json as string).mosaicLayout.tiles;
    expect(tiles[0].widget.title).toBe('Golden path');
    expect(tiles.slice(1, 4).map((tile: any) => tile.widget.title)).toEqual([
      'Golden path: runs passed (1) or failed (0)',
      'Golden path: p95 latency per event',
      'Golden path: failed runs by step',
    ]);
  });

  test('one latency log-based metric per configured event and the total, read from the run log line', () => {
    const metrics = resourcesOf(token.document, 'google_logging_metric');
    expect(metrics.golden_path_latency_agent_completed!.value_extractor).toBe(
      'EXTRACT(jsonPayload.goldenPath.latencyMs.agent_completed)',
    );
    expect(Object.keys(metrics).filter((id) => id.startsWith('golden_path_latency_'))).toHaveLength(6);
    expect(metrics.golden_path_failed_steps!.label_extractors).toEqual({
      failed_step: 'EXTRACT(jsonPayload.goldenPath.failedStep)',
    });
  });

  test('no golden-path resource without the block, and none when it is disabled', () => {
    const disabled = validate({ ...stagingData(), goldenPath: { ...TOKEN_BLOCK, enabled: false } }, FILE);
    const app = testingApp();
    const stack = new MonitoringStack(app, disabled, { goldenPathSource: path.join(FIXTURE, 'missing') });
    expect(stack.goldenPath).toBeUndefined();
  });
});

describe('vigil synth output', () => {
  test('the zip is committed beside cdk.tf.json and listed as generated; a re-synthesis leaves the same bytes', async () => {
    const outdir = temporaryDirectory('golden-path-synth');
    try {
      const environment = environmentWith(TOKEN_BLOCK);
      await synthesizeEnvironments([environment], outdir);
      const document = JSON.parse(fs.readFileSync(stackArtifactPath(outdir, 'staging'), 'utf8'));
      const source = Object.values(resourcesOf(document, 'google_storage_bucket_object'))[0]!.source as string;
      const zipFile = path.join(path.dirname(stackArtifactPath(outdir, 'staging')), source);
      const first = fs.readFileSync(zipFile);
      const marker = fs.readFileSync(path.join(outdir, MARKER_FILE), 'utf8');
      expect(marker).toContain(source);
      await synthesizeEnvironments([environment], outdir);
      expect(fs.readFileSync(zipFile).equals(first)).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('golden-path lint', () => {
  test('the stack with a golden path lints without errors or warnings', () => {
    const findings = lintDocument(token.document, 'cdk.tf.json') ?? [];
    expect(findings.map((finding) => `${finding.ruleId} ${finding.path}: ${finding.message}`)).toEqual([]);
  });
});

describe('golden-path validation', () => {
  function problemsOf(block: Record<string, unknown>): string[] {
    try {
      environmentWith(block);
    } catch (error) {
      if (error instanceof ConfigError) return error.message.split('\n');
      throw error;
    }
    throw new Error('expected a ConfigError');
  }

  test.each([
    [
      { ...TOKEN_BLOCK, webSocketUrl: 'https://api.example.test/ws' },
      'goldenPath.webSocketUrl',
      'expected a WebSocket URL',
    ],
    [{ ...TOKEN_BLOCK, events: ['agent_started', 'agent_started'] }, 'goldenPath.events', 'expected each event once'],
    [
      { ...TOKEN_BLOCK, periodSeconds: 120 },
      'goldenPath.periodSeconds',
      'expected a monitor period of 60, 300, 600 or 900 seconds',
    ],
    [{ ...TOKEN_BLOCK, sloGoalPercent: 90 }, 'goldenPath.sloGoalPercent', 'expected a goal of at least 93.06%'],
    [{ ...TOKEN_BLOCK, timeoutSeconds: 20 }, 'goldenPath.timeoutSeconds', 'expected at least 33 s'],
    [
      { ...TOKEN_BLOCK, auth: { type: 'token', tokenSecret: 'has a space' } },
      'goldenPath.auth.tokenSecret',
      'expected a Secret Manager secret id',
    ],
    [{ ...TOKEN_BLOCK, auth: { type: 'password' } }, 'goldenPath.auth', 'expected auth.type token'],
  ])('%j is refused at its field', (block, field, words) => {
    const problems = problemsOf(block).join('\n');
    expect(problems).toContain(field);
    expect(problems).toContain(words);
    expect(problems).toContain(FILE);
  });
});
