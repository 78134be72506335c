// What stands inside one tile, below its title, at the tile's size: a chart drawn by the charting
// module from the tile's queries over the preview's data, a scorecard, text, or a labelled
// placeholder for what vigil does not draw. Any widget kind gets a body, so a dashboard with tiles
// this file has not heard of still previews whole.
import { isRecord } from '../../artifact/json';
import type { TimeSeriesChartSpec } from '../charts/chart-spec';
import { renderChartSvg } from '../charts/render-chart';
import type { StackModel } from '../simulate/policy-model';
import { alertChartData } from './alert-chart';
import { clockTime, listedIncidents } from './incident-list';
import { evaluateQuery, type PlottedSeries } from './chart-query';
import { markdownBlocks, markdownHtml, plainInline } from './markdown-text';
import { charactersIn, escapeMarkup, svgTextLines, wrapText } from './markup';
import { placeholderSvg } from './placeholder-svg';
import type { PreviewData } from './preview-data';
import { type ScorecardThreshold, scorecardSvg } from './scorecard-svg';
import { widgetKind } from '../dashboards/widget-kind';

export interface TileBody {
  /** An SVG document of the body's size: drawn into the section's picture, and inline in the page. */
  readonly svg: string;
  /** The page shows this instead of the SVG (text reads better as HTML than as SVG lines). */
  readonly html?: string;
  /** A time-series chart drawn by the charting module (not a placeholder, scorecard or text). */
  readonly chart: boolean;
  /** Why the tile shows less than Cloud Monitoring would (a query not simulated, no data). */
  readonly note?: string;
}

export interface TileContext {
  readonly data: PreviewData;
  readonly stack: StackModel;
}

/** Widget kinds shown as labelled placeholders, with what Cloud Monitoring would show there. */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  logsPanel: 'Logs panel: log entries matching its filter, in Cloud Monitoring',
  errorReportingPanel: 'Error Reporting panel: error groups, in Cloud Monitoring',
  timeSeriesTable: 'Time series table: not drawn by vigil preview',
  pieChart: 'Pie chart: not drawn by vigil preview',
  singleViewGroup: 'Single-view group: one of its widgets at a time, in Cloud Monitoring',
  filterControl: 'Filter control',
};

function numberOf(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

const PLOT_TYPES = new Set(['LINE', 'STACKED_AREA', 'STACKED_BAR', 'HEATMAP']);

/**
 * Every chart of a dashboard over the same window, as the console shows them; on the clock when
 * the data has one (exports, timestamped scenarios), else in time since the scenario's start.
 */
function timeline(data: PreviewData): Pick<TimeSeriesChartSpec, 'window' | 'timeAxis'> {
  return {
    window: { start: data.origin + data.from, end: data.origin + data.until },
    timeAxis: data.origin > 0 ? 'utc' : 'elapsed',
  };
}

async function chartBody(
  spec: Omit<TimeSeriesChartSpec, 'title' | 'width' | 'height'>,
  size: { width: number; height: number },
  note: string | undefined,
  simulatedNothing = false,
): Promise<TileBody> {
  const hasPoints = spec.series.some((one) => one.points.length > 0);
  if (!hasPoints && spec.incidents.length === 0) {
    // Nothing simulated is not the same as no data: say which it is.
    const label =
      note && spec.series.length === 0 && simulatedNothing ? 'Not simulated' : 'No data for the selected time frame';
    return { svg: placeholderSvg(size.width, size.height, label, note), chart: false, note: note ?? 'no data' };
  }
  // The tile draws the title above the chart, as Cloud Monitoring does: the chart gets none of its own.
  const svg = await renderChartSvg({ ...spec, title: '', width: size.width, height: size.height });
  return { svg, chart: true, ...(note ? { note } : {}) };
}

async function xyChartBody(
  chart: Record<string, unknown>,
  size: { width: number; height: number },
  context: TileContext,
): Promise<TileBody> {
  const dataSets = (Array.isArray(chart.dataSets) ? chart.dataSets : []).filter(isRecord);
  const series: PlottedSeries[] = [];
  const problems: string[] = [];
  let unit: string | undefined;
  for (const dataSet of dataSets) {
    const legend = typeof dataSet.legendTemplate === 'string' ? dataSet.legendTemplate : undefined;
    const result = evaluateQuery(dataSet.timeSeriesQuery, context.data, context.stack, legend);
    if (result.status === 'not-simulated') problems.push(result.reason);
    else {
      unit ??= result.unit;
      series.push(...result.series);
    }
  }
  const plotType = dataSets
    .map((one) => one.plotType)
    .find((one): one is 'LINE' => typeof one === 'string' && PLOT_TYPES.has(one));
  const chartUnit = unit ?? '1';
  const thresholds = (Array.isArray(chart.thresholds) ? chart.thresholds : []).filter(isRecord).flatMap((one) => {
    const value = numberOf(one.value);
    if (value === undefined) return [];
    const label = typeof one.label === 'string' && one.label !== '' ? one.label : 'threshold';
    return [{ value, label }];
  });
  const origin = context.data.origin;
  return chartBody(
    {
      unit: chartUnit,
      series: series.map((one) => ({
        name: one.name,
        points: one.points.map((point) => ({ t: origin + point.t, v: point.v })),
      })),
      thresholds,
      incidents: [],
      ...(plotType ? { plotType } : {}),
      ...timeline(context.data),
    },
    size,
    problems.length > 0
      ? `${problems.length} of ${dataSets.length} queries not simulated: ${[...new Set(problems)].join('; ')}`
      : undefined,
    problems.length === dataSets.length,
  );
}

async function alertChartBody(
  chart: Record<string, unknown>,
  size: { width: number; height: number },
  context: TileContext,
): Promise<TileBody> {
  const found = alertChartData(typeof chart.name === 'string' ? chart.name : '', context.data, context.stack);
  if (found.status === 'missing')
    return { svg: placeholderSvg(size.width, size.height, found.reason), chart: false, note: found.reason };
  return chartBody({ ...found.spec, ...timeline(context.data) }, size, undefined);
}

function scorecardBody(
  card: Record<string, unknown>,
  size: { width: number; height: number },
  context: TileContext,
): TileBody {
  const result = evaluateQuery(card.timeSeriesQuery, context.data, context.stack);
  if (result.status === 'not-simulated')
    return {
      svg: placeholderSvg(size.width, size.height, 'Scorecard not simulated', result.reason),
      chart: false,
      note: result.reason,
    };
  const thresholds: ScorecardThreshold[] = (Array.isArray(card.thresholds) ? card.thresholds : [])
    .filter(isRecord)
    .flatMap((one) => {
      const value = numberOf(one.value);
      return value === undefined
        ? []
        : [
            {
              value,
              color: typeof one.color === 'string' ? one.color : 'NONE',
              direction: typeof one.direction === 'string' ? one.direction : 'ABOVE',
            },
          ];
    });
  const gaugeView = isRecord(card.gaugeView) ? card.gaugeView : undefined;
  const sparkView = isRecord(card.sparkChartView) ? card.sparkChartView : undefined;
  const lower = numberOf(gaugeView?.lowerBound) ?? 0;
  const upper = numberOf(gaugeView?.upperBound) ?? 1;
  // A scorecard shows one value: of several series, the first (Cloud Monitoring asks for one).
  const points = result.series[0]?.points ?? [];
  return {
    svg: scorecardSvg(
      {
        unit: result.unit,
        points,
        thresholds,
        ...(gaugeView ? { gauge: { lower, upper } } : {}),
        ...(sparkView ? { spark: sparkView.sparkChartType === 'SPARK_BAR' ? 'SPARK_BAR' : 'SPARK_LINE' } : {}),
      },
      size.width,
      size.height,
    ),
    chart: false,
    ...(points.length === 0 ? { note: 'no data' } : {}),
  };
}

function textBody(text: Record<string, unknown>, size: { width: number; height: number }): TileBody {
  const content = typeof text.content === 'string' ? text.content : '';
  const raw = text.format === 'RAW';
  const fontSize = 12;
  const lineHeight = 16;
  const room = charactersIn(size.width - 16, fontSize);
  const maxLines = Math.max(1, Math.floor((size.height - 8) / lineHeight));
  const lines: string[] = [];
  const blocks = raw
    ? content.split(/\r?\n/).map((line) => ({ kind: 'paragraph' as const, text: line }))
    : markdownBlocks(content);
  for (const block of blocks) {
    const text = raw ? block.text : plainInline(block.text);
    const wrapped = wrapText(text, block.kind === 'item' ? room - 2 : room, maxLines);
    lines.push(...wrapped.map((line, index) => (block.kind === 'item' ? `${index === 0 ? '•' : ' '} ${line}` : line)));
    if (!raw) lines.push('');
  }
  const shown = lines.slice(0, maxLines);
  if (lines.filter((line) => line !== '').length > shown.filter((line) => line !== '').length && shown.length > 0)
    shown[shown.length - 1] = `${shown[shown.length - 1]} …`;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}" font-family="DejaVu Sans, Arial, sans-serif">${svgTextLines(shown, 8, 16, { fontSize, lineHeight })}</svg>`,
    html: raw ? `<pre>${escapeMarkup(content)}</pre>` : markdownHtml(content),
    chart: false,
  };
}

function incidentListBody(
  list: Record<string, unknown>,
  size: { width: number; height: number },
  context: TileContext,
): TileBody {
  const incidents = listedIncidents(list, context.data, context.stack);
  const origin = context.data.origin;
  const lines = incidents.map(
    (one) =>
      `${clockTime(one.opened, origin)}–${one.closed !== undefined ? clockTime(one.closed, origin) : 'open'} ${one.policy}`,
  );
  const label = `Incident list: ${incidents.length === 0 ? 'no incident' : `${incidents.length} incident${incidents.length === 1 ? '' : 's'}`} in the window (simulated)`;
  return { svg: placeholderSvg(size.width, size.height, label, lines), chart: false, note: 'simulated incidents' };
}

/** The body of one widget at `size` pixels. Section headers and groups have none (their title is all). */
export async function renderTileBody(
  widget: Record<string, unknown>,
  size: { width: number; height: number },
  context: TileContext,
): Promise<TileBody> {
  const kind = widgetKind(widget);
  const content = isRecord(widget[kind]) ? (widget[kind] as Record<string, unknown>) : {};
  switch (kind) {
    case 'xyChart':
      return xyChartBody(content, size, context);
    case 'alertChart':
      return alertChartBody(content, size, context);
    case 'scorecard':
      return scorecardBody(content, size, context);
    case 'text':
      return textBody(content, size);
    case 'incidentList':
      return incidentListBody(content, size, context);
    case 'blank':
      return {
        svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"/>`,
        chart: false,
      };
    default: {
      const label = PLACEHOLDERS[kind] ?? `${kind}: not drawn by vigil preview`;
      return { svg: placeholderSvg(size.width, size.height, label), chart: false, note: 'placeholder' };
    }
  }
}
