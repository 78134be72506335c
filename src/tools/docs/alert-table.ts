// The README's table of alerts, generated from a synthesized stack so it always says what is
// deployed: each policy's conditions, thresholds in the unit a person reads, windows, severity.
import { filterSelectors, parseFilter } from '../../gcp/filter';
import { lookupMetric, LOG_BASED_METRIC_PREFIX } from '../../gcp/metric-catalog';

type Json = Record<string, any>;

const COMPARISON_WORDS: Record<string, string> = {
  COMPARISON_GT: '>', COMPARISON_GE: '≥', COMPARISON_LT: '<', COMPARISON_LE: '≤', COMPARISON_EQ: '=', COMPARISON_NE: '≠',
};

function seconds(duration: string | undefined): number {
  return duration ? Number(duration.replace(/s$/, '')) : 0;
}

export function durationWords(totalSeconds: number): string {
  if (totalSeconds === 0) return '0 s';
  if (totalSeconds % 3600 === 0) return `${totalSeconds / 3600} h`;
  if (totalSeconds % 60 === 0) return `${totalSeconds / 60} min`;
  return `${totalSeconds} s`;
}

function metricUnit(filter: string, logMetricUnits: ReadonlyMap<string, string>): string {
  const [type] = filterSelectors(parseFilter(filter)).metricTypes;
  if (!type) return '1';
  if (type.startsWith(LOG_BASED_METRIC_PREFIX)) return logMetricUnits.get(type.slice(LOG_BASED_METRIC_PREFIX.length)) ?? '1';
  return lookupMetric(type)?.unit ?? '1';
}

/** A threshold in the unit a person reads: microseconds as ms, fractions of a ratio as %. */
export function thresholdWords(value: number, unit: string, ratio: boolean): string {
  if (ratio) return `${Number((value * 100).toPrecision(6))}%`;
  if (unit === 'us') return `${Number((value / 1000).toPrecision(6))} ms`;
  if (unit === 'ms' || unit === 's' || unit === 'By' || unit === 'd') return `${value} ${unit}`;
  return String(value);
}

function conditionRow(condition: Json, logMetricUnits: ReadonlyMap<string, string>): { condition: string; threshold: string; window: string } {
  if (condition.condition_absent) {
    const absent = condition.condition_absent;
    return { condition: condition.display_name, threshold: 'no data', window: `for ${durationWords(seconds(absent.duration))}` };
  }
  const threshold = condition.condition_threshold;
  if (!threshold) return { condition: condition.display_name, threshold: '—', window: '—' };
  const ratio = threshold.denominator_filter !== undefined;
  const unit = metricUnit(threshold.filter, logMetricUnits);
  // COUNT_FALSE over check_passed counts checker locations, not a value of the metric.
  const counted = threshold.aggregations?.[0]?.cross_series_reducer === 'REDUCE_COUNT_FALSE' ? ' failing series' : '';
  const alignment = seconds(threshold.aggregations?.[0]?.alignment_period);
  const held = seconds(threshold.duration);
  return {
    condition: condition.display_name,
    threshold: `${COMPARISON_WORDS[threshold.comparison] ?? threshold.comparison} ${thresholdWords(threshold.threshold_value ?? 0, unit, ratio)}${counted}`,
    window: `${durationWords(alignment)} window, held ${durationWords(held)}`,
  };
}

export interface AlertTableRow {
  readonly alert: string;
  readonly severity: string;
  readonly condition: string;
  readonly threshold: string;
  readonly window: string;
}

export function alertTableRows(artifact: Json): AlertTableRow[] {
  const resources = artifact.resource ?? {};
  const logMetricUnits = new Map<string, string>(Object.values(resources.google_logging_metric ?? {}).map((metric: any) => [metric.name, metric.metric_descriptor?.unit ?? '1']));
  const rows: AlertTableRow[] = [];
  const policies = Object.values(resources.google_monitoring_alert_policy ?? {}) as Json[];
  policies.sort((a, b) => String(a.display_name).localeCompare(String(b.display_name)));
  for (const policy of policies) {
    const conditions = (policy.conditions as Json[]).map((condition) => conditionRow(condition, logMetricUnits));
    const joiner = policy.combiner === 'OR' ? ' **or** ' : ' **and** ';
    rows.push({
      alert: policy.display_name,
      severity: String(policy.severity ?? '').toLowerCase(),
      condition: conditions.map((row) => row.condition).join(joiner),
      threshold: conditions.map((row) => row.threshold).join('; '),
      window: conditions.map((row) => row.window).join('; '),
    });
  }
  return rows;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function alertTableMarkdown(artifact: Json): string {
  const lines = ['| Alert | Severity | Condition | Threshold | Window |', '| --- | --- | --- | --- | --- |'];
  for (const row of alertTableRows(artifact)) {
    lines.push(`| ${cell(row.alert)} | ${row.severity} | ${cell(row.condition)} | ${cell(row.threshold)} | ${cell(row.window)} |`);
  }
  return lines.join('\n');
}
