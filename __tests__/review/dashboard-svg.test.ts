// The layout drawing: tiles where the layout puts them, titles wrapped inside their tile, the
// full title as a tooltip, colours by what happened to the tile.
import { renderLayoutSvg } from '../../src/tools/review/dashboard-svg';
import type { DashboardLayout, Tile } from '../../src/tools/review/dashboard-tiles';

const tile = (key: string, x: number, y: number, width: number, height: number): Tile => ({
  key,
  title: key,
  x,
  y,
  width,
  height,
  widget: {},
});
const layout = (tiles: Tile[]): DashboardLayout => ({ displayName: 'Board', kind: 'mosaic', columns: 48, tiles });

describe('renderLayoutSvg', () => {
  const long = 'PostgreSQL: query latency p50 / p99 (Query Insights) and more words than fit';
  const svg = renderLayoutSvg(
    layout([tile(long, 0, 0, 16, 4), tile('Kept', 16, 0, 16, 16)]),
    layout([tile('Kept', 0, 0, 16, 16), tile('New <one>', 16, 0, 16, 16)]),
    [
      { kind: 'removed', title: long, details: [] },
      { kind: 'moved', title: 'Kept', details: ['moved (16, 0) → (0, 0)'] },
      { kind: 'added', title: 'New <one>', details: [] },
    ],
  );

  test('a long title wraps into the lines its tile has room for and ends in "…"; the tooltip has all of it', () => {
    const group = svg.split('\n').find((line) => line.includes(`<title>${long}</title>`))!;
    const lines = [...group.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]);
    expect(lines).toEqual(['PostgreSQL: query', 'latency p50 / p99 (Quer…']);
  });

  test('tiles sit at their grid position on each side, coloured by change', () => {
    // 48 columns over 480 px: 10 px per column; the right panel starts at 480 + 32.
    expect(svg).toMatch(/<title>Kept<\/title><rect x="160" y="48" width="158" height="158" rx="3" fill="#ddf4ff"/);
    expect(svg).toMatch(/<title>Kept<\/title><rect x="512" y="48" width="158" height="158" rx="3" fill="#ddf4ff"/);
    expect(svg).toMatch(/<title>New &lt;one&gt;<\/title><rect x="672" y="48" [^>]*fill="#dafbe1"/);
    expect(svg).toMatch(/<rect x="0" y="48" width="158" height="38" rx="3" fill="#ffebe9"/);
  });

  test('a missing side says so', () => {
    expect(renderLayoutSvg(undefined, layout([tile('A', 0, 0, 48, 4)]), [])).toContain('(no dashboard)');
  });
});
