// The review as Markdown for a pull-request comment: counts per stack, the warning section first,
// then each change in words. Kept under GitHub's 65,536-character comment limit by cutting the
// least important lines first and saying what was cut.
import { revisionLines } from '../backtest/revision-backtest';
import type { ImportChange, ResourceChange, ReviewResult, TileChange } from './model';
import { hasChanges } from './model';
import { maskSecrets } from './secrets';
import { appendAll } from '../../util/append-all';

/** GitHub rejects comments over 65,536 characters; the margin leaves room for a marker line. */
export const GITHUB_COMMENT_LIMIT = 65000;

export interface MarkdownOptions {
  readonly maxChars?: number;
  readonly title?: string;
}

/**
 * Importance of a block of lines, cut from the highest number down:
 * 0 never (header, counts, warnings), 1 lint, 2 a changed/removed/moved resource's headline,
 * 3 its attribute lines and an added resource's headline, 4 an added resource's summary,
 * 5 dashboard tile lists.
 */
type Priority = 0 | 1 | 2 | 3 | 4 | 5;

interface Block {
  readonly text: string;
  readonly priority: Priority;
}

const CUT_NAMES: Readonly<Record<Priority, string>> = {
  0: 'warning lines',
  1: 'lint findings',
  2: 'changed resources',
  3: 'attribute lines of changed resources',
  4: 'summary lines of added resources',
  5: 'dashboard tile lines',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  google_monitoring_alert_policy: 'alert policy',
  google_monitoring_notification_channel: 'notification channel',
  google_monitoring_uptime_check_config: 'uptime check',
  google_logging_metric: 'log-based metric',
  google_monitoring_dashboard: 'dashboard',
  google_monitoring_slo: 'SLO',
  google_monitoring_custom_service: 'service',
};

const KIND_HEADINGS: Readonly<Record<ResourceChange['kind'], string>> = {
  removed: 'Removed',
  moved: 'Moved (new Terraform address)',
  changed: 'Changed',
  added: 'Added',
};
const TILE_MARKS: Readonly<Record<TileChange['kind'], string>> = { added: '+', removed: '−', changed: '~', moved: '↔' };

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function resourceBlocks(change: ResourceChange): Block[] {
  const added = change.kind === 'added';
  const where = change.previousAddress
    ? `\`${change.previousAddress}\` → \`${change.address}\``
    : `\`${change.address}\``;
  const blocks: Block[] = [
    { text: `- ${typeName(change.type)} **${change.label}** (${where})`, priority: added ? 3 : 2 },
  ];
  for (const detail of change.details) blocks.push({ text: `  - ${detail}`, priority: added ? 4 : 3 });
  if (change.dashboard) {
    if (change.dashboard.tileCount !== undefined)
      blocks.push({
        text: `  - ${change.dashboard.tileCount} tile${change.dashboard.tileCount === 1 ? '' : 's'}`,
        priority: added ? 4 : 3,
      });
    if (change.dashboard.previews && change.dashboard.previews.length > 0)
      blocks.push({
        text: `  - preview ${change.dashboard.previews.length === 2 ? 'before/after' : change.dashboard.previews[0].endsWith('--before.png') ? 'before' : 'after'}, changed tiles outlined: ${change.dashboard.previews.map((file) => `\`${file}\``).join(', ')}`,
        priority: 3,
      });
    for (const tile of change.dashboard.tiles) {
      const details = tile.details.length > 0 ? `: ${tile.details.join('; ')}` : '';
      blocks.push({ text: `  - tile ${TILE_MARKS[tile.kind]} "${tile.title}"${details}`, priority: 5 });
    }
  }
  return blocks;
}

/** One adopted resource: what it takes over, and what the first apply changes on it. */
function importBlocks(change: ImportChange): Block[] {
  const what = change.type === 'google_monitoring_alert_policy' ? 'policy' : typeName(change.type);
  const head = `- ${typeName(change.type)} **${change.label}** (\`${change.address}\`)`;
  if (change.differences === undefined)
    return [
      {
        text: `${head} adopts the live resource \`${change.id}\` (what the first apply changes on it is not shown: run review with \`--live DIR\`, the files of \`vigil adopt --from\`)`,
        priority: 2,
      },
    ];
  const existing = `the existing ${what} '${change.liveName ?? change.id}' (\`${change.id}\`)`;
  if (change.differences.length === 0) return [{ text: `${head} adopts ${existing} unchanged`, priority: 2 }];
  return [
    { text: `${head} adopts ${existing} and changes:`, priority: 2 },
    ...change.differences.map((detail) => ({ text: `  - ${detail}`, priority: 3 as const })),
  ];
}

function buildBlocks(review: ReviewResult, title: string): Block[] {
  const blocks: Block[] = [{ text: `## ${title}\n`, priority: 0 }];
  if (!hasChanges(review)) {
    blocks.push({ text: 'No monitoring changes.', priority: 0 });
    return blocks;
  }
  // The Adopted column appears only when something is imported, so reviews without imports read as before.
  const adopting = review.stacks.some((stack) => (stack.imports ?? []).length > 0);
  const table = adopting
    ? ['| Stack | Added | Adopted | Changed | Removed | Moved |', '|---|---:|---:|---:|---:|---:|']
    : ['| Stack | Added | Changed | Removed | Moved |', '|---|---:|---:|---:|---:|'];
  for (const stack of review.stacks)
    table.push(
      `| ${stack.stack} | ${stack.counts.added} |${adopting ? ` ${(stack.imports ?? []).length} |` : ''} ${stack.counts.changed} | ${stack.counts.removed} | ${stack.counts.moved} |`,
    );
  blocks.push({ text: `${table.join('\n')}\n`, priority: 0 });

  if (review.risks.length > 0) {
    blocks.push({
      text: `### ⚠️ Review first: ${review.risks.length} risky change${review.risks.length === 1 ? '' : 's'}\n`,
      priority: 0,
    });
    const multiStack = review.stacks.length > 1;
    for (const risk of review.risks)
      blocks.push({ text: `- ${multiStack ? `${risk.stack}: ` : ''}${risk.message}`, priority: 0 });
    blocks.push({ text: '', priority: 0 });
  }

  for (const stack of review.stacks) {
    const imports = stack.imports ?? [];
    if (stack.changes.length === 0 && imports.length === 0) continue;
    blocks.push({ text: `### ${stack.stack}\n`, priority: 0 });
    for (const kind of ['removed', 'moved', 'changed', 'adopted', 'added'] as const) {
      if (kind === 'adopted') {
        if (imports.length === 0) continue;
        blocks.push({
          text: '#### Adopted (Terraform imports the live resource instead of creating it)\n',
          priority: 0,
        });
        for (const change of imports) appendAll(blocks, importBlocks(change));
        blocks.push({ text: '', priority: 0 });
        continue;
      }
      const changes = stack.changes.filter((change) => change.kind === kind);
      if (changes.length === 0) continue;
      blocks.push({ text: `#### ${KIND_HEADINGS[kind]}\n`, priority: 0 });
      for (const change of changes) appendAll(blocks, resourceBlocks(change));
      blocks.push({ text: '', priority: 0 });
    }
  }

  if (review.backtest) {
    blocks.push({ text: '### Backtest\n', priority: 0 });
    for (const line of revisionLines(review.backtest)) blocks.push({ text: line, priority: 0 });
    blocks.push({ text: '', priority: 0 });
  }

  blocks.push({ text: '### Lint findings new in head\n', priority: 0 });
  if (!review.lint.ran) blocks.push({ text: '_Lint did not run._', priority: 0 });
  else if (review.lint.newInHead.length === 0) blocks.push({ text: 'None.', priority: 0 });
  for (const finding of review.lint.newInHead) {
    const hint = finding.hint ? ` — ${finding.hint}` : '';
    const stack = review.stacks.length > 1 ? `${finding.stack}: ` : '';
    // Lint's paths start from the document root (`resource.<type>.<id>.…`); the resource is already named.
    const where = finding.path.startsWith(`resource.${finding.resource}.`)
      ? finding.path.slice(`resource.${finding.resource}.`.length)
      : finding.path;
    blocks.push({
      text: `- **${finding.severity}** ${stack}\`${finding.resource}\`${where ? ` \`${where}\`` : ''} (${finding.ruleId}): ${finding.message}${hint}`,
      priority: 1,
    });
  }
  return blocks;
}

function join(blocks: readonly Block[]): string {
  return `${blocks
    .map((block) => block.text)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

export function renderMarkdown(review: ReviewResult, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  // Masked first, so the cap measures what is printed.
  const blocks = buildBlocks(review, options.title ?? 'Monitoring changes').map((block) => ({
    ...block,
    text: maskSecrets(block.text),
  }));
  let text = join(blocks);
  if (text.length <= maxChars) return text;

  const kept = [...blocks];
  const cut = new Map<Priority, number>();
  const noteRoom = 400;
  let length = text.length;
  for (const priority of [5, 4, 3, 2, 1] as const) {
    for (let index = kept.length - 1; index >= 0 && length + noteRoom > maxChars; index -= 1) {
      if (kept[index].priority !== priority) continue;
      length -= kept[index].text.length + 1;
      kept.splice(index, 1);
      cut.set(priority, (cut.get(priority) ?? 0) + 1);
    }
  }
  const parts = [...cut.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([priority, count]) => `${count} ${CUT_NAMES[priority]}`);
  const note = `\n> ✂️ Cut to stay under ${maxChars.toLocaleString('en-US')} characters (GitHub's comment limit), least important first: ${parts.join(', ')}. Run \`vigil review\` locally or see the job summary for all of it.`;
  text = `${join(kept).trimEnd()}\n${note}\n`;
  if (text.length <= maxChars) return text;
  // Only the warning section is left and it alone is too long: cut it mid-list, say so.
  const ending = `\n\n> ✂️ Cut at ${maxChars.toLocaleString('en-US')} characters (GitHub's comment limit), including part of the warning section. Run \`vigil review\` locally for all of it.\n`;
  const head = text.slice(0, maxChars - ending.length);
  return `${head.slice(0, head.lastIndexOf('\n'))}${ending}`;
}
