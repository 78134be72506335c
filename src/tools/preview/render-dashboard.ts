// One dashboard rendered for the preview: its layout in pixels and the body of every tile, drawn
// once and used by both the page and the section pictures.
import { type PlacedTile, type PreviewLayout, previewLayout } from './preview-layout';
import { renderTileBody, type TileBody, type TileContext } from './tile-body';

/** Pixels between tiles (each side of a tile gives half), and the height of a tile's title bar. */
export const TILE_INSET = 4;
export const TITLE_HEIGHT = 26;
const BODY_PADDING = 6;

export interface RenderedTile {
  readonly placed: PlacedTile;
  /** Section headers and collapsible groups have a title only. */
  readonly body?: TileBody;
  /** Where the body stands inside the tile's box. */
  readonly bodyBox?: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
}

export interface RenderedDashboard {
  /** The resource's name in the stack (`infrastructure_dashboard`), for file names. */
  readonly id: string;
  readonly layout: PreviewLayout;
  readonly tiles: readonly RenderedTile[];
}

const TITLE_ONLY = new Set(['sectionHeader', 'collapsibleGroup']);

export async function renderDashboard(
  id: string,
  dashboard: Record<string, unknown>,
  context: TileContext,
): Promise<RenderedDashboard> {
  const layout = previewLayout(dashboard);
  const tiles: RenderedTile[] = [];
  // One at a time: the charting module renders on this thread anyway, and order keeps output stable.
  for (const placed of layout.tiles) {
    if (TITLE_ONLY.has(placed.kind)) {
      tiles.push({ placed });
      continue;
    }
    const bodyBox = {
      left: TILE_INSET + BODY_PADDING,
      top: TILE_INSET + TITLE_HEIGHT,
      width: Math.max(40, Math.floor(placed.box.width - 2 * TILE_INSET - 2 * BODY_PADDING)),
      height: Math.max(30, Math.floor(placed.box.height - 2 * TILE_INSET - TITLE_HEIGHT - BODY_PADDING)),
    };
    const body = await renderTileBody(placed.tile.widget, bodyBox, context);
    tiles.push({ placed, body, bodyBox });
  }
  return { id, layout, tiles };
}

/** A prefix for the ids of one tile's body, unique in a page of several dashboards. */
export function tileIdPrefix(dashboard: RenderedDashboard, tile: RenderedTile): string {
  return `${dashboard.id.replace(/[^A-Za-z0-9_-]/g, '_')}-t${dashboard.tiles.indexOf(tile)}-`;
}
