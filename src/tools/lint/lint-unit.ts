// Runs every rule that applies to each resource of a unit and collects the findings.
import type { Finding } from './finding';
import type { LintUnit } from './model';
import type { RuleContext } from './rule-context';
import { RULES_BY_KIND } from './rules';

export function lintUnit(unit: LintUnit): Finding[] {
  const findings: Finding[] = [];
  for (const resource of unit.resources) {
    const context: RuleContext = {
      resource,
      unit,
      report(ruleId, severity, path, message, hint) {
        findings.push({ ruleId, severity, file: resource.file, resource: resource.resource, path: resource.pathOf(path), message, ...(hint ? { hint } : {}) });
      },
    };
    for (const rule of RULES_BY_KIND[resource.kind]) rule(context);
  }
  return findings;
}
