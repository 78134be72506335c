// The coverage table: one row per failure mode, then one per noise scenario.
import { formatDuration } from '../durations';
import type { CoverageResult, CoverageRow } from './coverage';
import { DEFAULT_TEXT_WIDTH, formatTextTable, wrapWords } from '../../../util/text-table';

const STATUS_WORDS: Readonly<Record<CoverageRow['status'], string>> = {
  ok: 'ok',
  slow: 'SLOWER THAN TARGET',
  'not-covered': 'NOT COVERED',
};

const MODE_HEADERS = [
  'Failure mode',
  'Severity',
  'Target',
  'First to notify (in scenario)',
  'Worst case',
  'In scenario',
  'Also firing',
  'Status',
];
const NOISE_HEADERS = ['Noise scenario', 'Paging policies that fire', 'Other policies that fire', 'Status'];

const seconds = (value: number | null) => (value === null ? '' : formatDuration(value));

function modeCells(row: CoverageRow): string[] {
  return [
    row.id,
    row.severity,
    formatDuration(row.targetSeconds),
    row.firstPage ?? '',
    seconds(row.worstCaseSeconds),
    seconds(row.scenarioSeconds),
    row.alsoFiring.join('; '),
    STATUS_WORDS[row.status],
  ];
}

function tables(result: CoverageResult): string[][][] {
  return [
    [MODE_HEADERS, ...result.modes.map(modeCells)],
    [
      NOISE_HEADERS,
      ...result.noise.map((row) => [
        row.id,
        row.paging.join('; '),
        row.notifying.join('; '),
        row.status === 'silent' ? 'silent' : 'PAGES',
      ]),
    ],
  ];
}

/** Lists shown in a markdown cell before the rest folds into a details block. */
const SHOWN_LIST_ITEMS = 2;

/** A `; `-separated list cell: the first items, then the rest, whole, in a <details> block. */
function foldedList(cell: string): string {
  const items = cell.split('; ');
  if (items.length <= SHOWN_LIST_ITEMS + 1) return cell;
  const rest = items.slice(SHOWN_LIST_ITEMS);
  return `${items.slice(0, SHOWN_LIST_ITEMS).join('; ')}; <details><summary>+${rest.length} more</summary>${rest.join('; ')}</details>`;
}

/** The modes whose target is not the default 5 minutes, each with the catalog's reason. */
function targetReasons(result: CoverageResult): string[] {
  return result.modes
    .filter((row) => row.targetReason)
    .map((row) => `${row.id} (${formatDuration(row.targetSeconds)}): ${row.targetReason}`);
}

const REASONS_HEADING = 'Why these targets are longer than 5 minutes:';

export function formatCoverageMarkdown(result: CoverageResult): string {
  const escapePipes = (cell: string) => cell.replace(/\|/g, '\\|');
  const [modes, noise] = tables(result).map(([headers, ...body]) =>
    [
      `| ${headers.join(' | ')} |`,
      `| ${headers.map(() => '---').join(' | ')} |`,
      ...body.map((line) => `| ${line.map((cell) => foldedList(escapePipes(cell))).join(' | ')} |`),
    ].join('\n'),
  );
  const reasons = targetReasons(result);
  const why = reasons.length > 0 ? [[REASONS_HEADING, '', ...reasons.map((line) => `- ${line}`)].join('\n')] : [];
  return [modes, ...why, noise].join('\n\n').concat('\n');
}

/** The tables in plain text within `width` columns; long cells wrap, and what is cut is named. */
export function formatCoverageText(result: CoverageResult, width = DEFAULT_TEXT_WIDTH): string {
  const [modes, noise] = tables(result).map((rows) => formatTextTable(rows, { width }));
  const reasons = targetReasons(result);
  const why =
    reasons.length > 0
      ? [
          [
            REASONS_HEADING,
            ...reasons.flatMap((line) =>
              wrapWords(`- ${line}`, width - 2).map((part, index) => (index === 0 ? part : `  ${part}`)),
            ),
          ].join('\n'),
        ]
      : [];
  return [modes, ...why, noise].join('\n\n').concat('\n');
}

/**
 * Per mode exactly: id, severity, targetSeconds, targetReason (null unless the catalog gives one),
 * firstPage, firstPageInScenario, worstCaseSeconds, scenarioSeconds, alsoFiring, status. `firstPageInScenario` groups the policy that notified first in
 * the scenario with its two times (null when nothing notified); `firstPage` is its name, kept for
 * readers of the earlier shape.
 */
export function formatCoverageJson(result: CoverageResult): string {
  const failureModes = result.modes.map((row) => ({
    id: row.id,
    severity: row.severity,
    targetSeconds: row.targetSeconds,
    targetReason: row.targetReason ?? null,
    firstPage: row.firstPage,
    firstPageInScenario:
      row.firstPage === null
        ? null
        : { policy: row.firstPage, scenarioSeconds: row.scenarioSeconds, worstCaseSeconds: row.worstCaseSeconds },
    worstCaseSeconds: row.worstCaseSeconds,
    scenarioSeconds: row.scenarioSeconds,
    alsoFiring: row.alsoFiring,
    status: row.status,
  }));
  return `${JSON.stringify({ failureModes, noise: result.noise }, null, 2)}\n`;
}
