// Puts one test on its timeline: builds its input series (hand-written ones and every series of
// its exports) and turns its times into seconds from t=0.
//
// Without absolute times, each export is placed by its `start:` (default 0): its earliest point
// goes there and the rest keep their spacing. A test that writes any time as an RFC 3339
// timestamp is on wall-clock time instead: t=0 is the earliest point of all its exports, every
// export keeps its own timestamps (so several exports of one incident stay aligned), and every
// time of the test must then be absolute: "resolves by 2h" next to "incident_start at 14:02Z"
// could mean two hours from either, so mixing them is an error rather than a guess.
import * as path from 'path';
import { ConfigError, ConfigProblem } from '../../config/config-error';
import { buildSeries } from './build-series';
import type { StackModel } from './policy-model';
import type { ExportSeriesEntry, ScenarioSeries, ScenarioTest } from './scenario-schema';
import type { InputSeries } from './series';
import { formatTimestamp, isAbsolute, TimeValue } from './time-points';
import { EXPORT_LIMITS, readTimeSeriesExport, TimeSeriesExport } from './time-series-export';

export interface ResolvedExpectation {
  readonly policy: string;
  readonly fires?: {
    readonly within: number;
    readonly after?: number;
    readonly labels?: Readonly<Record<string, string>>;
  };
  readonly resolves?: { readonly by: number };
  readonly does_not_fire?: true | { readonly from: number; readonly until?: number };
}

export interface ResolvedTest {
  readonly name: string;
  readonly incidentStart: number;
  readonly duration?: number;
  readonly series: readonly InputSeries[];
  readonly expect: readonly ResolvedExpectation[];
  /** Epoch seconds of t=0 when the test runs on wall-clock time (it writes absolute times). */
  readonly origin?: number;
}

type Entry = ScenarioTest['series'][number];

function isExportEntry(entry: Entry): entry is ExportSeriesEntry {
  return 'export' in entry;
}

/** Every time field of a test with its field path, in the order a person reads them. */
function timeFields(test: ScenarioTest, where: string): Array<{ path: string; value: TimeValue }> {
  const fields: Array<{ path: string; value: TimeValue | undefined }> = [
    { path: `${where}.incident_start`, value: test.incident_start },
    { path: `${where}.duration`, value: test.duration },
  ];
  test.expect.forEach((expectation, index) => {
    const at = `${where}.expect[${index}]`;
    fields.push({ path: `${at}.fires.after`, value: expectation.fires?.after });
    fields.push({ path: `${at}.resolves.by`, value: expectation.resolves?.by });
    if (typeof expectation.does_not_fire === 'object') {
      fields.push({ path: `${at}.does_not_fire.from`, value: expectation.does_not_fire.from });
      fields.push({ path: `${at}.does_not_fire.until`, value: expectation.does_not_fire.until });
    }
  });
  return fields.filter((field): field is { path: string; value: TimeValue } => field.value !== undefined);
}

function readExport(
  entry: ExportSeriesEntry,
  file: string,
  where: string,
  problems: ConfigProblem[],
): TimeSeriesExport | undefined {
  try {
    return readTimeSeriesExport(path.resolve(path.dirname(file), entry.export), file, `${where}.export`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

function earliestPoint(exported: TimeSeriesExport): number | undefined {
  let earliest: number | undefined;
  for (const series of exported.series) {
    if (series.points.length > 0 && (earliest === undefined || series.points[0].epochSeconds < earliest))
      earliest = series.points[0].epochSeconds;
  }
  return earliest;
}

/** The series of one export on the timeline: epoch seconds minus `origin`. */
function exportedInputSeries(
  exported: TimeSeriesExport,
  entry: ExportSeriesEntry,
  where: string,
  origin: number,
): InputSeries[] {
  return exported.series.map((series) => ({
    name: `${where} (${entry.export} ${series.path})`,
    identity: series.identity,
    kind: series.kind,
    valueType: series.valueType,
    points: series.points.map((point) => ({ t: point.epochSeconds - origin, v: point.v })),
  }));
}

/**
 * Resolves a test, or pushes its problems to `problems` (and returns undefined). `file` is the
 * scenario file: exports are read relative to it.
 */
export function resolveTest(
  test: ScenarioTest,
  testIndex: number,
  defaultInterval: number,
  stack: StackModel,
  file: string,
  problems: ConfigProblem[],
): ResolvedTest | undefined {
  const where = `tests[${testIndex}]`;
  const before = problems.length;
  // In the order of the entries: hand-written series built now, exports placed once t=0 is known.
  const slots: Array<InputSeries | { entry: ExportSeriesEntry; at: string; exported: TimeSeriesExport }> = [];
  test.series.forEach((entry, index) => {
    const at = `${where}.series[${index}]`;
    if (isExportEntry(entry)) {
      const exported = readExport(entry, file, at, problems);
      if (exported) slots.push({ entry, at, exported });
      return;
    }
    const built = buildSeries(entry as ScenarioSeries, defaultInterval, stack, file, at, problems);
    if (built) slots.push(built);
  });
  const exports = slots.filter((slot): slot is Exclude<typeof slot, InputSeries> => 'exported' in slot);
  // Each file is bounded on its own; so is a test that lists many of them.
  const exportedPoints = exports.reduce(
    (sum, { exported }) => sum + exported.series.reduce((inner, one) => inner + one.points.length, 0),
    0,
  );
  if (exportedPoints > EXPORT_LIMITS.points) {
    problems.push({
      file,
      path: `${where}.series`,
      message: `its exports hold ${exportedPoints} points, over the limit of ${EXPORT_LIMITS.points} for one test; replay a shorter time range`,
    });
  }
  const fields = timeFields(test, where);
  const firstAbsolute = fields.find((field) => isAbsolute(field.value));
  let origin: number | undefined;
  if (firstAbsolute) {
    const example = `${firstAbsolute.path.slice(where.length + 1)}: ${(firstAbsolute.value as { text: string }).text}`;
    const testEntries = test.series.filter(isExportEntry);
    if (testEntries.length === 0) {
      problems.push({
        file,
        path: firstAbsolute.path,
        message:
          'an RFC 3339 time needs exported series to place it (t=0 is the earliest exported point), but this test has no export: entry; write a duration from t=0 instead',
      });
    }
    for (const field of fields.filter((one) => !isAbsolute(one.value))) {
      problems.push({
        file,
        path: field.path,
        message: `is a duration from t=0, but this test also writes RFC 3339 times (${example}); write every time of the test as an RFC 3339 time, or none: mixing them is ambiguous`,
      });
    }
    test.series.forEach((entry, index) => {
      if (isExportEntry(entry) && entry.start !== undefined) {
        problems.push({
          file,
          path: `${where}.series[${index}].start`,
          message: `start: places an export by hand, but this test writes RFC 3339 times (${example}), so the exports' own timestamps place them; remove start:`,
        });
      }
    });
    const earliest = exports
      .map(({ exported }) => earliestPoint(exported))
      .filter((one): one is number => one !== undefined);
    // Exports without points (an empty response) place nothing; the others set t=0.
    if (earliest.length > 0) origin = Math.min(...earliest);
    else if (exports.length === testEntries.length && testEntries.length > 0) {
      problems.push({
        file,
        path: `${where}.series`,
        message: 'the exports of this test hold no points, so its RFC 3339 times cannot be placed',
      });
    }
  }
  const seconds = (value: TimeValue, fieldPath: string): number => {
    if (!isAbsolute(value)) return value;
    const t = value.epochSeconds - (origin ?? value.epochSeconds);
    if (origin !== undefined && t < 0) {
      problems.push({
        file,
        path: fieldPath,
        message: `${value.text} is before the earliest exported point (${formatTimestamp(origin)}), which is t=0 of this test`,
      });
    }
    return t;
  };
  const series = slots.flatMap((slot) => {
    if (!('exported' in slot)) return [slot];
    const placed = origin ?? (earliestPoint(slot.exported) ?? 0) - (slot.entry.start ?? 0);
    return exportedInputSeries(slot.exported, slot.entry, slot.at, placed);
  });
  const expect = test.expect.map((expectation, index): ResolvedExpectation => {
    const at = `${where}.expect[${index}]`;
    const window = expectation.does_not_fire;
    return {
      policy: expectation.policy,
      fires: expectation.fires && {
        within: expectation.fires.within,
        after:
          expectation.fires.after === undefined ? undefined : seconds(expectation.fires.after, `${at}.fires.after`),
        labels: expectation.fires.labels,
      },
      resolves: expectation.resolves && { by: seconds(expectation.resolves.by, `${at}.resolves.by`) },
      does_not_fire:
        window === undefined || window === true
          ? window
          : {
              from: window.from === undefined ? 0 : seconds(window.from, `${at}.does_not_fire.from`),
              until: window.until === undefined ? undefined : seconds(window.until, `${at}.does_not_fire.until`),
            },
    };
  });
  const incidentStart = test.incident_start === undefined ? 0 : seconds(test.incident_start, `${where}.incident_start`);
  const duration = test.duration === undefined ? undefined : seconds(test.duration, `${where}.duration`);
  if (problems.length > before) return undefined;
  return { name: test.name, incidentStart, duration, series, expect, origin };
}
