// One thing the Monitoring API would reject (error) or that is likely a mistake (warning).
export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable id, e.g. `filter/metric-type-required` (see the registry, rule-ids.ts). */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly file: string;
  /** Terraform address (`google_monitoring_alert_policy.redis`) or the object's display name. */
  readonly resource: string;
  /** JSON path inside the file, in the file's own spelling (snake_case for Terraform JSON). */
  readonly path: string;
  /** What was found and what the API expects. */
  readonly message: string;
  readonly hint?: string;
  /** 1-based line and column of `path` in the file, when the finding comes from a file lint read. */
  readonly line?: number;
  readonly column?: number;
}

/** `file:line:col` where the position is known, else the file. */
export function findingLocation(finding: Finding): string {
  return finding.line === undefined ? finding.file : `${finding.file}:${finding.line}:${finding.column ?? 1}`;
}

/**
 * The findings listed per file; the rest are counted in one `input/too-many-findings` finding. A
 * generated file with 100,000 mistakes needs its first ones fixed, and listing them all cost
 * seconds (and, built with spread pushes, a stack overflow).
 */
export const MAX_FINDINGS_PER_FILE = 1000;

/** Errors first, then by file, resource and path, so output is stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (finding: Finding) => (finding.severity === 'error' ? 0 : 1);
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.resource.localeCompare(b.resource) ||
      a.path.localeCompare(b.path, 'en', { numeric: true }) ||
      rank(a) - rank(b) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

export function hasFailures(findings: readonly Finding[], strict: boolean): boolean {
  return findings.some((finding) => finding.severity === 'error' || strict);
}
