// `vigil adopt` against a loopback fake of the Monitoring and Logging APIs (a real HTTP server on
// 127.0.0.1, port 0, paginated, with an error mode), seeded with the remediation plan's "Redis
// Connectivity Alert" as the API returns it, hand-made copies of the stack's own resources (one
// with another threshold), near misses (same metric other resource; same host other path),
// Google's published alert templates and a resource kind vigil does not model. Never the network.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { toApiSpelling } from '../../src/artifact/read/read-terraform';
import { adoptCommand } from '../../src/cli/commands/adopt';
import { stackArtifactPath } from '../../src/config/environment';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { classify, liveResource, stackResources } from '../../src/tools/adopt/classify';
import { readLiveDirectory } from '../../src/tools/adopt/live-inventory';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { captureIo } from '../support/capture-io';
import { ENVIRONMENTS_DIR, resourcesOf, stagingEnvironment, temporaryDirectory } from '../support/environments';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'alerts');
const PROJECT = 'projects/netra-staging';

// The remediation plan's policy (reference/remediation-plan.md, "Redis Connectivity Alert"), as
// projects.alertPolicies.list returns it: a filter that names a resource type and no metric.
const REDIS_CONNECTIVITY_ALERT = {
  name: `${PROJECT}/alertPolicies/1001`,
  displayName: 'Redis Connectivity Alert',
  combiner: 'OR',
  enabled: true,
  conditions: [
    {
      name: `${PROJECT}/alertPolicies/1001/conditions/1`,
      displayName: 'Redis connection failures',
      conditionThreshold: {
        filter: 'resource.type="redis_instance"',
        comparison: 'COMPARISON_GT',
        thresholdValue: 0,
        duration: '300s',
        aggregations: [{ alignmentPeriod: '300s', perSeriesAligner: 'ALIGN_RATE' }],
      },
    },
  ],
};

let root: string;
let stackDocument: Record<string, unknown>;
let live: { alertPolicies: Record<string, unknown>[]; uptimeCheckConfigs: Record<string, unknown>[] };
let server: http.Server;
let baseUrl: string;
let requests: string[];
let failUptime = false;

function templates(): Record<string, unknown>[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) files.push(full);
    }
  };
  walk(CORPUS);
  return files.map((file, index) => ({
    ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>),
    name: `${PROJECT}/alertPolicies/t${index}`,
  }));
}

beforeAll(async () => {
  root = temporaryDirectory('adopt');
  stackDocument = synthesizeStackJson(stagingEnvironment());
  const artifact = stackArtifactPath(path.join(root, 'cdktf.out'), 'staging');
  fs.mkdirSync(path.dirname(artifact), { recursive: true });
  fs.writeFileSync(artifact, JSON.stringify(stackDocument));

  // A hand-made copy of the stack's first threshold policy, threshold changed, another name.
  const policies = resourcesOf(stackDocument, 'google_monitoring_alert_policy');
  const [first] = Object.values(policies).filter((one) =>
    (one.conditions as Record<string, unknown>[]).every((condition) => condition.condition_threshold),
  );
  const copy = toApiSpelling(first) as Record<string, unknown> & { conditions: Record<string, unknown>[] };
  const handMade = {
    ...copy,
    name: `${PROJECT}/alertPolicies/2001`,
    displayName: 'hand-made during the incident',
    conditions: copy.conditions.map((condition) => ({
      ...condition,
      conditionThreshold: {
        ...(condition.conditionThreshold as Record<string, unknown>),
        thresholdValue: 12345,
      },
    })),
  };
  // Same metric, another resource type: a near miss.
  const otherResource = {
    ...copy,
    name: `${PROJECT}/alertPolicies/2002`,
    displayName: 'same metric, other resource',
    conditions: copy.conditions.map((condition) => {
      const threshold = condition.conditionThreshold as Record<string, unknown>;
      return {
        ...condition,
        conditionThreshold: {
          ...threshold,
          filter: String(threshold.filter).replace(/resource\.type\s*=\s*"[^"]*"/, 'resource.type="gce_instance"'),
        },
      };
    }),
  };
  // An HTTP check of the stack (the golden path's synthetic monitor has no host to match by).
  const [uptime] = Object.values(resourcesOf(stackDocument, 'google_monitoring_uptime_check_config')).filter(
    (check) => check.http_check !== undefined,
  );
  const uptimeApi = toApiSpelling(uptime) as Record<string, unknown>;
  const sameUptime = {
    ...uptimeApi,
    name: `${PROJECT}/uptimeCheckConfigs/u1`,
    displayName: 'backend health (hand-made)',
  };
  const otherPath = {
    ...uptimeApi,
    name: `${PROJECT}/uptimeCheckConfigs/u2`,
    displayName: 'backend root',
    httpCheck: { ...(uptimeApi.httpCheck as Record<string, unknown>), path: '/not-health' },
  };
  live = {
    alertPolicies: [REDIS_CONNECTIVITY_ALERT, handMade, otherResource, ...templates()],
    uptimeCheckConfigs: [sameUptime, otherPath],
  };

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
          ? { alertPolicies: live.alertPolicies.slice(3) }
          : { alertPolicies: live.alertPolicies.slice(0, 3), nextPageToken: 'page-2' },
      );
    }
    if (url.pathname.endsWith('/uptimeCheckConfigs')) {
      if (failUptime)
        return send(403, {
          error: { status: 'PERMISSION_DENIED', message: 'monitoring.uptimeCheckConfigs.list denied' },
        });
      return send(200, { uptimeCheckConfigs: live.uptimeCheckConfigs });
    }
    if (url.pathname.endsWith('/services'))
      return send(200, {
        services: [{ name: `${PROJECT}/services/istio-thing`, displayName: 'not modelled', istioCanonicalService: {} }],
      });
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

async function adoptJson() {
  const io = captureIo(root);
  const code = await command().run(
    ['--env', 'staging', '--environments', ENVIRONMENTS_DIR, '--artifacts', 'cdktf.out', '--format', 'json'],
    io,
  );
  return { code, report: JSON.parse(io.out.join('')) as { live: Array<Record<string, unknown>>; missing: unknown[] } };
}

test('lists every page of every collection from the fake API and classifies each live resource by meaning', async () => {
  const { code, report } = await adoptJson();
  expect(requests.some((url) => url.includes('pageToken=page-2'))).toBe(true);
  expect(requests.some((url) => url.startsWith('/v1/projects/netra-staging/dashboards'))).toBe(true);
  expect(requests.some((url) => url.startsWith('/v2/projects/netra-staging/metrics'))).toBe(true);
  const group = (name: string) => report.live.find((one) => one.name === name)?.group;
  expect(report.live).toHaveLength(live.alertPolicies.length + live.uptimeCheckConfigs.length + 1);
  expect(group(`${PROJECT}/alertPolicies/2001`)).toBe('adoptable');
  const handMade = report.live.find((one) => one.name === `${PROJECT}/alertPolicies/2001`)!;
  expect((handMade.differences as string[]).some((line) => /threshold: .*12345 → /.test(line))).toBe(true);
  expect(group(`${PROJECT}/alertPolicies/2002`)).toBe('duplicate-risk');
  expect(group(`${PROJECT}/uptimeCheckConfigs/u1`)).toBe('adoptable');
  expect(group(`${PROJECT}/uptimeCheckConfigs/u2`)).toBe('duplicate-risk');
  expect(group(`${PROJECT}/alertPolicies/1001`)).toBe('unmanaged');
  expect(report.live.find((one) => one.name === `${PROJECT}/alertPolicies/1001`)!.reason).toMatch(
    /names no metric type/,
  );
  expect(group(`${PROJECT}/services/istio-thing`)).toBe('unmanaged');
  expect(code).toBe(2);
});

test('no published template is adopted as a vigil policy of another metric', () => {
  const stack = stackResources(stackDocument);
  const result = classify(
    templates().map((body) => ({ kind: 'alertPolicy' as const, name: String(body.name), body })),
    stack,
  );
  for (const one of result.live.filter((entry) => entry.group === 'adoptable')) {
    expect(liveResource(one.live).near).toBe(one.stack!.near);
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

test('--write records the adoptions, keeps the comments, and synthesis emits import blocks with their IDs', async () => {
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
  expect(environment.adopt?.map((entry) => entry.id).sort()).toEqual([
    `${PROJECT}/alertPolicies/2001`,
    `${PROJECT}/uptimeCheckConfigs/u1`,
  ]);
  const imports = (synthesizeStackJson(environment) as { import?: Array<{ id: string; to: string }> }).import ?? [];
  expect(imports.map((one) => one.id).sort()).toEqual([
    `${PROJECT}/alertPolicies/2001`,
    `${PROJECT}/uptimeCheckConfigs/u1`,
  ]);
  for (const one of imports) expect(environment.adopt!.find((entry) => entry.id === one.id)!.resource).toBe(one.to);
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

test('--managed-elsewhere leaves a resource out of the adopt: block and says how to release it', async () => {
  const environments = path.join(root, 'elsewhere');
  fs.mkdirSync(environments);
  fs.copyFileSync(path.join(ENVIRONMENTS_DIR, 'staging.yaml'), path.join(environments, 'staging.yaml'));
  const io = captureIo(root);
  const managed = `${PROJECT}/alertPolicies/2001`;
  await command().run(
    ['--env', 'staging', '--environments', 'elsewhere', '--write', '--managed-elsewhere', managed],
    io,
  );
  expect(io.err.join('')).toContain(`not adopted: ${managed} is managed by another Terraform configuration`);
  expect(io.err.join('')).toMatch(/terraform state rm .*removed \{ from = /);
  const environment = loadEnvironmentFile(path.join(environments, 'staging.yaml'));
  expect(environment.adopt?.map((entry) => entry.id)).toEqual([`${PROJECT}/uptimeCheckConfigs/u1`]);
});
