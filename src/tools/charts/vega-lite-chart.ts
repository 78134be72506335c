// A TimeSeriesChartSpec as a Vega-Lite specification: plain data, no library loaded here (render-chart.ts
// compiles and draws it). Everything a person reads is decided here and in the files beside it rather
// than left to the library's defaults, because the defaults are wrong for monitoring charts: ticks
// round in the metric's display unit and labelled by formatValue (1%, 500 ms), time ticks on round
// minutes and hours, the legend above the plot, series told apart by colour, width and dash so that
// identical series stay visible, thresholds as rules labelled with their policy and value, incidents
// as shaded spans. The data is binned to pixel columns first: Vega never sees more than it can draw.
import type { TopLevelSpec } from 'vega-lite';
import { clockLabel, elapsedLabel, timeTicks, valueLabels, valueTicks } from './axis-ticks';
import {
  type Channel,
  eventLayers,
  incidentLayer,
  type Layer,
  lineLayer,
  noDataLayer,
  type SeriesRow,
  type StackedRow,
  stackedLayer,
  thresholdLayers,
  type ValueChannel,
} from './chart-layers';
import type { TimeSeriesChartSpec } from './chart-spec';
import {
  AXIS_ROOM,
  CHART_FONT,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  LABEL_FONT_SIZE,
  PADDING,
  TITLE_FONT_SIZE,
  Y_LABEL_ROOM,
} from './chart-style';
import { legendLayout } from './legend-layout';
import { barColumns, columnExtremes, columnMeans } from './pixel-columns';
import { cutToWidth, wrapToWidth } from './short-text';
import { measureOf } from './text-width';

/** A time label ("11-08 00:00") takes about this many pixels: no more time ticks than fit. */
const TIME_LABEL_ROOM = 70;

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

/** Series names as legend labels: cut at a word to `labelWidth` pixels, and distinct. */
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

/** Each series' minimum and maximum per pixel column. */
function lineRows(spec: TimeSeriesChartSpec, names: readonly string[], window: Window, columns: number): SeriesRow[] {
  return spec.series.flatMap((one, index) =>
    columnExtremes(one.points, window.start, window.end, columns).map((point) => ({
      t: point.t,
      v: point.v,
      series: names[index],
    })),
  );
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

/** The x channel: the window, ticks on round steps labelled on the UTC clock or from the start. */
function timeChannel(spec: TimeSeriesChartSpec, window: Window, plotWidth: number): Channel {
  const most = Math.max(2, Math.min(8, Math.floor(plotWidth / TIME_LABEL_ROOM)));
  const { times, step } = timeTicks(window.start, window.end, most);
  const elapsed = spec.timeAxis === 'elapsed';
  const labels = Object.fromEntries(
    times.map((time) => [String(time), elapsed ? elapsedLabel(time) : clockLabel(time, step)]),
  );
  return {
    field: 't',
    type: 'quantitative',
    scale: { domain: [window.start, window.end], nice: false, zero: false },
    axis: {
      values: times,
      // Labels looked up by tick value: the words are decided here, not by a format string.
      labelExpr: `${JSON.stringify(labels)}[datum.value]`,
      title: elapsed ? 'time since the scenario start' : 'UTC',
      titleFontWeight: 'normal',
      titleColor: '#666',
    },
  };
}

/** The y channel maker: round ticks in the display unit, labelled by formatValue. */
function valueChannel(ticks: readonly number[], unit: string): ValueChannel {
  return (field) => ({
    field,
    type: 'quantitative',
    scale: { domain: [ticks[0], ticks[ticks.length - 1]], nice: false, zero: false },
    axis: {
      values: ticks,
      labelExpr: `${JSON.stringify(valueLabels(ticks, unit))}[datum.value]`,
      title: null,
      minExtent: Y_LABEL_ROOM,
    },
  });
}

export function vegaLiteChart(spec: TimeSeriesChartSpec): TopLevelSpec {
  const width = spec.width ?? DEFAULT_WIDTH;
  const height = spec.height ?? DEFAULT_HEIGHT;
  const window = timeWindow(spec);
  const columns = Math.max(1, width - AXIS_ROOM);
  const plotType = spec.plotType ?? 'LINE';
  const legendFit = legendLayout(
    spec.series.map((one) => one.name || 'value'),
    width,
    height,
    spec.incidents.length > 0,
  );
  const names = seriesNames(spec, legendFit.labelWidth);
  const stacked = plotType === 'STACKED_AREA' || plotType === 'STACKED_BAR' ? plotType : undefined;
  const allPoints = spec.series.flatMap((one) => one.points);
  const lines = stacked ? [] : lineRows(spec, names, window, columns);
  const stacks = stacked
    ? stackedRows(spec, names, window, stacked === 'STACKED_BAR' ? barColumns(allPoints, columns) : columns)
    : [];
  const values = [
    ...lines.map((row) => row.v),
    ...stacks.flatMap((row) => [row.y0, row.y1]),
    ...spec.thresholds.map((one) => one.value),
  ].filter(Number.isFinite);
  const ticks = valueTicks(
    values.reduce((low, value) => Math.min(low, value), 0),
    values.reduce((high, value) => Math.max(high, value), 0),
    spec.unit,
  );
  const x = timeChannel(spec, window, columns);
  const y = valueChannel(ticks, spec.unit);
  const legend = {
    orient: 'top',
    direction: 'horizontal',
    columns: legendFit.columns,
    title: null,
    labelLimit: Math.ceil(legendFit.labelWidth) + 1,
    symbolLimit: legendFit.entries,
  };

  const layers: Layer[] = [];
  if (spec.incidents.length > 0) layers.push(incidentLayer(spec.incidents, window.end, x, legend, width));
  if (stacked) layers.push(stackedLayer(stacked, stacks, names, x, y, legend));
  else if (lines.length > 0) layers.push(lineLayer(lines, names, x, y, legend));
  if (spec.thresholds.length > 0)
    layers.push(...thresholdLayers(spec, y, [ticks[0], ticks[ticks.length - 1]], width, height));
  if (spec.events && spec.events.length > 0) layers.push(...eventLayers(spec.events, x));
  if (allPoints.length === 0 && spec.incidents.length === 0) layers.push(noDataLayer());

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
      // Several legends (incidents, series) stack above the plot rather than side by side.
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
