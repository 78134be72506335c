// The dashboard's SLO section: one row per SLO with its SLI against the goal, the error budget left
// and the burn rate over the alert windows. Charts read the SLO selectors by the same SLO name the
// burn-rate policies use (the dashboard depends on the SLOs, as the policies do). Facts: docs/slo.md.
import { BURN_RATE_ALERTS } from '../../config/slo-limits';
import { budgetWords } from '../../gcp/slo-budget';
import { sloBudgetFractionFilter, sloBurnRateFilter, sloHealthFilter } from '../../gcp/slo-selectors';
import type { SloInfo } from '../slo/service-level-objectives';
import type { SectionTiles } from './mosaic-layout';
import { lineChart, sectionHeader, type Widget } from './widgets';

/** Three charts per SLO, one row of the 48-column grid. */
export const SLO_CHARTS_PER_ROW = 3;

// The page and the 6x ticket are the burns worth watching live: the fast burn's short and long
// windows (5 min, 1 h) and the slow burn's long window (6 h); the 72 h steady burn is a ticket over days.
const CHARTED_ALERTS = BURN_RATE_ALERTS.filter((alert) => alert.burnRate > 1);
const BURN_LOOKBACKS = [
  ...new Set([
    Math.min(...CHARTED_ALERTS.map((alert) => alert.shortWindowSeconds)),
    ...CHARTED_ALERTS.map((alert) => alert.longWindowSeconds),
  ]),
].sort((a, b) => a - b);

export function sloSection(slos: readonly SloInfo[]): SectionTiles | undefined {
  if (slos.length === 0) return undefined;
  return {
    header: sectionHeader(
      'Service level objectives',
      'Per SLO: the SLI against its goal, the error budget left, the burn rate over the alert windows',
    ),
    tiles: slos.flatMap(sloCharts),
    tileWidth: 16,
    tileHeight: 12,
  };
}

export function sloCharts(slo: SloInfo): Widget[] {
  const goal = slo.goalPercent / 100;
  return [
    lineChart(`${slo.title}: SLI against the ${slo.goalPercent}% goal`, [{ filter: sloHealthFilter(slo.name) }], {
      yLabel: 'good ÷ total',
      threshold: { value: goal, label: `goal ${slo.goalPercent}%` },
    }),
    lineChart(
      `${slo.title}: error budget left (${slo.windowDays} days)`,
      [{ filter: sloBudgetFractionFilter(slo.name) }],
      { yLabel: 'budget left (1 = untouched, 0 = spent)', threshold: { value: 0, label: 'budget spent' } },
    ),
    lineChart(
      `${slo.title}: burn rate`,
      BURN_LOOKBACKS.map((seconds) => ({
        filter: sloBurnRateFilter(slo.name, seconds),
        legend: `over ${budgetWords(seconds)}`,
      })),
      {
        yLabel: 'burn rate (1 = budget lasts the window)',
        thresholds: CHARTED_ALERTS.map((alert) => ({
          value: alert.burnRate,
          label: `${alert.burnRate}x: ${alert.severity === 'critical' ? 'page' : 'ticket'}`,
        })),
      },
    ),
  ];
}
