// How the series legend fits above the plot: its columns, how wide a label may be, how many entries
// show. As many columns as whole labels fit across; on a small tile, where the rows would take more
// than about a quarter of the chart's height, more columns with labels cut shorter; entries beyond
// what fits fold into Vega's "…N entries".
import { AXIS_ROOM, LABEL_FONT_SIZE } from './chart-style';
import { measureOf } from './text-width';

/** Legend entries beyond these fold into one "…N entries" line, however large the chart. */
const MOST_ENTRIES = 8;
/** Pixels a legend entry takes besides its label (the symbol, its gap, the column padding), and a row's height. */
const ENTRY_ROOM = 40;
const ROW_HEIGHT = 17;
/** The narrowest a label is cut to before entries fold away instead. */
const NARROWEST_LABEL = 70;

export interface LegendLayout {
  readonly columns: number;
  /** Pixels a label may take before it is cut (at a word). */
  readonly labelWidth: number;
  /** Entries shown; beyond them the legend ends with "…N entries". */
  readonly entries: number;
}

/** The layout of a legend of `names` on a chart of `width` × `height`, the incidents' legend taking a row. */
export function legendLayout(
  names: readonly string[],
  width: number,
  height: number,
  incidents: boolean,
): LegendLayout {
  const measure = measureOf(LABEL_FONT_SIZE);
  const across = width - AXIS_ROOM;
  const rows = Math.max(1, Math.floor((height * 0.25) / ROW_HEIGHT) - (incidents ? 1 : 0));
  const longest = Math.min(Math.max(20, ...names.map(measure)), across - ENTRY_ROOM);
  const fitting = Math.floor(across / (longest + ENTRY_ROOM));
  const needed = Math.ceil(Math.min(names.length, MOST_ENTRIES) / rows);
  const wanted = Math.max(1, Math.min(Math.max(fitting, needed), names.length));
  const labelWidth = Math.max(NARROWEST_LABEL, Math.min(longest, across / wanted - ENTRY_ROOM));
  const columns = Math.max(1, Math.min(wanted, Math.floor(across / (labelWidth + ENTRY_ROOM))));
  return { columns, labelWidth, entries: Math.min(MOST_ENTRIES, Math.max(2, columns * rows)) };
}
