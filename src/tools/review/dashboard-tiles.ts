// Dashboards by tile: which titles appear, disappear, change content, move or resize. A
// dashboard_json diff is unreadable; a list of tiles is what a person sees on the screen.
import type { TileChange } from './model';
import type { DashboardLayout, Tile } from '../dashboards/dashboard-layout';
import { widgetKind } from '../dashboards/widget-kind';
import { isObject, type JsonObject, stableJson } from './resources';
import { appendAll } from '../../util/append-all';

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
