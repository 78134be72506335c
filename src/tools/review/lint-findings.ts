// Lint findings new in head: what the Monitoring API would reject, or lint warns about, that the
// base did not already have. The linter is passed in (see LintFunction) so the review runs, and
// says so, without it.
import type { StackPair } from './artifacts';
import type { LintFinding, LintSection } from './model';

/** src/tools/lint's entry point: `lintTerraformJson(doc, file)`. */
export type LintFunction = (doc: unknown, file: string) => LintFinding[];

// A finding is "the same" across base and head when rule, resource, location and message agree;
// the file differs (two directories) and is left out.
function findingKey(finding: LintFinding): string {
  return JSON.stringify([finding.ruleId, finding.resource, finding.path, finding.message]);
}

export function newLintFindings(pairs: readonly StackPair[], lint: LintFunction | undefined): LintSection {
  if (!lint) return { ran: false, newInHead: [] };
  const newInHead: (LintFinding & { stack: string })[] = [];
  for (const pair of pairs) {
    if (!pair.head) continue;
    const known = new Set(pair.base ? lint(pair.base.doc, pair.base.file).map(findingKey) : []);
    for (const finding of lint(pair.head.doc, pair.head.file)) {
      if (!known.has(findingKey(finding))) newInHead.push({ ...finding, stack: pair.stack });
    }
  }
  return { ran: true, newInHead };
}
