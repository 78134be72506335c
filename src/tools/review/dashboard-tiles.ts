// Dashboards by tile: which titles appear, disappear, change content, move or resize. A
// dashboard_json diff is unreadable; a list of tiles is what a person sees on the screen.
import type { TileChange } from './model';
import { isObject, Json, JsonObject, stableJson } from './resources';
import { appendAll } from '../../util/append-all';

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

const WIDGET_KINDS = [
  'xyChart',
  'scorecard',
  'text',
  'alertChart',
  'timeSeriesTable',
  'collapsibleGroup',
  'logsPanel',
  'incidentList',
  'pieChart',
  'errorReportingPanel',
  'sectionHeader',
  'singleViewGroup',
  'filterControl',
  'blank',
];

function widgetKind(widget: JsonObject): string {
  return WIDGET_KINDS.find((kind) => widget[kind] !== undefined) ?? 'widget';
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

export function compareTiles(before: DashboardLayout, after: DashboardLayout): TileChange[] {
  const changes: TileChange[] = [];
  const afterByKey = new Map(after.tiles.map((tile) => [tile.key, tile]));
  const beforeKeys = new Set(before.tiles.map((tile) => tile.key));
  for (const tile of before.tiles) {
    const now = afterByKey.get(tile.key);
    if (!now) {
      changes.push({ kind: 'removed', title: tile.key, details: [] });
      continue;
    }
    const details: string[] = [];
    if (stableJson(tile.widget) !== stableJson(now.widget))
      appendAll(details, widgetDifferences(tile.widget, now.widget));
    const moved = tile.x !== now.x || tile.y !== now.y;
    const resized = tile.width !== now.width || tile.height !== now.height;
    if (moved) details.push(`moved (${tile.x}, ${tile.y}) → (${now.x}, ${now.y})`);
    if (resized) details.push(`resized ${tile.width}×${tile.height} → ${now.width}×${now.height}`);
    if (details.length === 0) continue;
    const contentChanged = stableJson(tile.widget) !== stableJson(now.widget);
    changes.push({ kind: contentChanged ? 'changed' : 'moved', title: tile.key, details });
  }
  for (const tile of after.tiles)
    if (!beforeKeys.has(tile.key)) changes.push({ kind: 'added', title: tile.key, details: [] });
  return pairRetitled(changes, before, after);
}

// A tile removed and another added in exactly the same place is one tile with a new title.
function pairRetitled(changes: TileChange[], before: DashboardLayout, after: DashboardLayout): TileChange[] {
  const place = (tile: Tile) => `${tile.x},${tile.y},${tile.width},${tile.height}`;
  const beforeByKey = new Map(before.tiles.map((tile) => [tile.key, tile]));
  const afterByKey = new Map(after.tiles.map((tile) => [tile.key, tile]));
  const removedByPlace = new Map<string, TileChange>();
  for (const change of changes)
    if (change.kind === 'removed') removedByPlace.set(place(beforeByKey.get(change.title)!), change);
  const result: TileChange[] = [];
  const consumed = new Set<TileChange>();
  for (const change of changes) {
    if (change.kind !== 'added') continue;
    const tile = afterByKey.get(change.title)!;
    const removed = removedByPlace.get(place(tile));
    if (!removed || consumed.has(removed)) continue;
    consumed.add(removed);
    consumed.add(change);
    const old = beforeByKey.get(removed.title)!;
    const content =
      stableJson({ ...old.widget, title: null }) === stableJson({ ...tile.widget, title: null })
        ? []
        : widgetDifferences(old.widget, tile.widget);
    result.push({
      kind: 'changed',
      title: change.title,
      details: [`title "${removed.title}" → "${change.title}"`, ...content],
    });
  }
  return [...changes.filter((change) => !consumed.has(change)), ...result];
}

/** What changed inside a widget, coarsely: chart type, queries, thresholds, axis, text. */
function widgetDifferences(before: JsonObject, after: JsonObject): string[] {
  const kindBefore = widgetKind(before);
  const kindAfter = widgetKind(after);
  if (kindBefore !== kindAfter) return [`type ${kindBefore} → ${kindAfter}`];
  const b = isObject(before[kindBefore]) ? (before[kindBefore] as JsonObject) : {};
  const a = isObject(after[kindAfter]) ? (after[kindAfter] as JsonObject) : {};
  const parts: string[] = [];
  const queriesOf = (chart: JsonObject) => stableJson(chart.dataSets ?? chart.timeSeriesQuery ?? chart.dataSet ?? null);
  if (queriesOf(b) !== queriesOf(a)) {
    const countBefore = Array.isArray(b.dataSets) ? b.dataSets.length : undefined;
    const countAfter = Array.isArray(a.dataSets) ? a.dataSets.length : undefined;
    parts.push(
      countBefore !== undefined && countAfter !== undefined && countBefore !== countAfter
        ? `series ${countBefore} → ${countAfter}`
        : 'queries changed',
    );
  }
  const thresholds = (chart: JsonObject) =>
    Array.isArray(chart.thresholds)
      ? chart.thresholds
          .filter(isObject)
          .map((t) => (typeof t.label === 'string' && t.label !== '' ? t.label : String(t.value)))
      : [];
  if (stableJson(thresholds(b)) !== stableJson(thresholds(a)))
    parts.push(`threshold lines [${thresholds(b).join(', ')}] → [${thresholds(a).join(', ')}]`);
  else if (stableJson(b.thresholds ?? null) !== stableJson(a.thresholds ?? null)) parts.push('threshold lines changed');
  if (stableJson(b.yAxis ?? null) !== stableJson(a.yAxis ?? null)) parts.push('y axis changed');
  if (kindBefore === 'text' && stableJson(b) !== stableJson(a)) parts.push('text changed');
  const known = new Set(['dataSets', 'timeSeriesQuery', 'dataSet', 'thresholds', 'yAxis']);
  const rest = (chart: JsonObject) =>
    stableJson(Object.fromEntries(Object.entries(chart).filter(([key]) => !known.has(key))));
  if (kindBefore !== 'text' && rest(b) !== rest(a)) parts.push('chart options changed');
  const outside = (widget: JsonObject) =>
    stableJson(Object.fromEntries(Object.entries(widget).filter(([key]) => key !== kindBefore)));
  if (outside(before) !== outside(after) && parts.length === 0) parts.push('widget settings changed');
  return parts.length > 0 ? parts : ['content changed'];
}
