// The coverage table: one row per failure mode, then one per noise scenario.
import { formatDuration } from '../durations';
import type { CoverageResult, CoverageRow } from './coverage';

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

export function formatCoverageMarkdown(result: CoverageResult): string {
  const escapePipes = (cell: string) => cell.replace(/\|/g, '\\|');
  return tables(result)
    .map(([headers, ...body]) =>
      [
        `| ${headers.join(' | ')} |`,
        `| ${headers.map(() => '---').join(' | ')} |`,
        ...body.map((line) => `| ${line.map(escapePipes).join(' | ')} |`),
      ].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

export function formatCoverageText(result: CoverageResult): string {
  return tables(result)
    .map((lines) => {
      const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
      return lines
        .map((line) =>
          line
            .map((cell, column) => cell.padEnd(widths[column]))
            .join('  ')
            .trimEnd(),
        )
        .join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

/**
 * Per mode exactly: id, severity, targetSeconds, firstPage, firstPageInScenario, worstCaseSeconds,
 * scenarioSeconds, alsoFiring, status. `firstPageInScenario` groups the policy that notified first in
 * the scenario with its two times (null when nothing notified); `firstPage` is its name, kept for
 * readers of the earlier shape.
 */
export function formatCoverageJson(result: CoverageResult): string {
  const failureModes = result.modes.map((row) => ({
    id: row.id,
    severity: row.severity,
    targetSeconds: row.targetSeconds,
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
