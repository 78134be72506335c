// The look every chart shares: sizes, fonts and colours, in one place.

export const DEFAULT_WIDTH = 900;
export const DEFAULT_HEIGHT = 340;
/** DejaVu Sans is what resvg and Debian's Chromium find on these machines; the rest are fallbacks. */
export const CHART_FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';
export const LABEL_FONT_SIZE = 11;
export const TITLE_FONT_SIZE = 12;
/** Pixels around the chart. */
export const PADDING = 8;
/** Room for the y axis labels ("1000 ms" and its tick), however short the labels: stacked charts line up. */
export const Y_LABEL_ROOM = 56;
/** Room the y axis labels and the padding take beside the plot: the plot's width before layout. */
export const AXIS_ROOM = 90;

export const SERIES_COLOURS = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#17becf', '#e377c2', '#7f7f7f', '#bcbd22'];
/** Later series draw narrower and dashed over earlier ones: a series equal to another still shows. */
export const SERIES_WIDTHS = [3.5, 2.25, 1.5, 1.25];
export const SERIES_DASHES = [
  [1, 0],
  [7, 3],
  [2, 2],
  [10, 3, 2, 3],
];
export const THRESHOLD_COLOURS = ['#d62728', '#ff7f0e'];
export const INCIDENT_COLOURS = ['#d62728', '#ff7f0e', '#7f7f7f'];
