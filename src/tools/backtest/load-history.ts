// The history a backtest evaluates: every `vigil export` file (*.json) in a directory, joined into
// one set of series. The same series read through two filters (a ratio's denominator is often
// another policy's numerator) is kept once; its points are merged by end time.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../config/config-error';
import { withFileErrors } from '../../errors/file-error';
import { type PointValue } from '../simulate/series';
import type { InputSeries } from '../simulate/series';
import { readTimeSeriesExport, type ExportedSeries } from '../simulate/time-series-export';

/** A stretch of the window in which one series has no point: missing data, or a series that starts late or ends early. */
export interface DataGap {
  /** The metric type and the labels that tell the series apart. */
  readonly series: string;
  /** Epoch seconds: the last point before the gap (or the window's start), the first after (or its end). */
  readonly from: number;
  readonly to: number;
}

/** Gaps shorter than this are sampling, not missing data (sample periods reach minutes; ingest, 10 min). */
export const GAP_SECONDS = 3600;

export interface History {
  /** Epoch seconds of t=0 of every series. */
  readonly origin: number;
  /** Seconds from origin of the last evaluation. */
  readonly until: number;
  readonly series: readonly InputSeries[];
  readonly files: readonly string[];
  /** Every stretch of an hour or more without a point, per series. */
  readonly gaps: readonly DataGap[];
}

export interface Window {
  /** Epoch seconds; undefined: from the earliest exported point. */
  readonly from?: number;
  /** Epoch seconds; undefined: to the latest exported point. */
  readonly to?: number;
}

function identityKey(series: ExportedSeries): string {
  const sorted = (labels: Readonly<Record<string, string>>) =>
    Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([
    series.identity.metricType,
    series.identity.resourceType,
    sorted(series.identity.metricLabels),
    sorted(series.identity.resourceLabels),
  ]);
}

/** `flag` is the option that named the directory, as errors about its files say it. */
export function loadHistory(
  directory: string,
  window: Window,
  shown: string = directory,
  flag = '--from-exports',
): History {
  const stat = withFileErrors('read', shown, () => fs.statSync(directory));
  if (!stat.isDirectory())
    throw new ConfigError([
      { file: shown, path: '', message: 'expected a directory of `vigil export` files (*.json)' },
    ]);
  const files = withFileErrors('list the directory', shown, () => fs.readdirSync(directory))
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0)
    throw new ConfigError([
      { file: shown, path: '', message: 'no export files (*.json) here; write them with `vigil export`' },
    ]);
  return historyFromFiles(
    files.map((file) => path.join(directory, file)),
    window,
    shown,
    flag,
  );
}

/** The history in export files (of a directory, or of the API cache); `shown` names their source. */
export function historyFromFiles(
  files: readonly string[],
  window: Window,
  shown: string,
  flag = '--from-exports',
): History {
  const byIdentity = new Map<string, { first: ExportedSeries; points: Map<number, PointValue> }>();
  for (const file of files) {
    const exported = readTimeSeriesExport(file, shown, flag);
    for (const series of exported.series) {
      const key = identityKey(series);
      let entry = byIdentity.get(key);
      if (!entry) {
        entry = { first: series, points: new Map() };
        byIdentity.set(key, entry);
      }
      for (const point of series.points) entry.points.set(point.epochSeconds, point.v);
    }
  }
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (const { points } of byIdentity.values()) {
    for (const time of points.keys()) {
      if (time < earliest) earliest = time;
      if (time > latest) latest = time;
    }
  }
  if (!Number.isFinite(earliest) && (window.from === undefined || window.to === undefined))
    throw new ConfigError([
      { file: shown, path: '', message: 'the history holds no points; pass --from and --to or export again' },
    ]);
  // One minute before the first point, so that the first point is inside the first window.
  const origin = window.from ?? Math.floor(earliest / 60) * 60 - 60;
  const end = window.to ?? Math.ceil(latest / 60) * 60;
  const series: InputSeries[] = [];
  const gaps: DataGap[] = [];
  let index = 0;
  for (const { first, points } of byIdentity.values()) {
    const times = [...points.keys()].filter((time) => time >= origin && time <= end).sort((a, b) => a - b);
    const name = `${first.identity.metricType} ${JSON.stringify({ ...first.identity.resourceLabels, ...first.identity.metricLabels })}`;
    const edges = [origin, ...times, end];
    for (let at = 1; at < edges.length; at++)
      if (edges[at] - edges[at - 1] >= GAP_SECONDS) gaps.push({ series: name, from: edges[at - 1], to: edges[at] });
    series.push({
      name: `${first.identity.metricType} #${index++}`,
      identity: first.identity,
      kind: first.kind,
      valueType: first.valueType,
      points: times.map((time) => ({ t: time - origin, v: points.get(time)! })),
    });
  }
  return { origin, until: end - origin, series, files, gaps };
}
