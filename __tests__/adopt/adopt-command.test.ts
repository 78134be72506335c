// `vigil adopt` against a loopback fake of the Monitoring and Logging APIs (a real HTTP server on
// 127.0.0.1, port 0, paginated, with an error mode), seeded by __tests__/support/adopt-seed.ts: the
// remediation plan's "Redis Connectivity Alert" as the API returns it, hand-made copies of the
// stack's own resources, near misses, Google's published alert templates, a channel labelled as
// managed by another Terraform configuration, and a service kind vigil does not model. Never the network.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { adoptCommand } from '../../src/cli/commands/adopt';
import { stackArtifactPath } from '../../src/config/environment';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { AdoptEntrySchema } from '../../src/config/adopt-schema';
import { IMPORT_ID_FORMS } from '../../src/config/import-ids';
import { classify, liveResource, stackResources } from '../../src/tools/adopt/classify';
import { readLiveDirectory } from '../../src/tools/adopt/live-inventory';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { captureIo } from '../support/capture-io';
import {
  corpusTemplates,
  type LiveProject,
  PROJECT,
  REDIS_CONNECTIVITY_ALERT,
  seededLiveProject,
} from '../support/adopt-seed';
import { ENVIRONMENTS_DIR, stagingEnvironment, temporaryDirectory } from '../support/environments';

let root: string;
let stackDocument: Record<string, unknown>;
let live: LiveProject;
let server: http.Server;
let baseUrl: string;
let requests: string[];
let failUptime = false;

beforeAll(async () => {
  root = temporaryDirectory('adopt');
  stackDocument = synthesizeStackJson(stagingEnvironment());
  const artifact = stackArtifactPath(path.join(root, 'cdktf.out'), 'staging');
  fs.mkdirSync(path.dirname(artifact), { recursive: true });
  fs.writeFileSync(artifact, JSON.stringify(stackDocument));
  live = seededLiveProject(stackDocument);

  requests = [];
  server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== 'Bearer test-token') return send(401, { error: { message: 'no' } });
    if (url.pathname.endsWith('/alertPolicies')) {
      // Two pages: the templates come on the second.
      const second = url.searchParams.get('pageToken') === 'page-2';
      return send(
        200,
        second
          ? { alertPolicies: live.alertPolicies.slice(4) }
          : { alertPolicies: live.alertPolicies.slice(0, 4), nextPageToken: 'page-2' },
      );
    }
    if (url.pathname.endsWith('/uptimeCheckConfigs')) {
      if (failUptime)
        return send(403, {
          error: { status: 'PERMISSION_DENIED', message: 'monitoring.uptimeCheckConfigs.list denied' },
        });
      return send(200, { uptimeCheckConfigs: live.uptimeCheckConfigs });
    }
    if (url.pathname.endsWith('/notificationChannels'))
      return send(200, { notificationChannels: live.notificationChannels });
    if (url.pathname.endsWith('/services')) return send(200, { services: live.services });
    if (url.pathname === '/v2/projects/netra-staging/metrics') return send(200, { metrics: live.metrics });
    return send(200, {});
  });
  // fetch reuses idle connections; on a loaded machine a stall past Node's 5 s keep-alive lets the
  // server close one as the client sends on it, and the retry that follows changes what is counted.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(root, { recursive: true, force: true });
});

function command() {
  return adoptCommand({ baseUrl, loggingBaseUrl: baseUrl, token: async () => ({ token: 'test-token' }) });
}

type ReportEntry = Record<string, unknown> & { differences: string[]; reason: string };

/** The report on the seeded project, listed once and shared by the tests that only read it. */
let seededReport: ReturnType<typeof adoptJson> | undefined;
const seededAdoptJson = () => {
  seededReport ??= adoptJson();
  return seededReport;
};

async function adoptJson() {
  const io = captureIo(root);
  const code = await command().run(
    ['--env', 'staging', '--environments', ENVIRONMENTS_DIR, '--artifacts', 'cdktf.out', '--format', 'json'],
    io,
  );
  return {
    code,
    stderr: io.err.join(''),
    report: JSON.parse(io.out.join('')) as { live: ReportEntry[]; missing: unknown[] },
  };
}

test('lists every page of every collection from the fake API and classifies each live resource by meaning', async () => {
  const { code, report } = await seededAdoptJson();
  expect(requests.some((url) => url.includes('pageToken=page-2'))).toBe(true);
  expect(requests.some((url) => url.startsWith('/v1/projects/netra-staging/dashboards'))).toBe(true);
  expect(requests.some((url) => url.startsWith('/v2/projects/netra-staging/metrics'))).toBe(true);
  const entry = (name: string) => report.live.find((one) => one.name === name)!;
  const group = (name: string) => entry(name)?.group;
  expect(report.live).toHaveLength(
    live.alertPolicies.length +
      live.uptimeCheckConfigs.length +
      live.notificationChannels.length +
      live.services.length +
      live.metrics.length,
  );
  expect(group(`${PROJECT}/alertPolicies/2001`)).toBe('adoptable');
  expect(entry(`${PROJECT}/alertPolicies/2001`).stackResource).toBe(
    'google_monitoring_alert_policy.redis_memory_pressure',
  );
  // Same metric on another resource type selects none of the stack's series: not a second page.
  expect(group(`${PROJECT}/alertPolicies/2002`)).toBe('unmanaged');
  expect(entry(`${PROJECT}/alertPolicies/2002`).reason).toMatch(/same metric as .*cloudsql_cpu_high but another/);
  expect(group(`${PROJECT}/uptimeCheckConfigs/u1`)).toBe('adoptable');
  expect(group(`${PROJECT}/uptimeCheckConfigs/u2`)).toBe('duplicate-risk');
  expect(group(`${PROJECT}/notificationChannels/c1`)).toBe('adoptable');
  expect(group(`${PROJECT}/services/vigil-staging-chat-backend`)).toBe('adoptable');
  expect(group('vigil-staging-redis-connection-errors')).toBe('adoptable');
  expect(group(`${PROJECT}/services/istio-thing`)).toBe('unmanaged');
  expect(code).toBe(2);
});

test("the plan's Redis Connectivity Alert is a duplicate risk of vigil's Memorystore policies, not unmanaged", async () => {
  const { report } = await seededAdoptJson();
  const plan = report.live.find((one) => one.name === `${PROJECT}/alertPolicies/1001`)!;
  expect(plan.group).toBe('duplicate-risk');
  // Its filter pins redis_instance and no metric: it selects what both Memorystore policies alert on.
  expect(plan.overlaps).toEqual([
    'google_monitoring_alert_policy.redis_memory_pressure',
    'google_monitoring_alert_policy.redis_memorystore_connections',
  ]);
  expect(plan.reason).toMatch(/names no metric type, so it selects every metric of its resource type/);
  // Built from the policy alone (no other live resource), it is classified the same.
  const alone = classify(
    [{ kind: 'alertPolicy', name: String(REDIS_CONNECTIVITY_ALERT.name), body: REDIS_CONNECTIVITY_ALERT }],
    stackResources(stackDocument),
  );
  expect(alone.live[0].group).toBe('duplicate-risk');
});

test('matching reads labels: the same metric and resource type on another instance is no match and no risk', () => {
  const stack = stackResources(stackDocument);
  const policy = (filter: string) => ({
    kind: 'alertPolicy' as const,
    name: `${PROJECT}/alertPolicies/x`,
    body: {
      displayName: 'x',
      conditions: [
        { displayName: 'c', conditionThreshold: { filter, comparison: 'COMPARISON_GT', thresholdValue: 0.9 } },
      ],
    },
  });
  const instance = 'projects/netra-staging/locations/us-central1/instances/staging-redis-f1adc35c';
  const other = classify(
    [
      policy(
        `metric.type="redis.googleapis.com/stats/memory/usage_ratio" AND resource.type="redis_instance" AND resource.labels.instance_id="projects/netra-staging/locations/us-central1/instances/other"`,
      ),
    ],
    stack,
  ).live[0];
  expect(other.group).toBe('unmanaged');
  // The same instance, written in another order and spelling (resource.label, no spaces): it overlaps.
  const same = classify(
    [
      policy(
        `resource.label.instance_id="${instance}" AND resource.type="redis_instance" AND metric.type="redis.googleapis.com/stats/memory/usage_ratio"`,
      ),
    ],
    stack,
  ).live[0];
  expect(same.group).toBe('duplicate-risk');
  expect(same.stack?.address).toBe('google_monitoring_alert_policy.redis_memory_pressure');
});

test("an adoptable policy's differences are in review's words: units, seconds", async () => {
  const { report } = await seededAdoptJson();
  const handMade = report.live.find((one) => one.name === `${PROJECT}/alertPolicies/2001`)!;
  expect(handMade.differences).toEqual(
    expect.arrayContaining([
      'display name "hand-made during the incident" → "[staging] Redis: Memorystore memory > 90% or evicting keys"',
      'condition "Memorystore memory usage > 90% of maxmemory for 5 min": usage ratio threshold 80% → 90%; duration 600 s → 300 s',
    ]),
  );
  // The text report prints them under the resource, as review would.
  const io = captureIo(root);
  await command().run(['--env', 'staging', '--environments', ENVIRONMENTS_DIR], io);
  expect(io.out.join('')).toMatch(
    /alertPolicy 'Redis connectivity' \(projects\/netra-staging\/alertPolicies\/2003\) → google_monitoring_alert_policy\.redis_connection_failures: same meaning\n {6}display name .*\n {6}condition "[^"]+": vigil-staging-redis-connection-errors ratio threshold 5% → 1%\n/,
  );
  // Output-only fields (creation record, condition names) are not differences.
  expect(handMade.differences.join('\n')).not.toMatch(/creation|conditions › #/);
});

test('no published template is adopted as a vigil policy of another metric', () => {
  const stack = stackResources(stackDocument);
  const result = classify(
    corpusTemplates().map((body) => ({ kind: 'alertPolicy' as const, name: String(body.name), body })),
    stack,
  );
  for (const one of result.live.filter((entry) => entry.group === 'adoptable')) {
    expect(liveResource(one.live).metrics).toEqual(one.stack!.metrics);
  }
  // A template that risks a duplicate shares a metric with the stack policy it names.
  for (const one of result.live.filter((entry) => entry.group === 'duplicate-risk')) {
    const metrics = liveResource(one.live).metrics ?? [];
    for (const overlap of one.overlaps ?? [])
      expect(metrics.length === 0 || metrics.some((metric) => overlap.metrics?.includes(metric))).toBe(true);
  }
  // The stack's own policies all stay missing: none of Google's templates means the same.
  expect(result.missing.filter((one) => one.kind === 'alertPolicy')).toHaveLength(
    stack.filter((one) => one.kind === 'alertPolicy').length,
  );
});

test('an API error is a VigilError naming the collection and the API message', async () => {
  failUptime = true;
  try {
    await expect(adoptJson()).rejects.toThrow(/uptimeCheckConfigs answered 403: PERMISSION_DENIED: .*denied/);
  } finally {
    failUptime = false;
  }
});

test('--from reads the same collections offline, as list responses or gcloud arrays, any file missing', async () => {
  const directory = path.join(root, 'live');
  fs.mkdirSync(directory);
  fs.writeFileSync(
    path.join(directory, 'alertPolicies.json'),
    JSON.stringify({ alertPolicies: live.alertPolicies.slice(0, 3) }),
  );
  fs.writeFileSync(path.join(directory, 'uptimeCheckConfigs.json'), JSON.stringify(live.uptimeCheckConfigs));
  expect(readLiveDirectory(directory)).toHaveLength(5);
  const io = captureIo(root);
  const code = await command().run(
    ['--env', 'staging', '--environments', ENVIRONMENTS_DIR, '--from', 'live', '--format', 'markdown'],
    io,
  );
  const text = io.out.join('');
  expect(text).toMatch(/## Adoptable .* — 2/);
  expect(text).toMatch(/## Duplicate risk .* — 2/);
  expect(text).toMatch(/'Redis Connectivity Alert'/);
  expect(code).toBe(2);
  fs.writeFileSync(path.join(directory, 'notificationChannels.json'), '{"notificationChannels": 3}');
  await expect(
    command().run(['--env', 'staging', '--environments', ENVIRONMENTS_DIR, '--from', 'live'], captureIo(root)),
  ).rejects.toThrow(
    /notificationChannels\.json: expected a JSON array or an object with a "notificationChannels" list/,
  );
});

test('--write records the adoptions, keeps the comments, and synthesis emits an import block with the right ID for each', async () => {
  const environments = path.join(root, 'environments');
  fs.mkdirSync(environments);
  const original = fs.readFileSync(path.join(ENVIRONMENTS_DIR, 'staging.yaml'), 'utf8');
  fs.writeFileSync(path.join(environments, 'staging.yaml'), original);
  const io = captureIo(root);
  await command().run(['--env', 'staging', '--environments', 'environments', '--write'], io);
  const written = fs.readFileSync(path.join(environments, 'staging.yaml'), 'utf8');
  // Everything the user wrote is still there, comments included; the block is added at the end.
  expect(written.startsWith(original.trimEnd())).toBe(true);
  const environment = loadEnvironmentFile(path.join(environments, 'staging.yaml'));
  const expected = {
    'google_monitoring_alert_policy.redis_memory_pressure': `${PROJECT}/alertPolicies/2001`,
    'google_monitoring_alert_policy.redis_connection_failures': `${PROJECT}/alertPolicies/2003`,
    'google_monitoring_uptime_check_config.uptime_backend_health': `${PROJECT}/uptimeCheckConfigs/u1`,
    'google_monitoring_notification_channel.channel_platform_email': `${PROJECT}/notificationChannels/c1`,
    'google_monitoring_custom_service.slo_service': `${PROJECT}/services/vigil-staging-chat-backend`,
    // A log-based metric's API name is its bare identifier: the import ID is `PROJECT NAME`.
    'google_logging_metric.redis_connection_errors': 'netra-staging vigil-staging-redis-connection-errors',
  };
  const imports = (synthesizeStackJson(environment) as { import?: Array<{ id: string; to: string }> }).import ?? [];
  expect(Object.fromEntries(imports.map((one) => [one.to, one.id]))).toEqual(expected);
  // Every adoptable resource of the report has its import block, except the one managed elsewhere.
  const { report } = await seededAdoptJson();
  const adoptable = report.live.filter((one) => one.group === 'adoptable' && !one.managedElsewhere);
  expect(adoptable.map((one) => one.stackResource).sort()).toEqual(Object.keys(expected).sort());
  // Each ID has the form the google provider documents for its resource type.
  for (const one of imports) expect(one.id).toMatch(IMPORT_ID_FORMS[one.to.split('.')[0]].pattern);
});

test('every import block id has the documented form of its type, and the schema refuses another form', () => {
  const stack = stackDocument as { resource: Record<string, Record<string, unknown>> };
  // Every type the stack creates that adopt can match has a documented form.
  for (const type of [
    'google_monitoring_alert_policy',
    'google_monitoring_uptime_check_config',
    'google_monitoring_notification_channel',
    'google_monitoring_custom_service',
    'google_logging_metric',
  ])
    expect(stack.resource[type]).toBeDefined();
  const examples: Record<string, [string, string]> = {
    google_monitoring_alert_policy: [`${PROJECT}/alertPolicies/123`, '123'],
    google_monitoring_uptime_check_config: [`${PROJECT}/uptimeCheckConfigs/u-1`, `${PROJECT}/alertPolicies/1`],
    google_monitoring_notification_channel: [`${PROJECT}/notificationChannels/9`, 'netra-staging 9'],
    google_monitoring_custom_service: [`${PROJECT}/services/chat`, 'chat'],
    google_monitoring_slo: [`${PROJECT}/services/chat/serviceLevelObjectives/avail`, `${PROJECT}/services/chat`],
    google_monitoring_dashboard: [`${PROJECT}/dashboards/abc`, `${PROJECT}/dashboards`],
    google_logging_metric: ['netra-staging redis-errors', `${PROJECT}/metrics/redis-errors`],
  };
  expect(Object.keys(examples).sort()).toEqual(Object.keys(IMPORT_ID_FORMS).sort());
  for (const [type, [good, bad]] of Object.entries(examples)) {
    expect(AdoptEntrySchema.safeParse({ resource: `${type}.x`, id: good }).success).toBe(true);
    const refused = AdoptEntrySchema.safeParse({ resource: `${type}.x`, id: bad });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toContain(`expected the import ID of a ${type}`);
  }
});

test('an adopt entry naming a resource the stack does not create stops synthesis with the field named', () => {
  const environment = {
    ...stagingEnvironment(),
    adopt: [{ resource: 'google_monitoring_alert_policy.no_such_policy', id: `${PROJECT}/alertPolicies/9` }],
  };
  expect(() => synthesizeStackJson(environment)).toThrow(
    /adopt\[0\]\.resource: the stack creates no google_monitoring_alert_policy\.no_such_policy/,
  );
});

test('a resource labelled as managed by Terraform, or named with --managed-elsewhere, is not adopted and the release is spelled out', async () => {
  const environments = path.join(root, 'elsewhere');
  fs.mkdirSync(environments);
  fs.copyFileSync(path.join(ENVIRONMENTS_DIR, 'staging.yaml'), path.join(environments, 'staging.yaml'));
  const io = captureIo(root);
  const managed = `${PROJECT}/alertPolicies/2001`;
  await command().run(
    ['--env', 'staging', '--environments', 'elsewhere', '--write', '--managed-elsewhere', managed],
    io,
  );
  const stderr = io.err.join('');
  expect(stderr).toContain(
    `not adopted: ${managed} ('hand-made during the incident') is managed by another Terraform configuration (--managed-elsewhere)`,
  );
  // The Slack channel's labels say so (managed-by: terraform) without the flag.
  expect(stderr).toContain(
    `not adopted: ${PROJECT}/notificationChannels/c2 ('staging alerts') is managed by another Terraform configuration (managed-by: terraform)`,
  );
  expect(stderr).toContain(`terraform state list -id=${PROJECT}/notificationChannels/c2`);
  expect(stderr).toMatch(
    /removed \{ from = <address> {2}lifecycle \{ destroy = false \} \}.*terraform state rm <address>/,
  );
  const environment = loadEnvironmentFile(path.join(environments, 'staging.yaml'));
  const ids = environment.adopt?.map((entry) => entry.id) ?? [];
  expect(ids).not.toContain(managed);
  expect(ids).not.toContain(`${PROJECT}/notificationChannels/c2`);
  expect(ids).toContain(`${PROJECT}/uptimeCheckConfigs/u1`);
  const text = captureIo(root);
  await command().run(['--env', 'staging', '--environments', ENVIRONMENTS_DIR], text);
  expect(text.out.join('')).toMatch(
    /'staging alerts' .* managed by another Terraform configuration \(managed-by: terraform\)/,
  );
});
