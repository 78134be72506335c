// simulate's SLO selectors against hand-computed burn rates. Ingest delay left out: an evaluation
// at wall time e sees the samples up to t = e, one a minute from t=0.
import { readTerraformSlos, type Slo } from '../../src/artifact/slos';
import { evaluatePolicy, Incident, PolicyRun } from '../../src/tools/simulate/evaluate-policy';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { policy, series, threshold } from '../simulate/helpers';

const NAME = 'projects/p/services/svc/serviceLevelObjectives/avail';
const GOOD = 'custom.googleapis.com/test/good';
const BAD = 'custom.googleapis.com/test/bad';
const TOTAL = 'custom.googleapis.com/test/total';
const LATENCY = 'custom.googleapis.com/test/latency';
const noDelay = { until: 1800, ignoreIngestDelay: true };

const counter = (metric: string, values: number[]) => series(values, { metric, kind: 'DELTA', valueType: 'INT64' });

function slo(indicator: Slo['indicator'], goal = 0.99): ReadonlyMap<string, Slo> {
  return new Map([
    [NAME, { address: 'google_monitoring_slo.avail', name: NAME, goal, rollingPeriodDays: 30, indicator }],
  ]);
}

const burn = (lookback: string, thresholdValue: number) =>
  threshold({ filter: `select_slo_burn_rate("${NAME}", "${lookback}")`, aggregations: [], thresholdValue });

function opened(run: PolicyRun): number[] {
  if (run.status !== 'evaluated') throw new Error(`expected an evaluated policy, got ${JSON.stringify(run)}`);
  return run.incidents.map((one: Incident) => one.openedAt);
}

describe('select_slo_burn_rate', () => {
  test('bad / total over the lookback, divided by the budget: 2 bad of 100 a minute at 99% burns 2x', () => {
    const slos = slo({ type: 'ratio', badFilter: `metric.type="${BAD}"`, totalFilter: `metric.type="${TOTAL}"` });
    const inputs = [counter(BAD, [0, 0, 0, 2, 2, 2, 2, 2]), counter(TOTAL, [100, 100, 100, 100, 100, 100, 100, 100])];
    const run = evaluatePolicy(policy([burn('300s', 1.9)]), inputs, { ...noDelay, recordValues: true, slos });
    // Window (e−300, e]: at e=180 it holds t=0..180 (1 bad sample of 4: 2/400 = 0.5% → 0.5x);
    // at e=300, t=60..300 holds 3 bad samples: 6/500 = 1.2% → 1.2x; at e=420 all five: 2x > 1.9.
    expect(opened(run)).toEqual([420]);
    if (run.status !== 'evaluated') return;
    const values = new Map(run.traces[0].values.get('')!);
    expect(values.get(180)).toBeCloseTo(0.5);
    expect(values.get(300)).toBeCloseTo(1.2);
    expect(values.get(420)).toBeCloseTo(2);
  });

  test('good and total: bad is total − good; good and bad: total is their sum', () => {
    const goodTotal = slo({
      type: 'ratio',
      goodFilter: `metric.type="${GOOD}"`,
      totalFilter: `metric.type="${TOTAL}"`,
    });
    const goodBad = slo({ type: 'ratio', goodFilter: `metric.type="${GOOD}"`, badFilter: `metric.type="${BAD}"` });
    const fast = burn('120s', 14.4);
    // 80 of 100 good: 20% bad = 20x at 99%.
    expect(
      opened(
        evaluatePolicy(policy([fast]), [counter(GOOD, [80, 80]), counter(TOTAL, [100, 100])], {
          ...noDelay,
          slos: goodTotal,
        }),
      ),
    ).toEqual([0]);
    // 90 good and 10 bad: 10% bad = 10x, below 14.4.
    expect(
      opened(
        evaluatePolicy(policy([fast]), [counter(GOOD, [90, 90]), counter(BAD, [10, 10])], {
          ...noDelay,
          slos: goodBad,
        }),
      ),
    ).toEqual([]);
  });

  test('a distribution cut counts the values inside [min, max] as good', () => {
    const slos = slo({ type: 'cut', distributionFilter: `metric.type="${LATENCY}"`, max: 30 });
    const latencies = series([{ values: [5, 10, 30, 31, 40] }, { values: [5, 10, 20, 25, 29] }], {
      metric: LATENCY,
      kind: 'DELTA',
      valueType: 'DISTRIBUTION',
    });
    // At e=0: 2 of 5 over 30 (30 itself is good): 40% bad = 40x; at e=60 over 120 s: 2 of 10 = 20x.
    const run = evaluatePolicy(policy([burn('120s', 25)]), [latencies], { ...noDelay, recordValues: true, slos });
    expect(opened(run)).toEqual([0]);
    if (run.status !== 'evaluated') return;
    expect(run.traces[0].values.get('')!.slice(0, 2)).toEqual([
      [0, expect.closeTo(40, 6)],
      [60, expect.closeTo(20, 6)],
    ]);
  });

  test('AND of a long and a short lookback: both must burn, and the short one resolves the incident', () => {
    const slos = slo({ type: 'ratio', badFilter: `metric.type="${BAD}"`, totalFilter: `metric.type="${TOTAL}"` });
    // 10 minutes clean, 5 minutes all bad, then clean again; 14.4x at 99% is 14.4% bad.
    const bad = [...Array(10).fill(0), ...Array(5).fill(100), ...Array(15).fill(0)];
    const inputs = [counter(BAD, bad), counter(TOTAL, Array(30).fill(100))];
    const run = evaluatePolicy(policy([burn('3600s', 14.4), burn('300s', 14.4)], { combiner: 'AND' }), inputs, {
      ...noDelay,
      slos,
    });
    // At e=600 the long window (all samples so far) holds 100 bad of 1,100: 9.1x, too little; at e=660
    // 200 of 1,200: 16.7x, with the short window at 40%: 40x. Opens at 660. The short window is clean
    // again once it no longer holds the last bad sample (t=840): at e=1140.
    if (run.status !== 'evaluated') throw new Error(run.status);
    expect(run.incidents.map((one) => [one.openedAt, one.closedAt])).toEqual([[660, 1140]]);
  });

  test('selectors and SLOs it cannot evaluate are reported, never passed silently', () => {
    const slos = slo({ type: 'ratio', badFilter: `metric.type="${BAD}"`, totalFilter: `metric.type="${TOTAL}"` });
    const inputs = [counter(BAD, [1]), counter(TOTAL, [10])];
    const reason = (filter: string, map = slos) => {
      const run = evaluatePolicy(policy([threshold({ filter, aggregations: [] })]), inputs, { ...noDelay, slos: map });
      return run.status === 'not-simulated' ? run.reason : run.status;
    };
    expect(reason(`select_slo_health("${NAME}")`)).toBe('select_slo_health is not simulated');
    expect(reason(`select_slo_burn_rate("${NAME}x", "60s")`)).toBe(`no SLO named ${NAME}x in the stack`);
    expect(reason(`select_slo_burn_rate("${NAME}", "1d")`)).toBe(
      'lookback "1d" of select_slo_burn_rate is not a duration',
    );
    expect(reason(`select_slo_burn_rate("${NAME}", "60s")`, new Map())).toBe(`no SLO named ${NAME} in the stack`);
  });

  test('select_slo_budget_fraction: the share of the rolling window budget left', () => {
    const slos = slo({ type: 'ratio', badFilter: `metric.type="${BAD}"`, totalFilter: `metric.type="${TOTAL}"` });
    // 1 bad of 400 = 0.25% of a 1% budget spent: 0.75 left, below 0.8.
    const run = evaluatePolicy(
      policy([
        threshold({
          filter: `select_slo_budget_fraction("${NAME}")`,
          aggregations: [],
          comparison: 'COMPARISON_LT',
          thresholdValue: 0.8,
        }),
      ]),
      [counter(BAD, [0, 0, 0, 1]), counter(TOTAL, [100, 100, 100, 100])],
      { ...noDelay, slos },
    );
    expect(opened(run)).toEqual([180]);
  });
});

describe('SLOs read from a synthesized stack', () => {
  test('the service reference resolves to the custom service id; the SLI is read whole', () => {
    const resources = {
      google_monitoring_custom_service: { svc: { project: 'p', service_id: 'svc' } },
      google_monitoring_slo: {
        avail: {
          project: 'p',
          service: '${google_monitoring_custom_service.svc.service_id}',
          slo_id: 'avail',
          goal: 0.995,
          rolling_period_days: 28,
          request_based_sli: { distribution_cut: { distribution_filter: 'metric.type="x"', range: { max: 250 } } },
        },
        unknown: {
          project: 'p',
          service: '${google_monitoring_custom_service.other.service_id}',
          slo_id: 'u',
          goal: 0.9,
        },
      },
    };
    expect(readTerraformSlos(resources)).toEqual([
      {
        address: 'google_monitoring_slo.avail',
        name: NAME,
        goal: 0.995,
        rollingPeriodDays: 28,
        calendarPeriod: undefined,
        indicator: { type: 'cut', distributionFilter: 'metric.type="x"', min: undefined, max: 250 },
      },
      {
        address: 'google_monitoring_slo.unknown',
        goal: 0.9,
        rollingPeriodDays: undefined,
        calendarPeriod: undefined,
        indicator: { type: 'other', what: 'a basic SLI' },
      },
    ]);
    expect([...stackModelFromJson({ resource: resources }, 'stack.json').slos.keys()]).toEqual([NAME]);
  });
});

describe('many series', () => {
  test('an SLI over 1,000 series gives what the same traffic in one series gives (series merged once)', () => {
    const slos = slo({ type: 'ratio', badFilter: `metric.type="${BAD}"`, totalFilter: `metric.type="${TOTAL}"` });
    const minutes = 360;
    const badShare = (minute: number) => (minute >= 120 && minute < 200 ? 30 : 0);
    const options = { until: minutes * 60, ignoreIngestDelay: true, slos };
    const fast = burn('3600s', 14.4);
    const one = evaluatePolicy(
      policy([fast]),
      [
        counter(
          BAD,
          Array.from({ length: minutes }, (_, minute) => 1000 * badShare(minute)),
        ),
        counter(
          TOTAL,
          Array.from({ length: minutes }, () => 1000 * 100),
        ),
      ],
      options,
    );
    const many = [];
    for (let index = 0; index < 1000; index += 1) {
      const labels = { metricLabels: { shard: String(index) } };
      many.push(
        series(
          Array.from({ length: minutes }, (_, minute) => badShare(minute)),
          { metric: BAD, kind: 'DELTA', valueType: 'INT64', ...labels },
        ),
      );
      many.push(
        series(
          Array.from({ length: minutes }, () => 100),
          { metric: TOTAL, kind: 'DELTA', valueType: 'INT64', ...labels },
        ),
      );
    }
    const merged = evaluatePolicy(policy([fast]), many, options);
    expect(opened(one).length).toBeGreaterThan(0);
    expect(opened(merged)).toEqual(opened(one));
  });
});
