// The artifact model: one duration parser, one list of condition kinds, one reading of a policy
// whichever spelling it comes in, the log-metric defaults, and its place below the tools.
import * as fs from 'fs';
import * as path from 'path';
import { readAlertPolicy } from '../../src/artifact/alert-policy';
import { comparisonDirection, comparisonSymbol } from '../../src/artifact/comparisons';
import { CONDITION_KINDS, conditionKindOf, conditionKindWords } from '../../src/artifact/condition-kinds';
import {
  durationSeconds,
  durationWords,
  lenientDurationSeconds,
  parseDuration,
  readDurationField,
} from '../../src/artifact/duration';
import { logMetricShape } from '../../src/artifact/log-metrics';
import { readDocument } from '../../src/artifact/read/read-document';
import { REPO_ROOT } from '../support/environments';

describe('durations', () => {
  it.each([
    ['300s', 300],
    ['1.5s', 1.5],
    [' 60s ', 60],
    ['-5s', -5],
  ])('the API form %j is %d seconds', (text, seconds) => {
    expect(parseDuration(text, 'api')).toBe(seconds);
    expect(durationSeconds(text)).toBe(seconds);
  });

  it.each(['5m', '300', '1m30s', '5ms', 's', '', '+5s', '5 s'])('the API form rejects %j', (text) => {
    expect(parseDuration(text, 'api')).toBeUndefined();
  });

  it.each([
    ['5m', 300],
    ['1h30m', 5400],
    ['90s', 90],
    ['90', 90],
    ['250ms', 0.25],
    ['1w', 604800],
  ])('scenario files write %j for %d seconds', (text, seconds) => {
    expect(parseDuration(text, 'scenario')).toBe(seconds);
  });

  it.each(['-5m', '5 minutes', 'm5', ''])('scenario files cannot write %j', (text) => {
    expect(parseDuration(text, 'scenario')).toBeUndefined();
  });

  it('reads a field as the API would: seconds, a Terraform placeholder, or invalid', () => {
    expect(readDurationField('60s')).toEqual({ seconds: 60 });
    expect(readDurationField('${var.period}')).toEqual({ opaque: true });
    expect(readDurationField('5m')).toEqual({ invalid: '"5m"' });
    expect(readDurationField(60)).toEqual({ invalid: '60' });
  });

  it('says a duration in words the way lint and the README do', () => {
    expect([0, 45, 90, 300, 3600, 5400, 86400].map(durationWords)).toEqual([
      '0 s',
      '45 s',
      '90 s',
      '5 min',
      '1 h',
      '1 h 30 min',
      '24 h',
    ]);
  });

  it('reads a policy leniently for simulation: objects, numbers, and a fallback when absent', () => {
    expect(lenientDurationSeconds({ seconds: '300', nanos: 500000000 }, 0)).toBe(300.5);
    expect(lenientDurationSeconds(120, 0)).toBe(120);
    expect(lenientDurationSeconds(undefined, 7)).toBe(7);
    expect(lenientDurationSeconds('nonsense', 7)).toBe(7);
  });
});

describe('conditions and comparisons', () => {
  it('lists six condition kinds, each in both spellings', () => {
    expect(CONDITION_KINDS.map((kind) => kind.terraformField)).toEqual([
      'condition_threshold',
      'condition_absent',
      'condition_matched_log',
      'condition_monitoring_query_language',
      'condition_prometheus_query_language',
      'condition_sql',
    ]);
    expect(conditionKindOf({ condition_absent: {} })?.field).toBe('conditionAbsent');
    expect(conditionKindOf({ conditionMatchedLog: {} })?.words).toBe('log-match');
    expect(conditionKindOf({ conditionThreshold: 'not an object' })).toBeUndefined();
    expect(conditionKindWords('condition_prometheus_query_language')).toBe('PromQL');
    expect(conditionKindWords('conditionSomethingNew')).toBe('conditionSomethingNew');
  });

  it('gives each comparison its symbol and direction', () => {
    expect(
      ['COMPARISON_GT', 'COMPARISON_GE', 'COMPARISON_LT', 'COMPARISON_LE', 'COMPARISON_EQ', 'COMPARISON_NE']
        .map(comparisonSymbol)
        .join(' '),
    ).toBe('> ≥ < ≤ = ≠');
    expect(comparisonSymbol('COMPARISON_XX')).toBe('COMPARISON_XX');
    expect(['COMPARISON_GE', 'COMPARISON_LT', 'COMPARISON_EQ'].map(comparisonDirection)).toEqual([
      'above',
      'below',
      undefined,
    ]);
  });
});

describe('reading a stack once', () => {
  const terraform = {
    resource: {
      google_logging_metric: {
        errors: { name: 'errors', filter: 'severity>=ERROR' },
        latency: {
          name: 'latency',
          filter: 'x',
          metric_descriptor: { metric_kind: 'DELTA', value_type: 'DISTRIBUTION', unit: 'ms' },
        },
      },
      google_monitoring_alert_policy: {
        p: {
          display_name: 'p',
          combiner: 'OR',
          severity: 'CRITICAL',
          conditions: [
            {
              display_name: 'c',
              condition_threshold: {
                filter: 'metric.type="logging.googleapis.com/user/errors"',
                comparison: 'COMPARISON_GT',
                threshold_value: 3,
                duration: '300s',
                aggregations: [
                  { alignment_period: '60s', per_series_aligner: 'ALIGN_DELTA', group_by_fields: ['resource.label.x'] },
                ],
              },
            },
          ],
        },
      },
    },
  };

  it('reads the same policy from Terraform JSON and from a REST export', () => {
    const unit = readDocument(terraform, 'cdk.tf.json')!;
    const [resource] = unit.resources;
    const fromTerraform = readAlertPolicy(resource.body, resource.resource);
    const rest = readDocument(resource.body, 'policy.json')!;
    const fromRest = readAlertPolicy(rest.resources[0].body, resource.resource);
    expect(fromRest).toEqual(fromTerraform);
    expect(fromTerraform.conditions[0]).toMatchObject({
      type: 'threshold',
      thresholdValue: 3,
      durationSeconds: 300,
      aggregations: [
        { alignmentPeriod: 60, aligner: 'ALIGN_DELTA', reducer: 'REDUCE_NONE', groupByFields: ['resource.label.x'] },
      ],
    });
    expect(resource.pathOf(['conditions', 0, 'conditionThreshold', 'thresholdValue'])).toBe(
      'resource.google_monitoring_alert_policy.p.conditions[0].condition_threshold.threshold_value',
    );
    expect(rest.resources[0].pathOf(['conditions', 0, 'conditionThreshold', 'thresholdValue'])).toBe(
      'conditions[0].conditionThreshold.thresholdValue',
    );
  });

  it('gives a log-based metric without a descriptor the DELTA INT64 default (facts §1.6)', () => {
    const unit = readDocument(terraform, 'cdk.tf.json')!;
    expect(unit.logMetrics?.get('errors')).toEqual({ kind: 'DELTA', valueType: 'INT64', unit: '1' });
    expect(unit.logMetrics?.get('latency')).toEqual({ kind: 'DELTA', valueType: 'DISTRIBUTION', unit: 'ms' });
    expect(logMetricShape({ valueType: 'DOUBLE' })).toEqual({ kind: 'DELTA', valueType: 'DOUBLE', unit: '1' });
  });

  it('names forecast and non-threshold conditions as what they are', () => {
    const policy = readAlertPolicy(
      {
        conditions: [
          { displayName: 'f', conditionThreshold: { forecastOptions: { forecastHorizon: '3600s' } } },
          { displayName: 'm', conditionMatchedLog: { filter: 'x' } },
          { displayName: 'x' },
        ],
      },
      'p',
    );
    expect(
      policy.conditions.map((condition) => (condition.type === 'unsupported' ? condition.what : condition.type)),
    ).toEqual(['forecast condition (forecast_options)', 'log-match condition', 'condition of an unknown type']);
  });
});

describe('layers', () => {
  it('src/artifact imports only config, gcp, util and errors, never cdktf or the tools', () => {
    const directory = path.join(REPO_ROOT, 'src', 'artifact');
    const files = fs
      .readdirSync(directory, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'));
    for (const file of files) {
      const text = fs.readFileSync(path.join(directory, file), 'utf8');
      for (const [, target] of text.matchAll(/from '([^']+)'/g)) {
        const resolved = target.startsWith('.')
          ? path.relative(path.join(REPO_ROOT, 'src'), path.resolve(path.dirname(path.join(directory, file)), target))
          : target;
        expect([file, resolved]).toEqual([file, expect.stringMatching(/^(artifact|config|gcp|util|errors)\//)]);
      }
    }
  });
});
