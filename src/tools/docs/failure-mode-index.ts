// The runbook index of docs/coverage.md: for each failure mode, the alerts that detect it; for each
// alert, the failure modes it covers (first to notify, or corroboration). Generated from a coverage run.
import type { CoverageResult } from '../simulate/failure-modes/coverage';
import type { FailureModeCatalog } from '../simulate/failure-modes/failure-mode-catalog';
import { formatDuration } from '../simulate/durations';

function anchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

export function failureModeIndexMarkdown(catalog: FailureModeCatalog, result: CoverageResult): string {
  const lines = ['### Failure modes → alerts', ''];
  const byPolicy = new Map<string, { first: string[]; also: string[] }>();
  const entry = (policy: string) => {
    let found = byPolicy.get(policy);
    if (!found) {
      found = { first: [], also: [] };
      byPolicy.set(policy, found);
    }
    return found;
  };
  for (const row of result.modes) {
    const mode = catalog.modes.find((one) => one.id === row.id);
    lines.push(
      `#### ${row.id}`,
      '',
      `${mode?.description ?? ''} Severity ${row.severity}, target ${formatDuration(row.targetSeconds)}.`,
      '',
    );
    if (row.firstPage) {
      lines.push(`- first to notify: ${row.firstPage} (${formatDuration(row.worstCaseSeconds ?? 0)} worst case)`);
      entry(row.firstPage).first.push(row.id);
    } else lines.push('- first to notify: **nothing** (NOT COVERED)');
    for (const policy of row.alsoFiring) entry(policy).also.push(row.id);
    if (row.alsoFiring.length > 0) lines.push(`- also firing: ${row.alsoFiring.join('; ')}`);
    lines.push('');
  }
  lines.push('### Alerts → failure modes', '');
  lines.push('| Alert policy | First to notify for | Also fires for |', '| --- | --- | --- |');
  const link = (id: string) => `[${id}](#${anchor(id)})`;
  for (const [policy, modes] of [...byPolicy].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`| ${policy} | ${modes.first.map(link).join(', ')} | ${modes.also.map(link).join(', ')} |`);
  return lines.join('\n');
}
