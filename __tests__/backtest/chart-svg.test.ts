// The backtest picture: values in the metric's unit, a month of minutes drawn as the extremes of
// each pixel column (spikes kept, the file small), ticks on round days, a title cut at a word.
import { formatValue, renderTimeSeriesChartSvg } from '../../src/tools/backtest/chart-svg';

test('values read in the unit a person uses', () => {
  expect(formatValue(0.01, 'ratio')).toBe('1%');
  // The catalog's '1' is dimensionless, counts included: a plain number, never a percentage.
  expect(formatValue(95, '1')).toBe('95');
  expect(formatValue(0.9, '10^2.%')).toBe('90%');
  expect(formatValue(500_000, 'us')).toBe('500 ms');
  expect(formatValue(250, 'ms')).toBe('250 ms');
  expect(formatValue(42, '{count}')).toBe('42');
});

test('28 days of minutes: every spike stays, the path has at most two points a pixel column', () => {
  const start = Date.UTC(2026, 10, 1) / 1000;
  const points = Array.from({ length: 28 * 1440 }, (_, minute) => ({
    t: start + minute * 60,
    v: minute === 20_000 ? 0.97 : 0.3,
  }));
  const svg = renderTimeSeriesChartSvg({
    title: `[staging] Cloud SQL: CPU > 90% for 15 min ${'and a long explanation '.repeat(8)}`,
    unit: '10^2.%',
    series: [{ name: 'staging-postgres-db', points }],
    thresholds: [{ value: 0.9, label: 'threshold before' }],
    incidents: [{ start: start + 20_000 * 60, end: start + 20_015 * 60, label: 'before' }],
  });
  const path = /<path d="([^"]+)"/.exec(svg)![1];
  const vertices = path.split(/[ML]/).filter(Boolean).length;
  expect(vertices).toBeLessThanOrEqual(2 * (900 - 72 - 24 + 1));
  const ys = path
    .split(/[ML]/)
    .filter(Boolean)
    .map((vertex) => Number(vertex.split(',')[1]));
  expect(Math.min(...ys)).toBeLessThan(Math.max(...ys) - 100); // the 97% spike is drawn
  expect(svg.length).toBeLessThan(60_000);
  expect(svg).toContain('>100%</text>');
  expect(svg).toContain('threshold before 90%</text>');
  // Weekly ticks on whole days (multiples of 7 days since the epoch: Thursdays).
  expect(svg).toMatch(/>11-(05|12|19|26)<\/text>/);
  const original = `[staging] Cloud SQL: CPU > 90% for 15 min ${'and a long explanation '.repeat(8)}`;
  const title = /font-weight="bold">([^<]+)</.exec(svg)![1].replace(/&gt;/g, '>');
  expect(title.endsWith(' …')).toBe(true);
  const kept = title.slice(0, -2);
  expect(original.startsWith(kept)).toBe(true);
  expect(original[kept.length]).toBe(' '); // cut between words, never inside one
});
