// A time-series chart as SVG for the review's backtest pictures: read by people deciding a
// change, so values read in the metric's unit (90%, 500 ms, never 0.9 or raw microseconds), time
// ticks fall on round hours and days (UTC), the legend stands above the plot and never over the
// lines, a series of 40,000 points is drawn as the min and max of each pixel column (spikes stay
// visible, the file stays small), and incidents are shaded per side.
// Issue 26 plans one charting module for every picture; this renders the same TimeSeriesChartSpec.
import { formatValue, RATIO, type TimeSeriesChartSpec } from '../charts/chart-spec';

export { formatValue, RATIO, type TimeSeriesChartSpec } from '../charts/chart-spec';

const WIDTH = 900;
const HEIGHT = 340;
const MARGIN = { left: 72, right: 24, top: 92, bottom: 44 };
const SERIES_COLOURS = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#17becf'];
const THRESHOLD_COLOURS = ['#d62728', '#ff7f0e'];
const INCIDENT_FILL: Readonly<Record<string, string>> = { before: '#d62728', after: '#ff7f0e' };
const MAX_TITLE_CHARS = 110;
const MAX_LEGEND_SERIES = 4;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The display unit's factor: what the y ticks are chosen round in. */
function displayFactor(unit: string): number {
  if (unit === RATIO || unit === '10^2.%') return 100;
  if (unit === 'us') return 1 / 1000;
  return 1;
}

/** Round tick values (1, 2 or 5 × 10^k in the display unit) from 0 or the minimum to the maximum. */
function valueTicks(min: number, max: number, unit: string): number[] {
  const factor = displayFactor(unit);
  const low = Math.min(0, min) * factor;
  const high = Math.max(max * factor, low + 1e-9);
  const rough = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((one) => one * power).find((one) => one >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.floor(low / step) * step; tick <= high + step * 0.999; tick += step)
    ticks.push(Number(tick.toPrecision(12)) / factor);
  return ticks;
}

const TIME_STEPS = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400];

/** Tick times on round minutes, hours or days (UTC), at most 8 across the window. */
function timeTicks(start: number, end: number): { times: number[]; step: number } {
  const step = TIME_STEPS.find((one) => (end - start) / one <= 8) ?? 7 * 86400;
  const times: number[] = [];
  for (let time = Math.ceil(start / step) * step; time <= end; time += step) times.push(time);
  return { times, step };
}

function timeLabel(time: number, step: number): string {
  const iso = new Date(time * 1000).toISOString();
  if (step >= 86400) return iso.slice(5, 10); // 11-08
  if (iso.slice(11, 16) === '00:00') return `${iso.slice(5, 10)} 00:00`;
  return iso.slice(11, 16); // 14:00
}

/** A title cut at a word, with an ellipsis, never mid-word. */
function shortTitle(title: string): string {
  if (title.length <= MAX_TITLE_CHARS) return title;
  const cut = title.slice(0, MAX_TITLE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))} …`;
}

/** The min and max of each pixel column, in order: a polyline that keeps every spike. */
function columnExtremes(
  points: ReadonlyArray<{ t: number; v: number }>,
  x: (t: number) => number,
): Array<[number, number]> {
  const columns = new Map<number, { min: number; max: number; firstMin: boolean }>();
  for (const point of points) {
    if (!Number.isFinite(point.v)) continue;
    const column = Math.round(x(point.t));
    const seen = columns.get(column);
    if (!seen) columns.set(column, { min: point.v, max: point.v, firstMin: true });
    else {
      if (point.v < seen.min) seen.min = point.v;
      if (point.v > seen.max) seen.max = point.v;
    }
  }
  return [...columns.entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(
      ([column, { min, max }]) =>
        (min === max
          ? [[column, min]]
          : [
              [column, min],
              [column, max],
            ]) as Array<[number, number]>,
    );
}

export function renderTimeSeriesChartSvg(spec: TimeSeriesChartSpec): string {
  const width = spec.width ?? WIDTH;
  const height = spec.height ?? HEIGHT;
  const plot = {
    x: MARGIN.left,
    y: MARGIN.top,
    w: width - MARGIN.left - MARGIN.right,
    h: height - MARGIN.top - MARGIN.bottom,
  };
  const times = [
    ...spec.series.flatMap((one) => one.points.map((point) => point.t)),
    ...spec.incidents.map((one) => one.start),
  ];
  const start = Math.min(...times);
  const end = Math.max(...times, ...spec.incidents.map((one) => one.end ?? one.start), start + 60);
  const values = [
    ...spec.series.flatMap((one) => one.points.map((point) => point.v)),
    ...spec.thresholds.map((one) => one.value),
  ].filter(Number.isFinite);
  const ticks = valueTicks(Math.min(...values, 0), Math.max(...values, 0), spec.unit);
  const low = ticks[0];
  const high = ticks[ticks.length - 1];
  const x = (t: number) => plot.x + ((t - start) / (end - start)) * plot.w;
  const y = (v: number) => plot.y + plot.h - ((v - low) / (high - low || 1)) * plot.h;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${plot.x}" y="20" font-size="14" font-weight="bold">${escapeXml(shortTitle(spec.title))}</text>`,
  ];
  // The legend, above the plot: series, thresholds, incidents.
  const legend: string[] = [];
  spec.series.slice(0, MAX_LEGEND_SERIES).forEach((one, index) => {
    legend.push(
      `<line x1="0" x2="18" y1="-4" y2="-4" stroke="${SERIES_COLOURS[index % SERIES_COLOURS.length]}" stroke-width="2"/>|${one.name}`,
    );
  });
  if (spec.series.length > MAX_LEGEND_SERIES) legend.push(`|+${spec.series.length - MAX_LEGEND_SERIES} more series`);
  spec.thresholds.forEach((one, index) => {
    legend.push(
      `<line x1="0" x2="18" y1="-4" y2="-4" stroke="${THRESHOLD_COLOURS[index % 2]}" stroke-width="2" stroke-dasharray="5 3"/>|${one.label} ${formatValue(one.value, spec.unit)}`,
    );
  });
  for (const side of [...new Set(spec.incidents.map((one) => one.label ?? 'incident'))]) {
    const fill = INCIDENT_FILL[side] ?? '#999';
    const count = spec.incidents.filter((one) => (one.label ?? 'incident') === side).length;
    legend.push(
      `<rect x="0" y="-11" width="18" height="10" fill="${fill}" fill-opacity="0.25"/>|incidents ${side} (${count})`,
    );
  }
  let legendX = plot.x;
  let legendY = 44;
  for (const entry of legend) {
    const [mark, text] = entry.split('|');
    const label = escapeXml(text.length > 70 ? `${text.slice(0, 69)}…` : text);
    const entryWidth = (mark ? 24 : 0) + label.length * 6.6 + 18;
    if (legendX + entryWidth > width - MARGIN.right && legendX > plot.x) {
      legendX = plot.x;
      legendY += 18;
    }
    out.push(
      `<g transform="translate(${legendX.toFixed(1)},${legendY})">${mark}<text x="${mark ? 24 : 0}" y="0">${label}</text></g>`,
    );
    legendX += entryWidth;
  }
  // Incidents, under everything else.
  for (const incident of spec.incidents) {
    const from = x(incident.start);
    const to = Math.max(x(incident.end ?? end), from + 2);
    const fill = INCIDENT_FILL[incident.label ?? ''] ?? '#999';
    out.push(
      `<rect x="${from.toFixed(1)}" y="${plot.y}" width="${(to - from).toFixed(1)}" height="${plot.h}" fill="${fill}" fill-opacity="0.25"/>`,
    );
  }
  // Axes and grid.
  out.push(`<rect x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}" fill="none" stroke="#999"/>`);
  for (const tick of ticks) {
    const at = y(tick).toFixed(1);
    out.push(`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${at}" y2="${at}" stroke="#eee"/>`);
    out.push(
      `<text x="${plot.x - 6}" y="${at}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatValue(tick, spec.unit))}</text>`,
    );
  }
  const { times: timeAt, step } = timeTicks(start, end);
  for (const time of timeAt) {
    const at = x(time).toFixed(1);
    out.push(`<line x1="${at}" x2="${at}" y1="${plot.y + plot.h}" y2="${plot.y + plot.h + 5}" stroke="#999"/>`);
    out.push(`<text x="${at}" y="${plot.y + plot.h + 18}" text-anchor="middle">${timeLabel(time, step)}</text>`);
  }
  out.push(`<text x="${plot.x + plot.w}" y="${height - 6}" text-anchor="end" fill="#666">UTC</text>`);
  // Series, widest first so a later one drawn on top of the same values leaves the earlier visible.
  spec.series.forEach((one, index) => {
    const path = columnExtremes(one.points, x)
      .map(([column, value], position) => `${position === 0 ? 'M' : 'L'}${column},${y(value).toFixed(1)}`)
      .join('');
    const widthOf = Math.max(3 - index * 0.75, 1);
    out.push(
      `<path d="${path}" fill="none" stroke="${SERIES_COLOURS[index % SERIES_COLOURS.length]}" stroke-width="${widthOf}" stroke-opacity="0.85"/>`,
    );
  });
  spec.thresholds.forEach((one, index) => {
    const at = y(one.value).toFixed(1);
    out.push(
      `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${at}" y2="${at}" stroke="${THRESHOLD_COLOURS[index % 2]}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
