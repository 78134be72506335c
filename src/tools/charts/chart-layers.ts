// The layers of a chart, as Vega-Lite layer specifications (plain data): incidents shaded under
// everything, then the series (lines, or stacked areas or bars), thresholds as labelled rules, events
// as labelled vertical rules. Each takes the chart's shared x channel and y channel maker, so every
// layer draws on the same scales.
import { formatValue, type TimeSeriesChartSpec } from './chart-spec';
import {
  AXIS_ROOM,
  INCIDENT_COLOURS,
  LABEL_FONT_SIZE,
  SERIES_COLOURS,
  SERIES_DASHES,
  SERIES_WIDTHS,
  THRESHOLD_COLOURS,
} from './chart-style';
import { cutToWidth } from './short-text';
import { measureOf } from './text-width';

export type Layer = Record<string, unknown>;
export type Channel = Record<string, unknown>;
/** The y channel on a field: the same scale and axis whichever field a layer plots. */
export type ValueChannel = (field: string) => Channel;

export interface SeriesRow {
  readonly t: number;
  readonly v: number;
  readonly series: string;
}

export interface StackedRow {
  readonly t: number;
  readonly t2: number;
  readonly y0: number;
  readonly y1: number;
  readonly series: string;
}

/**
 * A scale shared by every series-keyed channel, so their legends merge into one. Ordinal: Vega-Lite
 * would otherwise interpolate numeric ranges (a stroke width of NaN for a single series).
 */
function keyedScale<T>(names: readonly string[], values: readonly T[]) {
  return { type: 'ordinal', domain: [...names], range: names.map((_, index) => values[index % values.length]) };
}

/** Incidents as shaded spans from opening to closing (to the window's end while open), counted per label in a legend. */
export function incidentLayer(
  incidents: TimeSeriesChartSpec['incidents'],
  windowEnd: number,
  x: Channel,
  legend: Channel,
  width: number,
): Layer {
  const labels = [...new Set(incidents.map((one) => one.label ?? ''))];
  const key = (label: string) => {
    const count = incidents.filter((one) => (one.label ?? '') === label).length;
    return `${label ? `incidents ${label}` : count === 1 ? 'incident' : 'incidents'} (${count})`;
  };
  return {
    data: {
      values: incidents.map((one) => ({
        t: one.start,
        t2: Math.max(one.end ?? windowEnd, one.start),
        incident: key(one.label ?? ''),
      })),
    },
    mark: { type: 'rect', opacity: 0.2 },
    encoding: {
      x,
      x2: { field: 't2' },
      fill: {
        field: 'incident',
        type: 'nominal',
        scale: keyedScale(labels.map(key), INCIDENT_COLOURS),
        legend: {
          ...legend,
          columns: labels.length,
          labelLimit: width,
          symbolLimit: 0,
          symbolType: 'square',
          symbolOpacity: 0.35,
        },
      },
    },
  };
}

/** Lines told apart by colour, width and dash; a legend symbol long enough to show both. */
export function lineLayer(
  rows: readonly SeriesRow[],
  names: readonly string[],
  x: Channel,
  y: ValueChannel,
  legend: Channel,
): Layer {
  const keyed = (values: readonly unknown[]) => ({
    field: 'series',
    type: 'nominal',
    scale: keyedScale(names, values),
    legend: { ...legend, symbolSize: 300 },
  });
  return {
    data: { values: rows },
    mark: { type: 'line', strokeCap: 'butt', strokeOpacity: 0.9 },
    encoding: {
      x,
      y: y('v'),
      stroke: keyed(SERIES_COLOURS),
      strokeWidth: keyed(SERIES_WIDTHS),
      strokeDash: keyed(SERIES_DASHES),
    },
  };
}

/** Stacked areas or bars from rows already stacked (y0 to y1). */
export function stackedLayer(
  plotType: 'STACKED_AREA' | 'STACKED_BAR',
  rows: readonly StackedRow[],
  names: readonly string[],
  x: Channel,
  y: ValueChannel,
  legend: Channel,
): Layer {
  const fill = {
    field: 'series',
    type: 'nominal',
    scale: keyedScale(names, SERIES_COLOURS),
    legend: { ...legend, symbolType: 'square' },
  };
  return plotType === 'STACKED_BAR'
    ? {
        data: { values: rows },
        mark: { type: 'rect', opacity: 0.85, stroke: 'white', strokeWidth: 0.5 },
        encoding: { x, x2: { field: 't2' }, y: y('y1'), y2: { field: 'y0' }, fill },
      }
    : {
        data: { values: rows },
        mark: { type: 'area', opacity: 0.75, line: false },
        encoding: { x, y: y('y1'), y2: { field: 'y0' }, fill },
      };
}

/**
 * A dashed rule per threshold and its label, "<label> <value in the unit>", above the rule at the
 * right end of the plot (below it when the previous label would stand in the way). A white halo
 * under the text keeps it readable over the lines; a label wider than the plot keeps its value whole.
 */
export function thresholdLayers(
  spec: Pick<TimeSeriesChartSpec, 'thresholds' | 'unit'>,
  y: ValueChannel,
  domain: readonly number[],
  width: number,
  height: number,
): Layer[] {
  const measure = measureOf(LABEL_FONT_SIZE);
  const room = width - AXIS_ROOM - 8;
  // A label that already ends with the value (a dashboard's "alert: 1%") is not given it twice.
  const text = (label: string, value: string) =>
    label.endsWith(value)
      ? cutToWidth(label, room, measure)
      : `${cutToWidth(label, room - measure(` ${value}`), measure)} ${value}`;
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
    encoding: { y: y('v'), text: { field: 'text' }, ...(halo ? {} : { fill: colour }) },
  });
  return [
    {
      data: { values: rows },
      mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y: y('v'), stroke: colour },
    },
    ...[false, true]
      .filter((below) => rows.some((row) => row.below === below))
      .flatMap((below) => [labels(below, true), labels(below, false)]),
  ];
}

/** A dotted vertical rule per event, its label at the top of the plot beside it. */
export function eventLayers(events: NonNullable<TimeSeriesChartSpec['events']>, x: Channel): Layer[] {
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

/** "no data" in the middle of an empty chart. */
export function noDataLayer(): Layer {
  return { data: { values: [{}] }, mark: { type: 'text', text: 'no data', fontSize: 14, color: '#666' } };
}
