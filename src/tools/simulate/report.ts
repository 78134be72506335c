// The worst-case time from incident start to notification, per alert policy and condition, from
// the policy alone: the metric's ingest delay (metric catalog) + the alignment period (the whole
// window must fill with the incident's data in the worst case) + the duration + one evaluation
// interval (the incident may begin just after an evaluation).
import { filterSelectors, parseFilter } from '../../gcp/filter';
import { EVALUATION_INTERVAL_SECONDS } from './aggregate';
import { formatDuration } from './durations';
import { ingestDelayOf } from './ingest-delay';
import type { Condition, Policy, StackModel } from './policy-model';

export interface ReportRow {
  readonly policy: string;
  readonly address: string;
  readonly condition: string;
  readonly ingestDelaySeconds?: number;
  /** Where the delay comes from: catalog, log-based assumption, unknown. */
  readonly ingestDelaySource?: string;
  readonly alignmentSeconds?: number;
  readonly durationSeconds?: number;
  readonly evaluationSeconds?: number;
  readonly worstCaseSeconds?: number;
  /** Why no figure: PromQL, MQL, … */
  readonly notSimulated?: string;
}

function metricTypes(filter: string | undefined): string[] {
  if (!filter) return [];
  try {
    return [...filterSelectors(parseFilter(filter)).metricTypes];
  } catch {
    return [];
  }
}

function row(policy: Policy, condition: Condition): ReportRow {
  const base = { policy: policy.displayName, address: policy.address, condition: condition.displayName };
  if (condition.type === 'unsupported') return { ...base, notSimulated: `${condition.what}: not simulated` };
  const types = [...metricTypes(condition.filter), ...(condition.type === 'threshold' ? metricTypes(condition.denominatorFilter) : [])];
  const delays = types.map(ingestDelayOf);
  const worst = delays.reduce((max, one) => (one.seconds > max.seconds ? one : max), { seconds: 0, source: types.length === 0 ? 'unknown' : delays[0]?.source ?? 'unknown' } as ReturnType<typeof ingestDelayOf>);
  // Absence needs no window to fill: the duration itself is the window with no data.
  const alignment = condition.type === 'absent' ? 0 : Math.max(0, ...condition.aggregations.map((one) => one.alignmentPeriod ?? EVALUATION_INTERVAL_SECONDS));
  const total = worst.seconds + alignment + condition.durationSeconds + EVALUATION_INTERVAL_SECONDS;
  return {
    ...base,
    ingestDelaySeconds: worst.seconds,
    ingestDelaySource: worst.source,
    alignmentSeconds: alignment,
    durationSeconds: condition.durationSeconds,
    evaluationSeconds: EVALUATION_INTERVAL_SECONDS,
    worstCaseSeconds: total,
  };
}

export function reportRows(stack: StackModel): ReportRow[] {
  return stack.policies.flatMap((policy) => policy.conditions.map((condition) => row(policy, condition)));
}

const HEADERS = ['Alert policy', 'Condition', 'Ingest delay', 'Alignment', 'Duration', 'Evaluation', 'Worst case to notification'];

function cells(one: ReportRow): string[] {
  if (one.notSimulated) return [one.policy, one.condition, '', '', '', '', one.notSimulated];
  const delay = `${formatDuration(one.ingestDelaySeconds!)}${one.ingestDelaySource === 'catalog' ? '' : one.ingestDelaySource === 'unknown' ? ' (unknown)' : ' (assumed)'}`;
  return [one.policy, one.condition, delay, formatDuration(one.alignmentSeconds!), formatDuration(one.durationSeconds!), formatDuration(one.evaluationSeconds!), formatDuration(one.worstCaseSeconds!)];
}

export function formatReportMarkdown(rows: readonly ReportRow[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [`| ${HEADERS.join(' | ')} |`, `| ${HEADERS.map((_, index) => (index >= 2 ? '---:' : '---')).join(' | ')} |`];
  for (const one of rows) lines.push(`| ${cells(one).map(escape).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

export function formatReportText(rows: readonly ReportRow[]): string {
  const table = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...table.map((line) => line[column].length)));
  return `${table.map((line) => line.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd()).join('\n')}\n`;
}
