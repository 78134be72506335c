// The evaluator's state machine against hand-computed times. Unless a test says otherwise the
// ingest delay is left out, so an evaluation at wall time e sees the samples up to t = e, and
// evaluations happen every 60 s from t=0.
import { evaluatePolicy, Incident, PolicyRun } from '../../src/tools/simulate/evaluate-policy';
import { aggregation, policy, series, threshold, METRIC } from './helpers';

function incidents(run: PolicyRun): Array<[number, number | undefined, string | undefined]> {
  if (run.status !== 'evaluated') throw new Error(`expected an evaluated policy, got ${run.status}`);
  return run.incidents.map((one: Incident) => [one.openedAt, one.closedAt, one.closedBy]);
}

const noDelay = { until: 1200, ignoreIngestDelay: true };

describe('threshold conditions', () => {
  test('duration: any non-violating point resets the run', () => {
    // samples at t=0,60,…: 0 9 9 2 9 9 9 9 0; GT 5 for 180 s
    // run 60–120 is reset by the 2 at t=180; the next run starts at 240 and lasts 180 s at t=420;
    // the 0 at t=480 resolves it.
    const run = evaluatePolicy(
      policy([threshold({ durationSeconds: 180 })]),
      [series([0, 9, 9, 2, 9, 9, 9, 9, 0])],
      noDelay,
    );
    expect(incidents(run)).toEqual([[420, 480, 'resolved']]);
  });

  test('the alignment window slides one evaluation at a time', () => {
    // a single 50 at t=300 among zeros; ALIGN_MEAN over 300 s is 50/5 = 10 > 9 while the window
    // (e−300, e] holds t=300: e = 300…540. It fires at 300 and resolves at 600.
    const run = evaluatePolicy(
      policy([threshold({ aggregations: [aggregation('ALIGN_MEAN', 300)], thresholdValue: 9 })]),
      [series([0, 0, 0, 0, 0, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
      noDelay,
    );
    expect(incidents(run)).toEqual([[300, 600, 'resolved']]);
  });

  test('trigger percent: the share of series failing, of the series evaluated', () => {
    const four = [
      series([9, 9, 9, 9, 9, 9, 9, 9], { labels: { instance_id: 'a' } }),
      series([0, 0, 0, 0, 0, 9, 9, 9], { labels: { instance_id: 'b' } }), // violates from t=300
      series([0, 0, 0, 0, 0, 0, 0, 0], { labels: { instance_id: 'c' } }),
      series([0, 0, 0, 0, 0, 0, 0, 0], { labels: { instance_id: 'd' } }),
    ];
    // 1 of 4 = 25% until t=300, then 2 of 4 = 50%
    const half = evaluatePolicy(policy([threshold({ trigger: { percent: 50 } })]), four, {
      until: 420,
      ignoreIngestDelay: true,
    });
    expect(incidents(half)).toEqual([[300, undefined, undefined]]);
    const threeOfFour = evaluatePolicy(policy([threshold({ trigger: { count: 3 } })]), four, {
      until: 420,
      ignoreIngestDelay: true,
    });
    expect(incidents(threeOfFour)).toEqual([]);
  });

  test('ratio: numerator and denominator joined by their labels after aggregation; zero or missing denominators give no ratio', () => {
    const perService = [aggregation('ALIGN_DELTA', 60, 'REDUCE_SUM', ['resource.label.service_name'])];
    const errors = 'custom.googleapis.com/test/errors';
    const requests = 'custom.googleapis.com/test/requests';
    const delta = { kind: 'DELTA' as const, valueType: 'INT64' as const, resource: 'cloud_run_revision' };
    const input = [
      series([1, 1], { ...delta, metric: errors, labels: { service_name: 'a', revision_name: 'a-1' } }),
      series([10, 10], { ...delta, metric: requests, labels: { service_name: 'a', revision_name: 'a-1' } }), // 1/10 = 0.1 > 0.05
      series([0, 0], { ...delta, metric: errors, labels: { service_name: 'b' } }),
      series([100, 100], { ...delta, metric: requests, labels: { service_name: 'b' } }), // 0/100 = 0
      series([5, 5], { ...delta, metric: errors, labels: { service_name: 'c' } }),
      series([0, 0], { ...delta, metric: requests, labels: { service_name: 'c' } }), // zero denominator: no ratio
      series([3, 3], { ...delta, metric: errors, labels: { service_name: 'd' } }), // no denominator series: no ratio
    ];
    const ratio = threshold({
      filter: `metric.type = "${errors}"`,
      aggregations: perService,
      denominatorFilter: `metric.type = "${requests}"`,
      denominatorAggregations: perService,
      thresholdValue: 0.05,
    });
    const run = evaluatePolicy(policy([ratio]), input, { until: 60, ignoreIngestDelay: true, recordValues: true });
    if (run.status !== 'evaluated') throw new Error(run.status);
    expect(run.incidents[0].failing).toEqual([
      { 'resource.type': 'cloud_run_revision', 'resource.label.service_name': 'a' },
    ]);
    const compared = [...run.traces[0].values].map(([key, points]) => [key, points[0][1]]);
    expect(compared).toEqual([
      ['resource.label.service_name=a,resource.type=cloud_run_revision', 0.1],
      ['resource.label.service_name=b,resource.type=cloud_run_revision', 0],
    ]);
  });

  test('evaluation_missing_data: ACTIVE counts silence as violating, INACTIVE resolves, NO_OP keeps the incident until auto-close', () => {
    // 9 at t=0…240, then silence. GT 5, duration 0: fires at t=0.
    const input = [series([9, 9, 9, 9, 9])];
    // INACTIVE: at t=300 the silent series evaluates false → resolved
    expect(
      incidents(
        evaluatePolicy(policy([threshold({ missingData: 'INACTIVE' })]), input, {
          until: 3000,
          ignoreIngestDelay: true,
        }),
      ),
    ).toEqual([[0, 300, 'resolved']]);
    // NO_OP: the last state holds; auto-close (1800 s) after the last data at t=240 → closed at 2040
    expect(
      incidents(
        evaluatePolicy(policy([threshold({ missingData: 'NO_OP' })]), input, { until: 3000, ignoreIngestDelay: true }),
      ),
    ).toEqual([[0, 2040, 'auto-close']]);
    // NO_OP: a run that has not yet lasted its duration does not grow into a failure in silence
    // (9 at t=0 and 60 with duration 180 s, then silence: never fires)
    expect(
      incidents(
        evaluatePolicy(policy([threshold({ missingData: 'NO_OP', durationSeconds: 180 })]), [series([9, 9])], {
          until: 3000,
          ignoreIngestDelay: true,
        }),
      ),
    ).toEqual([]);
    // ACTIVE with a quiet series: 0 at t=0…240, then silence counts as violating for 120 s → t=420
    const quiet = [series([0, 0, 0, 0, 0])];
    expect(
      incidents(
        evaluatePolicy(policy([threshold({ missingData: 'ACTIVE', durationSeconds: 120 })]), quiet, {
          until: 600,
          ignoreIngestDelay: true,
        }),
      ),
    ).toEqual([[420, undefined, undefined]]);
  });

  test('the ingest delay of the metric catalog shifts what an evaluation sees', () => {
    // redis clients/connected: 240 s until visible. 0 from t=600: at wall time e the data time is
    // e − 240, so the violation is seen first at e = 840.
    const clients = series([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0], {
      metric: 'redis.googleapis.com/clients/connected',
      resource: 'redis_instance',
      kind: 'GAUGE',
      valueType: 'INT64',
    });
    const lessThanOne = threshold({
      filter: 'metric.type = "redis.googleapis.com/clients/connected"',
      comparison: 'COMPARISON_LT',
      thresholdValue: 1,
    });
    expect(incidents(evaluatePolicy(policy([lessThanOne]), [clients], { until: 1200 }))).toEqual([
      [840, undefined, undefined],
    ]);
    expect(
      incidents(evaluatePolicy(policy([lessThanOne]), [clients], { until: 1200, ignoreIngestDelay: true })),
    ).toEqual([[600, undefined, undefined]]);
  });
});

describe('absence, combiners and what is not simulated', () => {
  test('absence fires once a series that reported has no point for the duration', () => {
    // points at t=0…540; no point in (d−300, d] from d=840
    const absent = {
      type: 'absent' as const,
      displayName: 'no data',
      filter: `metric.type = "${METRIC}"`,
      aggregations: [],
      durationSeconds: 300,
      trigger: { count: 1 },
    };
    const run = evaluatePolicy(policy([absent]), [series([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])], noDelay);
    expect(incidents(run)).toEqual([[840, undefined, undefined]]);
    // a series that never reported: nothing matches, nothing fires
    expect(
      evaluatePolicy(policy([absent]), [series([1], { metric: 'custom.googleapis.com/other' })], noDelay).status,
    ).toBe('no-input');
  });

  test('OR, AND and AND_WITH_MATCHING_RESOURCE', () => {
    const cpu = 'custom.googleapis.com/test/cpu';
    const memory = 'custom.googleapis.com/test/memory';
    // cpu on vm-1 violates at t=300…480 (samples 5–8); memory on vm-1 at t=480…840 (samples 8–14)
    const input = [
      series([0, 0, 0, 0, 0, 9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0], { metric: cpu, labels: { instance_id: 'vm-1' } }),
      series([0, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9, 9, 9, 9, 9, 0], { metric: memory, labels: { instance_id: 'vm-1' } }),
    ];
    const conditions = [
      threshold({ filter: `metric.type = "${cpu}"` }),
      threshold({ filter: `metric.type = "${memory}"` }),
    ];
    expect(incidents(evaluatePolicy(policy(conditions, { combiner: 'OR' }), input, noDelay))).toEqual([
      [300, 900, 'resolved'],
    ]);
    // both only at t=480; at t=540 cpu is back to 0: resolved at 540
    expect(incidents(evaluatePolicy(policy(conditions, { combiner: 'AND' }), input, noDelay))).toEqual([
      [480, 540, 'resolved'],
    ]);
    expect(
      incidents(evaluatePolicy(policy(conditions, { combiner: 'AND_WITH_MATCHING_RESOURCE' }), input, noDelay)),
    ).toEqual([[480, 540, 'resolved']]);
    // with memory failing on vm-2 instead, AND still fires but no single resource meets both
    const otherResource = [
      input[0],
      series([0, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9, 9, 9, 9, 9, 0], { metric: memory, labels: { instance_id: 'vm-2' } }),
    ];
    expect(incidents(evaluatePolicy(policy(conditions, { combiner: 'AND' }), otherResource, noDelay))).toEqual([
      [480, 540, 'resolved'],
    ]);
    expect(
      incidents(evaluatePolicy(policy(conditions, { combiner: 'AND_WITH_MATCHING_RESOURCE' }), otherResource, noDelay)),
    ).toEqual([]);
  });

  test('PromQL conditions and aggregations the API rejects are reported as not simulated', () => {
    const promql = policy([{ type: 'unsupported', displayName: 'rate of errors', what: 'PromQL condition' }]);
    const run = evaluatePolicy(promql, [series([1])], noDelay);
    expect(run).toMatchObject({
      status: 'not-simulated',
      reason: 'condition "rate of errors" is a PromQL condition: not simulated',
    });
    const wrongAligner = policy([threshold({ aggregations: [aggregation('ALIGN_FRACTION_TRUE')] })]);
    expect(evaluatePolicy(wrongAligner, [series([1])], noDelay)).toMatchObject({
      status: 'not-simulated',
      reason: expect.stringContaining(
        'ALIGN_FRACTION_TRUE accepts GAUGE series of BOOL values, but custom.googleapis.com/test/value is GAUGE DOUBLE',
      ),
    });
  });

  test('a disabled policy never opens an incident', () => {
    expect(incidents(evaluatePolicy(policy([threshold()], { enabled: false }), [series([9, 9])], noDelay))).toEqual([]);
  });
});
