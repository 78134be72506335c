// The drift report: plain text for the terminal and CI log, Markdown for the issue the scheduled
// workflow opens per environment, JSON for the workflow to read.
import type { EnvironmentOutcome } from './outcome';
import { appendAll } from '../../util/append-all';

const STATUS_WORDS = { 'no-drift': 'no drift', drift: 'DRIFT', error: 'ERROR (drift unknown)' } as const;

export function textReport(outcomes: readonly EnvironmentOutcome[]): string {
  const lines: string[] = [];
  for (const item of outcomes) {
    lines.push(`${item.environment} (${item.stack}): ${STATUS_WORDS[item.status]} [exit ${item.exitCode}]`);
    for (const failed of item.failedPostconditions) lines.push(`  - ${failed.address}: ${failed.message}`);
    for (const drifted of item.driftedResources) {
      lines.push(
        `  - ${drifted.address}: changed outside Terraform (${drifted.action}); apply the stack to restore it, or bring the change into the code`,
      );
    }
    for (const problem of item.problems) appendAll(lines, indent(problem));
  }
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string[] {
  const [first, ...rest] = text.split('\n');
  return [`  ! ${first}`, ...rest.map((line) => `    ${line}`)];
}

/** The body of the environment's drift issue. */
export function markdownReport(item: EnvironmentOutcome, runUrl?: string): string {
  const lines = [
    `Configuration drift in **${item.environment}** (stack \`${item.stack}\`): ${STATUS_WORDS[item.status]}.`,
    '',
  ];
  if (item.failedPostconditions.length > 0) {
    lines.push("Settings that no longer match the environment's `expect:` block:", '');
    for (const failed of item.failedPostconditions) lines.push(`- \`${failed.address}\`: ${failed.message}`);
    lines.push('');
  }
  if (item.driftedResources.length > 0) {
    lines.push('Monitoring resources changed outside Terraform:', '');
    for (const drifted of item.driftedResources) lines.push(`- \`${drifted.address}\` (${drifted.action})`);
    lines.push('');
  }
  for (const problem of item.problems) lines.push(`> ${problem.replace(/\n/g, '\n> ')}`, '');
  lines.push(`Reproduce: \`npm run drift -- ${item.environment}\` (see docs/drift.md).`);
  if (runUrl) lines.push('', `Workflow run: ${runUrl}`);
  return `${lines.join('\n')}\n`;
}

export function jsonReport(outcomes: readonly EnvironmentOutcome[], runUrl?: string): string {
  return `${JSON.stringify({ environments: outcomes.map((item) => ({ ...item, markdown: markdownReport(item, runUrl) })) }, null, 2)}\n`;
}
