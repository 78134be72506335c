// What a review finds, independent of how it is printed (Markdown for the PR, JSON for tools).
import type { RevisionBacktestSummary } from '../backtest/revision-backtest';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export interface TileChange {
  readonly kind: 'added' | 'removed' | 'changed' | 'moved';
  readonly title: string;
  /** For changed or moved tiles: what about it changed, in words. */
  readonly details: readonly string[];
}

export interface DashboardChange {
  readonly tiles: readonly TileChange[];
  /** For a dashboard added or removed as a whole: how many tiles it has (tiles is then empty). */
  readonly tileCount?: number;
  /** With --svg-dir: the before/after previews (PNG) drawn of it, as the review names them. */
  readonly previews?: readonly string[];
}

export interface ResourceChange {
  readonly kind: ChangeKind;
  readonly type: string;
  readonly address: string;
  /** For a move: the address Terraform destroys. */
  readonly previousAddress?: string;
  /** Display name, or the address when the resource has none. */
  readonly label: string;
  /** Attribute changes (or, for added/removed resources, a summary) in the domain's words. */
  readonly details: readonly string[];
  readonly dashboard?: DashboardChange;
}

/** A live resource the stack takes over with a Terraform import block instead of creating it. */
export interface ImportChange {
  readonly type: string;
  readonly address: string;
  /** The stack's display name for it (or its address). */
  readonly label: string;
  /** The import block's ID: the live resource. */
  readonly id: string;
  /** The live resource's display name, when the live resources were given (--live). */
  readonly liveName?: string;
  /** What the first apply changes on it, in words; undefined when the live resources were not given. */
  readonly differences?: readonly string[];
}

export type RiskKind =
  | 'duplicate-live-resource'
  | 'import-target-missing'
  | 'imported-managed-elsewhere'
  | 'policy-removed'
  | 'policy-disabled'
  | 'condition-removed'
  | 'channel-removed'
  | 'uptime-check-removed'
  | 'policy-lost-all-channels'
  | 'policy-lost-paging-channel'
  | 'loosened'
  | 'severity-lowered'
  | 'address-changed'
  | 'drift-check-removed'
  | 'drift-expectation-removed'
  | 'uptime-locations-reduced'
  | 'uptime-period-longer'
  | 'uptime-matcher-removed'
  | 'failure-mode-uncovered'
  | 'failure-mode-slower'
  | 'noise-pages'
  | 'over-noise-budget'
  | 'slo-removed'
  | 'slo-loosened'
  | 'golden-path-removed'
  | 'golden-path-event-dropped'
  | 'golden-path-deadline-raised';

export interface Risk {
  readonly stack: string;
  readonly kind: RiskKind;
  readonly address: string;
  readonly message: string;
}

export interface StackCounts {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly moved: number;
}

export interface StackReview {
  readonly stack: string;
  readonly counts: StackCounts;
  readonly changes: readonly ResourceChange[];
  /** Live resources adopted by import blocks new in head (absent when there are none). */
  readonly imports?: readonly ImportChange[];
}

/** A finding as lint reports it (src/tools/lint). */
export interface LintFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly file: string;
  readonly resource: string;
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
}

export interface LintSection {
  /** False when no linter was plugged in: the section says so instead of claiming "none". */
  readonly ran: boolean;
  readonly newInHead: readonly (LintFinding & { readonly stack: string })[];
}

export interface ReviewResult {
  readonly stacks: readonly StackReview[];
  /** Set when the review was asked for a backtest (--backtest): policies before and after on real history. */
  readonly backtest?: RevisionBacktestSummary;
  /** The warning section: dangerous changes first. */
  readonly risks: readonly Risk[];
  readonly lint: LintSection;
}

/** True when a resource changed, or a risk was found outside the resources (a drift check's data source). */
export function hasChanges(review: ReviewResult): boolean {
  return (
    review.risks.length > 0 ||
    review.stacks.some((stack) => stack.changes.length > 0 || (stack.imports ?? []).length > 0)
  );
}
