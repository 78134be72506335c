// Plain-text tables for terminals and logs: columns padded to their widest cell, and the whole
// table kept within a width (the terminal's, or 100 columns when the output is not a terminal).
// When the natural widths do not fit, the widest columns give way first and a long cell wraps at
// word boundaries onto a few lines. When that would squeeze a column below a readable width (eight
// columns of policy names in 100), each row is printed as a block instead: its name, then
// `Header: cell` lines at the full width. A cell still too long is cut with what was cut named
// ("… +7 more" for a list of items, "… +120 chars" otherwise; --format json has every cell whole).
// The markdown formats keep every cell whole.

export const DEFAULT_TEXT_WIDTH = 100;
/** Lines a wrapped cell may take before the rest is cut. */
export const MAX_CELL_LINES = 4;
/** Narrower than this a column is not squeezed (unless its header and cells are narrower). */
const MIN_COLUMN_WIDTH = 10;
/** A column squeezed below this (when its cells are wider) makes the table print as blocks. */
const READABLE_COLUMN_WIDTH = 24;
const GAP = '  ';
const INDENT = '  ';
/** Items of a list cell are separated so: coverage's "also firing" and noise columns. */
const LIST_SEPARATOR = '; ';

export interface TextTableOptions {
  /** The most columns a line may take. */
  readonly width?: number;
  /** Columns whose cells align right (numbers). */
  readonly rightAligned?: readonly number[];
}

/** The width text output should keep to: the terminal's, or 100 columns when not a terminal. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : DEFAULT_TEXT_WIDTH;
}

function naturalWidths(rows: readonly (readonly string[])[]): number[] {
  return rows[0].map((_, column) => rows.reduce((widest, row) => Math.max(widest, (row[column] ?? '').length), 0));
}

/**
 * Column widths that fit `width`: columns narrower than an even share keep their natural width,
 * the rest share what is left evenly (water-filling), never below a floor; the first column (the
 * row's name) is never squeezed.
 */
function fittedWidths(rows: readonly (readonly string[])[], width: number): number[] {
  const natural = naturalWidths(rows);
  const available = width - GAP.length * (natural.length - 1);
  if (natural.reduce((sum, one) => sum + one, 0) <= available) return natural;
  const widths = [...natural];
  let flexible = natural.map((_, column) => column).filter((column) => column > 0);
  let left = available - natural[0];
  for (;;) {
    const share = Math.floor(left / Math.max(flexible.length, 1));
    const fitting = flexible.filter((column) => natural[column] <= share);
    if (fitting.length === 0) {
      for (const column of flexible) widths[column] = Math.max(share, Math.min(natural[column], MIN_COLUMN_WIDTH));
      return widths;
    }
    for (const column of fitting) left -= natural[column];
    flexible = flexible.filter((column) => natural[column] > share);
    if (flexible.length === 0) return widths;
  }
}

/** Words of a cell, each short enough for the column (a longer word is split). */
function words(cell: string, width: number): string[] {
  return cell
    .split(' ')
    .flatMap((word) => (word.length <= width ? [word] : (word.match(new RegExp(`.{1,${width}}`, 'g')) ?? [])));
}

/** Text on lines of at most `width`, broken at words (a longer word is split); nothing cut. */
export function wrapWords(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  for (const word of words(text, width)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A cell on at most MAX_CELL_LINES lines of `width`, the cut part named on the last one. */
export function wrapCell(cell: string, width: number): string[] {
  const lines = wrapWords(cell, width);
  if (lines.length <= MAX_CELL_LINES) return lines;
  const kept = lines.slice(0, MAX_CELL_LINES);
  const items = cell.split(LIST_SEPARATOR).length;
  const note = (text: string) =>
    items > 1 ? `… +${items - completeItems(text)} more` : `… +${cell.length - text.length} chars`;
  // Make room on the last line for the note, cutting whole words.
  let lastLine = kept[MAX_CELL_LINES - 1];
  for (;;) {
    const text = [...kept.slice(0, MAX_CELL_LINES - 1), lastLine].join(' ');
    const candidate = lastLine === '' ? note(text) : `${lastLine} ${note(text)}`;
    if (candidate.length <= width || lastLine === '') {
      kept[MAX_CELL_LINES - 1] = candidate.slice(0, Math.max(width, 1));
      break;
    }
    lastLine = lastLine.includes(' ') ? lastLine.slice(0, lastLine.lastIndexOf(' ')) : '';
  }
  return kept;
}

/** How many items of a `; `-separated list are shown whole in `text`. */
function completeItems(text: string): number {
  const parts = text.split(LIST_SEPARATOR);
  // The last part is whole only when the text ends exactly at an item's end, which a cut never does.
  return Math.max(parts.length - 1, 0);
}

/**
 * Each row as a block: its first cell, then short cells as `Header: cell` on one line and each long
 * one on lines of its own, wrapped to the width and cut like a table cell. Empty cells are left out.
 */
function formatBlocks(rows: readonly (readonly string[])[], width: number): string {
  const [header, ...body] = rows;
  const room = Math.max(width - INDENT.length, 1);
  const blocks = body.map((row) => {
    const lines = [row[0] ?? ''];
    const short: string[] = [];
    for (let column = 1; column < header.length; column += 1) {
      const cell = row[column] ?? '';
      if (cell === '') continue;
      const labelled = `${header[column]}: ${cell}`;
      if (labelled.length <= READABLE_COLUMN_WIDTH) {
        short.push(labelled);
        continue;
      }
      // Continuation lines stand further in, so each cell's start is seen at a glance.
      wrapCell(labelled, room - INDENT.length).forEach((line, index) =>
        lines.push(`${index === 0 ? INDENT : INDENT + INDENT}${line}`),
      );
    }
    if (short.length > 0) lines.splice(1, 0, ...wrapCell(short.join(' · '), room).map((line) => `${INDENT}${line}`));
    return lines.join('\n');
  });
  return blocks.join('\n');
}

/** The table as lines of text within the width; a row whose cells wrap takes several lines. */
export function formatTextTable(rows: readonly (readonly string[])[], options: TextTableOptions = {}): string {
  if (rows.length === 0) return '';
  const width = options.width ?? DEFAULT_TEXT_WIDTH;
  const widths = fittedWidths(rows, width);
  const natural = naturalWidths(rows);
  if (widths.some((one, column) => one < Math.min(natural[column], READABLE_COLUMN_WIDTH)))
    return formatBlocks(rows, width);
  const right = new Set(options.rightAligned ?? []);
  const out: string[] = [];
  for (const row of rows) {
    const cells = widths.map((width, column) => wrapCell(row[column] ?? '', width));
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let line = 0; line < height; line += 1) {
      out.push(
        cells
          .map((lines, column) => {
            const text = lines[line] ?? '';
            return right.has(column) ? text.padStart(widths[column]) : text.padEnd(widths[column]);
          })
          .join(GAP)
          .trimEnd(),
      );
    }
  }
  return out.join('\n');
}
