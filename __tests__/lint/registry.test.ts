// The rule registry: one severity per id, metadata complete, fixtures where the registry says.
import * as fs from 'fs';
import * as path from 'path';
import { RULES, RULE_IDS } from '../../src/tools/lint';
import { REPO_ROOT } from '../support/environments';

describe('the lint rule registry', () => {
  it('lists every id once, in its family, with a severity and a one-line description', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    expect(Object.keys(RULE_IDS)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of RULES) {
      expect(rule.id.startsWith(`${rule.family}/`)).toBe(true);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description).not.toContain('\n');
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.documentation).toBe(`docs/lint.md#rule-${rule.id.replace('/', '-')}`);
    }
  });

  it('names a fixture that exists for every rule', () => {
    for (const rule of RULES) expect(fs.existsSync(path.join(REPO_ROOT, rule.fixture))).toBe(true);
  });

  it('defines both ids of the metric check: a near miss is a typo, an unknown name is its own id', () => {
    const severities = Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity]));
    expect(severities['filter/metric-typo']).toBe('error');
    expect(severities['filter/unknown-metric']).toBeDefined();
    expect(severities['dashboard/field-typo']).toBe('error');
    expect(severities['dashboard/unknown-field']).toBe('warning');
    expect(severities['filter/log-metric-undefined']).toBe('error');
    expect(severities['filter/log-metric-unchecked']).toBe('warning');
  });
});
