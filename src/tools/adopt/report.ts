// `vigil adopt`'s report: four groups (adoptable, duplicate-risk, unmanaged, missing) in text or
// markdown, or JSON with one entry per live resource (its full name and group).
import type { Classification } from './classify';

const GROUPS = [
  ['adoptable', 'Adoptable (vigil would manage these; differences are what deploying changes)'],
  ['duplicate-risk', 'Duplicate risk (deploying would create a second resource beside these)'],
  ['unmanaged', 'Unmanaged (nothing in the stack means the same; left alone)'],
] as const;

export type ReportFormat = 'text' | 'markdown' | 'json';

export function renderAdoptReport(result: Classification, format: ReportFormat): string {
  if (format === 'json') {
    return `${JSON.stringify(
      {
        live: result.live.map((one) => ({
          name: one.live.name,
          kind: one.live.kind,
          displayName: one.displayName,
          group: one.group,
          ...(one.stack ? { stackResource: one.stack.address } : {}),
          ...(one.overlaps && one.overlaps.length > 1 ? { overlaps: one.overlaps.map((other) => other.address) } : {}),
          ...(one.managedElsewhere ? { managedElsewhere: one.managedElsewhere } : {}),
          differences: one.differences,
          reason: one.reason,
        })),
        missing: result.missing.map((one) => ({ address: one.address, kind: one.kind, displayName: one.displayName })),
      },
      null,
      2,
    )}\n`;
  }
  const heading = (text: string) => (format === 'markdown' ? `## ${text}` : `${text}:`);
  const bullet = format === 'markdown' ? '- ' : '  ';
  const lines: string[] = [];
  for (const [group, title] of GROUPS) {
    const members = result.live.filter((one) => one.group === group);
    lines.push(heading(`${title} — ${members.length}`));
    for (const one of members) {
      lines.push(
        `${bullet}${one.live.kind} '${one.displayName}' (${one.live.name})${one.stack ? ` → ${one.stack.address}` : ''}: ${one.reason}` +
          (one.managedElsewhere
            ? ` — managed by another Terraform configuration (${one.managedElsewhere}): not adopted until it lets go`
            : ''),
      );
      for (const change of one.differences) lines.push(`${format === 'markdown' ? '  - ' : '      '}${change}`);
    }
    lines.push('');
  }
  lines.push(heading(`Missing (the stack creates these; nothing live matches) — ${result.missing.length}`));
  for (const one of result.missing) lines.push(`${bullet}${one.kind} '${one.displayName}' (${one.address})`);
  return `${lines.join('\n')}\n`;
}
