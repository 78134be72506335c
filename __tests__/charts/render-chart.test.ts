// The chart every picture draws (charts/render-chart.ts, Vega-Lite on Vega's headless view), read
// back from its SVG: values in the metric's unit, round ticks, the legend outside the plot, series
// that stay visible over each other, labelled thresholds, shaded incidents, each plot type.
import * as fs from 'fs';
import * as path from 'path';
import { FONT_DIRECTORY, fontWidths } from '../../scripts/charts/font-widths-reader';
import { formatValue, type TimeSeriesChartSpec } from '../../src/tools/charts/chart-spec';
import { DEJAVU_SANS, DEJAVU_SANS_BOLD } from '../../src/tools/charts/font-widths';
import { renderChartSvg } from '../../src/tools/charts/render-chart';
import { svgToPng } from '../../src/tools/charts/svg-to-png';
import { textWidth } from '../../src/tools/charts/text-width';
import {
  legendBoxes,
  markTexts,
  overlaps,
  plotBox,
  rectangleBox,
  type SvgElement,
  svgElements,
  textsIn,
} from '../support/svg-elements';

const T0 = Date.UTC(2026, 2, 14, 13, 17) / 1000;
const minutes = (count: number, value: (minute: number) => number) =>
  Array.from({ length: count }, (_, minute) => ({ t: T0 + minute * 60, v: value(minute) }));

/** The Redis outage: 30 quiet minutes, then every connection fails; the policy pages above 1%. */
const REDIS: TimeSeriesChartSpec = {
  title: '[staging] Redis: connection failures > 1%',
  unit: 'ratio',
  series: [
    { name: 'netra-backend-staging', points: minutes(180, (minute) => (minute < 30 ? 0.004 : 0.03)) },
    { name: 'netra-backend-staging (copy)', points: minutes(180, (minute) => (minute < 30 ? 0.004 : 0.03)) },
  ],
  thresholds: [{ value: 0.01, label: '[staging] Redis: connection failures > 1%: threshold' }],
  incidents: [{ start: T0 + 41 * 60, end: T0 + 150 * 60 }],
};

let redisSvg: string;
let redis: SvgElement[];
beforeAll(async () => {
  redisSvg = await renderChartSvg(REDIS);
  redis = svgElements(redisSvg);
});

const linePaths = (elements: readonly SvgElement[]) =>
  elements.filter((element) => element.tag === 'path' && element.classes.includes('mark-line'));

test('values read in the unit a person uses', () => {
  expect(formatValue(0.01, 'ratio')).toBe('1%');
  // The catalog's '1' is dimensionless, counts included: a plain number, never a percentage.
  expect(formatValue(95, '1')).toBe('95');
  expect(formatValue(0.9, '10^2.%')).toBe('90%');
  expect(formatValue(500_000, 'us')).toBe('500 ms');
  expect(formatValue(250, 'ms')).toBe('250 ms');
  expect(formatValue(42, '{count}')).toBe('42');
});

test('a ratio reads in percent: round ticks, the threshold labelled with its policy as 1%', () => {
  expect(redisSvg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(textsIn(redis, 'role-axis-label').filter((label) => label.endsWith('%'))).toEqual(['0%', '1%', '2%', '3%']);
  expect(markTexts(redis).map((element) => element.text)).toContain(
    '[staging] Redis: connection failures > 1%: threshold 1%',
  );
  // Never the stored fraction, anywhere a person reads.
  for (const text of redis.filter((element) => element.tag === 'text').map((element) => element.text))
    expect(text).not.toMatch(/\b0\.0\d/);
  const rule = redis.find((element) => element.tag === 'line' && element.classes.includes('layer_2_marks'));
  expect(rule?.attributes['stroke-dasharray']).toBe('6,4');
});

test("a threshold label that already ends with its value (a dashboard's 'alert: 1%') does not get it twice", async () => {
  const svg = await renderChartSvg({ ...REDIS, thresholds: [{ value: 0.01, label: 'alert: 1%' }] });
  const texts = markTexts(svgElements(svg)).map((element) => element.text);
  expect(texts).toContain('alert: 1%');
  expect(texts.filter((text) => text.includes('1% 1%'))).toEqual([]);
});

test('time ticks fall on round minutes or hours of the clock (UTC)', () => {
  const times = textsIn(redis, 'role-axis-label').filter((label) => label.includes(':'));
  expect(times.length).toBeGreaterThanOrEqual(4);
  for (const time of times) expect(time).toMatch(/^\d\d:(00|15|30|45)$/);
  expect(times).toContain('14:00');
});

test('the legend stands outside the plot, above it', () => {
  const plot = plotBox(redis);
  const legends = legendBoxes(redis);
  expect(legends).toHaveLength(2); // the series, the incidents
  for (const legend of legends) {
    expect(overlaps(legend, plot)).toBe(false);
    expect(legend.bottom).toBeLessThanOrEqual(plot.top);
  }
  expect(textsIn(redis, 'role-legend-label')).toEqual([
    'incident (1)',
    'netra-backend-staging',
    'netra-backend-staging (copy)',
  ]);
});

test('two identical series both show: the later one narrower and dashed on top of the first', () => {
  const [first, second] = linePaths(redis);
  expect(first.attributes.d).toBe(second.attributes.d);
  expect(first.attributes.stroke).not.toBe(second.attributes.stroke);
  expect(Number(first.attributes['stroke-width'])).toBeGreaterThan(Number(second.attributes['stroke-width']));
  expect(second.attributes['stroke-dasharray']).not.toBe(first.attributes['stroke-dasharray']);
});

test('an incident is a shaded span inside the plot, from when it opened to when it closed', () => {
  const plot = plotBox(redis);
  const [incident] = redis
    .filter((element) => element.tag === 'path' && element.classes.includes('mark-rect'))
    .map((element) => ({ box: rectangleBox(element), element }));
  expect(Number(incident.element.attributes.opacity)).toBeLessThan(0.5);
  const at = (t: number) => plot.left + ((t - T0) / (179 * 60)) * (plot.right - plot.left);
  // Within a pixel: Vega draws the frame half a pixel in, for a crisp stroke.
  const pixelApart = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
  pixelApart(incident.box.left, at(T0 + 41 * 60));
  pixelApart(incident.box.right, at(T0 + 150 * 60));
  pixelApart(incident.box.top, plot.top);
  pixelApart(incident.box.bottom, plot.bottom);
});

test('microseconds read as milliseconds; two close thresholds keep their labels apart', async () => {
  const elements = svgElements(
    await renderChartSvg({
      title: '[staging] PostgreSQL: p99 query latency > 500 ms',
      unit: 'us',
      series: [{ name: 'staging-postgres-db', points: minutes(120, (minute) => 200_000 + minute * 3_000) }],
      thresholds: [
        { value: 500_000, label: 'threshold before' },
        { value: 480_000, label: 'threshold after' },
      ],
      incidents: [],
    }),
  );
  const labels = textsIn(elements, 'role-axis-label').filter((label) => label.includes('ms'));
  expect(labels).toEqual(['0 ms', '200 ms', '400 ms', '600 ms']);
  const thresholdTexts = markTexts(elements).filter((element) => element.attributes.fill !== 'white');
  expect(thresholdTexts.map((element) => element.text).sort()).toEqual([
    'threshold after 480 ms',
    'threshold before 500 ms',
  ]);
  // One label above its rule, the other below its own: at least a line of text apart.
  const [a, b] = thresholdTexts.map((element) => element.y);
  expect(Math.abs(a - b)).toBeGreaterThanOrEqual(11);
  expect(elements.some((element) => /500000|480000/.test(element.text))).toBe(false);
});

test('a scenario counts time from its start: 0, 15m, 30m … never 44m 45s', async () => {
  const elements = svgElements(
    await renderChartSvg({
      title: 'elapsed',
      unit: '1',
      series: [{ name: 'x', points: Array.from({ length: 180 }, (_, minute) => ({ t: minute * 60, v: minute })) }],
      thresholds: [],
      incidents: [],
      events: [{ t: 1800, label: 'incident start t=30m' }],
      timeAxis: 'elapsed',
    }),
  );
  const times = textsIn(elements, 'role-axis-label').filter((label) => /[hm]$|^0$/.test(label) && label !== '0');
  expect(times).toEqual(['30m', '1h', '1h 30m', '2h', '2h 30m']);
  expect(markTexts(elements).map((element) => element.text)).toContain('incident start t=30m');
});

test('a long title wraps at words and is cut only between words', async () => {
  const title = `[staging] Cloud SQL: CPU > 90% for 15 min ${'and a long explanation '.repeat(30)}`.trim();
  const lines = textsIn(svgElements(await renderChartSvg({ ...REDIS, title })), 'role-title-text');
  expect(lines).toHaveLength(3);
  // Each line fits the chart (900 px less its padding) in the font it is drawn with, bold 12 px.
  for (const line of lines) expect(textWidth(line, 12, true)).toBeLessThanOrEqual(900 - 16);
  const shown = lines.join(' ');
  expect(shown.endsWith(' …')).toBe(true);
  const kept = shown.slice(0, -2);
  expect(title.startsWith(kept)).toBe(true);
  expect(title[kept.length]).toBe(' ');
});

test('28 days of minutes: at most two points per pixel column, every spike kept', async () => {
  const start = Date.UTC(2026, 10, 1) / 1000;
  const points = Array.from({ length: 28 * 1440 }, (_, minute) => ({
    t: start + minute * 60,
    v: minute === 20_000 ? 0.97 : 0.3,
  }));
  const svg = await renderChartSvg({
    title: '[staging] Cloud SQL: CPU > 90% for 15 min',
    unit: '10^2.%',
    series: [{ name: 'staging-postgres-db', points }],
    thresholds: [{ value: 0.9, label: 'threshold before' }],
    incidents: [{ start: start + 20_000 * 60, end: start + 20_015 * 60, label: 'before' }],
  });
  const elements = svgElements(svg);
  const [line] = linePaths(elements);
  const vertices = line.attributes.d.split(/[ML]/).filter(Boolean);
  expect(vertices.length).toBeLessThanOrEqual(2 * 900);
  const ys = vertices.map((vertex) => Number(vertex.split(',')[1]));
  expect(Math.min(...ys)).toBeLessThan(Math.max(...ys) - 100); // the 97% spike is drawn
  expect(svg.length).toBeLessThan(80_000);
  expect(textsIn(elements, 'role-axis-label')).toContain('100%');
  expect(markTexts(elements).map((element) => element.text)).toContain('threshold before 90%');
  expect(textsIn(elements, 'role-legend-label')).toContain('incidents before (1)');
  // Weekly ticks on whole days (multiples of 7 days since the epoch: Thursdays).
  expect(textsIn(elements, 'role-axis-label')).toEqual(expect.arrayContaining(['11-05', '11-12', '11-19', '11-26']));
});

test('plot types: stacked areas and bars stack in order; a heatmap draws as lines', async () => {
  const series = [
    { name: 'a', points: minutes(30, () => 2) },
    { name: 'b', points: minutes(30, () => 3) },
  ];
  const base = { title: 'stacked', unit: '1', series, thresholds: [], incidents: [] };
  const area = svgElements(await renderChartSvg({ ...base, plotType: 'STACKED_AREA' }));
  expect(area.filter((element) => element.tag === 'path' && element.classes.includes('mark-area'))).toHaveLength(2);
  // 2 + 3 stacked reaches 5: ticks to 6 (unstacked, they would stop at 3).
  expect(textsIn(area, 'role-axis-label').filter((label) => !label.includes(':'))).toEqual(['0', '2', '4', '6']);
  const bars = svgElements(await renderChartSvg({ ...base, plotType: 'STACKED_BAR' }))
    .filter((element) => element.tag === 'path' && element.classes.includes('mark-rect'))
    .map(rectangleBox);
  expect(bars).toHaveLength(60);
  // Each b bar stands on its a bar: the same column, b's bottom at a's top.
  expect(bars[30].left).toBeCloseTo(bars[0].left, 5);
  expect(bars[30].bottom).toBeCloseTo(bars[0].top, 5);
  const heatmap = svgElements(await renderChartSvg({ ...base, plotType: 'HEATMAP' }));
  expect(linePaths(heatmap)).toHaveLength(2);
});

test('a small dashboard tile keeps most of its height for the plot: legend labels cut to fit', async () => {
  const elements = svgElements(
    await renderChartSvg({
      ...REDIS,
      series: [
        { name: 'netra-backend-staging us-central1', points: minutes(60, () => 0.02) },
        { name: 'netra-auth-service us-central1', points: minutes(60, () => 0.01) },
        { name: 'third', points: minutes(60, () => 0.005) },
      ],
      incidents: [{ start: T0 + 41 * 60, end: T0 + 50 * 60 }],
      width: 320,
      height: 240,
    }),
  );
  const plot = plotBox(elements);
  expect(plot.bottom - plot.top).toBeGreaterThanOrEqual(0.4 * 240);
  for (const legend of legendBoxes(elements)) expect(overlaps(legend, plot)).toBe(false);
  const labels = textsIn(elements, 'role-legend-label');
  expect(labels).toHaveLength(4); // the incident and the three series, none folded away
  expect(labels).toContain('third');
  for (const label of labels) expect(textWidth(label, 11)).toBeLessThanOrEqual(320 / 2);
  // The threshold label stays inside the plot: the policy's words cut, the value whole.
  const [threshold] = markTexts(elements).filter((element) => element.attributes.fill !== 'white');
  expect(threshold.text).toMatch(/^\[staging\] Redis: .* … 1%$/);
  expect(threshold.x - textWidth(threshold.text, 11)).toBeGreaterThanOrEqual(plot.left);
  // Time ticks thin out to what fits the width: every 30 minutes rather than every 10.
  expect(textsIn(elements, 'role-axis-label').filter((label) => label.includes(':'))).toEqual(['13:30', '14:00']);
});

test('no data says so; the same spec gives the same bytes, and nothing to fetch', async () => {
  const empty = await renderChartSvg({ title: 'nothing yet', unit: '1', series: [], thresholds: [], incidents: [] });
  expect(markTexts(svgElements(empty)).map((element) => element.text)).toContain('no data');
  expect(await renderChartSvg(REDIS)).toBe(redisSvg);
  // Nothing to fetch: no address, no font face, no external image; only the SVG namespaces.
  expect(redisSvg.replace(/xmlns(:\w+)?="[^"]*"/g, '')).not.toMatch(/https?:|url\(|@font-face|<image/);
});

test('PNG through resvg: the PNG signature and the width asked for', async () => {
  const png = await svgToPng(redisSvg, { width: 450 });
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBe(450);
  expect(png.readUInt32BE(20)).toBe(Math.round((450 / 900) * 340));
});

// The table text is laid out with is the installed font's own (where Debian's fonts-dejavu-core is).
// .ci/run installs the font, so CI runs this test; elsewhere, without the font, it is skipped.
const FONT_FILE = path.join(FONT_DIRECTORY, 'DejaVuSans.ttf');
const fontRequired = process.env.CI === 'true' || process.env.VIGIL_REQUIRE_FONTS === '1';
(fs.existsSync(FONT_FILE) || fontRequired ? test : test.skip)(
  "the text widths are DejaVu Sans's own advance widths",
  () => {
    expect(fontWidths(FONT_FILE)).toEqual(DEJAVU_SANS);
    expect(fontWidths(path.join(FONT_DIRECTORY, 'DejaVuSans-Bold.ttf'))).toEqual(DEJAVU_SANS_BOLD);
    expect(textWidth('1000 ms', 11)).toBeCloseTo(
      11 * (4 * DEJAVU_SANS['0'] + DEJAVU_SANS[' '] + DEJAVU_SANS.m + DEJAVU_SANS.s),
      6,
    );
    // A character outside the table counts as a full em, wider than any in it.
    expect(textWidth('漢', 10)).toBe(10);
  },
);
