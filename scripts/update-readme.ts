// `npm run docs`: regenerates the README's tables from the synthesized staging stack and its
// alert tests, so they say exactly what is deployed. A test fails when README.md is stale.
import * as fs from 'fs';
import * as path from 'path';
import { replaceGeneratedSection } from '../src/tools/docs/readme-sections';
import { lintRuleTableMarkdown } from '../src/tools/lint/rule-table';
import {
  alertTable,
  coverageTable,
  failureModeIndex,
  signalTable,
  sloTable,
  timeToNotificationTable,
} from './readme-tables';

const ROOT = path.resolve(__dirname, '..', '..');
const README = path.join(ROOT, 'README.md');
const LINT_DOC = path.join(ROOT, 'docs', 'lint.md');
const COVERAGE_DOC = path.join(ROOT, 'docs', 'coverage.md');

async function update(): Promise<void> {
  let readme = fs.readFileSync(README, 'utf8');
  readme = replaceGeneratedSection(readme, 'signal-table', signalTable());
  readme = replaceGeneratedSection(readme, 'alert-table', alertTable(ROOT));
  readme = replaceGeneratedSection(readme, 'slo-table', sloTable(ROOT));
  readme = replaceGeneratedSection(readme, 'failure-mode-coverage', await coverageTable(ROOT));
  readme = replaceGeneratedSection(readme, 'time-to-notification', await timeToNotificationTable(ROOT));
  fs.writeFileSync(README, readme);
  console.log(
    'README.md: signal table regenerated from the registry, alert, SLO, failure-mode coverage and time-to-notification tables from monitoring-staging',
  );
  fs.writeFileSync(
    LINT_DOC,
    replaceGeneratedSection(fs.readFileSync(LINT_DOC, 'utf8'), 'lint-rules', lintRuleTableMarkdown()),
  );
  console.log('docs/lint.md: rule table regenerated from src/tools/lint/rule-ids.ts');
  fs.writeFileSync(
    COVERAGE_DOC,
    replaceGeneratedSection(fs.readFileSync(COVERAGE_DOC, 'utf8'), 'failure-mode-index', failureModeIndex(ROOT)),
  );
  console.log('docs/coverage.md: failure modes ↔ alerts regenerated from the staging coverage');
}

update().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
