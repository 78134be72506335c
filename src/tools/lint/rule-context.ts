// What a rule sees: the resource under check, the unit (file/stack) it came from, and a way to report.
import type { Severity } from './finding';
import type { LintResource, LintUnit, PathSegment } from './model';
import type { RuleId } from './rule-ids';

export interface RuleContext {
  readonly resource: LintResource;
  readonly unit: LintUnit;
  report(ruleId: RuleId, severity: Severity, path: readonly PathSegment[], message: string, hint?: string): void;
}

export type Rule = (context: RuleContext) => void;
