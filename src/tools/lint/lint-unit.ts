// Runs every rule that applies to each resource of a unit and collects the findings, each with the
// severity the registry gives its id: at most MAX_FINDINGS_PER_FILE of them and a count of the rest.
import type { ArtifactUnit, PathSegment } from '../../artifact/model';
import { MAX_FINDINGS_PER_FILE, type Finding } from './finding';
import { MAX_LINT_NESTING } from './nesting-depth';
import { tooDeepAt } from '../../util/json-depth';
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
  const left = { errors: 0, warnings: 0 };
  for (const resource of unit.resources) {
    const context: RuleContext = {
      resource,
      unit,
      report(ruleId, path, message, hint) {
        const severity = ruleSeverity(ruleId);
        if (found.length >= MAX_FINDINGS_PER_FILE) {
          left[severity === 'error' ? 'errors' : 'warnings']++;
          return;
        }
        const finding: Finding = {
          ruleId,
          severity,
          file: resource.file,
          resource: resource.resource,
          path: resource.pathOf(path),
          message,
          ...(hint ? { hint } : {}),
        };
        found.push({ finding, documentPath: resource.documentPathOf(path) });
      },
    };
    const deep = tooDeepAt(resource.body, MAX_LINT_NESTING);
    if (deep) {
      // The rules walk bodies recursively; a body this deep is not a real resource, and is not walked.
      context.report(
        'input/too-deep',
        deep,
        `nested deeper than ${MAX_LINT_NESTING} levels; the resource was not checked further`,
      );
      continue;
    }
    for (const rule of RULES_BY_KIND[resource.kind]) rule(context);
  }
  const more = left.errors + left.warnings;
  if (more > 0) {
    const ruleId = left.errors > 0 ? 'input/too-many-errors' : 'input/too-many-findings';
    const message =
      `more than ${plural(MAX_FINDINGS_PER_FILE, 'finding')}: the first ${MAX_FINDINGS_PER_FILE.toLocaleString('en-US')} are listed; ` +
      `${plural(more, 'more finding')} (${plural(left.errors, 'error')}, ${plural(left.warnings, 'warning')}) ` +
      'were found before lint stopped looking; fix these and lint again';
    found.push({
      finding: { ruleId, severity: ruleSeverity(ruleId), file: unit.file, resource: '', path: '', message },
      documentPath: [],
    });
  }
  return found;
}

export function lintUnit(unit: ArtifactUnit): Finding[] {
  return lintUnitLocated(unit).map((located) => located.finding);
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
