// docs/lint.md's rule table is the registry's: generated, and checked here.
import * as fs from 'fs';
import * as path from 'path';
import { generatedSection } from '../../src/tools/docs/readme-sections';
import { RULES } from '../../src/tools/lint';
import { lintRuleTableMarkdown } from '../../src/tools/lint/rule-table';
import { REPO_ROOT } from '../support/environments';

describe('docs/lint.md', () => {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'lint.md'), 'utf8');

  test('the rule table is the registry (run `npm run docs` after changing a rule)', () => {
    expect(generatedSection(doc, 'lint-rules')).toBe(lintRuleTableMarkdown());
  });

  test('every rule has a row with its severity and the anchor its metadata names', () => {
    for (const rule of RULES) {
      const anchor = rule.documentation.split('#')[1];
      const row = doc.split('\n').find((line) => line.includes(`<a id="${anchor}"></a>`));
      expect(row).toContain(`\`${rule.id}\` | ${rule.severity} |`);
    }
  });
});
