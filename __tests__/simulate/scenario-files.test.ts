// Scenario files: every problem names the file and the field, says what was found and what is expected.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../src/config/config-error';
import { parseScenario } from '../../src/tools/simulate/load-scenario';
import { runScenarioFile } from '../../src/tools/simulate/run-scenarios';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { temporaryDirectory } from '../support/environments';

function problems(text: string): string[] {
  try {
    parseScenario(text, 'alert-tests/x.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
}

const SERIES = `
      - metric: redis.googleapis.com/clients/connected
        resource: redis_instance
        values: 1x10`;

describe('scenario file schema', () => {
  test('a valid file parses, with durations in seconds and defaults applied', () => {
    const file = parseScenario(
      `environment: staging\ntests:\n  - name: t\n    incident_start: 1h30m\n    series:${SERIES}\n    expect:\n      - policy: p\n        fires: {within: 90s}\n`,
      'x.yaml',
    );
    expect(file.interval).toBe(60);
    expect(file.tests[0].incident_start).toBe(5400);
    expect(file.tests[0].expect[0].fires).toEqual({ within: 90 });
  });

  test('unknown keys get a did-you-mean; bad notation and durations say what is expected', () => {
    expect(
      problems(
        `environment: staging\ntests:\n  - name: t\n    series:\n      - metrc: x\n        resource: r\n        values: 1 2y3\n    expect:\n      - policy: p\n        fires: {within: 5 minutes}\n`,
      ),
    ).toEqual([
      'tests[0].series[0].metric: is required: expected the metric type, e.g. redis.googleapis.com/clients/connected',
      'tests[0].series[0].values: "2y3" is not expanding notation; expected a number, "a+bxn", "a-bxn", "axn", "_", "_xn", "true", "false" or "truexn", found "1 2y3"',
      'tests[0].series[0].metrc: unknown key "metrc"; did you mean "metric"?',
      'tests[0].expect[0].fires.within: expected a duration such as "90s", "5m", "1h30m" or a number of seconds, found "5 minutes"',
    ]);
  });

  test('an expectation needs exactly one of fires: and does_not_fire:; a file one of environment: and stack:', () => {
    expect(
      problems(
        `stack: a.json\nenvironment: staging\ntests:\n  - name: t\n    series:${SERIES}\n    expect:\n      - policy: p\n        fires: {within: 5m}\n        does_not_fire: true\n`,
      ),
    ).toEqual([
      'tests[0].expect[0]: expected exactly one of fires: or does_not_fire:',
      ': expected exactly one of environment: or stack:',
    ]);
  });
});

describe('scenario files against a stack', () => {
  const directory = temporaryDirectory('simulate-files');
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
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
                filter: 'metric.type="redis.googleapis.com/clients/connected" AND resource.type="redis_instance"',
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
  fs.writeFileSync(path.join(directory, 'stack.json'), JSON.stringify(stack));
  const run = (name: string, body: string) => {
    const file = path.join(directory, name);
    fs.writeFileSync(file, `stack: stack.json\ntests:\n  - name: t\n${body}`);
    try {
      return runScenarioFile(file, { resolveEnvironment: () => stackModelFromJson(stack, 'unused') });
    } catch (error) {
      if (error instanceof ConfigError)
        return error.problems.map((problem) => `${path.basename(problem.file)}: ${problem.path}: ${problem.message}`);
      throw error;
    }
  };

  test('an unknown policy name is answered with the closest one', () => {
    expect(
      run(
        'unknown-policy.yaml',
        `    series:${SERIES}\n    expect:\n      - policy: "[test] Redis: no client"\n        does_not_fire: true\n`,
      ),
    ).toEqual([
      'unknown-policy.yaml: tests[0].expect[0].policy: no alert policy "[test] Redis: no client" in ' +
        path.join(directory, 'stack.json') +
        '; did you mean "[test] Redis: no clients"?',
    ]);
  });

  test('a metric neither the catalog nor the stack knows needs kind: and value_type:; samples must fit the value type', () => {
    expect(
      run(
        'unknown-metric.yaml',
        `    series:\n      - metric: custom.googleapis.com/queue_depth\n        resource: gce_instance\n        values: 1x3\n      - metric: monitoring.googleapis.com/uptime_check/check_passed\n        resource: uptime_url\n        values: true 5\n    expect:\n      - policy: no_clients\n        does_not_fire: true\n`,
      ),
    ).toEqual([
      'unknown-metric.yaml: tests[0].series[0].metric: "custom.googleapis.com/queue_depth" is neither in the metric catalog nor a log-based metric of the stack; give kind: and value_type: for it',
      'unknown-metric.yaml: tests[0].series[1].values: sample 2: found 5, but the metric is GAUGE BOOL: expected true, false, 1 or 0',
    ]);
  });

  test('a stack given by path, relative to the scenario file, with the policy by its logical id', () => {
    const results = run(
      'ok.yaml',
      `    series:\n      - metric: redis.googleapis.com/clients/connected\n        resource: redis_instance\n        values: 3x9 0x9\n    expect:\n      - policy: no_clients\n        fires: {within: 10m, after: 10m}\n`,
    );
    // 0 from t=600; ingest delay 240 s → seen at 840; duration 60 s → fires at 900, 5 min after t=10m
    expect(results).toMatchObject([
      { expectations: [{ passed: true, detail: 'fired at t=15m, still open at the end: 5m after t=10m' }] },
    ]);
  });
});
