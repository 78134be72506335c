// Where each tile stands on the preview, in pixels: Cloud Monitoring's mosaic grid scaled to the
// page (a column is the page width over `columns`; ASSUMPTION, as the console draws it: a row is
// as tall as a column is wide), the sections the sectionHeader tiles open, and the tiles each
// collapsible group spans. Grid, row and column layouts are placed one cell per widget.
import { dashboardLayout, type Tile } from '../dashboards/dashboard-layout';
import { widgetKind } from '../dashboards/widget-kind';

/** The page's dashboard width: a PR comment shows images up to about this wide. */
export const PAGE_WIDTH = 1200;

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedTile {
  readonly tile: Tile;
  readonly kind: string;
  readonly box: Box;
  /** Index into `groups` of the collapsible group the tile lies in. */
  readonly group?: number;
}

export interface Group {
  readonly tile: PlacedTile;
  readonly collapsed: boolean;
}

export interface Section {
  readonly title: string;
  /** The sectionHeader tile that opens it; none for tiles above the first header. */
  readonly header?: PlacedTile;
  readonly tiles: readonly PlacedTile[];
  /** Pixels from the top of the dashboard. */
  readonly top: number;
  readonly bottom: number;
}

export interface PreviewLayout {
  readonly displayName: string;
  readonly columns: number;
  /** Pixels per column and per row. */
  readonly columnWidth: number;
  readonly rowHeight: number;
  readonly width: number;
  readonly height: number;
  readonly tiles: readonly PlacedTile[];
  readonly groups: readonly Group[];
  readonly sections: readonly Section[];
}

function contains(outer: Tile, inner: Tile): boolean {
  return (
    inner !== outer &&
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export function previewLayout(dashboard: Record<string, unknown>): PreviewLayout {
  const layout = dashboardLayout(dashboard as Parameters<typeof dashboardLayout>[0]);
  const columns = Math.max(1, layout.columns);
  const columnWidth = PAGE_WIDTH / columns;
  // One widget per cell of a grid: about a chart's usual proportions.
  const rowHeight = layout.kind === 'mosaic' ? columnWidth : Math.min(columnWidth * 0.75, 320);
  const sorted = [...layout.tiles].sort((a, b) => a.y - b.y || a.x - b.x);
  const groupTiles = sorted.filter((tile) => widgetKind(tile.widget) === 'collapsibleGroup');
  const groupOf = (tile: Tile) => {
    const index = groupTiles.findIndex((group) => contains(group, tile));
    return index < 0 ? undefined : index;
  };
  const tiles: PlacedTile[] = sorted.map((tile) => {
    const group = groupOf(tile);
    return {
      tile,
      kind: widgetKind(tile.widget),
      box: {
        left: tile.x * columnWidth,
        top: tile.y * rowHeight,
        width: tile.width * columnWidth,
        height: tile.height * rowHeight,
      },
      ...(group !== undefined ? { group } : {}),
    };
  });
  const groups = groupTiles.map((tile) => {
    const placed = tiles.find((one) => one.tile === tile)!;
    const settings = tile.widget.collapsibleGroup as Record<string, unknown> | undefined;
    return { tile: placed, collapsed: settings?.collapsed === true };
  });
  const height = Math.max(0, ...tiles.map((one) => one.box.top + one.box.height));
  return {
    displayName: layout.displayName,
    columns,
    columnWidth,
    rowHeight,
    width: PAGE_WIDTH,
    height,
    tiles,
    groups,
    sections: sections(tiles, layout.displayName),
  };
}

/** Each sectionHeader opens a section down to the next; tiles above the first form one of their own. */
function sections(tiles: readonly PlacedTile[], displayName: string): Section[] {
  const headers = tiles.filter((one) => one.kind === 'sectionHeader');
  const starts = headers.map((one) => one.tile.y);
  const out: Section[] = [];
  const above = tiles.filter((one) => headers.length === 0 || one.tile.y < starts[0]);
  if (above.length > 0)
    out.push(sectionOf(headers.length === 0 ? displayName : `${displayName} (top)`, undefined, above));
  headers.forEach((header, index) => {
    const end = index + 1 < starts.length ? starts[index + 1] : Number.POSITIVE_INFINITY;
    const members = tiles.filter((one) => one.tile.y >= header.tile.y && one.tile.y < end);
    out.push(sectionOf(header.tile.title, header, members));
  });
  return out;
}

function sectionOf(title: string, header: PlacedTile | undefined, tiles: readonly PlacedTile[]): Section {
  return {
    title,
    ...(header ? { header } : {}),
    tiles,
    top: Math.min(...tiles.map((one) => one.box.top)),
    bottom: Math.max(...tiles.map((one) => one.box.top + one.box.height)),
  };
}
