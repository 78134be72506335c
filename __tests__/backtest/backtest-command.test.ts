// `vigil backtest --from-exports` on one day of the seeded staging history (the benchmark uses
// 28): it reports exactly the seeded incidents, each opened after its trouble began and within the
// policy's windows, in text and JSON; and bad input is named, never a stack trace.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { stackArtifactPath } from '../../src/config/environment';
import { generateHistory } from '../../src/tools/backtest/synthetic-history';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { stagingHistoryModel } from '../../scripts/backtest/staging-history-model';
import { captureIo } from '../support/capture-io';
import { ENVIRONMENTS_DIR, stagingEnvironment, temporaryDirectory } from '../support/environments';

const DAYS = 1;
// Whole backtests over a day of minutes: slower than Jest's 5 s default on a loaded 2-core machine.
jest.setTimeout(30_000);

const FROM = Date.parse('2026-11-01T00:00:00Z') / 1000;
const model = stagingHistoryModel(DAYS);
let root: string;
let exportsDir: string;

interface JsonReport {
  from: string;
  to: string;
  pagesPerWeekBySeverity: Record<string, number>;
  pagesPerWeekByChannel: Record<string, number>;
  dataGaps: unknown[];
  policies: Array<{
    id: string;
    status: string;
    reason?: string;
    severity?: string;
    incidents: Array<{
      opened: string;
      closed?: string;
      durationSeconds: number;
      peak?: { value: number; unit?: string; threshold?: number };
    }>;
    incidentsPerWeek: number;
    secondsInAlert: number;
  }>;
}

async function backtest(...extra: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(root);
  const code = await main(
    ['backtest', '--env', 'staging', '--from-exports', 'history', '--environments', ENVIRONMENTS_DIR, ...extra],
    io,
  );
  return { code, out: io.out.join(''), err: io.err.join('') };
}

beforeAll(() => {
  root = temporaryDirectory('backtest');
  const artifact = stackArtifactPath(path.join(root, 'cdktf.out'), 'staging');
  fs.mkdirSync(path.dirname(artifact), { recursive: true });
  fs.writeFileSync(artifact, JSON.stringify(synthesizeStackJson(stagingEnvironment())));
  exportsDir = path.join(root, 'history');
  fs.mkdirSync(exportsDir);
  for (const one of generateHistory(model, FROM, DAYS, 24))
    fs.writeFileSync(path.join(exportsDir, one.file), JSON.stringify(one.pages));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let json: JsonReport;

test('finds exactly the seeded incidents, each after its trouble began and before it ended plus the windows', async () => {
  const result = await backtest('--format', 'json');
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  json = JSON.parse(result.out) as JsonReport;
  const found = json.policies.flatMap((policy) =>
    policy.incidents.map((incident) => ({ id: policy.id, opened: Date.parse(incident.opened) / 1000 })),
  );
  const expected = model.incidents.flatMap((incident) => incident.pages.map((id) => ({ id, incident })));
  expect(found.map((one) => one.id).sort()).toEqual(expected.map((one) => one.id).sort());
  for (const { id, incident } of expected) {
    const opened = found.find((one) => one.id === id)!.opened - FROM;
    // After the trouble began; at the latest when it ends plus ingest delay and a window (≤ 15 min).
    expect(opened).toBeGreaterThan(incident.start);
    expect(opened).toBeLessThanOrEqual(incident.start + incident.durationSeconds + 15 * 60);
  }
  expect(json.dataGaps).toEqual([]);
  expect(json.from).toBe('2026-11-01T00:00:00Z');
  expect(json.to).toBe('2026-11-02T00:00:00Z');
});

test('a seeded incident carries its duration, peak and the weekly rates', () => {
  const warning = json.policies.find((policy) => policy.id === 'postgres_p99_latency_warning')!;
  expect(warning.severity).toBe('WARNING');
  expect(warning.incidents).toHaveLength(1);
  // 250 ms values fall in the 200-300 ms bucket: p99 interpolates inside it, above 200 ms.
  expect(warning.incidents[0].peak!.value).toBeGreaterThan(200000);
  expect(warning.incidents[0].peak!.value).toBeLessThanOrEqual(300000);
  // Query Insights latencies are in microseconds: the peak says so, and the text shows ms.
  expect(warning.incidents[0].peak).toMatchObject({ unit: 'us', threshold: 200000 });
  expect(warning.incidents[0].durationSeconds).toBeGreaterThan(0);
  expect(warning.secondsInAlert).toBe(warning.incidents[0].durationSeconds);
  // One incident in one day is 7 a week.
  expect(warning.incidentsPerWeek).toBe(7);
  expect(json.policies.find((policy) => policy.id === 'postgres_p99_latency_critical')!.incidents).toEqual([]);
  // Pages a week per severity: the seeded pages of CRITICAL policies, 7 a week each.
  const critical = model.incidents.filter((incident) =>
    incident.pages.some((id) => json.policies.find((policy) => policy.id === id)!.severity === 'CRITICAL'),
  ).length;
  expect(json.pagesPerWeekBySeverity.CRITICAL).toBe(critical * 7);
  // Pages a week per channel: each seeded page reaches every channel of its policy.
  const channelNames = Object.keys(json.pagesPerWeekByChannel);
  expect(channelNames.length).toBeGreaterThan(0);
  for (const name of channelNames) expect(name).not.toMatch(/^\$\{/);
  const artifact = JSON.parse(fs.readFileSync(stackArtifactPath(path.join(root, 'cdktf.out'), 'staging'), 'utf8'));
  const channelsOf = (id: string) =>
    (artifact.resource.google_monitoring_alert_policy[id].notification_channels as string[]).map((reference) => {
      const channelId = /google_monitoring_notification_channel\.([^.}]+)/.exec(reference)![1];
      return artifact.resource.google_monitoring_notification_channel[channelId].display_name as string;
    });
  const expectedByChannel: Record<string, number> = {};
  for (const incident of model.incidents)
    for (const id of incident.pages)
      for (const channel of channelsOf(id)) expectedByChannel[channel] = (expectedByChannel[channel] ?? 0) + 7;
  for (const name of channelNames) expect(json.pagesPerWeekByChannel[name]).toBe(expectedByChannel[name] ?? 0);
  expect(Object.values(expectedByChannel).length).toBeGreaterThan(0);
  // The uptime policies select series by a check id known after apply: said, not silently quiet.
  const uptime = json.policies.find((policy) => policy.id === 'uptime_backend_health_failing')!;
  expect(uptime.status).toBe('no-input');
  expect(uptime.reason).toContain(
    'refers to ${google_monitoring_uptime_check_config.uptime_backend_health.uptime_check_id}',
  );
});

test('the text report lists each incident with its times', async () => {
  const result = await backtest();
  expect(result.code).toBe(0);
  expect(result.out).toMatch(
    /^Backtest of \d+ alert policies over 1 day \(2026-11-01T00:00:00Z to 2026-11-02T00:00:00Z\)/,
  );
  expect(result.out).toContain('[staging] Cloud SQL: CPU > 90% for 15 min [WARNING]: 1 incidents, 7 a week');
  expect(result.out).toMatch(/\nPages a week by channel: .+ \d+/);
  expect(result.out).toMatch(/ {2}- opened 2026-11-01T0\d:\d\d:00Z, closed 2026-11-01T\d\d:\d\d:00Z, \d+m/);
  // Peaks in the metric's unit: CPU utilization (10^2.%) in percent, Query Insights (us) in ms.
  expect(result.out).toMatch(/, peak \d+(\.\d+)?% \(threshold 90%\)/);
  expect(result.out).toMatch(/, peak 2\d\d(\.\d+)? ms \(threshold 200 ms\)/);
});

test('--from/--to narrow the window: a window before the first seeded trouble finds nothing', async () => {
  const result = await backtest('--format', 'json', '--from', '2026-11-01T00:00:00Z', '--to', '2026-11-01T01:00:00Z');
  expect(result.code).toBe(0);
  const report = JSON.parse(result.out) as JsonReport;
  expect(report.policies.flatMap((policy) => policy.incidents)).toEqual([]);
});

test('bad input: a directory without exports, a broken export, a bad format; no stack trace', async () => {
  fs.mkdirSync(path.join(root, 'empty'));
  let io = captureIo(root);
  expect(
    await main(['backtest', '--env', 'staging', '--from-exports', 'empty', '--environments', ENVIRONMENTS_DIR], io),
  ).toBe(1);
  expect(io.err.join('')).toContain('empty: no export files (*.json) here');
  const broken = path.join(root, 'broken');
  fs.mkdirSync(broken);
  fs.writeFileSync(path.join(broken, 'one.json'), JSON.stringify({ timeSeries: [{ metric: { type: 'x' } }] }));
  io = captureIo(root);
  expect(
    await main(['backtest', '--env', 'staging', '--from-exports', 'broken', '--environments', ENVIRONMENTS_DIR], io),
  ).toBe(1);
  expect(io.err.join('')).toMatch(/broken\/one\.json.*timeSeries\[0\]\.resource/);
  const usage = await backtest('--format', 'yaml');
  expect(usage.code).toBe(2);
  expect(usage.err).toContain('--format must be text, markdown or json, found "yaml"');
  expect(`${io.err.join('')}${usage.err}`).not.toMatch(/\n\s+at /);
});
