// An alert policy as the tools evaluate and describe it, read from its body in the API's spelling
// (the readers turn Terraform's snake_case into it). Everything downstream sees only these types.
import { type Aggregation, readAggregations } from './aggregations';
import { conditionKindOf } from './condition-kinds';
import { lenientDurationSeconds } from './duration';
import { isRecord } from './json';

export type { Aggregation } from './aggregations';

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

/** PromQL, MQL, log-match, SQL and forecast conditions: no series model stands for them. */
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
  /** The severity field as written (CRITICAL, ERROR, WARNING); undefined when the policy sets none. */
  readonly severity?: string;
}

export const DEFAULT_AUTO_CLOSE_SECONDS = 7 * 86400;

type Body = Record<string, unknown>;

function record(value: unknown): Body {
  return isRecord(value) ? value : {};
}

function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function trigger(value: unknown): Trigger {
  const { count, percent } = record(value);
  if (percent !== undefined && percent !== null) return { percent: Number(percent) };
  return { count: count === undefined || count === null ? 1 : Number(count) };
}

function missingData(value: unknown): MissingData {
  const name = text(value);
  if (name.endsWith('_ACTIVE') && !name.endsWith('_INACTIVE')) return 'ACTIVE';
  if (name.endsWith('_INACTIVE')) return 'INACTIVE';
  return 'NO_OP';
}

/** What threshold and absence conditions both have: a filter, its aggregations, a duration, a trigger. */
function seriesCondition(displayName: string, spec: Body) {
  return {
    displayName,
    filter: text(spec.filter),
    aggregations: readAggregations(spec.aggregations),
    durationSeconds: lenientDurationSeconds(spec.duration, 0),
    trigger: trigger(spec.trigger),
  };
}

function thresholdCondition(displayName: string, threshold: Body): ThresholdCondition {
  return {
    type: 'threshold',
    ...seriesCondition(displayName, threshold),
    denominatorFilter: text(threshold.denominatorFilter) || undefined,
    denominatorAggregations: readAggregations(threshold.denominatorAggregations),
    comparison: text(threshold.comparison, 'COMPARISON_GT'),
    thresholdValue: Number(threshold.thresholdValue ?? 0),
    missingData: missingData(threshold.evaluationMissingData),
  };
}

export function readCondition(raw: unknown, index: number): Condition {
  const condition = record(raw);
  const displayName = text(condition.displayName, `condition ${index + 1}`);
  const kind = conditionKindOf(condition);
  const spec = kind ? record(condition[kind.field]) : {};
  // A forecast condition fails on predicted values, which synthetic series cannot stand for.
  if (kind?.field === 'conditionThreshold' && spec.forecastOptions) {
    return { type: 'unsupported', displayName, what: 'forecast condition (forecast_options)' };
  }
  if (kind?.field === 'conditionThreshold') return thresholdCondition(displayName, spec);
  if (kind?.field === 'conditionAbsent') return { type: 'absent', ...seriesCondition(displayName, spec) };
  return { type: 'unsupported', displayName, what: kind ? `${kind.words} condition` : 'condition of an unknown type' };
}

/** A policy from its body in the API's spelling; `address` names it in messages. */
export function readAlertPolicy(body: Body, address: string): Policy {
  const conditions = (Array.isArray(body.conditions) ? body.conditions : []).map(readCondition);
  const enabled = body.enabled;
  const severity = typeof body.severity === 'string' && body.severity !== '' ? body.severity : undefined;
  return {
    address,
    displayName: text(body.displayName, address),
    combiner: text(body.combiner, 'OR'),
    conditions,
    autoCloseSeconds: lenientDurationSeconds(record(body.alertStrategy).autoClose, DEFAULT_AUTO_CLOSE_SECONDS),
    enabled: enabled === undefined ? true : enabled !== false && enabled !== 'false',
    ...(severity ? { severity } : {}),
  };
}
