// Text into SVG and HTML: escaped for both (the same rules serve attribute values and content), and
// cut into lines that fit a width, since SVG text does not wrap by itself.

export function escapeMarkup(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A rough average advance of a sans-serif glyph, as a share of the font size. */
const GLYPH_WIDTH = 0.56;

/** How many characters of `fontSize` fit in `width` pixels. */
export function charactersIn(width: number, fontSize: number): number {
  return Math.max(1, Math.floor(width / (fontSize * GLYPH_WIDTH)));
}

/** Word-wrapped lines of at most `room` characters, at most `maxLines` of them; a cut ends in "…". */
export function wrapText(text: string, room: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((one) => one !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= room) current = candidate;
    else {
      if (current !== '') lines.push(current);
      current = word.length > room ? `${word.slice(0, room - 1)}…` : word;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept[kept.length - 1];
  kept[kept.length - 1] = last.length < room ? `${last}…` : `${last.slice(0, room - 1)}…`;
  return kept;
}

/** SVG text lines from (x, y) (the first baseline), `lineHeight` apart. */
export function svgTextLines(
  lines: readonly string[],
  x: number,
  y: number,
  attributes: { fontSize: number; lineHeight: number; fill?: string; weight?: string },
): string {
  if (lines.length === 0) return '';
  const spans = lines
    .map(
      (line, index) => `<tspan x="${x}" dy="${index === 0 ? 0 : attributes.lineHeight}">${escapeMarkup(line)}</tspan>`,
    )
    .join('');
  return `<text x="${x}" y="${y}" font-size="${attributes.fontSize}" fill="${attributes.fill ?? '#202124'}"${attributes.weight ? ` font-weight="${attributes.weight}"` : ''}>${spans}</text>`;
}
