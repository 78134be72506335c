// Time-series exports in scenarios: the two formats, the REST value shapes, the errors (each names
// the export file and the JSON path), wall-clock times, and exported series matched and evaluated
// exactly as the same series written by hand.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../src/config/config-error';
import { testCharts } from '../../src/tools/simulate/plot';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { runScenarioFile, TestResult } from '../../src/tools/simulate/run-scenarios';
import { parseTimestamp } from '../../src/tools/simulate/time-points';
import { EXPORT_LIMITS, readTimeSeriesExport } from '../../src/tools/simulate/time-series-export';
import { temporaryDirectory } from '../support/environments';

const directory = temporaryDirectory('simulate-exports');
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

const T0 = Date.parse('2026-03-14T14:00:00Z') / 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

const REDIS = {
  project_id: 'netra-staging',
  region: 'us-central1',
  instance_id: 'projects/netra-staging/locations/us-central1/instances/r1',
};

/** A GAUGE INT64 TimeSeries of connected clients, one point a minute from `from`, newest first as the API gives them. */
function clientsSeries(values: number[], from = T0, labels: Record<string, string> = REDIS) {
  return {
    metric: { type: 'redis.googleapis.com/clients/connected', labels: { role: 'primary' } },
    resource: { type: 'redis_instance', labels },
    metricKind: 'GAUGE',
    valueType: 'INT64',
    points: values
      .map((value, index) => ({ interval: { endTime: iso(from + index * 60) }, value: { int64Value: String(value) } }))
      .reverse(),
  };
}

function write(name: string, content: unknown): string {
  const file = path.join(directory, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function exportProblems(name: string, content: unknown): string[] {
  const file = content === undefined ? path.join(directory, name) : write(name, content);
  try {
    readTimeSeriesExport(file, 'scenario.yaml', 'tests[0].series[0].export');
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.map((problem) => `${path.basename(problem.file)}: ${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('reading exports', () => {
  test('an API response page, a list of pages and a gcloud-style list give the same series, oldest point first', () => {
    const one = clientsSeries([40, 41, 0]);
    const api = readTimeSeriesExport(write('page.json', { timeSeries: [one] }), 's.yaml', 'x');
    const pages = readTimeSeriesExport(
      write('pages.json', [{ timeSeries: [one], nextPageToken: 'p2' }, { timeSeries: [clientsSeries([1])] }, {}]),
      's.yaml',
      'x',
    );
    const list = readTimeSeriesExport(write('list.json', [one]), 's.yaml', 'x');
    expect([api.format, pages.format, list.format]).toEqual(['api', 'api-pages', 'list']);
    expect(api.series).toEqual(list.series.map((series) => ({ ...series, path: 'timeSeries[0]' })));
    expect(pages.series.map((series) => series.path)).toEqual(['[0].timeSeries[0]', '[1].timeSeries[0]']);
    expect(api.series[0]).toEqual({
      path: 'timeSeries[0]',
      identity: {
        metricType: 'redis.googleapis.com/clients/connected',
        resourceType: 'redis_instance',
        metricLabels: { role: 'primary' },
        resourceLabels: REDIS,
      },
      kind: 'GAUGE',
      valueType: 'INT64',
      points: [
        { epochSeconds: T0, v: 40 },
        { epochSeconds: T0 + 60, v: 41 },
        { epochSeconds: T0 + 120, v: 0 },
      ],
    });
  });

  test('typed values: int64 strings, doubles (with "NaN"), booleans, metadata labels; an empty response is no series', () => {
    const series = (valueType: string, values: unknown[], extra: Record<string, unknown> = {}) => ({
      metric: { type: 'custom.googleapis.com/x' },
      resource: { type: 'global' },
      metricKind: 'GAUGE',
      valueType,
      ...extra,
      points: values.map((value, index) => ({ interval: { endTime: iso(T0 + index) }, value })).reverse(),
    });
    const exported = readTimeSeriesExport(
      write('typed.json', [
        series('INT64', [{ int64Value: '-7' }, { int64Value: 9 }]),
        series('DOUBLE', [{ doubleValue: 0.25 }, { doubleValue: 'NaN' }]),
        series('BOOL', [{ boolValue: true }], {
          metadata: { userLabels: { team: 'platform' }, systemLabels: { zones: ['a', 'b'], name: 'vm-1' } },
        }),
      ]),
      's.yaml',
      'x',
    );
    expect(exported.series.map((one) => one.points.map((point) => point.v))).toEqual([
      [-7, 9],
      [0.25, Number.NaN],
      [true],
    ]);
    expect(exported.series[2].identity.metadata).toEqual({
      userLabels: { team: 'platform' },
      systemLabels: { zones: '["a","b"]', name: 'vm-1' },
    });
    expect(readTimeSeriesExport(write('empty.json', {}), 's.yaml', 'x').series).toEqual([]);
  });

  test('distributions: linear, exponential and explicit buckets, string counts, trailing zero counts left out', () => {
    const point = (bucketOptions: unknown, bucketCounts: string[], count: string) => ({
      metric: { type: 'custom.googleapis.com/latency' },
      resource: { type: 'global' },
      metricKind: 'DELTA',
      valueType: 'DISTRIBUTION',
      points: [
        {
          interval: { startTime: iso(T0), endTime: iso(T0 + 60) },
          value: { distributionValue: { count, mean: 1, bucketOptions, bucketCounts } },
        },
      ],
    });
    const exported = readTimeSeriesExport(
      write('distributions.json', [
        point({ linearBuckets: { numFiniteBuckets: 3, width: 10, offset: 5 } }, ['0', '2', '1'], '3'),
        point({ exponentialBuckets: { numFiniteBuckets: 2, growthFactor: 2, scale: 1 } }, ['1', '0', '0', '4'], '5'),
        point({ explicitBuckets: { bounds: [100, 500] } }, ['0', '6'], '6'),
      ]),
      's.yaml',
      'x',
    );
    expect(exported.series.map((one) => one.points[0].v)).toEqual([
      { bounds: [5, 15, 25, 35], counts: [0, 2, 1, 0, 0] },
      { bounds: [1, 2, 4], counts: [1, 0, 0, 4] },
      { bounds: [100, 500], counts: [0, 6, 0] },
    ]);
  });

  test('CUMULATIVE distributions become the increments between points; a new start time is a reset', () => {
    const cumulative = (start: number, end: number, counts: string[]) => ({
      interval: { startTime: iso(start), endTime: iso(end) },
      value: {
        distributionValue: {
          count: String(counts.reduce((a, b) => a + Number(b), 0)),
          bucketOptions: { explicitBuckets: { bounds: [10] } },
          bucketCounts: counts,
        },
      },
    });
    const exported = readTimeSeriesExport(
      write('cumulative.json', [
        {
          metric: { type: 'custom.googleapis.com/latency' },
          resource: { type: 'global' },
          metricKind: 'CUMULATIVE',
          valueType: 'DISTRIBUTION',
          points: [
            cumulative(T0 + 120, T0 + 180, ['1', '0']),
            cumulative(T0, T0 + 120, ['3', '5']),
            cumulative(T0, T0 + 60, ['1', '2']),
          ],
        },
      ]),
      's.yaml',
      'x',
    );
    expect(exported.series[0].points.map((point) => point.v)).toEqual([
      { bounds: [10], counts: [1, 2] },
      { bounds: [10], counts: [2, 3] },
      { bounds: [10], counts: [1, 0] },
    ]);
  });

  test('RFC 3339 times: offsets and fractions; impossible dates and missing zones are not times', () => {
    expect(parseTimestamp('2026-03-14T14:02:10Z')).toBe(Date.parse('2026-03-14T14:02:10Z') / 1000);
    expect(parseTimestamp('2026-03-14T16:02:10.5+02:00')).toBe(Date.parse('2026-03-14T14:02:10Z') / 1000 + 0.5);
    expect(parseTimestamp('2026-03-14T14:02:10.123456789Z')).toBeCloseTo(
      Date.parse('2026-03-14T14:02:10Z') / 1000 + 0.123456789,
      6,
    );
    expect([
      parseTimestamp('2026-02-30T00:00:00Z'),
      parseTimestamp('2026-03-14T14:02:10'),
      parseTimestamp('2026-03-14 14:02:10Z'),
      parseTimestamp('yesterday'),
    ]).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('bad exports: every message names the file and the JSON path', () => {
    const gauge = clientsSeries([1, 2]);
    expect(exportProblems('missing.json', undefined)).toEqual([
      `scenario.yaml: tests[0].series[0].export: the export "${path.join(directory, 'missing.json')}" does not exist`,
    ]);
    expect(exportProblems('not-json.json', '{"timeSeries": [')).toEqual([
      expect.stringMatching(
        /^not-json\.json: : not JSON \(.+\); expected a projects\.timeSeries\.list response or a JSON list of TimeSeries$/,
      ),
    ]);
    expect(exportProblems('policy.json', { displayName: 'an alert policy', conditions: [] })).toEqual([
      'policy.json: : found an object with "displayName", "conditions"; expected a projects.timeSeries.list response ({"timeSeries": [...]}), a list of such pages, or a JSON list of TimeSeries',
    ]);
    expect(exportProblems('not-series.json', { timeSeries: [gauge, 'x'] })).toEqual([
      'not-series.json: timeSeries[1]: found "x"; not a TimeSeries: expected an object with metric, resource, metricKind, valueType and points',
    ]);
    expect(exportProblems('no-value.json', [{ ...gauge, points: [{ interval: { endTime: iso(T0) } }] }])).toEqual([
      'no-value.json: [0].points[0].value: a point with no value: found nothing; expected a TypedValue such as {"int64Value": "42"}',
    ]);
    expect(
      exportProblems('empty-value.json', [{ ...gauge, points: [{ interval: { endTime: iso(T0) }, value: {} }] }]),
    ).toEqual([
      'empty-value.json: [0].points[0].value: a point with no value: expected one of boolValue, int64Value, doubleValue, stringValue, distributionValue',
    ]);
    expect(
      exportProblems('mixed-types.json', [
        { ...gauge, points: [gauge.points[0], { interval: { endTime: iso(T0) }, value: { doubleValue: 1.5 } }] },
      ]),
    ).toEqual([
      'mixed-types.json: [0].points[1].value.doubleValue: a DOUBLE value in a INT64 series (its valueType): mixed value types in one series',
    ]);
    expect(
      exportProblems('mixed-kinds.json', [
        { ...gauge, points: [{ interval: { startTime: iso(T0), endTime: iso(T0 + 60) }, value: { int64Value: '1' } }] },
      ]),
    ).toEqual([
      `mixed-kinds.json: [0].points[0].interval: a GAUGE point covers one instant, but this one spans ${iso(T0)} to ${iso(T0 + 60)}: mixed kinds in one series (its metricKind says GAUGE)`,
    ]);
    expect(exportProblems('delta-no-start.json', [{ ...gauge, metricKind: 'DELTA' }])).toEqual([
      'delta-no-start.json: [0].points[0].interval.startTime: a DELTA point needs a start time as well as an end time; found none: mixed kinds in one series?',
    ]);
    expect(
      exportProblems('bad-time.json', [
        { ...gauge, points: [{ interval: { endTime: '14:02 yesterday' }, value: { int64Value: '1' } }] },
      ]),
    ).toEqual([
      'bad-time.json: [0].points[0].interval.endTime: found "14:02 yesterday"; expected an RFC 3339 time such as "2026-03-14T14:02:10Z"',
    ]);
    expect(
      exportProblems('bad-int.json', [
        { ...gauge, points: [{ interval: { endTime: iso(T0) }, value: { int64Value: '1.5' } }] },
      ]),
    ).toEqual([
      'bad-int.json: [0].points[0].value.int64Value: found "1.5"; expected an integer, written as a string ("42")',
    ]);
    expect(exportProblems('string.json', [{ ...gauge, valueType: 'STRING' }])).toEqual([
      'string.json: [0].valueType: STRING series are not simulated; expected BOOL, INT64, DOUBLE or DISTRIBUTION',
    ]);
    expect(exportProblems('no-kind.json', [{ ...gauge, metricKind: undefined }])).toEqual([
      'no-kind.json: [0].metricKind: found nothing; expected GAUGE, DELTA or CUMULATIVE',
    ]);
    expect(exportProblems('duplicate.json', [{ ...gauge, points: [gauge.points[0], gauge.points[0]] }])).toEqual([
      'duplicate.json: [0].points[1].interval.endTime: two points of one series end at the same time (also points[0]); expected one point per end time',
    ]);
    const distribution = {
      metric: { type: 'custom.googleapis.com/l' },
      resource: { type: 'global' },
      metricKind: 'GAUGE',
      valueType: 'DISTRIBUTION',
    };
    expect(
      exportProblems('counts.json', [
        {
          ...distribution,
          points: [
            {
              interval: { endTime: iso(T0) },
              value: {
                distributionValue: {
                  count: '5',
                  bucketOptions: { explicitBuckets: { bounds: [1] } },
                  bucketCounts: ['1', '2'],
                },
              },
            },
          ],
        },
      ]),
    ).toEqual([
      'counts.json: [0].points[0].value.distributionValue.bucketCounts: the bucket counts add up to 3, but count is 5',
    ]);
    expect(
      exportProblems('no-buckets.json', [
        {
          ...distribution,
          points: [{ interval: { endTime: iso(T0) }, value: { distributionValue: { count: '5', mean: 3 } } }],
        },
      ]),
    ).toEqual([
      'no-buckets.json: [0].points[0].value.distributionValue.bucketOptions: a distribution of 5 values without bucketOptions; simulate needs the buckets to read percentiles',
    ]);
  });

  test('hostile nesting: a deeply nested document or label value is an error in words, not a crash', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(exportProblems('deep.json', deep)).toEqual([
      expect.stringMatching(/^deep\.json: (\[0\]: found a list; not a TimeSeries|: not JSON)/),
    ]);
    const series = { ...clientsSeries([1]), metadata: { systemLabels: { deep: 1 } } };
    const text = JSON.stringify([series]).replace(
      '{"deep":1}',
      `{"deep":${'{"a":'.repeat(50_000)}"x"${'}'.repeat(50_000)}}`,
    );
    expect(exportProblems('deep-label.json', text)).toEqual([
      'deep-label.json: [0].metadata.systemLabels.deep: found an object; expected a label value (text, a number, true/false or a list of them)',
    ]);
  });

  test('bounded: too many buckets or series are refused with the limit in words', () => {
    const huge = {
      metric: { type: 'custom.googleapis.com/l' },
      resource: { type: 'global' },
      metricKind: 'GAUGE',
      valueType: 'DISTRIBUTION',
      points: [
        {
          interval: { endTime: iso(T0) },
          value: {
            distributionValue: {
              count: '0',
              bucketOptions: { linearBuckets: { numFiniteBuckets: 1e9, width: 1, offset: 0 } },
            },
          },
        },
      ],
    };
    expect(exportProblems('buckets.json', [huge])).toEqual([
      `buckets.json: [0].points[0].value.distributionValue.bucketOptions.linearBuckets.numFiniteBuckets: found 1000000000; expected a whole number of finite buckets from 1 to ${EXPORT_LIMITS.buckets}`,
    ]);
    const tiny = {
      metric: { type: 'custom.googleapis.com/x' },
      resource: { type: 'global' },
      metricKind: 'GAUGE',
      valueType: 'INT64',
      points: [],
    };
    expect(exportProblems('series.json', { timeSeries: new Array(EXPORT_LIMITS.series + 1).fill(tiny) })).toEqual([
      `series.json: timeSeries[${EXPORT_LIMITS.series}]: more than ${EXPORT_LIMITS.series} time series in one export; export fewer`,
    ]);
  });
});

describe('exports in scenarios', () => {
  const stack = {
    resource: {
      google_monitoring_alert_policy: {
        no_clients: {
          display_name: '[test] Redis: no clients',
          combiner: 'OR',
          conditions: [
            {
              display_name: 'no clients',
              condition_threshold: {
                filter:
                  'metric.type="redis.googleapis.com/clients/connected" AND resource.type="redis_instance" AND resource.labels.instance_id=has_substring("r1")',
                comparison: 'COMPARISON_LT',
                threshold_value: 1,
                duration: '60s',
                aggregations: [{ alignment_period: '60s', per_series_aligner: 'ALIGN_MAX' }],
              },
            },
          ],
        },
      },
    },
  };
  write('stack.json', stack);
  const resolveEnvironment = () => stackModelFromJson(stack, 'unused');
  const run = (name: string, body: string): TestResult[] | string[] => {
    const file = write(name, `stack: stack.json\ntests:\n  - name: t\n${body}`);
    try {
      return runScenarioFile(file, { resolveEnvironment, recordValues: true });
    } catch (error) {
      if (error instanceof ConfigError)
        return error.problems.map((problem) => `${path.basename(problem.file)}: ${problem.path}: ${problem.message}`);
      throw error;
    }
  };
  // 40 clients for 10 minutes, then 0 for 10; and a second instance the filter does not select.
  write('clients.api.json', [
    { timeSeries: [clientsSeries([...new Array(10).fill(40), ...new Array(10).fill(0)])], nextPageToken: 'next' },
    { timeSeries: [clientsSeries([0, 0], T0, { ...REDIS, instance_id: 'projects/p/locations/l/instances/other' })] },
  ]);
  write('late.gcloud.json', [
    clientsSeries([5, 5, 5], T0 + 3600, { ...REDIS, instance_id: 'projects/p/locations/l/instances/r1-replica' }),
  ]);
  const HAND_WRITTEN = `      - metric: redis.googleapis.com/clients/connected
        resource: redis_instance
        resource_labels: {project_id: netra-staging, region: us-central1, instance_id: projects/netra-staging/locations/us-central1/instances/r1}
        metric_labels: {role: primary}
        start: 5m
        values: 40x9 0x9
      - metric: redis.googleapis.com/clients/connected
        resource: redis_instance
        resource_labels: {project_id: netra-staging, region: us-central1, instance_id: projects/p/locations/l/instances/other}
        metric_labels: {role: primary}
        start: 5m
        values: 0 0
`;
  const EXPECT = '    expect:\n      - policy: no_clients\n        fires: {within: 10m, after: 15m}\n';

  test('an exported series is selected and evaluated exactly as the same series written by hand', () => {
    const exported = run(
      'exported.yaml',
      `    series:\n      - {export: clients.api.json, start: 5m}\n${EXPECT}`,
    ) as TestResult[];
    const written = run('written.yaml', `    series:\n${HAND_WRITTEN}${EXPECT}`) as TestResult[];
    expect(exported[0].unmatchedSeries).toEqual([
      'tests[0].series[0] (clients.api.json [1].timeSeries[0]) (redis.googleapis.com/clients/connected)',
    ]);
    expect(written[0].unmatchedSeries).toEqual(['tests[0].series[1] (redis.googleapis.com/clients/connected)']);
    expect(exported[0].series.map((one) => one.points)).toEqual(written[0].series.map((one) => one.points));
    expect(exported[0].runs[0].status).toBe('evaluated');
    expect(exported[0].runs.map((one) => one.status === 'evaluated' && one.incidents)).toEqual(
      written[0].runs.map((one) => one.status === 'evaluated' && one.incidents),
    );
    expect(exported[0].expectations).toEqual(written[0].expectations);
    expect(exported[0].expectations[0]).toMatchObject({ passed: true, secondsToFire: 240 + 60 + 0 });
  });

  test('RFC 3339 times: t=0 is the earliest exported point; exports keep their own timestamps; hand-written series count from t=0', () => {
    const results = run(
      'absolute.yaml',
      `    incident_start: "${iso(T0 + 600)}"
    series:
      - export: clients.api.json
      - export: late.gcloud.json
      - {metric: redis.googleapis.com/clients/connected, resource: redis_instance, resource_labels: {instance_id: r1-hand}, start: 2h, values: 3x2}
    expect:
      - policy: no_clients
        fires: {within: 10m}
        resolves: {by: "${iso(T0 + 7200)}"}
`,
    ) as TestResult[];
    expect(results[0].origin).toBe(T0);
    expect(results[0].incidentStart).toBe(600);
    expect(results[0].series.map((one) => one.points[0].t)).toEqual([0, 0, 3600, 7200]);
    expect(results[0].expectations[0]).toMatchObject({
      passed: false,
      expected: 'fires within 10m of t=10m (2026-03-14T14:10:00Z), resolves by t=2h (2026-03-14T16:00:00Z)',
    });
  });

  test('mixing absolute and relative times, start: with absolute times, absolute times without exports, or before t=0: errors', () => {
    expect(
      run(
        'mixed.yaml',
        `    incident_start: "${iso(T0 + 600)}"\n    series:\n      - {export: clients.api.json, start: 5m}\n    expect:\n      - policy: no_clients\n        fires: {within: 10m}\n        resolves: {by: 2h}\n`,
      ),
    ).toEqual([
      `mixed.yaml: tests[0].expect[0].resolves.by: is a duration from t=0, but this test also writes RFC 3339 times (incident_start: ${iso(T0 + 600)}); write every time of the test as an RFC 3339 time, or none: mixing them is ambiguous`,
      `mixed.yaml: tests[0].series[0].start: start: places an export by hand, but this test writes RFC 3339 times (incident_start: ${iso(T0 + 600)}), so the exports' own timestamps place them; remove start:`,
    ]);
    expect(
      run(
        'no-exports.yaml',
        `    series:${'\n'}${HAND_WRITTEN}    expect:\n      - policy: no_clients\n        does_not_fire: {from: "${iso(T0)}", until: "${iso(T0 + 60)}"}\n`,
      ),
    ).toEqual([
      'no-exports.yaml: tests[0].expect[0].does_not_fire.from: an RFC 3339 time needs exported series to place it (t=0 is the earliest exported point), but this test has no export: entry; write a duration from t=0 instead',
    ]);
    expect(
      run(
        'early.yaml',
        `    incident_start: "${iso(T0 - 60)}"\n    series:\n      - export: clients.api.json\n    expect:\n      - policy: no_clients\n        fires: {within: 10m}\n`,
      ),
    ).toEqual([
      `early.yaml: tests[0].incident_start: ${iso(T0 - 60)} is before the earliest exported point (${iso(T0)}), which is t=0 of this test`,
    ]);
    expect(
      run(
        'bad-time.yaml',
        `    incident_start: "2026-03-14 14:02"\n    series:\n      - export: clients.api.json\n    expect:\n      - policy: no_clients\n        fires: {within: 10m}\n`,
      ),
    ).toEqual([
      'bad-time.yaml: tests[0].incident_start: expected an RFC 3339 time with a time zone, such as "2026-03-14T14:02:10Z", found "2026-03-14 14:02"',
    ]);
  });

  test('export entries: a bad path or extra keys are named; a hand-written series keeps its own messages', () => {
    expect(
      run(
        'entry.yaml',
        `    series:\n      - {export: 3}\n      - {export: clients.api.json, metric: x}\n      - {export: nowhere.json}\n      - {metric: redis.googleapis.com/clients/connected, resource: redis_instance}\n    expect:\n      - policy: no_clients\n        does_not_fire: true\n`,
      ),
    ).toEqual([
      'entry.yaml: tests[0].series[0].export: expected the path of a time-series export (JSON), relative to this scenario file, found 3',
      'entry.yaml: tests[0].series[1].metric: an export entry takes only export: and start: (the exported series carry their own metric, labels and values), found "x"',
      'entry.yaml: tests[0].series[3].values: is required: expected expanding notation or a list of segments',
    ]);
    expect(
      run(
        'nowhere.yaml',
        `    series:\n      - {export: nowhere.json}\n    expect:\n      - policy: no_clients\n        does_not_fire: true\n`,
      ),
    ).toEqual([
      `nowhere.yaml: tests[0].series[0].export: the export "${path.join(directory, 'nowhere.json')}" does not exist`,
    ]);
  });

  test('the points of all exports of one test are bounded too', () => {
    const limits = EXPORT_LIMITS as { points: number };
    const saved = limits.points;
    limits.points = 30; // each file holds at most 22 points: under the limit alone, over it together
    try {
      expect(
        run(
          'many.yaml',
          `    series:\n      - export: clients.api.json\n      - export: clients.api.json\n    expect:\n      - policy: no_clients\n        does_not_fire: true\n`,
        ),
      ).toEqual([
        'many.yaml: tests[0].series: its exports hold 44 points, over the limit of 30 for one test; replay a shorter time range',
      ]);
    } finally {
      limits.points = saved;
    }
  });

  test("--plot draws exported series like any other, on the exports' clock", () => {
    const results = run(
      'plot.yaml',
      `    series:\n      - {export: clients.api.json, start: 5m}\n${EXPECT}`,
    ) as TestResult[];
    const [input, policy] = testCharts(results[0], new Set(['[test] Redis: no clients']));
    expect(input.series.map((one) => one.name)).toEqual([
      'clients/connected instance_id=r1',
      'clients/connected instance_id=other',
    ]);
    expect(input.series[0].points.length).toBeGreaterThan(0);
    // Placed by hand (start: 5m), the exports' clock is not the test's: time counts from its start.
    expect(input.timeAxis).toBe('elapsed');
    expect(input.window).toEqual({ start: 0, end: results[0].until });
    expect(policy.title).toMatch(/^\[test\] Redis: no clients: no clients/);
  });
});
