// Google's published alert policies (../shared/corpus/alerts): each normalises from its REST
// form and evaluates over a series its filter selects, or says why it is not simulated.
import * as fs from 'fs';
import * as path from 'path';
import { filterSelectors, parseFilter } from '../../src/gcp/filter';
import { lookupMetric } from '../../src/gcp/metric-catalog';
import { evaluatePolicy } from '../../src/tools/simulate/evaluate-policy';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import type { InputSeries } from '../../src/tools/simulate/series';
import { CORPUS_DIR, describeWithCorpus } from '../support/corpus';

const CORPUS = path.join(CORPUS_DIR, 'alerts');

function jsonFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return jsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

/** A steady series for each metric type the policy's filters pin, shaped as the catalog says (GAUGE DOUBLE otherwise). */
function seriesFor(filters: string[]): InputSeries[] {
  return filters.flatMap((filter) => {
    const selectors = filterSelectors(parseFilter(filter));
    return selectors.metricTypes.map((metricType) => {
      const known = lookupMetric(metricType);
      const valueType = known?.valueType ?? 'DOUBLE';
      const value = valueType === 'BOOL' ? true : valueType === 'DISTRIBUTION' ? { values: [1, 2, 3] } : 1;
      return {
        name: metricType,
        identity: {
          metricType,
          resourceType: selectors.resourceTypes[0] ?? 'global',
          metricLabels: {},
          resourceLabels: {},
        },
        kind: known?.kind ?? 'GAUGE',
        valueType,
        points: Array.from({ length: 30 }, (_, index) => ({ t: index * 60, v: value })),
      };
    });
  });
}

const files = fs.existsSync(CORPUS) ? jsonFiles(CORPUS) : [];

describeWithCorpus("Google's published alert policies", () => {
  test('the corpus is there to test against', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  test.each(files.map((file) => [path.relative(CORPUS, file), file]))('%s evaluates or says why not', (_name, file) => {
    const model = stackModelFromJson(JSON.parse(fs.readFileSync(file, 'utf8')), file);
    expect(model.policies.length).toBeGreaterThan(0);
    for (const policy of model.policies) {
      const filters = policy.conditions.flatMap((condition) =>
        condition.type === 'unsupported'
          ? []
          : [
              condition.filter,
              ...(condition.type === 'threshold' && condition.denominatorFilter ? [condition.denominatorFilter] : []),
            ],
      );
      const run = evaluatePolicy(policy, seriesFor(filters), { until: 3600 });
      if (run.status === 'not-simulated')
        expect(run.reason).toMatch(/not simulated|accepts|needs|distribution|does not parse/);
      else expect(['evaluated', 'no-input']).toContain(run.status);
    }
  });
});
