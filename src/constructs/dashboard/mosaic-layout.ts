// Lays out dashboard sections on a mosaic grid: a full-width header per section, then its tiles
// left to right, top to bottom. Pure arithmetic, so "no overlapping tiles" is a property of this
// function, tested on its own.
import type { Widget } from './widgets';

/** Google's newer dashboards use a 48-column mosaic (facts file §4). */
export const MOSAIC_COLUMNS = 48;
const HEADER_HEIGHT = 4;

export interface SectionTiles {
  readonly header: Widget;
  readonly tiles: readonly Widget[];
  /** Tile size in grid units; tiles per row = MOSAIC_COLUMNS / width. */
  readonly tileWidth: number;
  readonly tileHeight: number;
}

export interface MosaicTile {
  readonly xPos: number;
  readonly yPos: number;
  readonly width: number;
  readonly height: number;
  readonly widget: Widget;
}

export function layOutSections(sections: readonly SectionTiles[]): MosaicTile[] {
  const tiles: MosaicTile[] = [];
  let y = 0;
  for (const section of sections) {
    if (MOSAIC_COLUMNS % section.tileWidth !== 0)
      throw new Error(`tile width ${section.tileWidth} does not divide ${MOSAIC_COLUMNS} columns`);
    tiles.push({ xPos: 0, yPos: y, width: MOSAIC_COLUMNS, height: HEADER_HEIGHT, widget: section.header });
    y += HEADER_HEIGHT;
    const perRow = MOSAIC_COLUMNS / section.tileWidth;
    section.tiles.forEach((widget, index) => {
      tiles.push({
        xPos: (index % perRow) * section.tileWidth,
        yPos: y + Math.floor(index / perRow) * section.tileHeight,
        width: section.tileWidth,
        height: section.tileHeight,
        widget,
      });
    });
    y += Math.ceil(section.tiles.length / perRow) * section.tileHeight;
  }
  return tiles;
}
