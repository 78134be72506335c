import { layOutSections, MOSAIC_COLUMNS } from '../../src/constructs/dashboard/mosaic-layout';
import { sectionHeader, textTile } from '../../src/constructs/dashboard/widgets';

const tiles = (count: number) => Array.from({ length: count }, (_, index) => textTile(`t${index}`, ''));

describe('mosaic layout', () => {
  test('places a header, then tiles left to right and top to bottom', () => {
    const laidOut = layOutSections([
      { header: sectionHeader('A', ''), tiles: tiles(4), tileWidth: 16, tileHeight: 12 },
      { header: sectionHeader('B', ''), tiles: tiles(1), tileWidth: 48, tileHeight: 6 },
    ]);
    expect(laidOut.map(({ xPos, yPos, width, height }) => [xPos, yPos, width, height])).toEqual([
      [0, 0, 48, 4],
      [0, 4, 16, 12],
      [16, 4, 16, 12],
      [32, 4, 16, 12],
      [0, 16, 16, 12],
      [0, 28, 48, 4],
      [0, 32, 48, 6],
    ]);
  });

  test('rejects a tile width that does not divide the grid', () => {
    expect(() =>
      layOutSections([{ header: sectionHeader('A', ''), tiles: tiles(1), tileWidth: 20, tileHeight: 4 }]),
    ).toThrow(`tile width 20 does not divide ${MOSAIC_COLUMNS} columns`);
  });
});
