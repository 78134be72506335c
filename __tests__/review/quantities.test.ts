// Numbers in the units a person reads, from the metric catalog's units.
import { formatDurationText, formatValue, measuredQuantity, valueScale } from '../../src/tools/review/quantities';

const noLogMetrics = new Map<string, string>();

describe('formatValue', () => {
  test.each([
    [500000, 'us', '500 ms'],
    [5000000, 'us', '5 s'],
    [250, 'us', '250 µs'],
    [1500, 'ms', '1.5 s'],
    [30, 'd', '30 d'],
    [0.8, '10^2.%', '80%'],
    [0.01, 'ratio', '1%'],
    [1073741824, 'By', '1 GiB'],
    [1500, 'By', '1500 B'],
    [0.30000000000000004, '1', '0.3'],
    [100, '{packet}', '100 packet'],
    [2, 'us{CPU}', '2 µs'],
  ])('%p in %s reads "%s"', (value, unit, expected) => {
    expect(formatValue(value, { unit })).toBe(expected);
  });

  test('ALIGN_RATE values are per second', () => {
    const scale = valueScale({
      metricType: 'redis.googleapis.com/stats/reject_connections_count',
      aligner: 'ALIGN_RATE',
      ratio: false,
      logMetricUnits: noLogMetrics,
    });
    expect(formatValue(5, scale)).toBe('5/s');
  });
});

describe('valueScale', () => {
  test('the metric catalog gives the unit; the reducer can override it', () => {
    const latency = 'cloudsql.googleapis.com/database/postgresql/insights/aggregate/latencies';
    expect(
      valueScale({
        metricType: latency,
        aligner: 'ALIGN_DELTA',
        reducer: 'REDUCE_PERCENTILE_99',
        ratio: false,
        logMetricUnits: noLogMetrics,
      }),
    ).toEqual({ unit: 'us', perSecond: false });
    expect(
      valueScale({
        metricType: latency,
        aligner: 'ALIGN_DELTA',
        reducer: 'REDUCE_COUNT',
        ratio: false,
        logMetricUnits: noLogMetrics,
      }),
    ).toEqual({ unit: '1' });
    expect(
      valueScale({
        metricType: 'monitoring.googleapis.com/uptime_check/check_passed',
        aligner: 'ALIGN_FRACTION_TRUE',
        ratio: false,
        logMetricUnits: noLogMetrics,
      }),
    ).toEqual({ unit: 'ratio' });
    expect(
      valueScale({
        metricType: 'logging.googleapis.com/user/x',
        ratio: false,
        logMetricUnits: new Map([['logging.googleapis.com/user/x', 'ms']]),
      }),
    ).toEqual({ unit: 'ms', perSecond: false });
  });
});

test('durations and quantity names', () => {
  expect(formatDurationText('60s')).toBe('60 s');
  expect(formatDurationText('86400s')).toBe('1 d');
  expect(formatDurationText(undefined)).toBe('unset');
  expect(measuredQuantity('run.googleapis.com/request_latencies', 'ALIGN_DELTA', 'REDUCE_PERCENTILE_95')).toBe(
    'p95 request latency',
  );
});
