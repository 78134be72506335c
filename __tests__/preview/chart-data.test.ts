// What the preview plots, checked on the Redis AUTH outage replay against what the scenario says
// happened: the error ratio is under 1% before the 14:02:10 deploy and 100% during the outage, the alert
// chart's incident opens within the 12 minutes the scenario expects, and SLO, MQL and legend
// handling say what they do.
import * as path from 'path';
import { evaluateQuery } from '../../src/tools/preview/chart-query';
import { alertChartData } from '../../src/tools/preview/alert-chart';
import { clockTime, listedIncidents } from '../../src/tools/preview/incident-list';
import { type PreviewData, scenarioPreviewData } from '../../src/tools/preview/preview-data';
import { previewLayout } from '../../src/tools/preview/preview-layout';
import { seriesNames } from '../../src/tools/preview/series-name';
import { type StackModel, stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { stagingStackJson } from '../support/staging-stack';

// The replay of the Redis AUTH outage's exports: timestamps of the day, the deploy at 14:02.
const REPLAY = 'alert-tests/staging/replay-redis-auth/redis-auth-outage.yaml';

const ROOT = path.resolve(__dirname, '../..');
const DEPLOY = Date.parse('2026-03-14T14:02:10Z') / 1000;
const FIXED = Date.parse('2026-03-14T15:05:00Z') / 1000;

let stack: StackModel;
let data: PreviewData;
let dashboard: { mosaicLayout: { columns: number; tiles: Array<{ widget: Record<string, any> }> } };

beforeAll(() => {
  const document = stagingStackJson() as {
    resource: { google_monitoring_dashboard: Record<string, { dashboard_json: string }> };
  };
  stack = stackModelFromJson(document, 'staging');
  data = scenarioPreviewData(path.join(ROOT, REPLAY), REPLAY, stack, 'staging');
  dashboard = JSON.parse(document.resource.google_monitoring_dashboard.infrastructure_dashboard.dashboard_json);
});

const widget = (title: string) => dashboard.mosaicLayout.tiles.find((tile) => tile.widget.title === title)!.widget;

describe('chart data of the outage replay', () => {
  test('the Redis error ratio is under 1% before the deploy and 100% during the outage, in the ratio unit', () => {
    const result = evaluateQuery(
      widget('Redis: connection errors per request').xyChart.dataSets[0].timeSeriesQuery,
      data,
      stack,
    );
    if (result.status !== 'plotted') throw new Error(result.reason);
    expect(result.unit).toBe('ratio');
    expect(result.series).toHaveLength(1);
    const at = (epoch: number) =>
      result.series[0].points.filter((point) => Math.abs(data.origin + point.t - epoch) < 1);
    const before = result.series[0].points.filter((point) => data.origin + point.t < DEPLOY - 60);
    const during = result.series[0].points.filter(
      (point) => data.origin + point.t > DEPLOY + 300 && data.origin + point.t < FIXED - 60,
    );
    expect(before.length).toBeGreaterThan(20);
    expect(during.length).toBeGreaterThan(40);
    // Before: the replay's background noise, under the 1% threshold.
    expect(Math.max(...before.map((point) => point.v))).toBeLessThan(0.01);
    expect(new Set(during.map((point) => point.v))).toEqual(new Set([1]));
    expect(at(Date.parse('2026-03-14T14:12:00Z') / 1000)).toHaveLength(1); // one value per minute, on the minute
  });

  test("the alert chart shows its policy's incident, the threshold labelled with its condition, in the condition's unit", () => {
    const chart = alertChartData('${google_monitoring_alert_policy.redis_connection_failures.name}', data, stack);
    if (chart.status !== 'chart') throw new Error(chart.reason);
    expect(chart.spec.unit).toBe('ratio');
    expect(chart.spec.thresholds).toEqual([{ value: 0.01, label: chart.policy.conditions[0].displayName }]);
    expect(chart.spec.incidents).toHaveLength(1);
    const [incident] = chart.spec.incidents;
    expect(incident.start - DEPLOY).toBeGreaterThan(0);
    expect(incident.start - DEPLOY).toBeLessThanOrEqual(12 * 60);
    expect(incident.end).toBeDefined();
    expect(incident.end!).toBeLessThanOrEqual(Date.parse('2026-03-14T15:20:00Z') / 1000);
    // Values stand at the time of the data read: none after the data ends, 10 minutes before the evaluation's end.
    const last = Math.max(...chart.spec.series.flatMap((one) => one.points.map((point) => point.t)));
    expect(last).toBeLessThanOrEqual(data.origin + data.until - 600);
  });

  test('an incident list lists the incidents simulate opened, newest first, for the policies it names', () => {
    const all = listedIncidents({ policyNames: [] }, data, stack);
    expect(all.map((one) => one.policy)).toEqual(expect.arrayContaining(['[staging] Redis: connection failures > 1%']));
    expect(all.map((one) => one.opened)).toEqual([...all.map((one) => one.opened)].sort((a, b) => b - a));
    const named = listedIncidents(
      { policyNames: ['${google_monitoring_alert_policy.redis_connection_failures.name}'] },
      data,
      stack,
    );
    expect(named).toHaveLength(1);
    expect(named[0].opened - DEPLOY).toBeLessThanOrEqual(12 * 60);
    expect(clockTime(named[0].opened, data.origin)).toMatch(/^14:1\d$/);
  });

  test('a policy the stack lacks and an MQL query are said, not drawn', () => {
    expect(alertChartData('${google_monitoring_alert_policy.nope.name}', data, stack)).toEqual({
      status: 'missing',
      reason: 'no alert policy "${google_monitoring_alert_policy.nope.name}" in the stack',
    });
    expect(evaluateQuery({ timeSeriesQueryLanguage: 'fetch redis_instance' }, data, stack)).toEqual({
      status: 'not-simulated',
      reason: 'an MQL query is not simulated',
    });
  });

  test('legends: a template is filled from the labels, otherwise only the labels that differ name a series', () => {
    const a = {
      'resource.type': 'cloud_run_revision',
      'resource.label.service_name': 'backend',
      'resource.label.location': 'us',
    };
    const b = { ...a, 'resource.label.service_name': 'auth' };
    expect(seriesNames([a, b], '${resource.labels.service_name} in ${resource.label.location}', 'x')).toEqual([
      'backend in us',
      'auth in us',
    ]);
    expect(seriesNames([a, b], undefined, 'x')).toEqual(['backend', 'auth']);
    expect(seriesNames([a], undefined, 'requests')).toEqual(['requests']);
  });

  test('the layout: 48 columns of 25 px, a section per header, tiles at their mosaic places', () => {
    const layout = previewLayout(dashboard);
    expect(layout.columnWidth).toBe(25);
    expect(layout.sections.map((section) => section.title)).toEqual(
      dashboard.mosaicLayout.tiles.filter((tile) => tile.widget.sectionHeader).map((tile) => tile.widget.title),
    );
    for (const placed of layout.tiles)
      expect(placed.box).toEqual({
        left: placed.tile.x * 25,
        top: placed.tile.y * 25,
        width: placed.tile.width * 25,
        height: placed.tile.height * 25,
      });
    expect(layout.sections.flatMap((section) => section.tiles)).toHaveLength(layout.tiles.length);
  });
});
