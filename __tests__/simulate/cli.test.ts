// `vigil simulate` end to end on a small Terraform JSON fixture and a REST export, through main().
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/command';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { temporaryDirectory } from '../support/environments';
import { CORPUS_DIR, describeWithCorpus } from '../support/corpus';

const directory = temporaryDirectory('simulate-cli');
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

async function vigil(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: directory,
    env: {},
    interactive: false,
  };
  const code = await main(['simulate', ...args], io);
  return { code, stdout, stderr };
}

const stack = {
  resource: {
    google_monitoring_alert_policy: {
      no_clients: {
        display_name: '[test] Redis: no clients',
        combiner: 'OR',
        alert_strategy: { auto_close: '1800s' },
        conditions: [
          {
            display_name: 'connected clients < 1 for 5 min',
            condition_threshold: {
              filter: 'metric.type="redis.googleapis.com/clients/connected" AND resource.type="redis_instance"',
              comparison: 'COMPARISON_LT',
              threshold_value: 1,
              duration: '300s',
              aggregations: [
                {
                  alignment_period: '300s',
                  per_series_aligner: 'ALIGN_MAX',
                  cross_series_reducer: 'REDUCE_MAX',
                  group_by_fields: ['resource.label.instance_id'],
                },
              ],
            },
          },
        ],
      },
    },
  },
};
fs.writeFileSync(path.join(directory, 'stack.json'), JSON.stringify(stack));
fs.mkdirSync(path.join(directory, 'alert-tests'));
// 3 clients at t=0…29m, then 0: the 5-min MAX window holds only zeros from data time 34m (when the
// 3 at t=29m leaves it), seen at wall time 38m (4 min ingest delay), failing 5 min later: 43m.
fs.writeFileSync(
  path.join(directory, 'alert-tests', 'redis.yaml'),
  `stack: ../stack.json
tests:
  - name: clients drop to zero
    incident_start: 30m
    series:
      - metric: redis.googleapis.com/clients/connected
        resource: redis_instance
        resource_labels: {instance_id: projects/p/locations/us-central1/instances/r}
        values: 3x29 0x30
    expect:
      - policy: "[test] Redis: no clients"
        fires: {within: 15m, labels: {resource.labels.instance_id: projects/p/locations/us-central1/instances/r}}
`,
);

describe('vigil simulate', () => {
  test('runs alert-tests/ by default: a line per expectation, the time to fire, exit 0', async () => {
    const { code, stdout } = await vigil();
    expect(code).toBe(0);
    expect(stdout).toContain('ok   [test] Redis: no clients: fires within 15m of t=30m');
    expect(stdout).toContain('fired: [test] Redis: no clients at t=43m (13m after the incident start)');
    expect(stdout).toMatch(/1 passed, 0 failed \(1 expectations in 1 tests of 1 files, \d+ ms\)/);
  });

  test('a failed expectation exits 1 and is a JUnit failure; --plot writes an SVG per test', async () => {
    const file = path.join(directory, 'late.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(path.join(directory, 'alert-tests', 'redis.yaml'), 'utf8')
        .replace('stack: ../stack.json', 'stack: stack.json')
        .replace('within: 15m', 'within: 10m'),
    );
    const { code, stdout } = await vigil('late.yaml', '--junit', 'junit.xml', '--plot', 'plots');
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL [test] Redis: no clients: fires within 10m of t=30m');
    expect(stdout).toContain('fired 13m after t=30m (at t=43m), later than 10m');
    const junit = fs.readFileSync(path.join(directory, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="late.yaml" tests="1" failures="1"');
    expect(junit).toContain('<failure message="fired 13m after t=30m (at t=43m), later than 10m"/>');
    const svg = fs.readFileSync(path.join(directory, 'plots', 'late--clients-drop-to-zero.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // The input chart and the policy's, one under the other; the threshold in the metric's unit (a count).
    expect(svg.match(/<svg x="0" y="\d+"/g)).toHaveLength(2);
    expect(svg).toContain('[test] Redis: no clients: threshold 1</text>');
    expect(svg).toContain('fired t=43m');
    expect(svg).toContain('incident start t=30m</text>');
  });

  test('--format json carries every policy and incident', async () => {
    const { code, stdout } = await vigil('--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.totals).toMatchObject({ files: 1, tests: 1, expectations: 1, failed: 0 });
    // The last sample (t=60m) stays in the 5-min window until data time 64m, wall time 68m (4 min
    // ingest delay); auto-close (1800 s) then closes the incident at 98m = 5880 s.
    expect(report.tests[0].policies[0].incidents[0]).toMatchObject({
      openedAtSeconds: 2580,
      secondsAfterIncidentStart: 780,
      closedAtSeconds: 5880,
      closedBy: 'auto-close',
    });
  });

  test('--report --format markdown: ingest delay + alignment + duration + evaluation per condition', async () => {
    const { code, stdout } = await vigil('--report', '--format', 'markdown', '--stack', 'stack.json');
    expect(code).toBe(0);
    // clients/connected: 240 s ingest delay (catalog) + 300 s + 300 s + 60 s = 900 s
    expect(stdout.split('\n')).toEqual([
      '| Alert policy | Condition | Ingest delay | Alignment | Duration | Evaluation | Worst case to notification |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      '| [test] Redis: no clients | connected clients < 1 for 5 min | 4m | 5m | 5m | 1m | 15m |',
      '',
    ]);
  });

  test('--report with scenario files adds the slowest time to fire they measured', async () => {
    const { code, stdout } = await vigil('--report', '--format', 'markdown', '--stack', 'stack.json', 'alert-tests');
    expect(code).toBe(0);
    expect(stdout).toContain('| Worst case to notification | Slowest in scenarios |');
    expect(stdout).toContain(
      '| [test] Redis: no clients | connected clients < 1 for 5 min | 4m | 5m | 5m | 1m | 15m | 13m |',
    );
  });

  test('a scenario naming an environment that was not synthesized says how to get it', async () => {
    fs.writeFileSync(
      path.join(directory, 'env.yaml'),
      'environment: staging\ntests:\n  - name: t\n    series:\n      - {metric: redis.googleapis.com/clients/connected, resource: redis_instance, values: "1"}\n    expect:\n      - {policy: x, does_not_fire: true}\n',
    );
    const { code, stderr } = await vigil('env.yaml');
    expect(code).toBe(1);
    expect(stderr).toBe(
      'env.yaml: environment: no synthesized stack for "staging" at cdktf.out/stacks/monitoring-staging/cdk.tf.json; run `npm run synth` first, or pass --synth\n',
    );
  });

  test('--plot-format png writes PNGs', async () => {
    const { code, stdout } = await vigil('--plot', 'pngs', '--plot-format', 'png');
    expect(code).toBe(0);
    expect(stdout).toContain('wrote 1 PNG files to pngs');
    const [file] = fs.readdirSync(path.join(directory, 'pngs'));
    expect(file).toMatch(/\.png$/);
    const png = fs.readFileSync(path.join(directory, 'pngs', file));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(960);
  });

  test('bad flags are usage errors (exit 2)', async () => {
    expect((await vigil('--format', 'markdown')).code).toBe(2);
    expect((await vigil('--plot', 'p', '--plot-format', 'gif')).stderr).toContain(
      '--plot-format takes svg or png; got "gif"',
    );
    expect((await vigil('--plot-format', 'png')).stderr).toContain('--plot-format goes with --plot');
    expect((await vigil('--report', '--plot', 'plots')).stderr).toContain('--report takes no --junit or --plot');
  });
});

describeWithCorpus('REST exports', () => {
  test('camelCase policies normalise like Terraform JSON; PromQL conditions are not simulated, never passed', async () => {
    const corpus = path.join(CORPUS_DIR, 'alerts', 'activemq');
    const file = fs.readdirSync(corpus).find((name) => name.endsWith('.json'))!;
    const [policy] = stackModelFromJson(JSON.parse(fs.readFileSync(path.join(corpus, file), 'utf8')), file).policies;
    expect(policy.conditions[0]).toMatchObject({
      type: 'threshold',
      aggregations: [{ alignmentPeriod: expect.any(Number), aligner: expect.stringMatching(/^ALIGN_/) }],
    });
    expect(policy.autoCloseSeconds).toBeGreaterThan(0);

    const exported = {
      displayName: 'PromQL errors',
      combiner: 'OR',
      conditions: [
        {
          displayName: 'error rate',
          conditionPrometheusQueryLanguage: { query: 'rate(errors[5m]) > 1', duration: '60s' },
        },
      ],
    };
    fs.writeFileSync(path.join(directory, 'promql.json'), JSON.stringify(exported));
    fs.writeFileSync(
      path.join(directory, 'promql.yaml'),
      'stack: promql.json\ntests:\n  - name: t\n    series:\n      - {metric: redis.googleapis.com/clients/connected, resource: redis_instance, values: "1x5"}\n    expect:\n      - {policy: PromQL errors, does_not_fire: true}\n',
    );
    const { code, stdout } = await vigil('promql.yaml');
    expect(code).toBe(1);
    expect(stdout).toContain(
      'FAIL PromQL errors: does not fire between t=0s and t=1h 5m: not simulated: condition "error rate" is a PromQL condition: not simulated',
    );
    expect(stdout).toContain(
      'note: tests[0].series[0] (redis.googleapis.com/clients/connected) matches no filter of any alert policy',
    );
  });
});
