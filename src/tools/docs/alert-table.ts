// The README's table of alerts, generated from a synthesized stack so it always says what is
// deployed: each policy's conditions, thresholds in the unit a person reads, windows, severity.
// The stack is read through the artifact model (src/artifact), as lint and simulate read it.
import { filterSelectors, parseFilter } from '../../gcp/filter';
import { LOG_BASED_METRIC_PREFIX, readingUnit } from '../../gcp/metric-catalog';
import { readAlertPolicy, type Condition } from '../../artifact/alert-policy';
import { comparisonSymbol } from '../../artifact/comparisons';
import { durationWords } from '../../artifact/duration';
import type { LogMetricShape } from '../../artifact/log-metrics';
import { readTerraform } from '../../artifact/read/read-terraform';
import { lookbackSeconds, parseSloSelector } from '../../gcp/slo-selectors';

function metricUnit(filter: string, logMetrics: ReadonlyMap<string, LogMetricShape>): string {
  const [type] = filterSelectors(parseFilter(filter)).metricTypes;
  if (!type) return '1';
  if (type.startsWith(LOG_BASED_METRIC_PREFIX))
    return logMetrics.get(type.slice(LOG_BASED_METRIC_PREFIX.length))?.unit ?? '1';
  return readingUnit(type) ?? '1';
}

/**
 * A threshold in the unit a person reads: microseconds as ms, fractions of a ratio as %, and a
 * rate (ALIGN_RATE divides each delta by the seconds of its window) per second.
 */
export function thresholdWords(value: number, unit: string, ratio: boolean, perSecond = false): string {
  if (ratio || unit === '10^2.%') return `${Number((value * 100).toPrecision(6))}%`;
  if (perSecond) return unit === '1' ? `${value}/s` : `${value} ${unit}/s`;
  if (unit === 'us') return `${Number((value / 1000).toPrecision(6))} ms`;
  if (unit === 'ms' || unit === 's' || unit === 'By' || unit === 'd') return `${value} ${unit}`;
  return String(value);
}

function conditionRow(
  condition: Condition,
  logMetrics: ReadonlyMap<string, LogMetricShape>,
): { condition: string; threshold: string; window: string } {
  if (condition.type === 'absent') {
    return {
      condition: condition.displayName,
      threshold: 'no data',
      window: `for ${durationWords(condition.durationSeconds)}`,
    };
  }
  if (condition.type !== 'threshold') return { condition: condition.displayName, threshold: '—', window: '—' };
  const selector = parseSloSelector(condition.filter);
  if (selector) {
    const lookback = selector.lookback === undefined ? undefined : lookbackSeconds(selector.lookback);
    return {
      condition: condition.displayName,
      threshold: `${comparisonSymbol(condition.comparison)} ${condition.thresholdValue}x burn rate`,
      window: lookback === undefined ? 'SLO window' : `${durationWords(lookback)} lookback`,
    };
  }
  const ratio = condition.denominatorFilter !== undefined;
  const unit = metricUnit(condition.filter, logMetrics);
  // COUNT_FALSE over check_passed counts checker locations, not a value of the metric.
  const counted = condition.aggregations[0]?.reducer === 'REDUCE_COUNT_FALSE' ? ' failing series' : '';
  const alignment = condition.aggregations[0]?.alignmentPeriod ?? 0;
  const perSecond = condition.aggregations[0]?.aligner === 'ALIGN_RATE';
  return {
    condition: condition.displayName,
    threshold: `${comparisonSymbol(condition.comparison)} ${thresholdWords(condition.thresholdValue, unit, ratio, perSecond)}${counted}`,
    window: `${durationWords(alignment)} window, held ${durationWords(condition.durationSeconds)}`,
  };
}

export interface AlertTableRow {
  readonly alert: string;
  readonly severity: string;
  readonly condition: string;
  readonly threshold: string;
  readonly window: string;
}

/** One row per alert policy of a synthesized stack (Terraform JSON), read through the artifact model. */
export function alertTableRows(artifact: Record<string, unknown>): AlertTableRow[] {
  const unit = readTerraform(artifact, 'artifact');
  const logMetrics = unit.logMetrics ?? new Map<string, LogMetricShape>();
  const policies = unit.resources
    .filter((resource) => resource.kind === 'alertPolicy')
    .map((resource) => readAlertPolicy(resource.body, resource.resource));
  policies.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return policies.map((policy) => {
    const conditions = policy.conditions.map((condition) => conditionRow(condition, logMetrics));
    const joiner = policy.combiner === 'OR' ? ' **or** ' : ' **and** ';
    return {
      alert: policy.displayName,
      severity: (policy.severity ?? '').toLowerCase(),
      condition: conditions.map((row) => row.condition).join(joiner),
      threshold: conditions.map((row) => row.threshold).join('; '),
      window: conditions.map((row) => row.window).join('; '),
    };
  });
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function alertTableMarkdown(artifact: Record<string, unknown>): string {
  const lines = ['| Alert | Severity | Condition | Threshold | Window |', '| --- | --- | --- | --- | --- |'];
  for (const row of alertTableRows(artifact)) {
    lines.push(
      `| ${cell(row.alert)} | ${row.severity} | ${cell(row.condition)} | ${cell(row.threshold)} | ${cell(row.window)} |`,
    );
  }
  return lines.join('\n');
}
