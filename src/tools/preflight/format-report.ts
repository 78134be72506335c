// The report as text for a person or as JSON for a script. Both pass through `redact` so no
// secret can reach the output, whatever a library put into an error message.
import { CheckResult, PreflightReport } from './check-result';
import { maskEchoedArguments, redact } from './redact';

export type ReportFormat = 'text' | 'json';

export function formatReport(given: PreflightReport, format: ReportFormat, secrets: readonly string[]): string {
  // Echoed arguments are masked in each message before formatting, where a message still ends where it ends.
  const report: PreflightReport = { redis: maskEchoes(given.redis), postgresql: maskEchoes(given.postgresql) };
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report);
  return redact(text, secrets);
}

const NAMES: ReadonlyArray<[keyof PreflightReport, string]> = [
  ['redis', 'Redis'],
  ['postgresql', 'PostgreSQL'],
];

function formatText(report: PreflightReport): string {
  const lines: string[] = [];
  for (const [key, name] of NAMES) {
    const check = report[key];
    lines.push(
      `${name.padEnd(11)} ${check.status.toUpperCase().padEnd(9)} ${timeText(check)}  ${check.target}${check.version ? `  (version ${check.version})` : ''}`,
    );
    if (check.error) lines.push(`            error: ${check.error}`);
    if (check.status !== 'failed' && Object.keys(check.timings_ms).length > 0) {
      lines.push(
        `            ${Object.entries(check.timings_ms)
          .map(([step, ms]) => `${step} ${ms} ms`)
          .join(', ')}; degraded above ${check.threshold_ms} ms`,
      );
    }
    for (const note of check.notes) lines.push(`            note: ${note}`);
  }
  lines.push(summary(report));
  return `${lines.join('\n')}\n`;
}

function timeText(check: CheckResult): string {
  return (check.response_time_ms === null ? '-' : `${check.response_time_ms.toFixed(2)} ms`).padStart(11);
}

function summary(report: PreflightReport): string {
  const checks = NAMES.map(([key]) => report[key]);
  const failed = checks.filter((check) => check.status === 'failed').length;
  const degraded = checks.filter((check) => check.status === 'degraded').length;
  if (failed > 0) return `preflight: ${failed} of ${checks.length} checks failed`;
  if (degraded > 0)
    return `preflight: ${degraded} of ${checks.length} checks degraded (slower than the environment's thresholds)`;
  return 'preflight: all checks healthy';
}

function maskEchoes(check: CheckResult): CheckResult {
  return {
    ...check,
    error: check.error === null ? null : maskEchoedArguments(check.error),
    notes: check.notes.map(maskEchoedArguments),
  };
}
