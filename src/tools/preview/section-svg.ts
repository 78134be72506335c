// One section of a dashboard as a single SVG (for its PNG in a PR comment): the section header, then
// every tile at its mosaic position, with its title and its body nested at the body's box. Tiles of
// a collapsed group are left out, as the console hides them. `outline` marks tiles (review's changes).
import { embedSvg } from './embed-svg';
import { charactersIn, escapeMarkup, svgTextLines, wrapText } from './markup';
import type { Section } from './preview-layout';
import { type RenderedDashboard, type RenderedTile, TILE_INSET, TITLE_HEIGHT, tileIdPrefix } from './render-dashboard';

export interface Outline {
  readonly colour: string;
  readonly label: string;
}

function headerTile(tile: RenderedTile, top: number): string {
  const { box, tile: source } = tile.placed;
  const settings = (source.widget.sectionHeader ?? {}) as Record<string, unknown>;
  const subtitle = typeof settings.subtitle === 'string' ? settings.subtitle : '';
  const y = box.top - top;
  return [
    `<text x="${box.left + 8}" y="${y + 28}" font-size="18" font-weight="bold" fill="#202124">${escapeMarkup(source.title)}</text>`,
    subtitle
      ? svgTextLines(wrapText(subtitle, charactersIn(box.width - 16, 12), 2), box.left + 8, y + 50, {
          fontSize: 12,
          lineHeight: 15,
          fill: '#5f6368',
        })
      : '',
    settings.dividerBelow === true
      ? `<line x1="${box.left + 8}" x2="${box.left + box.width - 8}" y1="${y + box.height - 6}" y2="${y + box.height - 6}" stroke="#dadce0"/>`
      : '',
  ].join('');
}

function cardTile(
  tile: RenderedTile,
  top: number,
  outline: Outline | undefined,
  collapsed: boolean,
  idPrefix: string,
): string {
  const { box, tile: source, kind } = tile.placed;
  const x = box.left + TILE_INSET;
  const y = box.top - top + TILE_INSET;
  const width = box.width - 2 * TILE_INSET;
  // A collapsed group shows its title bar only.
  const height = collapsed ? TITLE_HEIGHT : box.height - 2 * TILE_INSET;
  const title = wrapText(source.title, charactersIn(width - 16, 13), 1);
  const parts = [
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="${kind === 'collapsibleGroup' ? 'none' : '#ffffff'}" stroke="${outline?.colour ?? '#dadce0'}" stroke-width="${outline ? 4 : 1}"/>`,
    svgTextLines(title, x + 8, y + 18, {
      fontSize: 13,
      lineHeight: 16,
      weight: kind === 'collapsibleGroup' ? 'bold' : undefined,
    }),
  ];
  if (outline)
    parts.push(
      `<text x="${x + width - 8}" y="${y + 18}" font-size="11" font-weight="bold" fill="${outline.colour}" text-anchor="end">${escapeMarkup(outline.label)}</text>`,
    );
  if (tile.body && tile.bodyBox)
    parts.push(
      embedSvg(
        tile.body.svg,
        {
          x: box.left + tile.bodyBox.left,
          y: box.top - top + tile.bodyBox.top,
          width: tile.bodyBox.width,
          height: tile.bodyBox.height,
        },
        idPrefix,
      ),
    );
  return parts.join('');
}

export function sectionSvg(
  dashboard: RenderedDashboard,
  section: Section,
  outlines: ReadonlyMap<string, Outline> = new Map(),
): string {
  const hidden = new Set(dashboard.layout.groups.flatMap((group, index) => (group.collapsed ? [index] : [])));
  const inSection = new Set(section.tiles);
  const collapsedGroups = new Set(
    dashboard.layout.groups.filter((group) => group.collapsed).map((group) => group.tile),
  );
  const width = dashboard.layout.width;
  const height = Math.ceil(section.bottom - section.top);
  const body = dashboard.tiles
    .filter((tile) => inSection.has(tile.placed) && !(tile.placed.group !== undefined && hidden.has(tile.placed.group)))
    .map((tile) =>
      tile.placed.kind === 'sectionHeader'
        ? headerTile(tile, section.top)
        : cardTile(
            tile,
            section.top,
            outlines.get(tile.placed.tile.key),
            collapsedGroups.has(tile.placed),
            tileIdPrefix(dashboard, tile),
          ),
    );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#f1f3f4"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}
