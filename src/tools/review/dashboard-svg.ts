// A dashboard's layout before and after, side by side, as SVG: tiles as boxes with their titles,
// coloured by what happened to them. People would rather look at a layout than read it.
import type { DashboardLayout } from './dashboard-tiles';
import type { TileChange } from './model';

const PANEL_WIDTH = 480;
const GAP = 32;
const HEADER = 48;
const FONT_SIZE = 11;
// A rough average advance for an 11 px sans-serif glyph; titles longer than a tile are cut with "…".
const CHAR_WIDTH = 6.2;

const STYLE: Readonly<Record<TileChange['kind'] | 'unchanged', { fill: string; stroke: string }>> = {
  added: { fill: '#dafbe1', stroke: '#1a7f37' },
  removed: { fill: '#ffebe9', stroke: '#cf222e' },
  changed: { fill: '#fff8c5', stroke: '#9a6700' },
  moved: { fill: '#ddf4ff', stroke: '#0969da' },
  unchanged: { fill: '#f6f8fa', stroke: '#8c959f' },
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fit(text: string, width: number): string {
  const room = Math.max(1, Math.floor((width - 8) / CHAR_WIDTH));
  return text.length <= room ? text : `${text.slice(0, Math.max(0, room - 1))}…`;
}

/** Word-wraps a title into the lines a tile has room for; the last line ends in "…" when cut. */
function wrap(text: string, width: number, maxLines: number): string[] {
  const room = Math.max(1, Math.floor((width - 8) / CHAR_WIDTH));
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= room || current === '') current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  const kept = lines.slice(0, Math.max(1, maxLines)).map((line) => fit(line, width));
  if (lines.length > kept.length)
    kept[kept.length - 1] = fit(`${kept[kept.length - 1]} ${lines[kept.length]}`, width).replace(/([^…])$/, '$1…');
  return kept;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function titleText(title: string, x: number, y: number, width: number, height: number): string {
  const lineHeight = FONT_SIZE + 3;
  const lines = wrap(title, width, Math.floor((height - 4) / lineHeight));
  const spans = lines
    .map((line, index) => `<tspan x="${round(x + 4)}" dy="${index === 0 ? 0 : lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text x="${round(x + 4)}" y="${round(y + lineHeight)}" font-size="${FONT_SIZE}">${spans}</text>`;
}

interface Panel {
  readonly body: string;
  readonly height: number;
}

function drawPanel(
  layout: DashboardLayout | undefined,
  label: string,
  left: number,
  states: ReadonlyMap<string, keyof typeof STYLE>,
): Panel {
  const parts: string[] = [
    `<text x="${left}" y="${HEADER - 16}" font-size="14" font-weight="bold">${escapeXml(label)}</text>`,
  ];
  if (!layout) {
    parts.push(`<text x="${left}" y="${HEADER + 16}" font-size="${FONT_SIZE}" fill="#57606a">(no dashboard)</text>`);
    return { body: parts.join('\n'), height: 40 };
  }
  const unit = PANEL_WIDTH / Math.max(1, layout.columns);
  const rowUnit = layout.kind === 'mosaic' ? unit : unit * 0.5;
  let bottom = 0;
  for (const tile of layout.tiles) {
    const style = STYLE[states.get(tile.key) ?? 'unchanged'];
    const x = left + tile.x * unit;
    const y = HEADER + tile.y * rowUnit;
    const width = Math.max(2, tile.width * unit - 2);
    const height = Math.max(2, tile.height * rowUnit - 2);
    bottom = Math.max(bottom, tile.y * rowUnit + height);
    parts.push(
      `<g><title>${escapeXml(tile.key)}</title><rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="3" fill="${style.fill}" stroke="${style.stroke}"/>` +
        (height >= FONT_SIZE + 4 ? titleText(tile.key, x, y, width, height) : '') +
        '</g>',
    );
  }
  return { body: parts.join('\n'), height: bottom };
}

/** Before on the left, after on the right; removed tiles red on the left, added green on the right. */
export function renderLayoutSvg(
  before: DashboardLayout | undefined,
  after: DashboardLayout | undefined,
  changes: readonly TileChange[],
): string {
  const beforeStates = new Map<string, keyof typeof STYLE>();
  const afterStates = new Map<string, keyof typeof STYLE>();
  for (const change of changes) {
    if (change.kind === 'removed') beforeStates.set(change.title, 'removed');
    else if (change.kind === 'added') afterStates.set(change.title, 'added');
    else {
      afterStates.set(change.title, change.kind);
      // A retitled tile is known under its old title on the left.
      const retitled = /^title "(.*)" → "/.exec(change.details[0] ?? '');
      beforeStates.set(retitled ? retitled[1] : change.title, change.kind);
    }
  }
  const left = drawPanel(before, `before: ${before?.displayName ?? ''}`, 0, beforeStates);
  const right = drawPanel(after, `after: ${after?.displayName ?? ''}`, PANEL_WIDTH + GAP, afterStates);
  const legendY = HEADER + Math.max(left.height, right.height) + 24;
  const legend = (['added', 'removed', 'changed', 'moved', 'unchanged'] as const)
    .map((state, index) => {
      const x = index * 96;
      return `<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${STYLE[state].fill}" stroke="${STYLE[state].stroke}"/><text x="${x + 16}" y="${legendY}" font-size="${FONT_SIZE}">${state}</text>`;
    })
    .join('\n');
  const width = 2 * PANEL_WIDTH + GAP;
  const height = legendY + 12;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="-4 -4 ${width + 8} ${height + 8}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect x="-4" y="-4" width="${width + 8}" height="${height + 8}" fill="#ffffff"/>`,
    left.body,
    right.body,
    legend,
    '</svg>',
    '',
  ].join('\n');
}
