// The worst-case time from incident start to notification, per alert policy and condition, from
// the policy alone: the metric's ingest delay (metric catalog) + the alignment period (the whole
// window must fill with the incident's data in the worst case) + the duration + one evaluation
// interval (the incident may begin just after an evaluation).
import { DEFAULT_TEXT_WIDTH, formatTextTable } from '../../util/text-table';
import { type Slo, sloIndicatorFilters } from '../../artifact/slos';
import { filterSelectors, parseFilter } from '../../gcp/filter';
import { lookbackSeconds, parseSloSelector } from '../../gcp/slo-selectors';
import { EVALUATION_INTERVAL_SECONDS } from './aggregate';
import { formatDuration } from './durations';
import { ingestDelayOf, type IngestDelay } from './ingest-delay';
import type { Condition, Policy, StackModel } from './policy-model';

export interface ReportRow {
  readonly policy: string;
  readonly address: string;
  readonly condition: string;
  readonly ingestDelaySeconds?: number;
  /** Where the delay comes from: catalog, catalog assumption, log-based metrics' troubleshooting page, unknown. */
  readonly ingestDelaySource?: IngestDelay['source'];
  readonly alignmentSeconds?: number;
  readonly durationSeconds?: number;
  readonly evaluationSeconds?: number;
  readonly worstCaseSeconds?: number;
  /** Why no figure: PromQL, MQL, … */
  readonly notSimulated?: string;
  /** The slowest time to fire the scenarios measured when this condition was met. */
  readonly simulatedSeconds?: number;
}

function metricTypes(filter: string | undefined): string[] {
  if (!filter) return [];
  try {
    return [...filterSelectors(parseFilter(filter)).metricTypes];
  } catch {
    return [];
  }
}

/**
 * A burn-rate condition's worst case: a burn just above the threshold passes it only once the
 * whole lookback holds it, so the lookback stands in the alignment column. (A total outage is
 * faster: threshold × (1 − goal) × lookback; docs/slo.md gives those figures from the scenarios.)
 * Undefined when the condition is no SLO selector; notSimulated when simulate cannot evaluate it.
 */
function burnRateFill(condition: Condition, slos: ReadonlyMap<string, Slo>) {
  if (condition.type !== 'threshold') return undefined;
  const selector = parseSloSelector(condition.filter);
  if (!selector) return undefined;
  const slo = slos.get(selector.name);
  const lookback = selector.lookback === undefined ? undefined : lookbackSeconds(selector.lookback);
  if (selector.selector !== 'select_slo_burn_rate' || !slo || lookback === undefined) return { notSimulated: true };
  return { fill: Math.ceil(lookback), types: sloIndicatorFilters(slo).flatMap(metricTypes) };
}

function row(policy: Policy, condition: Condition, slos: ReadonlyMap<string, Slo> = new Map()): ReportRow {
  const base = { policy: policy.displayName, address: policy.address, condition: condition.displayName };
  if (condition.type === 'unsupported') return { ...base, notSimulated: `${condition.what}: not simulated` };
  const burn = burnRateFill(condition, slos);
  if (burn && !('fill' in burn)) return { ...base, notSimulated: 'SLO selector: not simulated' };
  const types = burn?.types ?? [
    ...metricTypes(condition.filter),
    ...(condition.type === 'threshold' ? metricTypes(condition.denominatorFilter) : []),
  ];
  const delays = types.map(ingestDelayOf);
  const worst = delays.reduce((max, one) => (one.seconds > max.seconds ? one : max), {
    seconds: 0,
    source: types.length === 0 ? 'unknown' : (delays[0]?.source ?? 'unknown'),
  } as ReturnType<typeof ingestDelayOf>);
  // Absence needs no window to fill: the duration itself is the window with no data.
  const alignment =
    burn?.fill ??
    (condition.type === 'absent'
      ? 0
      : Math.max(0, ...condition.aggregations.map((one) => one.alignmentPeriod ?? EVALUATION_INTERVAL_SECONDS)));
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

/** Key of a policy's condition in the map of simulated times: display name and condition index. */
export function simulatedKey(policyDisplayName: string, conditionIndex: number): string {
  return `${policyDisplayName}\u0000${conditionIndex}`;
}

/**
 * One row per condition. `simulated` (simulatedKey → slowest measured time to fire, from
 * scenario runs) adds a column to compare the bound with what the scenarios saw.
 */
export function reportRows(stack: StackModel, simulated?: ReadonlyMap<string, number>): ReportRow[] {
  return stack.policies.flatMap((policy) =>
    policy.conditions.map((condition, index) => {
      const measured = simulated?.get(simulatedKey(policy.displayName, index));
      return measured === undefined
        ? row(policy, condition, stack.slos)
        : { ...row(policy, condition, stack.slos), simulatedSeconds: measured };
    }),
  );
}

const HEADERS = [
  'Alert policy',
  'Condition',
  'Ingest delay',
  'Alignment',
  'Duration',
  'Evaluation',
  'Worst case to notification',
];
const SIMULATED_HEADER = 'Slowest in scenarios';

const DELAY_NOTES: Readonly<Record<IngestDelay['source'], string>> = {
  catalog: '',
  'catalog assumption': ' (assumed)',
  'log-based metrics (troubleshooting page)': ' (log-based)',
  unknown: ' (unknown)',
};

function cells(one: ReportRow, withSimulated: boolean): string[] {
  const simulated = withSimulated
    ? [one.simulatedSeconds === undefined ? '' : formatDuration(one.simulatedSeconds)]
    : [];
  if (one.notSimulated) return [one.policy, one.condition, '', '', '', '', one.notSimulated, ...simulated];
  const delay = `${formatDuration(one.ingestDelaySeconds!)}${DELAY_NOTES[one.ingestDelaySource!]}`;
  return [
    one.policy,
    one.condition,
    delay,
    formatDuration(one.alignmentSeconds!),
    formatDuration(one.durationSeconds!),
    formatDuration(one.evaluationSeconds!),
    formatDuration(one.worstCaseSeconds!),
    ...simulated,
  ];
}

function table(rows: readonly ReportRow[], withSimulated: boolean): string[][] {
  return [[...HEADERS, ...(withSimulated ? [SIMULATED_HEADER] : [])], ...rows.map((one) => cells(one, withSimulated))];
}

export function formatReportMarkdown(rows: readonly ReportRow[], withSimulated = false): string {
  const escapePipes = (text: string) => text.replace(/\|/g, '\\|');
  const [headers, ...body] = table(rows, withSimulated);
  const lines = [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, index) => (index >= 2 ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const line of body) lines.push(`| ${line.map(escapePipes).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** The table in plain text within `width` columns (numbers right-aligned); long cells wrap. */
export function formatReportText(
  rows: readonly ReportRow[],
  withSimulated = false,
  width = DEFAULT_TEXT_WIDTH,
): string {
  const lines = table(rows, withSimulated);
  const numeric = lines[0].map((_, column) => column).filter((column) => column >= 2);
  return `${formatTextTable(lines, { width, rightAligned: numeric })}\n`;
}
