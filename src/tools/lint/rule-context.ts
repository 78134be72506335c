// What a rule sees: the resource under check, the unit (file/stack) it came from, and a way to report.
// A rule names what it found by id; the registry (rule-ids.ts) decides how severe that is.
import type { ArtifactResource, ArtifactUnit, PathSegment } from '../../artifact/model';
import type { RuleId } from './rule-ids';

export interface RuleContext {
  readonly resource: ArtifactResource;
  readonly unit: ArtifactUnit;
  report(ruleId: RuleId, path: readonly PathSegment[], message: string, hint?: string): void;
}

export type Rule = (context: RuleContext) => void;
