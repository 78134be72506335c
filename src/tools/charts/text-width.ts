// How wide a text is drawn, without a canvas: DejaVu Sans's own advance widths (font-widths.ts), the
// font the SVG names first and the one resvg and Debian's Chromium find. Vega lays text out with this
// (render-chart.ts sets it as its text measure), and the chart builder cuts and wraps text with it,
// so labels are cut where they would really overflow, and the layout is the same on every machine.
import { DEJAVU_SANS, DEJAVU_SANS_BOLD } from './font-widths';

/** A character missing from the table (CJK, symbols) counts as a full em: wide enough for any. */
const UNKNOWN_WIDTH = 1;

/** Pixels `text` takes at `fontSize` pixels, bold or regular. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const widths = bold ? DEJAVU_SANS_BOLD : DEJAVU_SANS;
  let ems = 0;
  for (const character of text) ems += widths[character] ?? UNKNOWN_WIDTH;
  return ems * fontSize;
}

/** A measure of text at one font size and weight. */
export type Measure = (text: string) => number;

export function measureOf(fontSize: number, bold = false): Measure {
  return (text) => textWidth(text, fontSize, bold);
}
