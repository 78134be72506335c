// A chart draws at most a few points per pixel column: more only cost time and bytes. A line keeps
// the minimum and maximum of each column in the order they occurred (every spike stays visible);
// a stacked chart, whose series must share their times, keeps each column's mean at the column's start.

export interface Point {
  readonly t: number;
  readonly v: number;
}

/** Which of `columns` equal columns from `start` to `end` a time falls in; undefined outside. */
function columnOf(t: number, start: number, end: number, columns: number): number | undefined {
  if (!Number.isFinite(t) || t < start || t > end) return undefined;
  if (end <= start) return 0;
  return Math.min(columns - 1, Math.floor(((t - start) / (end - start)) * columns));
}

/** The minimum and maximum point of each column, in time order; non-finite values and times outside are left out. */
export function columnExtremes(points: readonly Point[], start: number, end: number, columns: number): Point[] {
  const extremes = new Map<number, { min: Point; max: Point }>();
  for (const point of points) {
    const column = columnOf(point.t, start, end, columns);
    if (column === undefined || !Number.isFinite(point.v)) continue;
    const seen = extremes.get(column);
    if (!seen) extremes.set(column, { min: point, max: point });
    else {
      if (point.v < seen.min.v) seen.min = point;
      if (point.v > seen.max.v) seen.max = point;
    }
  }
  return [...extremes.entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([, { min, max }]) => {
      if (min === max) return [min];
      return min.t <= max.t ? [min, max] : [max, min];
    });
}

/** The mean of each column at the column's start time: the same times for every series. */
export function columnMeans(points: readonly Point[], start: number, end: number, columns: number): Point[] {
  const sums = new Map<number, { sum: number; count: number }>();
  for (const point of points) {
    const column = columnOf(point.t, start, end, columns);
    if (column === undefined || !Number.isFinite(point.v)) continue;
    const seen = sums.get(column) ?? { sum: 0, count: 0 };
    seen.sum += point.v;
    seen.count += 1;
    sums.set(column, seen);
  }
  const width = (end - start) / columns;
  return [...sums.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([column, { sum, count }]) => ({ t: start + column * width, v: sum / count }));
}

/** How many columns stacked bars get: one per distinct time when few, else a bar every `minWidth` pixels. */
export function barColumns(points: readonly Point[], plotWidth: number, minWidth = 6): number {
  const times = new Set(points.map((point) => point.t)).size;
  return Math.max(1, Math.min(times, Math.floor(plotWidth / minWidth)));
}
