// Hostile scenario files: sample counts, repeat counts and time spans that would take minutes or
// abort V8 get a message naming the file and the field, before anything is expanded.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../src/config/config-error';
import { expandNotation, notationLength } from '../../src/tools/simulate/expanding-notation';
import { parseScenario } from '../../src/tools/simulate/load-scenario';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { runScenarioFile } from '../../src/tools/simulate/run-scenarios';
import { MAX_SAMPLES_PER_SERIES } from '../../src/tools/simulate/scenario-limits';
import { temporaryDirectory } from '../support/environments';

const FILE = 'alert-tests/x.yaml';

function problems(text: string): { problems: string[]; ms: number } {
  const started = performance.now();
  try {
    parseScenario(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return { problems: error.message.split('\n'), ms: performance.now() - started };
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const scenario = (series: string, extra = '') =>
  `environment: staging\n${extra}tests:\n  - name: t\n    series:\n` +
  `      - metric: redis.googleapis.com/clients/connected\n        resource: redis_instance\n${series}` +
  '    expect:\n      - policy: p\n        fires: {within: 5m}\n';

describe('scenario limits', () => {
  test.each([
    ['1x150000', '150,001'],
    ['_x4294967296', '4,294,967,296'],
    ['1 2 3x99998', '100,001'],
  ])('values: %s', (values, found) => {
    const result = problems(scenario(`        values: ${values}\n`));
    expect(result.problems).toEqual([
      `${FILE}: tests[0].series[0].values: expected at most 100,000 samples in a series, found ${found}`,
    ]);
    expect(result.ms).toBeLessThan(2000);
  });

  test('exactly 100,000 samples are accepted', () => {
    expect(notationLength('1x99999')).toBe(MAX_SAMPLES_PER_SERIES);
    expect(expandNotation('0+1x99999')).toHaveLength(MAX_SAMPLES_PER_SERIES);
    expect(() => expandNotation('0+1x100000')).toThrow('expands to 100,001 samples; a series holds at most 100,000');
  });

  test('a distribution repeated a billion times', () => {
    const result = problems(
      scenario(
        '        value_type: DISTRIBUTION\n        values:\n          - distribution: {values: [1, 2]}\n            repeat: 1000000000\n',
      ),
    );
    expect(result.problems).toEqual([
      `${FILE}: tests[0].series[0].values[0].repeat: expected a repeat count of at most 100,000 (the samples a series holds), found 1000000000`,
      `${FILE}: tests[0].series[0].values: expected at most 100,000 samples in a series, found 1,000,000,000`,
    ]);
  });

  test('segments that together exceed the series length', () => {
    const segment = '          - distribution: {values: [1]}\n            repeat: 60000\n';
    expect(problems(scenario(`        values:\n${segment}${segment}`)).problems).toEqual([
      `${FILE}: tests[0].series[0].values: expected at most 100,000 samples in a series, found 120,000`,
    ]);
  });

  test.each([
    ['interval: 1y', 'interval', '"1y"', 'expected a duration such as "90s", "5m", "1h30m" or a number of seconds'],
    [
      'interval: 365d',
      'interval',
      '31536000',
      'expected a duration of at most 30 days (2,592,000 s), the longest a scenario covers',
    ],
    [
      'interval: 100000000',
      'interval',
      '100000000',
      'expected a duration of at most 30 days (2,592,000 s), the longest a scenario covers',
    ],
  ])('%s', (line, field, found, expected) => {
    expect(problems(scenario('        values: 1x10\n', `${line}\n`)).problems).toEqual([
      `${FILE}: ${field}: ${expected}, found ${found}`,
    ]);
  });

  test('a test duration of years', () => {
    const text = scenario('        values: 1x10\n').replace('  - name: t\n', '  - name: t\n    duration: 520w\n');
    expect(problems(text).problems).toEqual([
      `${FILE}: tests[0].duration: expected a duration of at most 30 days (2,592,000 s), the longest a scenario covers, found 314496000`,
    ]);
  });
});

describe('a series spanning more than 30 days', () => {
  const directory = temporaryDirectory('hostile-scenarios');
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('100,000 samples a day apart: refused before evaluation, naming the series', () => {
    const stack = {
      resource: {
        google_monitoring_alert_policy: {
          p: {
            display_name: 'p',
            combiner: 'OR',
            conditions: [
              {
                display_name: 'c',
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
    const file = path.join(directory, 'long.yaml');
    fs.writeFileSync(
      file,
      scenario('        interval: 1d\n        values: 1x99999\n').replace('environment: staging', 'stack: stack.json'),
    );
    const started = performance.now();
    let message = '';
    try {
      runScenarioFile(file, { resolveEnvironment: () => stackModelFromJson(stack, 'unused') });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      message = error.message;
    }
    expect(message).toBe(
      `${file}: tests[0].series[0].values: the last of 100,000 samples every 1d is at 99999d; ` +
        'expected a series within 30 days, the longest a scenario covers',
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
