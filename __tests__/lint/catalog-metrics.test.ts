// Issue 13's promise: lint never blocks a real metric. Every metric in Google's lists for the
// covered services, used as a policy would use it (its resource type, an aligner that fits its kind
// and value type), lints without an error; a one-letter typo of it is an error naming it.
import { catalogMetricTypes, metric, type MetricDescriptor } from '../../src/gcp/metric-catalog';
import { lintDocument } from '../../src/tools/lint';

/** An aligner that fits the metric; none for STRING metrics, which no aligner takes. */
function alignerFor(descriptor: MetricDescriptor): string | undefined {
  if (descriptor.valueType === 'STRING') return undefined;
  if (descriptor.valueType === 'DISTRIBUTION')
    return descriptor.kind === 'CUMULATIVE' ? 'ALIGN_DELTA' : 'ALIGN_PERCENTILE_99';
  if (descriptor.valueType === 'BOOL') return 'ALIGN_FRACTION_TRUE';
  return descriptor.kind === 'GAUGE' ? 'ALIGN_MEAN' : 'ALIGN_RATE';
}

function policyOn(type: string, descriptor: MetricDescriptor): unknown {
  const resource = descriptor.resourceTypes[0];
  const aligner = alignerFor(descriptor);
  return {
    displayName: `[catalog] ${type}`,
    combiner: 'OR',
    notificationChannels: ['projects/p/notificationChannels/1'],
    conditions: [
      {
        displayName: type,
        conditionThreshold: {
          filter: `metric.type="${type}"${resource ? ` AND resource.type="${resource}"` : ''}`,
          aggregations: aligner ? [{ alignmentPeriod: '300s', perSeriesAligner: aligner }] : [],
          comparison: 'COMPARISON_GT',
          thresholdValue: 1,
          duration: '300s',
        },
      },
    ],
  };
}

const TYPES = [...catalogMetricTypes()].sort();

describe('every catalogued metric', () => {
  it('lints without an error in an alert policy', () => {
    const errors = TYPES.flatMap((type) =>
      (lintDocument(policyOn(type, metric(type)), type) ?? [])
        .filter((finding) => finding.severity === 'error')
        .map((finding) => `${finding.ruleId}: ${finding.message}`),
    );
    expect(TYPES.length).toBeGreaterThan(500);
    expect(errors).toEqual([]);
  });

  it('with one letter dropped is a typo error that names the real metric', () => {
    // Every 25th metric, its last letter dropped: a near miss of exactly one listed name.
    const sample = TYPES.filter((_, index) => index % 25 === 0);
    for (const type of sample) {
      const typo = type.slice(0, -1);
      if (TYPES.includes(typo)) continue;
      const findings = lintDocument(policyOn(typo, metric(type)), typo) ?? [];
      const typos = findings.filter((finding) => finding.ruleId === 'filter/metric-typo');
      expect({ typo, found: typos.length > 0 && typos[0].message.includes(`"${type}"`) }).toEqual({
        typo,
        found: true,
      });
    }
  });
});
