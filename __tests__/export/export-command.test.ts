// `vigil export` against a local fake of the Monitoring API (an HTTP server on 127.0.0.1 serving
// canned pages, one with a nextPageToken): the requests it makes, the files it writes, and that
// those files replay in `vigil simulate` without edits. Never the network.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { CliIo } from '../../src/cli/command';
import { exportCommand, ExportDependencies } from '../../src/cli/commands/export';
import { main } from '../../src/cli/main';
import { applicationDefaultToken } from '../../src/tools/export/credentials';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { runScenarioFile } from '../../src/tools/simulate/run-scenarios';
import { ENVIRONMENTS_DIR, temporaryDirectory } from '../support/environments';

const ERRORS = 'logging.googleapis.com/user/vigil-staging-redis-connection-errors';
const OPERATIONS = 'logging.googleapis.com/user/vigil-staging-redis-operations';
const CLIENTS = 'redis.googleapis.com/clients/connected';

const STACK = {
  resource: {
    google_monitoring_alert_policy: {
      redis_connection_failures: {
        display_name: '[staging] Redis: connection failures > 1%',
        combiner: 'OR',
        conditions: [
          {
            display_name: 'errors per operation > 1%',
            condition_threshold: {
              filter: `metric.type="${ERRORS}" AND resource.type="cloud_run_revision"`,
              denominator_filter: `metric.type="${OPERATIONS}" AND resource.type="cloud_run_revision"`,
              aggregations: [
                { alignment_period: '300s', per_series_aligner: 'ALIGN_DELTA', cross_series_reducer: 'REDUCE_SUM' },
              ],
              denominator_aggregations: [
                { alignment_period: '300s', per_series_aligner: 'ALIGN_DELTA', cross_series_reducer: 'REDUCE_SUM' },
              ],
              comparison: 'COMPARISON_GT',
              threshold_value: 0.01,
              duration: '60s',
            },
          },
        ],
      },
      redis_no_clients: {
        display_name: '[staging] Redis: no clients',
        combiner: 'OR',
        conditions: [
          {
            display_name: 'no clients',
            condition_threshold: {
              filter: `metric.type="${CLIENTS}" AND resource.type="redis_instance"`,
              comparison: 'COMPARISON_LT',
              threshold_value: 1,
              duration: '300s',
              aggregations: [{ alignment_period: '300s', per_series_aligner: 'ALIGN_MAX' }],
            },
          },
          {
            display_name: 'redis status',
            condition_threshold: {
              filter:
                'metric.type="monitoring.googleapis.com/uptime_check/check_passed" AND metric.labels.check_id="${google_monitoring_uptime_check_config.redis.uptime_check_id}"',
              comparison: 'COMPARISON_GT',
              threshold_value: 1,
            },
          },
        ],
      },
    },
  },
};

const T0 = Date.parse('2026-03-14T13:30:00Z') / 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const REVISION = {
  project_id: 'netra-staging',
  service_name: 'netra-backend-staging',
  revision_name: 'r-1',
  location: 'us-central1',
};

function deltaSeries(metric: string, values: number[], labels = REVISION) {
  return {
    metric: { type: metric },
    resource: { type: 'cloud_run_revision', labels },
    metricKind: 'DELTA',
    valueType: 'INT64',
    points: values
      .map((value, index) => ({
        interval: { startTime: iso(T0 + index * 60), endTime: iso(T0 + (index + 1) * 60) },
        value: { int64Value: String(value) },
      }))
      .reverse(),
  };
}

/** Canned answers by metric type; the connection errors come in two pages. */
function answer(filter: string, pageToken: string | null): unknown {
  if (filter.includes(ERRORS)) {
    return pageToken === 'page-2'
      ? { timeSeries: [deltaSeries(ERRORS, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], { ...REVISION, revision_name: 'r-2' })] }
      : {
          timeSeries: [deltaSeries(ERRORS, [0, 0, 0, 0, 0, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200])],
          nextPageToken: 'page-2',
        };
  }
  if (filter.includes(OPERATIONS))
    return {
      timeSeries: [
        deltaSeries(OPERATIONS, new Array(15).fill(200)),
        deltaSeries(OPERATIONS, new Array(10).fill(100), { ...REVISION, revision_name: 'r-2' }),
      ],
    };
  return {};
}

interface Request {
  path: string;
  query: URLSearchParams;
  authorization?: string;
}

let server: http.Server;
let baseUrl: string;
const requests: Request[] = [];
let failWith: { status: number; body: string } | undefined;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, query: url.searchParams, authorization: request.headers.authorization });
    if (failWith) {
      response.writeHead(failWith.status, { 'content-type': 'application/json' }).end(failWith.body);
      return;
    }
    if (url.pathname !== '/v3/projects/netra-staging/timeSeries') {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(answer(url.searchParams.get('filter') ?? '', url.searchParams.get('pageToken'))));
  });
  // fetch reuses idle connections; on a loaded machine a stall past Node's 5 s keep-alive lets the
  // server close one as the client sends on it, and the retry that follows changes what is counted.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const work = temporaryDirectory('export');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const artifacts = path.join(work, 'cdktf.out');
fs.mkdirSync(path.join(artifacts, 'stacks', 'monitoring-staging'), { recursive: true });
fs.writeFileSync(path.join(artifacts, 'stacks', 'monitoring-staging', 'cdk.tf.json'), JSON.stringify(STACK));

function io(): CliIo & { out: string; err: string } {
  const captured = { out: '', err: '' };
  return Object.assign(captured, {
    stdout: (text: string) => {
      captured.out += text;
    },
    stderr: (text: string) => {
      captured.err += text;
    },
    cwd: work,
    env: {},
    interactive: false,
  });
}

const ARGS = [
  '--env',
  'staging',
  '--environments',
  ENVIRONMENTS_DIR,
  '--artifacts',
  artifacts,
  '--from',
  iso(T0),
  '--to',
  iso(T0 + 1800),
];
const withToken: ExportDependencies = { baseUrl: '', token: async () => ({ token: 'fake-token' }) };

test('lists the raw series of every condition filter, page by page, and writes files that replay without edits', async () => {
  requests.length = 0;
  const capture = io();
  const code = await exportCommand({ ...withToken, baseUrl }).run([...ARGS, '--out', 'incident'], capture);
  expect({ code, err: capture.err }).toEqual({
    code: 0,
    err: 'note: not exported: [staging] Redis: no clients: redis status: its filter refers to ${google_monitoring_uptime_check_config.redis.uptime_check_id}, known only after terraform apply; list these series with the real value yourself\n',
  });
  expect(capture.out).toBe('wrote 3 export files (4 time series) and incident/scenario.yaml\n');
  expect(requests.map((one) => [one.query.get('filter'), one.query.get('pageToken')])).toEqual([
    [
      STACK.resource.google_monitoring_alert_policy.redis_connection_failures.conditions[0].condition_threshold.filter,
      null,
    ],
    [
      STACK.resource.google_monitoring_alert_policy.redis_connection_failures.conditions[0].condition_threshold.filter,
      'page-2',
    ],
    [
      STACK.resource.google_monitoring_alert_policy.redis_connection_failures.conditions[0].condition_threshold
        .denominator_filter,
      null,
    ],
    [STACK.resource.google_monitoring_alert_policy.redis_no_clients.conditions[0].condition_threshold.filter, null],
  ]);
  for (const request of requests) {
    expect(request.authorization).toBe('Bearer fake-token');
    expect(Object.fromEntries([...request.query].filter(([key]) => key !== 'filter' && key !== 'pageToken'))).toEqual({
      'interval.startTime': iso(T0),
      'interval.endTime': iso(T0 + 1800),
      view: 'FULL',
      pageSize: '100000',
    });
  }
  const directory = path.join(work, 'incident');
  expect(fs.readdirSync(directory).sort()).toEqual([
    'redis-connection-failures-1-denominator.json',
    'redis-connection-failures-1.json',
    'redis-no-clients-1.json',
    'scenario.yaml',
  ]);
  expect(JSON.parse(fs.readFileSync(path.join(directory, 'redis-connection-failures-1.json'), 'utf8'))).toEqual([
    answer(ERRORS, null),
    answer(ERRORS, 'page-2'),
  ]);

  const results = runScenarioFile(path.join(directory, 'scenario.yaml'), {
    resolveEnvironment: () => stackModelFromJson(STACK, 'staging'),
  });
  expect(results).toHaveLength(1);
  expect(results[0].series).toHaveLength(4);
  expect(results[0].unmatchedSeries).toEqual([]);
  // A DELTA point is placed at its end time: the first ends a minute after --from.
  expect(results[0].origin).toBe(T0 + 60);
  expect(results[0].expectations.map((one) => [one.policy, one.passed])).toEqual([
    ['[staging] Redis: connection failures > 1%', true],
    ['[staging] Redis: no clients', true],
  ]);
  // The replayed series are evaluated: the errors from 13:35Z open an incident.
  const ratio = results[0].runs.find((run) => run.policy.displayName === '[staging] Redis: connection failures > 1%')!;
  expect(ratio.status).toBe('evaluated');
  expect(ratio.status === 'evaluated' && ratio.incidents.length).toBe(1);
});

test('--policy chooses policies; a name that is not one is answered with the closest', async () => {
  requests.length = 0;
  const capture = io();
  expect(
    await exportCommand({ ...withToken, baseUrl }).run(
      [...ARGS, '--policy', 'redis_no_clients', '--out', 'clients-only'],
      capture,
    ),
  ).toBe(0);
  expect(requests.map((one) => one.query.get('filter'))).toEqual([
    STACK.resource.google_monitoring_alert_policy.redis_no_clients.conditions[0].condition_threshold.filter,
  ]);
  await expect(
    exportCommand({ ...withToken, baseUrl }).run([...ARGS, '--policy', 'redis_no_client', '--out', 'x'], io()),
  ).rejects.toThrow('--policy: no alert policy "redis_no_client" in ');
});

test('without credentials: says so in words, prints the equivalent requests, exits 1, writes nothing', async () => {
  requests.length = 0;
  const capture = io();
  const code = await exportCommand({
    baseUrl,
    token: async () => ({ missing: 'Could not load the default credentials' }),
  }).run([...ARGS, '--out', 'no-credentials'], capture);
  expect(code).toBe(1);
  expect(capture.err).toContain('vigil export: no Google Cloud credentials (Could not load the default credentials).');
  const commands = capture.out.trim().split('\n');
  expect(commands).toHaveLength(3);
  expect(commands[0]).toBe(
    `curl -sS -H "Authorization: Bearer $(gcloud auth print-access-token)" 'https://monitoring.googleapis.com/v3/projects/netra-staging/timeSeries?filter=${new URLSearchParams({ f: STACK.resource.google_monitoring_alert_policy.redis_connection_failures.conditions[0].condition_threshold.filter }).toString().slice(2)}&interval.startTime=2026-03-14T13%3A30%3A00Z&interval.endTime=2026-03-14T14%3A00%3A00Z&view=FULL&pageSize=100000' -o redis-connection-failures-1.json`,
  );
  expect(requests).toEqual([]);
  expect(fs.existsSync(path.join(work, 'no-credentials'))).toBe(false);
});

test('application default credentials that do not exist are reported as missing, without any network', async () => {
  const saved = { ...process.env };
  try {
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.HOME = work;
    process.env.CLOUDSDK_CONFIG = path.join(work, 'gcloud');
    process.env.METADATA_SERVER_DETECTION = 'none';
    const result = await applicationDefaultToken();
    expect(result).toEqual({ missing: expect.stringContaining('Could not load the default credentials') });
  } finally {
    process.env = saved;
  }
});

test('an API error is reported in words with its status, and nothing is written', async () => {
  failWith = {
    status: 403,
    body: JSON.stringify({
      error: { code: 403, message: 'Permission monitoring.timeSeries.list denied', status: 'PERMISSION_DENIED' },
    }),
  };
  try {
    await expect(exportCommand({ ...withToken, baseUrl }).run([...ARGS, '--out', 'denied'], io())).rejects.toThrow(
      `the Monitoring API answered 403 for filter ${STACK.resource.google_monitoring_alert_policy.redis_connection_failures.conditions[0].condition_threshold.filter}: PERMISSION_DENIED: Permission monitoring.timeSeries.list denied (the credentials were refused: they need monitoring.timeSeries.list on the project)`,
    );
  } finally {
    failWith = undefined;
  }
  expect(fs.existsSync(path.join(work, 'denied'))).toBe(false);
});

test('an unreachable API, an existing file in --out and bad times are errors in words', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await expect(
    exportCommand({ ...withToken, baseUrl: `http://127.0.0.1:${port}` }).run([...ARGS, '--out', 'unreachable'], io()),
  ).rejects.toThrow(`cannot reach the Monitoring API at http://127.0.0.1:${port}: ECONNREFUSED`);
  fs.mkdirSync(path.join(work, 'taken'));
  fs.writeFileSync(path.join(work, 'taken', 'scenario.yaml'), 'mine');
  await expect(exportCommand({ ...withToken, baseUrl }).run([...ARGS, '--out', 'taken'], io())).rejects.toThrow(
    'taken already holds scenario.yaml; export into a new directory (files are never replaced)',
  );
  expect(fs.readFileSync(path.join(work, 'taken', 'scenario.yaml'), 'utf8')).toBe('mine');
  const capture = io();
  expect(
    await main(['export', '--env', 'staging', '--from', 'yesterday', '--to', iso(T0), '--out', 'x'], capture),
  ).toBe(2);
  expect(capture.err).toContain(
    'vigil export: --from takes an RFC 3339 time with a time zone, such as 2026-03-14T13:30:00Z; got "yesterday"',
  );
  const reversed = io();
  expect(
    await main(['export', '--env', 'staging', '--from', iso(T0 + 60), '--to', iso(T0), '--out', 'x'], reversed),
  ).toBe(2);
  expect(reversed.err).toContain(`vigil export: --from (${iso(T0 + 60)}) must be before --to (${iso(T0)})`);
});
