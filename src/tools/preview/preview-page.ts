// The preview as one HTML page that needs nothing else: inline SVG and CSS, no script, no font,
// no image to fetch (a Content-Security-Policy forbids any request, so a stray reference fails
// visibly instead of leaking). Each tile is an absolutely placed box at its mosaic position; a
// collapsible group is a <details> element whose closing hides its tiles (CSS :has, no script).
import { embedSvg } from './embed-svg';
import { escapeMarkup } from './markup';
import { type RenderedDashboard, type RenderedTile, TILE_INSET, TITLE_HEIGHT, tileIdPrefix } from './render-dashboard';

export interface PageHeading {
  readonly title: string;
  /** Lines under the title: where the data comes from, the window. */
  readonly lines: readonly string[];
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:16px;background:#f1f3f4;color:#202124;font:13px/1.4 "DejaVu Sans",Arial,sans-serif}
header.page{width:1200px;margin:0 0 12px}
header.page h1{font-size:20px;margin:0 0 4px}
header.page p{margin:0;color:#5f6368}
h2.dashboard-title{font-size:17px;margin:20px 0 8px}
.dashboard{position:relative;margin:0}
.tile{position:absolute;padding:${TILE_INSET}px}
.card{position:relative;width:100%;height:100%;background:#fff;border:1px solid #dadce0;border-radius:6px;overflow:hidden}
.card .title{height:${TITLE_HEIGHT - TILE_INSET}px;padding:6px 8px 0;font-weight:500;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.card .body{position:absolute;overflow:hidden}
.card .body svg{display:block}
.card .body.text{overflow:auto;font-size:12px}
.card .body.text p,.card .body.text ul{margin:0 0 6px}
.card .body.text ul{padding-left:18px}
.card .body.text code{background:#f1f3f4;padding:0 2px}
.card .note{position:absolute;right:${TILE_INSET + 8}px;top:${TILE_INSET + 6}px;color:#b06000;font-size:11px}
.section-header{padding:8px ${TILE_INSET + 4}px}
.section-header h3{font-size:18px;margin:4px 0 2px}
.section-header p{margin:0;color:#5f6368;font-size:12px}
.section-header.divider{border-bottom:1px solid #dadce0}
details.group{width:100%;height:100%;border:1px dashed #9aa0a6;border-radius:6px}
details.group:not([open]){height:auto}
details.group summary{font-weight:bold;padding:4px 8px;cursor:pointer;background:#e8eaed}
`;

function tileAttributes(tile: RenderedTile): string {
  const { tile: source, box, kind } = tile.placed;
  return [
    `data-tile="${escapeMarkup(source.key)}"`,
    `data-kind="${kind}"`,
    `data-x="${source.x}" data-y="${source.y}" data-width="${source.width}" data-height="${source.height}"`,
    `style="left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px"`,
  ].join(' ');
}

function headerHtml(tile: RenderedTile): string {
  const settings = (tile.placed.tile.widget.sectionHeader ?? {}) as Record<string, unknown>;
  const subtitle = typeof settings.subtitle === 'string' ? `<p>${escapeMarkup(settings.subtitle)}</p>` : '';
  const divider = settings.dividerBelow === true ? ' divider' : '';
  return `<div class="tile section-header${divider}" ${tileAttributes(tile)}><h3>${escapeMarkup(tile.placed.tile.title)}</h3>${subtitle}</div>`;
}

function groupHtml(tile: RenderedTile, index: number, collapsed: boolean): string {
  return `<div class="tile" ${tileAttributes(tile)}><details class="group" id="group-${index}"${collapsed ? '' : ' open'}><summary>${escapeMarkup(tile.placed.tile.title)}</summary></details></div>`;
}

function cardHtml(tile: RenderedTile, outline: string | undefined, idPrefix: string): string {
  const body = tile.body!;
  const box = tile.bodyBox!;
  const place = `left:${box.left - TILE_INSET}px;top:${box.top - TILE_INSET}px;width:${box.width}px;height:${box.height}px`;
  const content = body.html ?? embedSvg(body.svg, { width: box.width, height: box.height }, idPrefix);
  const group = tile.placed.group !== undefined ? ` in-group-${tile.placed.group}` : '';
  const note =
    body.note && body.chart ? `<span class="note" title="${escapeMarkup(body.note)}">partly simulated</span>` : '';
  const border = outline ? ` style="border:4px solid ${outline}"` : '';
  return `<div class="tile${group}" ${tileAttributes(tile)}${body.chart ? ' data-chart="true"' : ''}><div class="card"${border}><div class="title" title="${escapeMarkup(tile.placed.tile.title)}">${escapeMarkup(tile.placed.tile.title)}</div>${note}<div class="body${body.html ? ' text' : ''}" style="${place}">${content}</div></div></div>`;
}

export function dashboardHtml(dashboard: RenderedDashboard, outlines: ReadonlyMap<string, string> = new Map()): string {
  const { layout } = dashboard;
  const hiding = layout.groups
    .map((_, index) => `.dashboard:has(#group-${index}:not([open])) .in-group-${index}{display:none}`)
    .join('');
  const tiles = dashboard.tiles.map((tile) => {
    if (tile.placed.kind === 'sectionHeader') return headerHtml(tile);
    if (tile.placed.kind === 'collapsibleGroup') {
      const index = layout.groups.findIndex((group) => group.tile === tile.placed);
      return groupHtml(tile, index, layout.groups[index].collapsed);
    }
    return cardHtml(tile, outlines.get(tile.placed.tile.key), tileIdPrefix(dashboard, tile));
  });
  return [
    `<h2 class="dashboard-title">${escapeMarkup(layout.displayName)}</h2>`,
    hiding ? `<style>${hiding}</style>` : '',
    `<div class="dashboard" data-dashboard="${escapeMarkup(dashboard.id)}" data-columns="${layout.columns}" data-column-width="${layout.columnWidth}" data-row-height="${layout.rowHeight}" style="width:${layout.width}px;height:${layout.height}px">`,
    ...tiles,
    '</div>',
  ].join('\n');
}

export function previewPage(heading: PageHeading, dashboards: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeMarkup(heading.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header class="page"><h1>${escapeMarkup(heading.title)}</h1>${heading.lines.map((line) => `<p>${escapeMarkup(line)}</p>`).join('')}</header>`,
    ...dashboards,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
