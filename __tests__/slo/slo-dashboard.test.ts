import { resourcesOf } from '../support/environments';
import { stagingStackJson } from '../support/staging-stack';

const document = stagingStackJson();
const dashboardResource = resourcesOf(document, 'google_monitoring_dashboard').infrastructure_dashboard;
const dashboard = JSON.parse(dashboardResource.dashboard_json as string);
type Tile = { xPos: number; yPos: number; width: number; height: number; widget: Record<string, any> };
const tiles: Tile[] = dashboard.mosaicLayout.tiles;
const SLO = 'projects/netra-staging/services/vigil-staging-chat-backend/serviceLevelObjectives';

function sectionTiles(title: string): Tile[] {
  const start = tiles.findIndex((tile) => tile.widget.sectionHeader && tile.widget.title === title);
  const end = tiles.findIndex((tile, index) => index > start && tile.widget.sectionHeader);
  return tiles.slice(start + 1, end === -1 ? undefined : end);
}

const filtersOf = (tile: Tile): string[] =>
  tile.widget.xyChart.dataSets.map((set: any) => set.timeSeriesQuery.timeSeriesFilter.filter);
const thresholdsOf = (tile: Tile) => tile.widget.xyChart.thresholds.map((line: any) => [line.value, line.label]);

describe('the dashboard SLO section', () => {
  const section = sectionTiles('Service level objectives');
  const rows = [...new Set(section.map((tile) => tile.yPos))].map((y) => section.filter((tile) => tile.yPos === y));

  test('has one row of three charts per SLO, in the order of the SLOs', () => {
    expect(rows.map((row) => row.map((tile) => [tile.xPos, tile.width]))).toEqual(
      Array.from({ length: 5 }, () => [
        [0, 16],
        [16, 16],
        [32, 16],
      ]),
    );
    expect(rows.map((row) => row[0].widget.title)).toEqual([
      'Golden path success: SLI against the 95% goal',
      'Chat API availability: SLI against the 99.5% goal',
      'Chat latency: SLI against the 99% goal',
      'Agent execution success: SLI against the 99% goal',
      'Agent execution latency: SLI against the 99% goal',
    ]);
  });

  test('charts the SLI against the goal, the budget left and the burn rate over 5 min, 1 h and 6 h', () => {
    const [health, budget, burn] = rows[1]; // rows[0] is the golden path's SLO
    expect(filtersOf(health)).toEqual([`select_slo_health("${SLO}/chat-availability")`]);
    expect(thresholdsOf(health)).toEqual([[0.995, 'goal 99.5%']]);
    expect(filtersOf(budget)).toEqual([`select_slo_budget_fraction("${SLO}/chat-availability")`]);
    expect(thresholdsOf(budget)).toEqual([[0, 'budget spent']]);
    expect(filtersOf(burn)).toEqual(
      ['300s', '3600s', '21600s'].map((lookback) => `select_slo_burn_rate("${SLO}/chat-availability", "${lookback}")`),
    );
    expect(burn.widget.xyChart.dataSets.map((set: any) => set.legendTemplate)).toEqual([
      'over 5 min',
      'over 1 h',
      'over 6 h',
    ]);
    expect(thresholdsOf(burn)).toEqual([
      [14.4, '14.4x: page'],
      [6, '6x: ticket'],
    ]);
  });

  test('names each SLO exactly as its burn-rate policies do, and sends selectors without aggregation', () => {
    const policies = resourcesOf(document, 'google_monitoring_alert_policy');
    const keys = ['golden_path_success', 'chat_availability', 'chat_latency', 'agent_success', 'agent_latency'];
    for (const [index, key] of keys.entries()) {
      const policyFilter = (policies[`slo_${key}_fast_burn`].conditions as any[])[0].condition_threshold.filter;
      expect(filtersOf(rows[index][2])).toContain(policyFilter);
      for (const tile of rows[index]) {
        for (const set of tile.widget.xyChart.dataSets)
          expect(set.timeSeriesQuery.timeSeriesFilter.aggregation).toBeUndefined();
      }
    }
  });

  test('the dashboard depends on every SLO, as the policies do: the selectors name them by text', () => {
    expect(dashboardResource.depends_on).toEqual([
      'google_monitoring_slo.slo_golden_path_success',
      'google_monitoring_slo.slo_chat_availability',
      'google_monitoring_slo.slo_chat_latency',
      'google_monitoring_slo.slo_agent_success',
      'google_monitoring_slo.slo_agent_latency',
    ]);
  });
});
