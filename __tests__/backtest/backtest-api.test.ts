// `vigil backtest` through a loopback fake of the Monitoring API (a real HTTP server on 127.0.0.1
// serving two days of the seeded staging history): one page per series, 429 and 503 bursts, a
// series with a missing day and one that starts mid-window. It finds the seeded incidents, retries
// with growing delays, resumes after a failed run, and a second run sends no timeSeries request.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { backtestCommand, type BacktestDependencies } from '../../src/cli/commands/backtest';
import { reviewCommand } from '../../src/cli/commands/review';
import { stackArtifactPath } from '../../src/config/environment';
import { matchesFilter, parseFilter } from '../../src/gcp/filter';
import type { SeriesIdentity } from '../../src/gcp/filter';
import { generateHistory } from '../../src/tools/backtest/synthetic-history';
import { parseTimestamp } from '../../src/tools/simulate/time-points';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { stagingHistoryModel } from '../../scripts/backtest/staging-history-model';
import { captureIo } from '../support/capture-io';
import { ENVIRONMENTS_DIR, stagingEnvironment, temporaryDirectory } from '../support/environments';

const DAYS = 2;
const DAY = 86400;
const FROM = Date.parse('2026-11-01T00:00:00Z') / 1000;
const model = stagingHistoryModel(DAYS);
// No points on the second day for this series, and none before noon of the first for that one.
const MISSING_DAY = 'cloudsql-backends';
const STARTS_LATE = 'redis-rejected-connections';

interface FakeSeries {
  readonly identity: SeriesIdentity;
  readonly body: Record<string, unknown>;
  readonly points: ReadonlyArray<{ interval: { endTime: string } }>;
}

const served: FakeSeries[] = generateHistory(model, FROM, DAYS, 24).map((one) => {
  const body = one.pages[0].timeSeries[0] as {
    metric: { type: string; labels: Record<string, string> };
    resource: { type: string; labels: Record<string, string> };
    points: Array<{ interval: { endTime: string } }>;
  };
  const name = one.file.replace(/\.json$/, '');
  const points = body.points.filter((point) => {
    const end = parseTimestamp(point.interval.endTime)!;
    if (name === MISSING_DAY) return end <= FROM + DAY;
    if (name === STARTS_LATE) return end > FROM + DAY / 2;
    return true;
  });
  return {
    identity: {
      metricType: body.metric.type,
      resourceType: body.resource.type,
      metricLabels: body.metric.labels,
      resourceLabels: body.resource.labels,
    },
    body,
    points,
  };
});

let server: http.Server;
let baseUrl: string;
let root: string;
/** Every timeSeries request, in order, with what it was answered. */
const requests: Array<{ filter: string; start: string; pageToken: string | null; status: number }> = [];
/** Answers to force by request ordinal (1-based, counting every timeSeries request). */
let forced = new Map<number, number>();
let failFrom: number | undefined;
/** projects.alerts: served (two pages, newest first), or refused with this status. */
let alertsRefusal: number | undefined;
const alertRequests: URLSearchParams[] = [];
const CPU_POLICY = '[staging] Cloud SQL: CPU > 90% for 15 min';
const cpuTrouble = model.incidents.find((incident) => incident.pages.includes('cloudsql_cpu_high'))!;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const ALERT_PAGES: Record<string, unknown> = {
  first: {
    alerts: [
      // Missed: the critical latency policy paged for real; the history holds nothing that crosses 500 ms.
      {
        name: 'projects/netra-staging/alerts/2',
        state: 'CLOSED',
        openTime: iso(FROM + 30 * 3600),
        closeTime: iso(FROM + 31 * 3600),
        policy: { displayName: '[staging] PostgreSQL: p99 query latency > 500 ms', severity: 'CRITICAL' },
      },
      // Matched: the CPU alert opened 10 minutes into the seeded trouble.
      {
        name: 'projects/netra-staging/alerts/1',
        state: 'CLOSED',
        openTime: iso(FROM + cpuTrouble.start + 600),
        closeTime: iso(FROM + cpuTrouble.start + 3600),
        policy: { displayName: CPU_POLICY, severity: 'WARNING' },
      },
      // Another environment's policy: not this stack's, ignored.
      { name: 'projects/netra-staging/alerts/0', openTime: iso(FROM + 3600), policy: { displayName: '[prod] X' } },
    ],
    nextPageToken: 'second',
  },
  // Older than the window: reading stops here, the third page is never asked for.
  second: {
    alerts: [{ openTime: iso(FROM - DAY), policy: { displayName: CPU_POLICY } }],
    nextPageToken: 'third',
  },
};

function answer(url: URL): { status: number; body: unknown } {
  const ordinal = requests.length + 1;
  if (failFrom !== undefined && ordinal >= failFrom)
    return { status: 403, body: { error: { status: 'PERMISSION_DENIED', message: 'no more' } } };
  const status = forced.get(ordinal);
  if (status !== undefined) return { status, body: { error: { status: 'UNAVAILABLE', message: 'try again' } } };
  const filter = parseFilter(url.searchParams.get('filter')!);
  const start = parseTimestamp(url.searchParams.get('interval.startTime')!)!;
  const end = parseTimestamp(url.searchParams.get('interval.endTime')!)!;
  const matching = served
    .filter((one) => matchesFilter(filter, one.identity))
    .map((one) => ({
      ...one.body,
      points: one.points.filter((point) => {
        const time = parseTimestamp(point.interval.endTime)!;
        return time > start && time <= end;
      }),
    }))
    .filter((one) => one.points.length > 0);
  // At most 500 points a page (a day's series spans three pages): the client must follow nextPageToken.
  const pages = matching.flatMap((one) => {
    const parts = [];
    for (let at = 0; at < one.points.length; at += 500) parts.push({ ...one, points: one.points.slice(at, at + 500) });
    return parts;
  });
  const index = Number(url.searchParams.get('pageToken') ?? 0);
  if (pages.length === 0) return { status: 200, body: {} };
  return {
    status: 200,
    body: {
      timeSeries: [pages[index]],
      ...(index + 1 < pages.length ? { nextPageToken: String(index + 1) } : {}),
    },
  };
}

beforeAll(async () => {
  root = temporaryDirectory('backtest-api');
  const artifact = stackArtifactPath(path.join(root, 'cdktf.out'), 'staging');
  fs.mkdirSync(path.dirname(artifact), { recursive: true });
  fs.writeFileSync(artifact, JSON.stringify(synthesizeStackJson(stagingEnvironment())));
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/v3/projects/netra-staging/alerts') {
      alertRequests.push(url.searchParams);
      const page = ALERT_PAGES[url.searchParams.get('pageToken') ?? 'first'];
      if (alertsRefusal !== undefined || !page) {
        const body = { error: { status: 'PERMISSION_DENIED', message: 'Monitoring API alerts are not enabled' } };
        response.writeHead(alertsRefusal ?? 500, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
      return;
    }
    if (url.pathname !== '/v3/projects/netra-staging/timeSeries' || request.headers.authorization !== 'Bearer fake') {
      response.writeHead(404).end();
      return;
    }
    const { status, body } = answer(url);
    requests.push({
      filter: url.searchParams.get('filter')!,
      start: url.searchParams.get('interval.startTime')!,
      pageToken: url.searchParams.get('pageToken'),
      status,
    });
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  // fetch reuses idle connections; on a loaded machine a stall past Node's 5 s keep-alive lets the
  // server close one as the client sends on it, and the retry that follows changes what is counted.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  // fetch keeps connections alive: closed here, or the worker would wait on them.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

const delays: number[] = [];
const dependencies: Omit<BacktestDependencies, 'baseUrl'> = {
  token: async () => ({ token: 'fake' }),
  retry: {
    attempts: 5,
    baseDelayMs: 1000,
    maxDelayMs: 32_000,
    random: () => 0.5,
    sleep: async (milliseconds) => {
      delays.push(milliseconds);
    },
  },
  now: () => FROM + 3 * DAY,
};

async function backtest(cache: string, ...extra: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(root);
  const command = backtestCommand({ ...dependencies, baseUrl });
  let code: number;
  try {
    code = await command.run(
      [
        '--env',
        'staging',
        '--environments',
        ENVIRONMENTS_DIR,
        '--from',
        '2026-11-01T00:00:00Z',
        '--to',
        '2026-11-03T00:00:00Z',
        '--cache',
        cache,
        '--format',
        'json',
        ...extra,
      ],
      io,
    );
  } catch (error) {
    return { code: -1, out: '', err: (error as Error).message };
  }
  return { code, out: io.out.join(''), err: io.err.join('') };
}

function incidentsOf(out: string): string[] {
  const report = JSON.parse(out) as { policies: Array<{ id: string; incidents: Array<{ opened: string }> }> };
  return report.policies.flatMap((policy) => policy.incidents.map((incident) => `${policy.id} ${incident.opened}`));
}

let firstReport: string[];
let firstOut: string;

// Each test runs whole backtests (two days of minutes, every policy): on a loaded 2-core machine
// that takes longer than Jest's 5 s default. Speed is measured by `npm run bench:backtest`, not here.
jest.setTimeout(30_000);

test('reads every page, retries 429 and 503 bursts with growing delays, and finds the seeded incidents', async () => {
  // The 2nd and 3rd requests are refused with 429, the 8th to 10th fail with 503.
  forced = new Map([
    [2, 429],
    [3, 429],
    [8, 503],
    [9, 503],
    [10, 503],
  ]);
  const result = await backtest('cache');
  expect(result.code).toBe(0);
  expect(requests.filter((one) => one.status === 429)).toHaveLength(2);
  expect(requests.filter((one) => one.status === 503)).toHaveLength(3);
  // Each burst waits 1 s, then 2 s (then 4 s): half the ceiling plus half of it times 0.5.
  expect(delays).toEqual([750, 1500, 750, 1500, 3000]);
  expect(requests.some((one) => one.pageToken !== null)).toBe(true);
  // Filters × two day chunks, each chunk answered once with status 200 on its first page.
  const chunks = requests.filter((one) => one.status === 200 && one.pageToken === null).length;
  expect(result.err).toContain(`over ${chunks} day chunks: ${chunks} from the Monitoring API, 0 from the cache`);
  expect(result.err).toContain('note: not read: [staging] Uptime: backend health endpoint failing');
  firstReport = incidentsOf(result.out);
  firstOut = result.out;
  // The missing day and the late start are reported as gaps, and only they.
  const gaps = (JSON.parse(result.out) as { dataGaps: Array<{ series: string; from: string; to: string }> }).dataGaps;
  expect(gaps.map((gap) => [gap.series.split(' ')[0], gap.from, gap.to])).toEqual([
    ['cloudsql.googleapis.com/database/postgresql/num_backends', iso(FROM + DAY), iso(FROM + 2 * DAY)],
    ['redis.googleapis.com/stats/reject_connections_count', iso(FROM), iso(FROM + DAY / 2 + 60)],
  ]);
  const seeded = model.incidents.flatMap((incident) => incident.pages).sort();
  expect(firstReport.map((line) => line.split(' ')[0]).sort()).toEqual(seeded);
});

test('the real alert history is matched: one matched with its time difference, one missed, the rest extra', () => {
  const history = (
    JSON.parse(firstOut) as {
      alertHistory: {
        matched: Array<{ policy: string; predicted: string; real: string; differenceSeconds: number }>;
        missed: Array<{ policy: string; opened: string }>;
        extra: Array<{ policy: string }>;
      };
    }
  ).alertHistory;
  const cpu = firstReport.find((line) => line.startsWith('cloudsql_cpu_high '))!.split(' ')[1];
  expect(history.matched).toEqual([
    {
      policy: CPU_POLICY,
      predicted: cpu,
      real: iso(FROM + cpuTrouble.start + 600),
      differenceSeconds: Date.parse(cpu) / 1000 - (FROM + cpuTrouble.start + 600),
    },
  ]);
  expect(history.missed).toEqual([
    { policy: '[staging] PostgreSQL: p99 query latency > 500 ms', opened: iso(FROM + 30 * 3600) },
  ]);
  expect(history.extra).toHaveLength(firstReport.length - 1);
  expect(history.extra.map((one) => one.policy)).not.toContain(CPU_POLICY);
  // Two pages read, newest first; the third, older than the window, never asked for.
  expect(alertRequests.map((query) => query.get('pageToken'))).toEqual([null, 'second']);
  expect(alertRequests.every((query) => query.get('orderBy') === 'openTime desc')).toBe(true);
});

test('a second run, and a run for another revision of the stack, send no timeSeries request', async () => {
  const before = requests.length;
  // The alert history refused: said in one line, and the backtest goes on.
  alertsRefusal = 403;
  const result = await backtest('cache');
  alertsRefusal = undefined;
  expect(result.code).toBe(0);
  expect(result.err).toContain(
    'note: alert history not compared: projects.alerts.list answered 403: PERMISSION_DENIED: Monitoring API alerts are not enabled\n',
  );
  expect(JSON.parse(result.out).alertHistory).toBeUndefined();
  expect(requests.length).toBe(before);
  expect(result.err).toMatch(/: 0 from the Monitoring API, \d+ from the cache/);
  expect(incidentsOf(result.out)).toEqual(firstReport);
  // Another revision: the CPU threshold moved from 90% to 99%; same filters, so the same chunks.
  const artifact = stackArtifactPath(path.join(root, 'cdktf.out'), 'staging');
  const document = JSON.parse(fs.readFileSync(artifact, 'utf8'));
  const cpu = document.resource.google_monitoring_alert_policy.cloudsql_cpu_high;
  cpu.conditions[0].condition_threshold.threshold_value = 0.99;
  const other = stackArtifactPath(path.join(root, 'revision-2'), 'staging');
  fs.mkdirSync(path.dirname(other), { recursive: true });
  fs.writeFileSync(other, JSON.stringify(document));
  const revised = await backtest('cache', '--artifacts', 'revision-2');
  expect(revised.code).toBe(0);
  expect(requests.length).toBe(before);
  // The seeded 97% no longer crosses 99%: that incident is gone, the others stay.
  expect(incidentsOf(revised.out)).toEqual(firstReport.filter((line) => !line.startsWith('cloudsql_cpu_high ')));
});

test('a run that fails keeps the chunks it finished; the next one resumes and asks only for the rest', async () => {
  forced = new Map();
  const start = requests.length;
  failFrom = start + 10;
  const failed = await backtest('resume-cache');
  expect(failed.code).toBe(-1);
  expect(failed.err).toContain('the Monitoring API answered 403');
  const kept = fs.readdirSync(path.join(root, 'resume-cache')).filter((file) => /^[0-9a-f]{32}\.json$/.test(file));
  expect(kept.length).toBeGreaterThan(0);
  const finished = new Set(
    requests
      .slice(start)
      .filter((one) => one.status === 200)
      .map((one) => `${one.filter} ${one.start}`),
  );
  failFrom = undefined;
  const resumed = requests.length;
  const result = await backtest('resume-cache');
  expect(result.code).toBe(0);
  const total = Number(/over (\d+) day chunks/.exec(result.err)![1]);
  expect(result.err).toContain(`${total - kept.length} from the Monitoring API, ${kept.length} from the cache`);
  // Only the chunk that was cut off is asked again among those the failed run had started.
  const askedAgain = requests.slice(resumed).filter((one) => finished.has(`${one.filter} ${one.start}`));
  expect(new Set(askedAgain.map((one) => `${one.filter} ${one.start}`)).size).toBeLessThanOrEqual(1);
  expect(incidentsOf(result.out)).toEqual(firstReport);
});

test("vigil review --backtest-days reads the changed policy's series through the API cache: no new request", async () => {
  const artifact = stackArtifactPath(path.join(root, 'cdktf.out'), 'staging');
  const document = JSON.parse(fs.readFileSync(artifact, 'utf8'));
  const headDocument = JSON.parse(JSON.stringify(document));
  headDocument.resource.google_monitoring_alert_policy.cloudsql_cpu_high.conditions[0].condition_threshold.threshold_value = 0.99;
  for (const [side, body] of [
    ['review-base', document],
    ['review-head', headDocument],
  ] as const) {
    const file = stackArtifactPath(path.join(root, side), 'staging');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(body));
  }
  const before = requests.length;
  const io = captureIo(root);
  const review = reviewCommand({ ...dependencies, baseUrl, now: () => FROM + 2 * DAY });
  const args = ['--base', 'review-base', '--head', 'review-head', '--backtest-days', '2', '--cache', 'cache'];
  const code = await review.run([...args, '--format', 'json'], io);
  expect(io.err.join('')).toBe('read 1 filters over 2 day chunks: 0 from the Monitoring API, 2 from the cache\n');
  expect(code).toBe(0);
  expect(requests.length).toBe(before);
  const result = JSON.parse(io.out.join('')) as {
    backtest: {
      days: number;
      changes: Array<{ address: string; vanished: string[]; after: { incidentsPerWeek: number } }>;
    };
  };
  expect(result.backtest.days).toBe(2);
  const [cpu] = result.backtest.changes;
  expect(cpu.address).toBe('google_monitoring_alert_policy.cloudsql_cpu_high');
  expect(cpu.after.incidentsPerWeek).toBe(0);
  expect(cpu.vanished).toEqual([firstReport.find((line) => line.startsWith('cloudsql_cpu_high '))!.split(' ')[1]]);
  const both = captureIo(root);
  await expect(review.run([...args, '--backtest', 'history'], both)).rejects.toThrow(
    'give either --backtest DIR or --backtest-days N, not both',
  );
});
