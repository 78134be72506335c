// `vigil review --backtest DIR`: a threshold change evaluated before and after on one seeded day of
// staging history: incidents a week before and after, the incidents that appear or vanish, the
// noise budget as a risk, and a picture per changed policy.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { stackArtifactPath } from '../../src/config/environment';
import { generateHistory } from '../../src/tools/backtest/synthetic-history';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { stagingHistoryModel } from '../../scripts/backtest/staging-history-model';
import { captureIo } from '../support/capture-io';
import { stagingEnvironment, temporaryDirectory } from '../support/environments';
import { legendBoxes, overlaps, plotBox, rectangleBox, svgElements } from '../support/svg-elements';

// Whole backtests over a day of minutes: slower than Jest's 5 s default on a loaded 2-core machine.
jest.setTimeout(30_000);

const FROM = Date.parse('2026-11-01T00:00:00Z') / 1000;
const model = stagingHistoryModel(1);
let root: string;
let json: {
  risks: Array<{ kind: string; address: string; message: string }>;
  backtest: {
    days: number;
    changes: Array<{
      address: string;
      thresholds: string[];
      before: { incidentsPerWeek: number };
      after: { incidentsPerWeek: number; pagesPerWeek: number };
      appeared: string[];
      vanished: string[];
      overBudget: boolean;
      svgFile?: string;
    }>;
  };
};

type Policies = Record<
  string,
  { conditions: Array<{ condition_threshold: { threshold_value: number; duration: string } }> }
>;

beforeAll(async () => {
  root = temporaryDirectory('review-backtest');
  const base = synthesizeStackJson(stagingEnvironment()) as { resource: { google_monitoring_alert_policy: Policies } };
  const head = JSON.parse(JSON.stringify(base)) as typeof base;
  // Louder: CPU over 45% at once (the healthy level wanders from 20% to 50%, over 45% one minute in six).
  // Quieter: disk over 97% (the seeded 95% no longer pages).
  const cpu = head.resource.google_monitoring_alert_policy.cloudsql_cpu_high.conditions[0].condition_threshold;
  cpu.threshold_value = 0.45;
  cpu.duration = '0s';
  head.resource.google_monitoring_alert_policy.cloudsql_disk_high.conditions[0].condition_threshold.threshold_value = 0.97;
  for (const [side, document] of [
    ['base', base],
    ['head', head],
  ] as const) {
    const file = stackArtifactPath(path.join(root, side), 'staging');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(document));
  }
  fs.mkdirSync(path.join(root, 'history'));
  for (const one of generateHistory(model, FROM, 1, 24))
    fs.writeFileSync(path.join(root, 'history', one.file), JSON.stringify(one.pages));
  const io = captureIo(root);
  const code = await main(
    ['review', '--base', 'base', '--head', 'head', '--backtest', 'history', '--format', 'json', '--svg-dir', 'svg'],
    io,
  );
  expect(io.err.join('')).toBe('');
  expect(code).toBe(0);
  json = JSON.parse(io.out.join(''));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('the louder threshold: incidents a week before and after, the ones that appear, over the noise budget', () => {
  const cpu = json.backtest.changes.find(
    (change) => change.address === 'google_monitoring_alert_policy.cloudsql_cpu_high',
  )!;
  expect(cpu.thresholds).toEqual(['threshold 90% → 45%', 'duration 15 min → 0 s']);
  expect(cpu.before.incidentsPerWeek).toBe(7); // the one seeded incident in a day
  expect(cpu.after.incidentsPerWeek).toBeGreaterThan(7);
  expect(cpu.appeared.length).toBeGreaterThan(0);
  for (const time of cpu.appeared) expect(time >= '2026-11-01T00:00:00Z' && time <= '2026-11-02T00:00:00Z').toBe(true);
  expect(cpu.overBudget).toBe(true);
  const risk = json.risks.find((one) => one.kind === 'over-noise-budget')!;
  expect(risk.address).toBe('google_monitoring_alert_policy.cloudsql_cpu_high');
  expect(risk.message).toContain(
    `would page ${cpu.after.pagesPerWeek} times a week on the backtest's history (7 before), over the noise budget of 2 a week per WARNING policy`,
  );
});

test('the quieter threshold: the seeded incident vanishes, and no risk', () => {
  const disk = json.backtest.changes.find(
    (change) => change.address === 'google_monitoring_alert_policy.cloudsql_disk_high',
  )!;
  const seeded = model.incidents.find((incident) => incident.pages.includes('cloudsql_disk_high'))!;
  expect(disk.before.incidentsPerWeek).toBe(7);
  expect(disk.after.incidentsPerWeek).toBe(0);
  expect(disk.vanished).toHaveLength(1);
  const vanished = Date.parse(disk.vanished[0]) / 1000 - FROM;
  expect(vanished).toBeGreaterThan(seeded.start);
  expect(vanished).toBeLessThanOrEqual(seeded.start + seeded.durationSeconds);
  expect(disk.overBudget).toBe(false);
  expect(json.risks.filter((one) => one.kind === 'over-noise-budget')).toHaveLength(1);
  expect(json.backtest.changes).toHaveLength(2);
});

test('a picture per changed policy: the old and the new threshold, incidents shaded', () => {
  const cpu = json.backtest.changes.find((change) => change.address.endsWith('cloudsql_cpu_high'))!;
  const svg = fs.readFileSync(path.join(root, cpu.svgFile!), 'utf8');
  expect(svg).toMatch(/^<svg /);
  // In the catalog unit of cloudsql.googleapis.com/database/cpu/utilization (10^2.%): percent.
  expect(svg).toContain('threshold before 90%</text>');
  expect(svg).toContain('threshold after 45%</text>');
  expect(svg).not.toMatch(/>0\.9</);
  // Incidents shaded inside the plot, each side named in the legend (outside the plot, above it).
  const elements = svgElements(svg);
  const plot = plotBox(elements);
  const shaded = elements.filter((element) => element.tag === 'path' && element.classes.includes('mark-rect'));
  expect(shaded.length).toBeGreaterThan(0);
  for (const box of shaded.map(rectangleBox)) expect(box.top).toBeGreaterThanOrEqual(plot.top - 1);
  expect(svg).toMatch(/incidents before \(\d+\)<\/text>/);
  for (const legend of legendBoxes(elements)) expect(overlaps(legend, plot)).toBe(false);
  // Time ticks on round days (UTC) across the 2-day window: MM-DD or MM-DD 00:00 labels.
  expect(svg).toMatch(/>11-02( 00:00)?<\/text>/);
});

test('the Markdown says it in words; a higher budget turns the risk off', async () => {
  const io = captureIo(root);
  expect(
    await main(
      ['review', '--base', 'base', '--head', 'head', '--backtest', 'history', '--noise-budget', 'WARNING=2000'],
      io,
    ),
  ).toBe(0);
  const markdown = io.out.join('');
  expect(markdown).toContain('### Backtest');
  expect(markdown).toMatch(
    /- \*\*\[staging\] Cloud SQL: CPU > 90% for 15 min\*\*: threshold 90% → 45%, duration 15 min → 0 s: 7 → [\d.]+ incidents a week; \d+ appear \(2026-11-01T/,
  );
  expect(markdown).toMatch(
    /\*\*\[staging\] Cloud SQL: disk > 90% full\*\*: threshold 90% → 97%: 7 → 0 incidents a week; 1 vanish/,
  );
  expect(markdown).not.toContain('over the noise budget');
  const bad = captureIo(root);
  expect(await main(['review', '--base', 'base', '--head', 'head', '--noise-budget', 'LOUD=1'], bad)).toBe(2);
  expect(bad.err.join('')).toContain('--noise-budget takes pages a week, as 2 or CRITICAL=1,WARNING=5');
});
