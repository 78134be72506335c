// The alert policies to evaluate, normalised from synthesized Terraform JSON (snake_case,
// `resource.google_monitoring_alert_policy.<id>`) and from REST exports (camelCase, one policy per
// file, a list, or `{alertPolicies: […]}`). Everything downstream sees only these types.
import type { MetricKind, ValueType } from '../../gcp/metric-catalog';
import { LOG_BASED_METRIC_PREFIX } from '../../gcp/metric-catalog';
import { policyDurationSeconds } from './durations';

export interface Aggregation {
  /** Seconds; undefined when the aggregation sets none. */
  readonly alignmentPeriod?: number;
  readonly aligner: string;
  readonly reducer: string;
  readonly groupByFields: readonly string[];
}

export interface Trigger {
  readonly count?: number;
  readonly percent?: number;
}

export type MissingData = 'NO_OP' | 'ACTIVE' | 'INACTIVE';

export interface ThresholdCondition {
  readonly type: 'threshold';
  readonly displayName: string;
  readonly filter: string;
  readonly aggregations: readonly Aggregation[];
  readonly denominatorFilter?: string;
  readonly denominatorAggregations: readonly Aggregation[];
  readonly comparison: string;
  readonly thresholdValue: number;
  readonly durationSeconds: number;
  readonly trigger: Trigger;
  readonly missingData: MissingData;
}

export interface AbsentCondition {
  readonly type: 'absent';
  readonly displayName: string;
  readonly filter: string;
  readonly aggregations: readonly Aggregation[];
  readonly durationSeconds: number;
  readonly trigger: Trigger;
}

/** PromQL, MQL, log-match and SQL conditions: reported as not simulated, never passed. */
export interface UnsupportedCondition {
  readonly type: 'unsupported';
  readonly displayName: string;
  readonly what: string;
}

export type Condition = ThresholdCondition | AbsentCondition | UnsupportedCondition;

export interface Policy {
  /** `google_monitoring_alert_policy.<id>` for Terraform JSON; the file (and index) for REST exports. */
  readonly address: string;
  readonly displayName: string;
  readonly combiner: string;
  readonly conditions: readonly Condition[];
  /** ASSUMPTION where the policy sets none: 7 days (Google's exports in ../shared/corpus carry 604800s; no documented default was found). */
  readonly autoCloseSeconds: number;
  readonly enabled: boolean;
}

export interface LogMetricShape {
  readonly kind: MetricKind;
  readonly valueType: ValueType;
  readonly unit: string;
}

export interface StackModel {
  readonly source: string;
  readonly policies: readonly Policy[];
  /** Log-based metrics the stack defines, by metric type (`logging.googleapis.com/user/<name>`). */
  readonly logMetrics: ReadonlyMap<string, LogMetricShape>;
}

export const DEFAULT_AUTO_CLOSE_SECONDS = 7 * 86400;

type Json = Record<string, unknown>;

/** Reads a field by its snake_case name, or its camelCase spelling (REST). */
function field(object: unknown, snakeName: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined;
  const record = object as Json;
  if (snakeName in record) return record[snakeName];
  const camel = snakeName.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return record[camel];
}

function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function aggregations(value: unknown): Aggregation[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => ({
    alignmentPeriod: field(entry, 'alignment_period') === undefined ? undefined : policyDurationSeconds(field(entry, 'alignment_period'), 60),
    aligner: text(field(entry, 'per_series_aligner'), 'ALIGN_NONE'),
    reducer: text(field(entry, 'cross_series_reducer'), 'REDUCE_NONE'),
    groupByFields: ((field(entry, 'group_by_fields') as unknown[] | undefined) ?? []).map(String),
  }));
}

function trigger(value: unknown): Trigger {
  const count = field(value, 'count');
  const percent = field(value, 'percent');
  if (percent !== undefined && percent !== null) return { percent: Number(percent) };
  return { count: count === undefined || count === null ? 1 : Number(count) };
}

function missingData(value: unknown): MissingData {
  const name = text(value);
  if (name.endsWith('_ACTIVE') && !name.endsWith('_INACTIVE')) return 'ACTIVE';
  if (name.endsWith('_INACTIVE')) return 'INACTIVE';
  return 'NO_OP';
}

function condition(raw: unknown, index: number): Condition {
  const displayName = text(field(raw, 'display_name'), `condition ${index + 1}`);
  const threshold = field(raw, 'condition_threshold');
  // A forecast condition fails on predicted values, which synthetic series cannot stand for.
  if (threshold && field(threshold, 'forecast_options')) return { type: 'unsupported', displayName, what: 'forecast condition (forecast_options)' };
  if (threshold) {
    return {
      type: 'threshold',
      displayName,
      filter: text(field(threshold, 'filter')),
      aggregations: aggregations(field(threshold, 'aggregations')),
      denominatorFilter: text(field(threshold, 'denominator_filter')) || undefined,
      denominatorAggregations: aggregations(field(threshold, 'denominator_aggregations')),
      comparison: text(field(threshold, 'comparison'), 'COMPARISON_GT'),
      thresholdValue: Number(field(threshold, 'threshold_value') ?? 0),
      durationSeconds: policyDurationSeconds(field(threshold, 'duration'), 0),
      trigger: trigger(field(threshold, 'trigger')),
      missingData: missingData(field(threshold, 'evaluation_missing_data')),
    };
  }
  const absent = field(raw, 'condition_absent');
  if (absent) {
    return {
      type: 'absent',
      displayName,
      filter: text(field(absent, 'filter')),
      aggregations: aggregations(field(absent, 'aggregations')),
      durationSeconds: policyDurationSeconds(field(absent, 'duration'), 0),
      trigger: trigger(field(absent, 'trigger')),
    };
  }
  const kinds: Array<[string, string]> = [
    ['condition_prometheus_query_language', 'PromQL condition'],
    ['condition_monitoring_query_language', 'MQL condition'],
    ['condition_matched_log', 'log-match condition'],
    ['condition_sql', 'SQL condition'],
  ];
  const found = kinds.find(([key]) => field(raw, key) !== undefined);
  return { type: 'unsupported', displayName, what: found ? found[1] : 'condition of an unknown type' };
}

function policy(raw: unknown, address: string): Policy {
  const conditions = ((field(raw, 'conditions') as unknown[] | undefined) ?? []).map(condition);
  const enabled = field(raw, 'enabled');
  return {
    address,
    displayName: text(field(raw, 'display_name'), address),
    combiner: text(field(raw, 'combiner'), 'OR'),
    conditions,
    autoCloseSeconds: policyDurationSeconds(field(field(raw, 'alert_strategy'), 'auto_close'), DEFAULT_AUTO_CLOSE_SECONDS),
    enabled: enabled === undefined ? true : enabled !== false && enabled !== 'false',
  };
}

function isTerraformDocument(document: unknown): document is { resource: Record<string, Record<string, Json>> } {
  return typeof document === 'object' && document !== null && typeof (document as Json).resource === 'object';
}

/** The policies of one parsed JSON document; `source` names it in addresses and messages. */
export function stackModelFromJson(document: unknown, source: string): StackModel {
  if (isTerraformDocument(document)) {
    const resources = document.resource;
    const policies = Object.entries(resources.google_monitoring_alert_policy ?? {}).map(([id, raw]) => policy(raw, `google_monitoring_alert_policy.${id}`));
    const logMetrics = new Map<string, LogMetricShape>();
    for (const raw of Object.values(resources.google_logging_metric ?? {})) {
      const descriptor = field(raw, 'metric_descriptor');
      const name = text(field(raw, 'name'));
      if (!name) continue;
      // A log-based metric without a descriptor is a DELTA INT64 counter (Logging's default).
      logMetrics.set(`${LOG_BASED_METRIC_PREFIX}${name}`, {
        kind: (text(field(descriptor, 'metric_kind'), 'DELTA') as MetricKind),
        valueType: (text(field(descriptor, 'value_type'), 'INT64') as ValueType),
        unit: text(field(descriptor, 'unit'), '1'),
      });
    }
    return { source, policies, logMetrics };
  }
  const list: unknown[] = Array.isArray(document) ? document : Array.isArray(field(document, 'alert_policies')) ? (field(document, 'alert_policies') as unknown[]) : [document];
  const policies = list.map((raw, index) => policy(raw, list.length === 1 ? source : `${source}[${index}]`));
  return { source, policies, logMetrics: new Map() };
}

/** Joins the models of several REST export files into one. */
export function mergeStackModels(models: readonly StackModel[], source: string): StackModel {
  const logMetrics = new Map<string, LogMetricShape>();
  for (const model of models) for (const [type, shape] of model.logMetrics) logMetrics.set(type, shape);
  return { source, policies: models.flatMap((model) => model.policies), logMetrics };
}

/** The logical id of a Terraform address (`google_monitoring_alert_policy.x` → `x`). */
export function logicalId(policy: Policy): string | undefined {
  const match = /^google_monitoring_alert_policy\.(.+)$/.exec(policy.address);
  return match ? match[1] : undefined;
}
