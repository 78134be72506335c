// Reads the advance widths of characters from a TrueType font's own tables (head.unitsPerEm, cmap
// format 4, hhea, hmtx): what scripts/generate-font-widths.ts writes into src/tools/charts/font-widths.ts,
// and what a test compares that table with.
import * as fs from 'fs';

export const FONT_DIRECTORY = '/usr/share/fonts/truetype/dejavu';

/** Printable ASCII, then the few other characters vigil's charts print. */
const CHARACTERS = `${Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('')}…→—–×µ·°≥≤`;

function tables(font: Buffer): Map<string, number> {
  const count = font.readUInt16BE(4);
  const offsets = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const record = 12 + index * 16;
    offsets.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  return offsets;
}

/** The glyph of a character through the Windows Unicode BMP cmap (format 4). */
function glyphLookup(font: Buffer, cmap: number): (code: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  let subtable = -1;
  for (let index = 0; index < count; index++) {
    const record = cmap + 4 + index * 8;
    if (font.readUInt16BE(record) === 3 && font.readUInt16BE(record + 2) === 1)
      subtable = cmap + font.readUInt32BE(record + 4);
  }
  if (subtable < 0 || font.readUInt16BE(subtable) !== 4) throw new Error('no format 4 Unicode BMP cmap');
  const segments = font.readUInt16BE(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (code) => {
    for (let segment = 0; segment < segments; segment++) {
      if (code > font.readUInt16BE(ends + segment * 2)) continue;
      const start = font.readUInt16BE(starts + segment * 2);
      if (code < start) return 0;
      const delta = font.readInt16BE(deltas + segment * 2);
      const rangeOffsetAt = rangeOffsets + segment * 2;
      const rangeOffset = font.readUInt16BE(rangeOffsetAt);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Each character's advance width in em, from a TrueType file. */
export function fontWidths(file: string): Record<string, number> {
  const font = fs.readFileSync(file);
  const offsets = tables(font);
  const unitsPerEm = font.readUInt16BE(offsets.get('head')! + 18);
  const metrics = font.readUInt16BE(offsets.get('hhea')! + 34);
  const hmtx = offsets.get('hmtx')!;
  const glyphOf = glyphLookup(font, offsets.get('cmap')!);
  const advance = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1));
  return Object.fromEntries(
    [...CHARACTERS].map((character) => [
      character,
      Number((advance(glyphOf(character.codePointAt(0)!)) / unitsPerEm).toFixed(4)),
    ]),
  );
}
