// The markdown runbook every alert policy carries in `documentation.content`: what fired, what it
// means for users, first checks, and where to look next. One shape for every alert, so the
// person paged at 3 a.m. always finds the same sections in the same order.

export interface Runbook {
  /** One sentence: the condition in words, with its threshold and window. */
  readonly whatFired: string;
  readonly userImpact: string;
  /** Ordered first checks; the most likely cause of the last outage first. */
  readonly firstChecks: readonly string[];
  /** Shell commands to run, each on its own line in a code block. */
  readonly commands?: readonly string[];
  readonly notes?: readonly string[];
}

export interface RunbookLinks {
  readonly dashboardTitle: string;
  readonly dashboardUrl: string;
}

export function runbookMarkdown(runbook: Runbook, links: RunbookLinks): string {
  const lines = [
    '## What fired',
    runbook.whatFired,
    '',
    '## What it means for users',
    runbook.userImpact,
    '',
    '## First checks',
    ...runbook.firstChecks.map((check, index) => `${index + 1}. ${check}`),
  ];
  if (runbook.commands && runbook.commands.length > 0) {
    lines.push('', '```sh', ...runbook.commands, '```');
  }
  if (runbook.notes && runbook.notes.length > 0) {
    lines.push('', '## Notes', ...runbook.notes.map((note) => `- ${note}`));
  }
  lines.push('', '## Dashboard', `"${links.dashboardTitle}": ${links.dashboardUrl}`);
  return lines.join('\n');
}
