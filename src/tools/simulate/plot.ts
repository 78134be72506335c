// An SVG per test for a person to look at: the input series, then per evaluated policy the value
// each threshold condition compared with its threshold (dashed), the incidents (shaded) and the
// incident start (vertical line). Plain SVG, no library: the picture is simple.
import { distributionPercentile } from './distribution';
import { formatDuration } from './durations';
import type { PolicyRun } from './evaluate-policy';
import type { TestResult } from './run-scenarios';
import type { PointValue } from './series';

const WIDTH = 960;
const PANEL = 170;
const MARGIN = { left: 70, right: 20, top: 28, bottom: 26 };
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function plotValue(value: PointValue): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return distributionPercentile(value, 99) ?? 0;
}

function niceNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 0.01) return value.toExponential(1);
  return Number(value.toPrecision(3)).toString();
}

interface Line {
  readonly label: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
}

interface Panel {
  readonly title: string;
  readonly lines: readonly Line[];
  readonly threshold?: number;
  readonly spans: ReadonlyArray<readonly [number, number]>;
}

function drawPanel(panel: Panel, top: number, until: number, incidentStart: number): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL - MARGIN.top - MARGIN.bottom;
  const values = panel.lines.flatMap((line) => line.points.map(([, value]) => value));
  if (panel.threshold !== undefined) values.push(panel.threshold);
  const low = values.reduce((lowest, value) => Math.min(lowest, value), 0);
  let high = values.reduce((high, value) => Math.max(high, value), 0);
  if (high === low) high = low + 1;
  high += (high - low) * 0.08;
  const x = (t: number) => MARGIN.left + (until === 0 ? 0 : (t / until) * plotWidth);
  const y = (v: number) => top + MARGIN.top + plotHeight - ((v - low) / (high - low)) * plotHeight;
  const parts: string[] = [];
  const title = panel.title.length > 120 ? `${panel.title.slice(0, 117)}...` : panel.title;
  parts.push(
    `<text x="${MARGIN.left}" y="${top + 18}" font-size="13" font-weight="bold">${escapeXml(title)}<title>${escapeXml(panel.title)}</title></text>`,
  );
  parts.push(
    `<rect x="${MARGIN.left}" y="${top + MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#ccc"/>`,
  );
  for (const [from, to] of panel.spans) {
    parts.push(
      `<rect x="${x(from).toFixed(1)}" y="${top + MARGIN.top}" width="${Math.max(1, x(to) - x(from)).toFixed(1)}" height="${plotHeight}" fill="#d62728" fill-opacity="0.15"><title>incident ${formatDuration(from)} to ${formatDuration(to)}</title></rect>`,
    );
    parts.push(
      `<text x="${(x(from) + 3).toFixed(1)}" y="${top + MARGIN.top + 12}" font-size="11" fill="#d62728" stroke="white" stroke-width="3" paint-order="stroke">fired t=${formatDuration(from)}</text>`,
    );
  }
  if (incidentStart > 0)
    parts.push(
      `<line x1="${x(incidentStart).toFixed(1)}" x2="${x(incidentStart).toFixed(1)}" y1="${top + MARGIN.top}" y2="${top + MARGIN.top + plotHeight}" stroke="#555" stroke-dasharray="2,3"/>`,
    );
  panel.lines.forEach((line, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const path = line.points.map(([t, v], i) => `${i === 0 ? 'M' : 'L'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join('');
    if (path)
      parts.push(
        `<path d="${path}" fill="none" stroke="${colour}" stroke-width="1.5"><title>${escapeXml(line.label)}</title></path>`,
      );
    parts.push(
      `<text x="${WIDTH - MARGIN.right}" y="${top + MARGIN.top + 12 + index * 12}" font-size="10" text-anchor="end" fill="${colour}" stroke="white" stroke-width="3" paint-order="stroke">${escapeXml(line.label.length > 110 ? `${line.label.slice(0, 107)}...` : line.label)}</text>`,
    );
  });
  if (panel.threshold !== undefined) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(panel.threshold).toFixed(1)}" y2="${y(panel.threshold).toFixed(1)}" stroke="#d62728" stroke-dasharray="6,4"/>`,
    );
    parts.push(
      `<text x="${MARGIN.left + 4}" y="${(y(panel.threshold) - 3).toFixed(1)}" font-size="10" fill="#d62728">threshold ${niceNumber(panel.threshold)}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left - 6}" y="${y(high).toFixed(1)}" font-size="10" text-anchor="end" dominant-baseline="hanging">${niceNumber(high)}</text>`,
  );
  parts.push(
    `<text x="${MARGIN.left - 6}" y="${y(low).toFixed(1)}" font-size="10" text-anchor="end">${niceNumber(low)}</text>`,
  );
  for (let tick = 0; tick <= 4; tick++) {
    const t = (until * tick) / 4;
    parts.push(
      `<text x="${x(t).toFixed(1)}" y="${top + PANEL - 8}" font-size="10" text-anchor="middle">${formatDuration(t)}</text>`,
    );
  }
  return parts.join('\n');
}

function policyPanels(run: PolicyRun, until: number): Panel[] {
  if (run.status !== 'evaluated') return [];
  const spans = run.incidents.map((incident) => [incident.openedAt, incident.closedAt ?? until] as const);
  return run.traces
    .filter((trace) => trace.threshold !== undefined)
    .map((trace) => ({
      title: `${run.policy.displayName}: ${trace.displayName} (ingest delay ${formatDuration(trace.ingestDelaySeconds)})`,
      lines: [...trace.values].map(([key, points]) => ({ label: key, points })),
      threshold: trace.threshold,
      spans,
    }));
}

/** The SVG of one test; `policies` limits the panels to the policies its expectations name. */
export function plotTest(result: TestResult, policies: ReadonlySet<string>): string {
  const input: Panel = {
    title: `${result.name}: input series (distributions as the p99 of each sample)`,
    lines: result.series.map((series) => ({
      label: `${series.identity.metricType} ${JSON.stringify({ ...series.identity.resourceLabels, ...series.identity.metricLabels })}`,
      points: series.points.map((point) => [point.t, plotValue(point.v)] as const),
    })),
    spans: [],
  };
  const panels = [
    input,
    ...result.runs
      .filter((run) => policies.has(run.policy.displayName))
      .flatMap((run) => policyPanels(run, result.until)),
  ];
  const height = panels.length * PANEL;
  const body = panels
    .map((panel, index) => drawPanel(panel, index * PANEL, result.until, result.incidentStart))
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${body}\n</svg>\n`;
}

/** A file name from a test's name: lower case, dashes, no path separators. */
export function plotFileName(file: string, testName: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  const slug = testName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${base}--${slug}.svg`;
}
