// dashboard/tile-*, dashboard/too-many-tiles, dashboard/invalid-json: mosaic tiles inside the grid
// and not overlapping, at most 100 tiles (facts file §4).
import { MAX_DASHBOARD_TILES } from '../../../gcp/api-limits';
import { isRecord } from '../../../artifact/model';
import type { Rule } from '../rule-context';

interface Box {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function int(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

/** Group tiles span the tiles they contain: their overlap with their members is by design. */
function isContainer(tile: Record<string, unknown>): boolean {
  const widget = tile.widget;
  return isRecord(widget) && (isRecord(widget.collapsibleGroup) || isRecord(widget.singleViewGroup));
}

/** A single-view group shows one of the tiles stacked in its area at a time (a dropdown or tabs). */
function isSingleViewGroup(tile: Record<string, unknown>): boolean {
  return isRecord(tile.widget) && isRecord(tile.widget.singleViewGroup);
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export const dashboardLayoutRules: Rule = (context) => {
  const resource = context.resource;
  if (resource.parseProblem) {
    context.report('dashboard/invalid-json', [], resource.parseProblem);
    return;
  }
  const body = resource.body;
  const mosaic = body.mosaicLayout;
  let tileCount = 0;
  if (isRecord(mosaic)) {
    const tiles = Array.isArray(mosaic.tiles) ? mosaic.tiles : [];
    tileCount = tiles.length;
    const columns = int(mosaic.columns, 0);
    const boxes: Box[] = [];
    const singleViews: Box[] = [];
    tiles.forEach((tile, index) => {
      if (!isRecord(tile)) return;
      const x = int(tile.xPos, 0);
      const y = int(tile.yPos, 0);
      const width = int(tile.width, 1);
      const height = int(tile.height, 1);
      if (x === undefined || y === undefined || width === undefined || height === undefined) return;
      const path = ['mosaicLayout', 'tiles', index];
      if (x < 0 || y < 0 || width < 1 || height < 1) {
        context.report('dashboard/tile-bounds', path, `tile ${index} has xPos ${x}, yPos ${y}, width ${width}, height ${height}; positions must not be negative and sizes at least 1`);
        return;
      }
      if (columns && x + width > columns) {
        context.report('dashboard/tile-bounds', path, `tile ${index} spans columns ${x} to ${x + width - 1}, past the grid's ${columns} columns (xPos + width must be at most ${columns})`, `use width ${Math.max(1, columns - x)} or a smaller xPos`);
      }
      if (isSingleViewGroup(tile)) singleViews.push({ index, x, y, width, height });
      if (!isContainer(tile)) boxes.push({ index, x, y, width, height });
    });
    // Sorted by row, a tile can only overlap tiles that start before it ends.
    boxes.sort((a, b) => a.y - b.y || a.x - b.x);
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i];
      for (let j = i + 1; j < boxes.length && boxes[j].y < a.y + a.height; j++) {
        const b = boxes[j];
        const sameView = singleViews.some((group) => inside(a, group) && inside(b, group));
        if (!sameView && b.x < a.x + a.width && a.x < b.x + b.width) {
          const [first, second] = a.index < b.index ? [a, b] : [b, a];
          context.report('dashboard/tile-overlap', ['mosaicLayout', 'tiles', second.index], `tile ${second.index} (x ${second.x}, y ${second.y}, ${second.width}×${second.height}) overlaps tile ${first.index} (x ${first.x}, y ${first.y}, ${first.width}×${first.height})`, 'move one of them');
        }
      }
    }
  }
  for (const layout of ['gridLayout', 'rowLayout', 'columnLayout'] as const) {
    const value = body[layout];
    if (!isRecord(value)) continue;
    if (layout === 'gridLayout') tileCount += Array.isArray(value.widgets) ? value.widgets.length : 0;
    const groups = layout === 'rowLayout' ? value.rows : value.columns;
    if (layout !== 'gridLayout' && Array.isArray(groups)) {
      for (const group of groups) if (isRecord(group) && Array.isArray(group.widgets)) tileCount += group.widgets.length;
    }
  }
  if (tileCount > MAX_DASHBOARD_TILES) {
    context.report('dashboard/too-many-tiles', isRecord(mosaic) ? ['mosaicLayout', 'tiles'] : [], `the dashboard has ${tileCount} tiles; Cloud Monitoring supports at most ${MAX_DASHBOARD_TILES}`, 'split it into two dashboards');
  }
};
