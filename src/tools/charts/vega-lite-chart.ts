// A TimeSeriesChartSpec as a Vega-Lite specification: plain data, no library loaded here (render-chart.ts
// compiles and draws it). Everything a person reads is decided in this file rather than left to the
// library's defaults, because the defaults are wrong for monitoring charts: ticks round in the metric's
// display unit and labelled by formatValue (1%, 500 ms), time ticks on round minutes and hours, the
// legend above the plot, series told apart by colour, width and dash so that identical series stay
// visible, thresholds as rules labelled with their policy and value, incidents as shaded spans.
import type { TopLevelSpec } from 'vega-lite';
import { formatValue, type TimeSeriesChartSpec } from './chart-spec';
import { clockLabel, elapsedLabel, timeTicks, valueLabels, valueTicks } from './axis-ticks';
import { barColumns, columnExtremes, columnMeans, type Point } from './pixel-columns';
import { cutToWidth, wrapToWidth } from './short-text';
import { measureOf } from './text-width';

const WIDTH = 900;
const HEIGHT = 340;
/** DejaVu Sans is what resvg and Debian's Chromium find on these machines; the rest are fallbacks. */
export const CHART_FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';
const SERIES_COLOURS = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#17becf', '#e377c2', '#7f7f7f', '#bcbd22'];
/** Later series draw narrower and dashed over earlier ones: a series equal to another still shows. */
const SERIES_WIDTHS = [3.5, 2.25, 1.5, 1.25];
const SERIES_DASHES = [
  [1, 0],
  [7, 3],
  [2, 2],
  [10, 3, 2, 3],
];
const THRESHOLD_COLOURS = ['#d62728', '#ff7f0e'];
const INCIDENT_COLOURS = ['#d62728', '#ff7f0e', '#7f7f7f'];
/** Legend entries beyond these fold into one "…N entries" line. */
const LEGEND_SERIES = 8;
const LABEL_FONT_SIZE = 11;
/** Pixels around the chart. */
const PADDING = 8;
const TITLE_FONT_SIZE = 12;
/** Room for the y axis labels ("1000 ms" and its tick), however short the labels. */
const Y_LABEL_ROOM = 56;
/** Room taken by the y axis labels and the padding around the plot, for binning before layout. */
const AXIS_ROOM = 90;

interface Window {
  readonly start: number;
  readonly end: number;
}

/** The times the chart spans: the spec's window, else every point, incident and event; at least a minute. */
function timeWindow(spec: TimeSeriesChartSpec): Window {
  if (spec.window && spec.window.end > spec.window.start) return spec.window;
  const times = [
    ...spec.series.flatMap((one) => one.points.map((point) => point.t)),
    ...spec.incidents.flatMap((one) => (one.end === undefined ? [one.start] : [one.start, one.end])),
    ...(spec.events ?? []).map((one) => one.t),
  ].filter(Number.isFinite);
  if (times.length === 0) return { start: 0, end: 3600 };
  const start = times.reduce((low, time) => Math.min(low, time));
  const end = times.reduce((high, time) => Math.max(high, time));
  return { start, end: Math.max(end, start + 60) };
}

/** Series names as legend labels: short enough not to be cut by the library, and distinct. */
function seriesNames(spec: TimeSeriesChartSpec, labelWidth: number): string[] {
  const measure = measureOf(LABEL_FONT_SIZE);
  const seen = new Map<string, number>();
  return spec.series.map((one) => {
    const base = cutToWidth(one.name || 'value', labelWidth, measure);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

interface SeriesRow {
  readonly t: number;
  readonly v: number;
  readonly series: string;
}

interface StackedRow {
  readonly t: number;
  readonly t2: number;
  readonly y0: number;
  readonly y1: number;
  readonly series: string;
}

/** Stacked rows: each series' column means on top of the previous series', in the spec's order. */
function stackedRows(
  spec: TimeSeriesChartSpec,
  names: readonly string[],
  window: Window,
  columns: number,
): StackedRow[] {
  const width = (window.end - window.start) / columns;
  const base = new Map<number, number>();
  return spec.series.flatMap((one, index) =>
    columnMeans(one.points, window.start, window.end, columns).map((point) => {
      const y0 = base.get(point.t) ?? 0;
      base.set(point.t, y0 + point.v);
      return { t: point.t, t2: point.t + width, y0, y1: y0 + point.v, series: names[index] };
    }),
  );
}

/** Pixels a legend entry takes besides its label (the symbol, its gap, the column padding), and a row's height. */
const LEGEND_ENTRY_ROOM = 40;
const LEGEND_ROW_HEIGHT = 17;

/** The narrowest a legend label is cut to before entries fold into "…N entries" instead. */
const LEGEND_LABEL_MIN = 70;

interface LegendLayout {
  readonly columns: number;
  /** Pixels a label may take before it is cut (at a word). */
  readonly labelWidth: number;
  /** Entries shown; beyond them the legend ends with "…N entries". */
  readonly entries: number;
}

/**
 * The series legend's columns and label width: as many columns as whole labels fit across, more
 * (with labels cut shorter) when the rows would take more than about a quarter of the chart's height
 * (a small dashboard tile), the incidents' legend taking a row of that.
 */
function legendLayout(names: readonly string[], width: number, height: number, incidents: boolean): LegendLayout {
  const measure = measureOf(LABEL_FONT_SIZE);
  const across = width - AXIS_ROOM;
  const rows = Math.max(1, Math.floor((height * 0.25) / LEGEND_ROW_HEIGHT) - (incidents ? 1 : 0));
  const longest = Math.min(Math.max(20, ...names.map(measure)), across - LEGEND_ENTRY_ROOM);
  const fitting = Math.floor(across / (longest + LEGEND_ENTRY_ROOM));
  const needed = Math.ceil(Math.min(names.length, LEGEND_SERIES) / rows);
  const wanted = Math.max(1, Math.min(Math.max(fitting, needed), names.length));
  const labelWidth = Math.max(LEGEND_LABEL_MIN, Math.min(longest, across / wanted - LEGEND_ENTRY_ROOM));
  const columns = Math.max(1, Math.min(wanted, Math.floor(across / (labelWidth + LEGEND_ENTRY_ROOM))));
  return { columns, labelWidth, entries: Math.min(LEGEND_SERIES, Math.max(2, columns * rows)) };
}

/**
 * A channel's scale shared by every series-keyed channel, so their legends merge into one. Ordinal:
 * Vega-Lite would otherwise interpolate numeric ranges (a stroke width of NaN for a single series).
 */
function seriesScale<T>(names: readonly string[], values: readonly T[]) {
  return { type: 'ordinal', domain: [...names], range: names.map((_, index) => values[index % values.length]) };
}

export function vegaLiteChart(spec: TimeSeriesChartSpec): TopLevelSpec {
  const width = spec.width ?? WIDTH;
  const height = spec.height ?? HEIGHT;
  const window = timeWindow(spec);
  const columns = Math.max(1, width - AXIS_ROOM);
  const plotType = spec.plotType ?? 'LINE';
  const stacked = plotType === 'STACKED_AREA' || plotType === 'STACKED_BAR';
  const legendFit = legendLayout(
    spec.series.map((one) => one.name || 'value'),
    width,
    height,
    spec.incidents.length > 0,
  );
  const names = seriesNames(spec, legendFit.labelWidth);

  const lineRows: SeriesRow[] = stacked
    ? []
    : spec.series.flatMap((one, index) =>
        columnExtremes(one.points, window.start, window.end, columns).map((point: Point) => ({
          t: point.t,
          v: point.v,
          series: names[index],
        })),
      );
  const allPoints = spec.series.flatMap((one) => one.points);
  const stackColumns = plotType === 'STACKED_BAR' ? barColumns(allPoints, columns) : columns;
  const stackRows = stacked ? stackedRows(spec, names, window, stackColumns) : [];
  const values = [
    ...lineRows.map((row) => row.v),
    ...stackRows.flatMap((row) => [row.y0, row.y1]),
    ...spec.thresholds.map((one) => one.value),
  ].filter(Number.isFinite);
  const ticks = valueTicks(
    values.reduce((low, value) => Math.min(low, value), 0),
    values.reduce((high, value) => Math.max(high, value), 0),
    spec.unit,
  );
  const domain = [ticks[0], ticks[ticks.length - 1]];
  // A time label ("11-08 00:00") takes about 70 px: no more ticks than fit the plot's width.
  const { times, step } = timeTicks(window.start, window.end, Math.max(2, Math.min(8, Math.floor(columns / 70))));
  const elapsed = spec.timeAxis === 'elapsed';
  const timeLabels = Object.fromEntries(
    times.map((time) => [String(time), elapsed ? elapsedLabel(time) : clockLabel(time, step)]),
  );

  const x = {
    field: 't',
    type: 'quantitative' as const,
    scale: { domain: [window.start, window.end], nice: false, zero: false },
    axis: {
      values: times,
      labelExpr: `${JSON.stringify(timeLabels)}[datum.value]`,
      title: elapsed ? 'time since the scenario start' : 'UTC',
      titleFontWeight: 'normal' as const,
      titleColor: '#666',
    },
  };
  const y = (field: string) => ({
    field,
    type: 'quantitative' as const,
    scale: { domain, nice: false, zero: false },
    axis: {
      values: ticks,
      labelExpr: `${JSON.stringify(valueLabels(ticks, spec.unit))}[datum.value]`,
      title: null,
      // The same room for the labels on every chart: plots drawn one under the other line up.
      minExtent: Y_LABEL_ROOM,
    },
  });
  const legend = {
    orient: 'top' as const,
    direction: 'horizontal' as const,
    columns: legendFit.columns,
    title: null,
    labelLimit: Math.ceil(legendFit.labelWidth) + 1,
    symbolLimit: legendFit.entries,
  };

  // A line's legend symbol is a stroke long enough to show its dash and width.
  const lineLegend = { ...legend, symbolSize: 300 };

  const layers: object[] = [];
  const incidentNames = [...new Set(spec.incidents.map((one) => one.label ?? ''))];
  if (spec.incidents.length > 0) {
    const incidentKey = (label: string) => {
      const count = spec.incidents.filter((one) => (one.label ?? '') === label).length;
      return `${label ? `incidents ${label}` : count === 1 ? 'incident' : 'incidents'} (${count})`;
    };
    layers.push({
      data: {
        values: spec.incidents.map((one) => ({
          t: one.start,
          t2: Math.max(one.end ?? window.end, one.start),
          incident: incidentKey(one.label ?? ''),
        })),
      },
      mark: { type: 'rect', opacity: 0.2 },
      encoding: {
        x,
        x2: { field: 't2' },
        fill: {
          field: 'incident',
          type: 'nominal',
          scale: seriesScale(incidentNames.map(incidentKey), INCIDENT_COLOURS),
          legend: {
            ...legend,
            columns: incidentNames.length,
            labelLimit: width,
            symbolLimit: 0,
            symbolType: 'square',
            symbolOpacity: 0.35,
          },
        },
      },
    });
  }
  if (stacked) {
    const fill = {
      field: 'series',
      type: 'nominal',
      scale: seriesScale(names, SERIES_COLOURS),
      legend: { ...legend, symbolType: 'square' },
    };
    layers.push(
      plotType === 'STACKED_BAR'
        ? {
            data: { values: stackRows },
            mark: { type: 'rect', opacity: 0.85, stroke: 'white', strokeWidth: 0.5 },
            encoding: { x, x2: { field: 't2' }, y: y('y1'), y2: { field: 'y0' }, fill },
          }
        : {
            data: { values: stackRows },
            mark: { type: 'area', opacity: 0.75, line: false },
            encoding: { x, y: y('y1'), y2: { field: 'y0' }, fill },
          },
    );
  } else if (lineRows.length > 0) {
    layers.push({
      data: { values: lineRows },
      mark: { type: 'line', strokeCap: 'butt', strokeOpacity: 0.9 },
      encoding: {
        x,
        y: y('v'),
        stroke: {
          field: 'series',
          type: 'nominal',
          scale: seriesScale(names, SERIES_COLOURS),
          legend: lineLegend,
        },
        strokeWidth: { field: 'series', type: 'nominal', scale: seriesScale(names, SERIES_WIDTHS), legend: lineLegend },
        strokeDash: { field: 'series', type: 'nominal', scale: seriesScale(names, SERIES_DASHES), legend: lineLegend },
      },
    });
  }
  if (spec.thresholds.length > 0) layers.push(...thresholdLayers(spec, y('v'), domain, width, height));
  if (spec.events && spec.events.length > 0) layers.push(...eventLayers(spec.events, x));
  if (allPoints.length === 0 && spec.incidents.length === 0)
    layers.push({
      data: { values: [{}] },
      mark: { type: 'text', text: 'no data', fontSize: 14, color: '#666' },
    });

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: PADDING,
    background: 'white',
    title: {
      // Wrapped to the chart's width: a title wider than the chart would shrink the plot to make room.
      text: wrapToWidth(spec.title, width - 2 * PADDING, 3, measureOf(TITLE_FONT_SIZE, true)),
      anchor: 'start',
      fontSize: TITLE_FONT_SIZE,
      offset: 6,
    },
    config: {
      font: CHART_FONT,
      aria: false,
      view: { stroke: '#bbb' },
      axis: { labelFontSize: LABEL_FONT_SIZE, gridColor: '#eee', domainColor: '#888', tickColor: '#888' },
      // Several legends (series, incidents) stack above the plot rather than side by side.
      legend: {
        labelFontSize: LABEL_FONT_SIZE,
        layout: { top: { anchor: 'start', direction: 'vertical', margin: 4 } },
      },
    },
    layer: layers,
    // Layers are built as plain objects, and Vega-Lite's typings omit the legend layout it passes
    // through to Vega: the tests compile every kind of chart instead.
  } as unknown as TopLevelSpec;
}

/**
 * A dashed rule per threshold and its label, "<label> <value in the unit>", above the rule at the
 * right end of the plot (below it when the previous label would stand in the way). A white halo
 * under the text keeps it readable over the lines.
 */
function thresholdLayers(
  spec: TimeSeriesChartSpec,
  y: object,
  domain: readonly number[],
  width: number,
  height: number,
): object[] {
  const measure = measureOf(LABEL_FONT_SIZE);
  // The label stays inside the plot: the policy's words cut at a word, the value always whole.
  const room = width - AXIS_ROOM - 8;
  const text = (label: string, value: string) => `${cutToWidth(label, room - measure(` ${value}`), measure)} ${value}`;
  const pixelsPerUnit = (height * 0.55) / (domain[1] - domain[0] || 1);
  const sorted = spec.thresholds
    .map((one, index) => ({ ...one, colour: THRESHOLD_COLOURS[index % THRESHOLD_COLOURS.length] }))
    .sort((a, b) => a.value - b.value);
  const rows = sorted.map((one, index) => ({
    v: one.value,
    colour: one.colour,
    text: text(one.label, formatValue(one.value, spec.unit)),
    // Labels stand above their rule; the lower of two close rules puts its label below instead.
    below: index + 1 < sorted.length && (sorted[index + 1].value - one.value) * pixelsPerUnit < 16,
  }));
  const colour = { field: 'colour', type: 'nominal', scale: null, legend: null };
  const labels = (below: boolean, halo: boolean) => ({
    data: { values: rows.filter((row) => row.below === below) },
    mark: {
      type: 'text',
      align: 'right',
      baseline: below ? 'top' : 'bottom',
      x: 'width',
      dx: -4,
      dy: below ? 4 : -4,
      fontSize: LABEL_FONT_SIZE,
      ...(halo ? { fill: 'white', stroke: 'white', strokeWidth: 4, strokeJoin: 'round', strokeOpacity: 0.9 } : {}),
    },
    encoding: { y, text: { field: 'text' }, ...(halo ? {} : { fill: colour }) },
  });
  const labelLayers = [false, true]
    .filter((below) => rows.some((row) => row.below === below))
    .flatMap((below) => [labels(below, true), labels(below, false)]);
  return [
    {
      data: { values: rows },
      mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y, stroke: colour },
    },
    ...labelLayers,
  ];
}

/** A dotted vertical rule per event, its label at the top of the plot beside it. */
function eventLayers(events: NonNullable<TimeSeriesChartSpec['events']>, x: object): object[] {
  const rows = events.map((one) => ({ t: one.t, text: one.label }));
  return [
    {
      data: { values: rows },
      mark: { type: 'rule', strokeDash: [2, 3], stroke: '#555', strokeWidth: 1.25 },
      encoding: { x },
    },
    {
      data: { values: rows },
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'top',
        y: 0,
        dx: 4,
        dy: 3,
        fontSize: LABEL_FONT_SIZE,
        fill: '#444',
      },
      encoding: { x, text: { field: 'text' } },
    },
  ];
}
