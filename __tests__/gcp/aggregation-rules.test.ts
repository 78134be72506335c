import { checkAligner, checkReducer } from '../../src/gcp/aggregation-rules';
import { lookupMetric } from '../../src/gcp/metric-catalog';

const shape = (type: string) => {
  const metric = lookupMetric(type)!;
  return { kind: metric.kind, valueType: metric.valueType };
};

describe('aligner rules (common.proto)', () => {
  it.each([
    ['ALIGN_RATE', 'redis.googleapis.com/stats/reject_connections_count', { kind: 'GAUGE', valueType: 'DOUBLE' }],
    ['ALIGN_DELTA', 'run.googleapis.com/request_latencies', { kind: 'DELTA', valueType: 'DISTRIBUTION' }],
    [
      'ALIGN_DELTA',
      'cloudsql.googleapis.com/database/postgresql/insights/aggregate/latencies',
      { kind: 'DELTA', valueType: 'DISTRIBUTION' },
    ],
    ['ALIGN_MEAN', 'redis.googleapis.com/clients/connected', { kind: 'GAUGE', valueType: 'DOUBLE' }],
    [
      'ALIGN_PERCENTILE_99',
      'vpcaccess.googleapis.com/connector/cpu/utilizations',
      { kind: 'GAUGE', valueType: 'DOUBLE' },
    ],
    [
      'ALIGN_FRACTION_TRUE',
      'monitoring.googleapis.com/uptime_check/check_passed',
      { kind: 'GAUGE', valueType: 'DOUBLE' },
    ],
    ['ALIGN_NEXT_OLDER', 'monitoring.googleapis.com/uptime_check/check_passed', { kind: 'GAUGE', valueType: 'BOOL' }],
    ['ALIGN_COUNT_TRUE', 'cloudsql.googleapis.com/database/instance_state', { kind: 'GAUGE', valueType: 'INT64' }],
  ])('%s accepts %s and produces %o', (aligner, metric, output) => {
    expect(checkAligner(aligner, shape(metric))).toEqual({ ok: true, output });
  });

  it.each([
    ['ALIGN_RATE', 'redis.googleapis.com/stats/memory/usage_ratio'],
    ['ALIGN_RATE', 'run.googleapis.com/request_latencies'],
    ['ALIGN_PERCENTILE_99', 'cloudsql.googleapis.com/database/postgresql/insights/aggregate/latencies'],
    ['ALIGN_PERCENTILE_95', 'redis.googleapis.com/clients/connected'],
    ['ALIGN_FRACTION_TRUE', 'redis.googleapis.com/clients/connected'],
    ['ALIGN_MEAN', 'monitoring.googleapis.com/uptime_check/check_passed'],
    ['ALIGN_INTERPOLATE', 'redis.googleapis.com/stats/evicted_keys'],
  ])('%s rejects %s', (aligner, metric) => {
    expect(checkAligner(aligner, shape(metric)).ok).toBe(false);
  });

  it('does not judge names it does not know', () => {
    expect(checkAligner('ALIGN_SOMETHING', { kind: 'GAUGE', valueType: 'DOUBLE' })).toEqual({ ok: 'unknown' });
  });
});

describe('reducer rules (common.proto)', () => {
  it('counts false booleans but does not sum them', () => {
    expect(checkReducer('REDUCE_COUNT_FALSE', { kind: 'GAUGE', valueType: 'BOOL' })).toEqual({
      ok: true,
      output: { kind: 'GAUGE', valueType: 'INT64' },
    });
    expect(checkReducer('REDUCE_SUM', { kind: 'GAUGE', valueType: 'BOOL' }).ok).toBe(false);
    expect(checkReducer('REDUCE_COUNT_FALSE', { kind: 'GAUGE', valueType: 'INT64' }).ok).toBe(false);
  });

  it('takes percentiles of distributions and numbers, and sums distributions', () => {
    expect(checkReducer('REDUCE_PERCENTILE_99', { kind: 'DELTA', valueType: 'DISTRIBUTION' })).toEqual({
      ok: true,
      output: { kind: 'DELTA', valueType: 'DOUBLE' },
    });
    expect(checkReducer('REDUCE_SUM', { kind: 'DELTA', valueType: 'DISTRIBUTION' })).toEqual({
      ok: true,
      output: { kind: 'DELTA', valueType: 'DISTRIBUTION' },
    });
    expect(checkReducer('REDUCE_MAX', { kind: 'DELTA', valueType: 'DISTRIBUTION' }).ok).toBe(false);
  });

  it('only reduces aligned (GAUGE or DELTA) series', () => {
    expect(checkReducer('REDUCE_SUM', { kind: 'CUMULATIVE', valueType: 'INT64' }).ok).toBe(false);
  });
});
