// Human output: findings grouped by file, one line each (ending in file:line:col where the position
// is known), the message and hint indented below; a summary line.
import { findingLocation, type Finding } from './finding';

export function formatFindingsText(findings: readonly Finding[]): string {
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(finding.file);
      currentFile = finding.file;
    }
    // file:line:col last, where an editor or terminal can open it.
    const location = finding.line === undefined ? '' : findingLocation(finding);
    const where = [[finding.resource, finding.path].filter(Boolean).join(' '), location].filter(Boolean).join('  ');
    lines.push(`  ${finding.severity.padEnd(7)} ${finding.ruleId}  ${where}`);
    lines.push(`          ${finding.message}`);
    if (finding.hint) lines.push(`          hint: ${finding.hint}`);
  }
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  if (lines.length > 0) lines.push('');
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
