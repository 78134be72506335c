// A dashboard as a person sees it: its tiles with their titles, grid positions and sizes, whatever
// the layout (mosaic, grid, rows, columns). Review compares two of them tile by tile; preview draws one.
import { isJsonObject as isObject, type Json, type JsonObject } from '../../artifact/json';
import { widgetKind } from './widget-kind';

export interface Tile {
  /** Unique within the dashboard: a repeated title gets " (2)", " (3)". */
  readonly key: string;
  readonly title: string;
  /** Grid position and size in the layout's units (mosaic: 48 or 12 columns; grid: one cell per widget). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly widget: JsonObject;
}

export interface DashboardLayout {
  readonly displayName: string;
  /** Mosaic tiles have real sizes; other layouts are drawn one cell per widget. */
  readonly kind: 'mosaic' | 'cells';
  readonly columns: number;
  readonly tiles: readonly Tile[];
}

function number(value: Json | undefined, fallback: number): number {
  return typeof value === 'number'
    ? value
    : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
      ? Number(value)
      : fallback;
}

/**
 * Tiles of any of the four layouts. Mosaic tiles carry their own position (xPos/yPos default to 0,
 * as in the API); grid, row and column layouts place widgets in order, which is drawn here as one
 * cell per widget: enough to show what moved, not a pixel-exact rendering.
 */
export function dashboardLayout(dashboard: JsonObject): DashboardLayout {
  const displayName = typeof dashboard.displayName === 'string' ? dashboard.displayName : '(untitled dashboard)';
  const raw: { widget: JsonObject; x: number; y: number; width: number; height: number }[] = [];
  let columns = 12;
  if (isObject(dashboard.mosaicLayout)) {
    columns = number(dashboard.mosaicLayout.columns, 12);
    for (const tile of Array.isArray(dashboard.mosaicLayout.tiles)
      ? dashboard.mosaicLayout.tiles.filter(isObject)
      : []) {
      raw.push({
        widget: isObject(tile.widget) ? tile.widget : {},
        x: number(tile.xPos, 0),
        y: number(tile.yPos, 0),
        width: number(tile.width, 1),
        height: number(tile.height, 1),
      });
    }
  } else if (isObject(dashboard.gridLayout)) {
    columns = Math.max(1, number(dashboard.gridLayout.columns, 2));
    const widgets = Array.isArray(dashboard.gridLayout.widgets) ? dashboard.gridLayout.widgets.filter(isObject) : [];
    widgets.forEach((widget, index) =>
      raw.push({ widget, x: index % columns, y: Math.floor(index / columns), width: 1, height: 1 }),
    );
  } else if (isObject(dashboard.rowLayout) || isObject(dashboard.columnLayout)) {
    const byRows = isObject(dashboard.rowLayout);
    const layout = (byRows ? dashboard.rowLayout : dashboard.columnLayout) as JsonObject;
    const groups = (
      Array.isArray(layout[byRows ? 'rows' : 'columns']) ? (layout[byRows ? 'rows' : 'columns'] as Json[]) : []
    ).filter(isObject);
    columns = byRows
      ? Math.max(1, ...groups.map((group) => (Array.isArray(group.widgets) ? group.widgets.length : 0)))
      : Math.max(1, groups.length);
    groups.forEach((group, outer) => {
      const widgets = Array.isArray(group.widgets) ? group.widgets.filter(isObject) : [];
      widgets.forEach((widget, inner) =>
        raw.push({ widget, x: byRows ? inner : outer, y: byRows ? outer : inner, width: 1, height: 1 }),
      );
    });
  }
  const seen = new Map<string, number>();
  const tiles = raw.map((entry) => {
    const title =
      typeof entry.widget.title === 'string' && entry.widget.title.trim() !== ''
        ? entry.widget.title
        : `(untitled ${widgetKind(entry.widget)})`;
    const count = (seen.get(title) ?? 0) + 1;
    seen.set(title, count);
    return { ...entry, title, key: count === 1 ? title : `${title} (${count})` };
  });
  return { displayName, kind: isObject(dashboard.mosaicLayout) ? 'mosaic' : 'cells', columns, tiles };
}
