// Runs every rule that applies to each resource of a unit and collects the findings, at most
// MAX_FINDINGS_PER_FILE of them and a count of the rest.
import { MAX_FINDINGS_PER_FILE, type Finding } from './finding';
import type { LintUnit } from './model';
import { MAX_LINT_NESTING, tooDeepAt } from './nesting-depth';
import type { RuleContext } from './rule-context';
import { RULES_BY_KIND } from './rules';

export function lintUnit(unit: LintUnit): Finding[] {
  const findings: Finding[] = [];
  const left = { errors: 0, warnings: 0 };
  for (const resource of unit.resources) {
    const context: RuleContext = {
      resource,
      unit,
      report(ruleId, severity, path, message, hint) {
        if (findings.length >= MAX_FINDINGS_PER_FILE) {
          left[severity === 'error' ? 'errors' : 'warnings']++;
          return;
        }
        findings.push({
          ruleId, severity, file: resource.file, resource: resource.resource, path: resource.pathOf(path), message, ...(hint ? { hint } : {}),
        });
      },
    };
    const deep = tooDeepAt(resource.body);
    if (deep) {
      // The rules walk bodies recursively; a body this deep is not a real resource, and is not walked.
      const message = `nested deeper than ${MAX_LINT_NESTING} levels; the resource was not checked further`;
      context.report('input/too-deep', 'error', deep, message);
      continue;
    }
    for (const rule of RULES_BY_KIND[resource.kind]) rule(context);
  }
  const more = left.errors + left.warnings;
  if (more > 0) {
    findings.push({
      ruleId: 'input/too-many-findings', severity: left.errors > 0 ? 'error' : 'warning', file: unit.file, resource: '', path: '',
      message: `more than ${plural(MAX_FINDINGS_PER_FILE, 'finding')}: the first ${MAX_FINDINGS_PER_FILE.toLocaleString('en-US')} are listed; `
        + `${plural(more, 'more finding')} (${plural(left.errors, 'error')}, ${plural(left.warnings, 'warning')}) `
        + 'were found before lint stopped looking; fix these and lint again',
    });
  }
  return findings;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
