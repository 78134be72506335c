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
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * The overlaps listed per dashboard; the rest are counted in one more finding. A dashboard of
 * 10,000 identical tiles has 50 million overlapping pairs: listing them took 4 GB.
 */
export const MAX_OVERLAP_FINDINGS = 20;
/**
 * Overlaps are looked for within the widest grid Google's own dashboards use (facts file §4);
 * tiles past it are errors already.
 */
const MAX_GRID_COLUMNS = 48;

/**
 * Reports each tile that overlaps a tile above or before it, once, in a sweep down the rows: for
 * each grid column it keeps the lowest bottom edge reached so far, so a tile is checked against
 * its columns rather than every other tile: O(n log n + n × columns) instead of O(n²). Tiles of
 * a single-view group overlap each other by design; they are tracked apart, per group.
 */
function reportOverlaps(
  context: Parameters<Rule>[0],
  boxes: Box[],
  singleViews: readonly Box[],
  columns: number | undefined,
): void {
  const gridColumns = Math.min(columns || MAX_GRID_COLUMNS, MAX_GRID_COLUMNS);
  const groupOf = (box: Box) => singleViews.find((group) => inside(box, group))?.index ?? -1;
  // Per column, per single-view group (-1: none), the tile reaching lowest so far.
  const lowest: Map<number, Box>[] = Array.from({ length: gridColumns }, () => new Map());
  boxes.sort((a, b) => a.y - b.y || a.x - b.x || a.index - b.index);
  let overlapping = 0;
  for (const box of boxes) {
    const group = groupOf(box);
    let partner: Box | undefined;
    const end = Math.min(box.x + box.width, gridColumns);
    for (let column = box.x; column < end; column++) {
      for (const [otherGroup, other] of lowest[column]) {
        const sameView = group !== -1 && otherGroup === group;
        if (!sameView && other.y + other.height > box.y && (!partner || other.index < partner.index)) partner = other;
      }
      const current = lowest[column].get(group);
      if (!current || current.y + current.height < box.y + box.height) lowest[column].set(group, box);
    }
    if (!partner) continue;
    overlapping++;
    if (overlapping > MAX_OVERLAP_FINDINGS) continue;
    const [first, second] = partner.index < box.index ? [partner, box] : [box, partner];
    const message =
      `tile ${second.index} (x ${second.x}, y ${second.y}, ${second.width}×${second.height}) ` +
      `overlaps tile ${first.index} (x ${first.x}, y ${first.y}, ${first.width}×${first.height})`;
    context.report('dashboard/tile-overlap', ['mosaicLayout', 'tiles', second.index], message, 'move one of them');
  }
  if (overlapping > MAX_OVERLAP_FINDINGS) {
    const more = overlapping - MAX_OVERLAP_FINDINGS;
    const message =
      `${more} more tile${more === 1 ? '' : 's'} overlap another tile ` +
      `(${overlapping} in all; the first ${MAX_OVERLAP_FINDINGS} are listed)`;
    context.report(
      'dashboard/tile-overlap',
      ['mosaicLayout', 'tiles'],
      message,
      'move the listed tiles first, then lint again',
    );
  }
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
        context.report(
          'dashboard/tile-bounds',
          path,
          `tile ${index} has xPos ${x}, yPos ${y}, width ${width}, height ${height}; positions must not be negative and sizes at least 1`,
        );
        return;
      }
      if (columns && x + width > columns) {
        context.report(
          'dashboard/tile-bounds',
          path,
          `tile ${index} spans columns ${x} to ${x + width - 1}, past the grid's ${columns} columns (xPos + width must be at most ${columns})`,
          `use width ${Math.max(1, columns - x)} or a smaller xPos`,
        );
      }
      if (isSingleViewGroup(tile)) singleViews.push({ index, x, y, width, height });
      if (!isContainer(tile)) boxes.push({ index, x, y, width, height });
    });
    reportOverlaps(context, boxes, singleViews, columns);
  }
  for (const layout of ['gridLayout', 'rowLayout', 'columnLayout'] as const) {
    const value = body[layout];
    if (!isRecord(value)) continue;
    if (layout === 'gridLayout') tileCount += Array.isArray(value.widgets) ? value.widgets.length : 0;
    const groups = layout === 'rowLayout' ? value.rows : value.columns;
    if (layout !== 'gridLayout' && Array.isArray(groups)) {
      for (const group of groups)
        if (isRecord(group) && Array.isArray(group.widgets)) tileCount += group.widgets.length;
    }
  }
  if (tileCount > MAX_DASHBOARD_TILES) {
    context.report(
      'dashboard/too-many-tiles',
      isRecord(mosaic) ? ['mosaicLayout', 'tiles'] : [],
      `the dashboard has ${tileCount} tiles; Cloud Monitoring supports at most ${MAX_DASHBOARD_TILES}`,
      'split it into two dashboards',
    );
  }
};
