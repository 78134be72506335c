// Runs every rule that applies to each resource of a unit and collects the findings, each with the
// severity the registry gives its id.
import type { ArtifactUnit, PathSegment } from '../../artifact/model';
import type { Finding } from './finding';
import type { RuleContext } from './rule-context';
import { ruleSeverity } from './rule-ids';
import { RULES_BY_KIND } from './rules';

/** A finding with the path it names as segments of the file's JSON document (for its position). */
export interface LocatedFinding {
  readonly finding: Finding;
  readonly documentPath: readonly PathSegment[];
}

export function lintUnitLocated(unit: ArtifactUnit): LocatedFinding[] {
  const found: LocatedFinding[] = [];
  for (const resource of unit.resources) {
    const context: RuleContext = {
      resource,
      unit,
      report(ruleId, path, message, hint) {
        const finding: Finding = {
          ruleId,
          severity: ruleSeverity(ruleId),
          file: resource.file,
          resource: resource.resource,
          path: resource.pathOf(path),
          message,
          ...(hint ? { hint } : {}),
        };
        found.push({ finding, documentPath: resource.documentPathOf(path) });
      },
    };
    for (const rule of RULES_BY_KIND[resource.kind]) rule(context);
  }
  return found;
}

export function lintUnit(unit: ArtifactUnit): Finding[] {
  return lintUnitLocated(unit).map((located) => located.finding);
}
