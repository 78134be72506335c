// Alert policies in the words of the domain: thresholds in the metric's unit, durations in
// seconds, channels by name; and which changes make the policy alert later or not at all.
import { describeLeafChange, leafChanges, setDifference } from './json-changes';
import { unifiedDiff } from './line-diff';
import type { RiskKind } from './model';
import { comparisonDirection, comparisonSymbol } from '../../artifact/comparisons';
import { CONDITION_KINDS as CONDITION_KIND_LIST, conditionKindWords } from '../../artifact/condition-kinds';
import { durationSeconds } from '../../artifact/duration';
import { formatDurationText, formatValue, measuredQuantity, metricTypeOfFilter, valueScale } from './quantities';
import {
  isObject,
  Json,
  JsonObject,
  NOTIFICATION_CHANNEL,
  referencedAddress,
  ResourceRecord,
  stableJson,
  withoutEnvironmentPrefix,
} from './resources';
import type { StackSide } from './stack-side';

export interface FoundRisk {
  readonly kind: RiskKind;
  readonly message: string;
}

export interface PolicyComparison {
  readonly details: string[];
  readonly risks: FoundRisk[];
}

/** A runbook diff longer than this is cut: the review is a summary, the PR diff has the rest. */
const RUNBOOK_DIFF_LINES = 20;

const SEVERITY_RANK: Readonly<Record<string, number>> = { CRITICAL: 3, ERROR: 2, WARNING: 1 };

/**
 * Channel types that wake a person up. Losing one of them from a policy is a risk even when other
 * channels remain (vigil's routing pages only through PagerDuty; SMS is paging by nature).
 */
const PAGING_CHANNEL_TYPES = new Set(['pagerduty', 'sms']);

const HANDLED_POLICY_KEYS = new Set([
  'display_name',
  'enabled',
  'severity',
  'combiner',
  'notification_channels',
  'conditions',
  'alert_strategy',
  'documentation',
  'user_labels',
  'project',
]);

function text(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function objects(value: Json | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The policy's severity; vigil also writes it as user_labels.severity, read when the field is absent. */
export function policySeverity(body: JsonObject): string | undefined {
  const field = text(body.severity);
  if (field) return field.toUpperCase();
  const labels = body.user_labels;
  return isObject(labels) && typeof labels.severity === 'string' ? labels.severity.toUpperCase() : undefined;
}

function isEnabled(body: JsonObject): boolean {
  // The API's default is enabled.
  return body.enabled !== false && body.enabled !== 'false';
}

interface ChannelRef {
  readonly name: string;
  readonly paging: boolean;
}

/**
 * The channels a policy notifies, by name. A reference the side cannot resolve (its channel
 * resource was removed in the same change) is looked up on the other side, so it keeps its name.
 */
export function policyChannels(body: JsonObject, side: StackSide, otherSide?: StackSide): ChannelRef[] {
  const references = Array.isArray(body.notification_channels)
    ? body.notification_channels.filter((entry): entry is string => typeof entry === 'string')
    : [];
  return references.map((reference) => {
    const address = referencedAddress(reference);
    const channel = address ? (side.resources.get(address) ?? otherSide?.resources.get(address)) : undefined;
    if (!channel || channel.type !== NOTIFICATION_CHANNEL) return { name: address ?? reference, paging: false };
    const name =
      typeof channel.body.display_name === 'string' ? withoutEnvironmentPrefix(channel.body.display_name) : channel.id;
    return { name, paging: PAGING_CHANNEL_TYPES.has(String(channel.body.type)) };
  });
}

// ---------------------------------------------------------------- conditions

interface ConditionView {
  readonly displayName: string;
  readonly kind: string;
  readonly spec: JsonObject;
}

/** Condition kinds in Terraform's spelling: review compares the attributes as the stack writes them. */
const CONDITION_KINDS = CONDITION_KIND_LIST.map((kind) => kind.terraformField);

function conditionView(condition: JsonObject, index: number): ConditionView {
  const kind = CONDITION_KINDS.find((key) => isObject(condition[key])) ?? 'condition';
  return {
    displayName: text(condition.display_name) ?? `condition ${index + 1}`,
    kind,
    spec: isObject(condition[kind]) ? (condition[kind] as JsonObject) : {},
  };
}

/** Pairs conditions by display name, then the rest by position (a renamed condition stays paired). */
function pairConditions(
  before: ConditionView[],
  after: ConditionView[],
): { pairs: [ConditionView, ConditionView][]; removed: ConditionView[]; added: ConditionView[] } {
  const pairs: [ConditionView, ConditionView][] = [];
  const restBefore: ConditionView[] = [];
  const restAfter = [...after];
  for (const condition of before) {
    const index = restAfter.findIndex((candidate) => candidate.displayName === condition.displayName);
    if (index >= 0) pairs.push([condition, restAfter.splice(index, 1)[0]]);
    else restBefore.push(condition);
  }
  while (restBefore.length > 0 && restAfter.length > 0) pairs.push([restBefore.shift()!, restAfter.shift()!]);
  return { pairs, removed: restBefore, added: restAfter };
}

function firstAggregation(spec: JsonObject, key = 'aggregations'): JsonObject {
  return objects(spec[key])[0] ?? {};
}

function describeThreshold(
  spec: JsonObject,
  side: StackSide,
): { quantity: string; threshold: string; comparison: string } {
  const aggregation = firstAggregation(spec);
  const metricType = metricTypeOfFilter(spec.filter);
  const aligner = text(aggregation.per_series_aligner);
  const reducer = text(aggregation.cross_series_reducer);
  const ratio = typeof spec.denominator_filter === 'string' && spec.denominator_filter !== '';
  const scale = valueScale({ metricType, aligner, reducer, ratio, logMetricUnits: side.logMetricUnits });
  const value = typeof spec.threshold_value === 'number' ? formatValue(spec.threshold_value, scale) : 'unset';
  const quantity = ratio
    ? `${measuredQuantity(metricType, aligner, reducer)} ratio`
    : measuredQuantity(metricType, aligner, reducer);
  return {
    quantity,
    threshold: value,
    comparison: text(spec.comparison) === undefined ? '?' : comparisonSymbol(text(spec.comparison)!),
  };
}

/** One line for an added or removed condition: `p99 latency > 500 ms for 300 s`. */
export function summarizeCondition(condition: JsonObject, index: number, side: StackSide): string {
  const view = conditionView(condition, index);
  if (view.kind === 'condition_threshold') {
    const { quantity, threshold, comparison } = describeThreshold(view.spec, side);
    return `"${view.displayName}": ${quantity} ${comparison} ${threshold} for ${formatDurationText(view.spec.duration)}`;
  }
  if (view.kind === 'condition_absent') {
    return `"${view.displayName}": no data from ${measuredQuantity(metricTypeOfFilter(view.spec.filter))} for ${formatDurationText(view.spec.duration)}`;
  }
  return `"${view.displayName}": ${conditionKindWords(view.kind)} condition`;
}

function compareCondition(
  before: ConditionView,
  after: ConditionView,
  sides: { base: StackSide; head: StackSide },
  policy: string,
  details: string[],
  risks: FoundRisk[],
): void {
  const lines: string[] = [];
  const where = `condition "${after.displayName}"`;
  const loosened = (what: string) => risks.push({ kind: 'loosened', message: `**${policy}**: ${what} (alerts later)` });
  if (before.displayName !== after.displayName) lines.push(`name "${before.displayName}" → "${after.displayName}"`);
  if (before.kind !== after.kind) {
    lines.push(`type ${conditionKindWords(before.kind)} → ${conditionKindWords(after.kind)}`);
    details.push(`${where}: ${lines.join('; ')}`);
    return;
  }
  const b = before.spec;
  const a = after.spec;
  const handled = new Set<string>();
  const seen = (...keys: string[]) => keys.forEach((key) => handled.add(key));

  if (before.kind === 'condition_threshold') {
    seen('threshold_value', 'comparison');
    const was = describeThreshold(b, sides.base);
    const now = describeThreshold(a, sides.head);
    if (b.comparison !== a.comparison) lines.push(`comparison ${was.comparison} → ${now.comparison}`);
    if (b.threshold_value !== a.threshold_value || was.threshold !== now.threshold) {
      const line = `${now.quantity} threshold ${was.threshold} → ${now.threshold}`;
      lines.push(line);
      if (
        b.comparison === a.comparison &&
        typeof b.threshold_value === 'number' &&
        typeof a.threshold_value === 'number'
      ) {
        const comparison = text(a.comparison) ?? '';
        const direction = comparisonDirection(comparison);
        const later =
          direction === 'above'
            ? a.threshold_value > b.threshold_value
            : direction === 'below'
              ? a.threshold_value < b.threshold_value
              : false;
        if (later) loosened(`${now.quantity} threshold ${was.threshold} → ${now.threshold}`);
      }
    }
  }
  seen('duration');
  if (b.duration !== a.duration) {
    lines.push(`duration ${formatDurationText(b.duration)} → ${formatDurationText(a.duration)}`);
    if ((durationSeconds(a.duration) ?? 0) > (durationSeconds(b.duration) ?? 0))
      loosened(
        `${before.kind === 'condition_absent' ? 'absence ' : ''}duration ${formatDurationText(b.duration)} → ${formatDurationText(a.duration)}`,
      );
  }
  for (const key of ['aggregations', 'denominator_aggregations']) {
    seen(key);
    const prefix = key === 'denominator_aggregations' ? 'denominator ' : '';
    compareAggregation(firstAggregation(b, key), firstAggregation(a, key), prefix, lines, (what) =>
      loosened(`${what}`),
    );
    if (objects(b[key]).length > 1 || objects(a[key]).length > 1) {
      for (const change of leafChanges(objects(b[key]).slice(1), objects(a[key]).slice(1), [
        `${prefix}aggregations after the first`,
      ]))
        lines.push(describeLeafChange(change));
    }
  }
  seen('filter', 'denominator_filter');
  if (b.filter !== a.filter) lines.push(`filter ${JSON.stringify(b.filter ?? '')} → ${JSON.stringify(a.filter ?? '')}`);
  if (b.denominator_filter !== a.denominator_filter)
    lines.push(
      `denominator filter ${JSON.stringify(b.denominator_filter ?? '')} → ${JSON.stringify(a.denominator_filter ?? '')}`,
    );
  seen('trigger');
  const triggerBefore = isObject(b.trigger) ? b.trigger : {};
  const triggerAfter = isObject(a.trigger) ? a.trigger : {};
  for (const key of ['count', 'percent']) {
    if (triggerBefore[key] === triggerAfter[key]) continue;
    const unit = key === 'percent' ? '%' : '';
    const show = (value: Json | undefined) =>
      value === undefined || value === null ? 'unset' : `${String(value)}${unit}`;
    lines.push(`trigger ${key} ${show(triggerBefore[key])} → ${show(triggerAfter[key])}`);
    if (
      typeof triggerBefore[key] === 'number' &&
      typeof triggerAfter[key] === 'number' &&
      (triggerAfter[key] as number) > (triggerBefore[key] as number)
    ) {
      loosened(`trigger ${key} ${show(triggerBefore[key])} → ${show(triggerAfter[key])}`);
    }
  }
  seen('evaluation_missing_data');
  if (b.evaluation_missing_data !== a.evaluation_missing_data) {
    lines.push(`missing data ${missingData(b.evaluation_missing_data)} → ${missingData(a.evaluation_missing_data)}`);
  }
  const restBefore: JsonObject = {};
  const restAfter: JsonObject = {};
  for (const key of Object.keys(b)) if (!handled.has(key)) restBefore[key] = b[key];
  for (const key of Object.keys(a)) if (!handled.has(key)) restAfter[key] = a[key];
  for (const change of leafChanges(restBefore, restAfter)) lines.push(describeLeafChange(change));
  if (lines.length > 0) details.push(`${where}: ${lines.join('; ')}`);
}

function missingData(value: Json | undefined): string {
  return typeof value === 'string'
    ? value
        .replace(/^EVALUATION_MISSING_DATA_/, '')
        .toLowerCase()
        .replace(/_/g, '-')
    : 'unset';
}

function compareAggregation(
  before: JsonObject,
  after: JsonObject,
  prefix: string,
  lines: string[],
  loosened: (what: string) => void,
): void {
  if (before.alignment_period !== after.alignment_period) {
    const line = `${prefix}alignment period ${formatDurationText(before.alignment_period)} → ${formatDurationText(after.alignment_period)}`;
    lines.push(line);
    if ((durationSeconds(after.alignment_period) ?? 0) > (durationSeconds(before.alignment_period) ?? 0))
      loosened(line);
  }
  if (before.per_series_aligner !== after.per_series_aligner)
    lines.push(
      `${prefix}aligner ${text(before.per_series_aligner) ?? 'unset'} → ${text(after.per_series_aligner) ?? 'unset'}`,
    );
  if (before.cross_series_reducer !== after.cross_series_reducer)
    lines.push(
      `${prefix}reducer ${text(before.cross_series_reducer) ?? 'unset'} → ${text(after.cross_series_reducer) ?? 'unset'}`,
    );
  const groupBefore = Array.isArray(before.group_by_fields) ? before.group_by_fields.map(String) : [];
  const groupAfter = Array.isArray(after.group_by_fields) ? after.group_by_fields.map(String) : [];
  if (stableJson(groupBefore) !== stableJson(groupAfter))
    lines.push(`${prefix}group by ${setDifference(groupBefore, groupAfter)}`);
}

// ---------------------------------------------------------------- policies

export function comparePolicies(
  before: ResourceRecord,
  after: ResourceRecord,
  sides: { base: StackSide; head: StackSide },
): PolicyComparison {
  const b = before.body;
  const a = after.body;
  const details: string[] = [];
  const risks: FoundRisk[] = [];
  const policy = text(a.display_name) ?? after.address;

  if (b.display_name !== a.display_name)
    details.push(`display name "${text(b.display_name) ?? ''}" → "${text(a.display_name) ?? ''}"`);
  if (isEnabled(b) !== isEnabled(a)) {
    details.push(isEnabled(a) ? 'enabled (was disabled)' : 'disabled');
    if (!isEnabled(a))
      risks.push({ kind: 'policy-disabled', message: `**${policy}** is disabled: it will not open incidents` });
  }
  const severityBefore = policySeverity(b);
  const severityAfter = policySeverity(a);
  if (severityBefore !== severityAfter) {
    details.push(`severity ${severityBefore ?? 'unset'} → ${severityAfter ?? 'unset'}`);
    if ((SEVERITY_RANK[severityAfter ?? ''] ?? 0) < (SEVERITY_RANK[severityBefore ?? ''] ?? 0)) {
      risks.push({
        kind: 'severity-lowered',
        message: `**${policy}**: severity lowered ${severityBefore} → ${severityAfter ?? 'unset'}`,
      });
    }
  }
  if ((b.combiner ?? 'OR') !== (a.combiner ?? 'OR'))
    details.push(`conditions combined with ${text(b.combiner) ?? 'OR'} → ${text(a.combiner) ?? 'OR'}`);

  const channelsBefore = policyChannels(b, sides.base, sides.head);
  const channelsAfter = policyChannels(a, sides.head, sides.base);
  const namesBefore = channelsBefore.map((channel) => channel.name);
  const namesAfter = channelsAfter.map((channel) => channel.name);
  if (stableJson(namesBefore) !== stableJson(namesAfter)) {
    const difference = setDifference(namesBefore, namesAfter);
    if (difference !== 'reordered') details.push(`channels ${difference}`);
    if (namesBefore.length > 0 && namesAfter.length === 0) {
      risks.push({
        kind: 'policy-lost-all-channels',
        message: `**${policy}** lost all its notification channels (was ${namesBefore.join(', ')}): incidents open but nobody is told`,
      });
    } else {
      const lostPaging = channelsBefore.filter((channel) => channel.paging && !namesAfter.includes(channel.name));
      if (lostPaging.length > 0) {
        risks.push({
          kind: 'policy-lost-paging-channel',
          message: `**${policy}** no longer pages: channels − ${lostPaging.map((channel) => channel.name).join(', ')}`,
        });
      }
    }
  }

  const conditionsBefore = objects(b.conditions).map(conditionView);
  const conditionsAfter = objects(a.conditions).map(conditionView);
  const { pairs, removed, added } = pairConditions(conditionsBefore, conditionsAfter);
  for (const [was, now] of pairs) compareCondition(was, now, sides, policy, details, risks);
  const rawBefore = objects(b.conditions);
  const rawAfter = objects(a.conditions);
  // With OR, each condition can open an incident on its own: one fewer alerts on less. With AND
  // (or AND_WITH_MATCHING_RESOURCE), one fewer condition to meet alerts more readily.
  const anyConditionAlerts = (text(a.combiner) ?? 'OR') === 'OR';
  for (const condition of removed) {
    const index = conditionsBefore.indexOf(condition);
    details.push(`condition removed: ${summarizeCondition(rawBefore[index], index, sides.base)}`);
    if (anyConditionAlerts)
      risks.push({
        kind: 'condition-removed',
        message: `**${policy}**: condition "${condition.displayName}" removed (alerts on less)`,
      });
  }
  for (const condition of added) {
    const index = conditionsAfter.indexOf(condition);
    details.push(`condition added: ${summarizeCondition(rawAfter[index], index, sides.head)}`);
  }

  const strategyBefore = isObject(b.alert_strategy) ? b.alert_strategy : {};
  const strategyAfter = isObject(a.alert_strategy) ? a.alert_strategy : {};
  if (strategyBefore.auto_close !== strategyAfter.auto_close)
    details.push(
      `auto-close ${formatDurationText(strategyBefore.auto_close)} → ${formatDurationText(strategyAfter.auto_close)}`,
    );
  for (const change of leafChanges({ ...strategyBefore, auto_close: null }, { ...strategyAfter, auto_close: null }, [
    'alert strategy',
  ]))
    details.push(describeLeafChange(change));

  const documentationBefore = isObject(b.documentation) ? b.documentation : {};
  const documentationAfter = isObject(a.documentation) ? a.documentation : {};
  if (documentationBefore.subject !== documentationAfter.subject)
    details.push(
      `notification subject ${JSON.stringify(documentationBefore.subject ?? '')} → ${JSON.stringify(documentationAfter.subject ?? '')}`,
    );
  if (documentationBefore.content !== documentationAfter.content)
    details.push(runbookChange(documentationBefore.content, documentationAfter.content));

  const labelsBefore = isObject(b.user_labels) ? b.user_labels : {};
  const labelsAfter = isObject(a.user_labels) ? a.user_labels : {};
  for (const key of [...new Set([...Object.keys(labelsBefore), ...Object.keys(labelsAfter)])].sort()) {
    if (labelsBefore[key] !== labelsAfter[key])
      details.push(`label ${key}: ${text(labelsBefore[key]) ?? 'unset'} → ${text(labelsAfter[key]) ?? 'unset'}`);
  }
  if (b.project !== a.project) details.push(`project ${text(b.project) ?? 'unset'} → ${text(a.project) ?? 'unset'}`);

  const restBefore: JsonObject = {};
  const restAfter: JsonObject = {};
  for (const key of Object.keys(b)) if (!HANDLED_POLICY_KEYS.has(key)) restBefore[key] = b[key];
  for (const key of Object.keys(a)) if (!HANDLED_POLICY_KEYS.has(key)) restAfter[key] = a[key];
  for (const change of leafChanges(restBefore, restAfter)) details.push(describeLeafChange(change));
  return { details, risks };
}

function lineCount(value: Json | undefined): number {
  return typeof value === 'string' && value !== '' ? value.split('\n').length : 0;
}

/** The runbook's change as a short unified diff, indented to sit inside the change's list item. */
function runbookChange(before: Json | undefined, after: Json | undefined): string {
  const counts = `${lineCount(before)} → ${lineCount(after)} lines`;
  const diff = unifiedDiff(text(before) ?? '', text(after) ?? '', { context: 1, maxLines: RUNBOOK_DIFF_LINES });
  if (!diff) return `runbook text changed (${counts}; too long to diff here)`;
  // A runbook is Markdown and may hold its own code fences: then fence the diff with tildes.
  const fence = diff.some((line) => line.includes('```')) ? '    ~~~~' : '    ```';
  return [`runbook text changed (${counts}):`, `${fence}diff`, ...diff.map((line) => `    ${line}`), fence].join('\n');
}

/** What an added or removed policy does, in a few lines. */
export function summarizePolicy(record: ResourceRecord, side: StackSide): string[] {
  const body = record.body;
  const lines: string[] = [];
  const severity = policySeverity(body);
  if (severity) lines.push(`severity ${severity}`);
  if (!isEnabled(body)) lines.push('disabled');
  const channels = policyChannels(body, side).map((channel) => channel.name);
  lines.push(channels.length > 0 ? `channels ${channels.join(', ')}` : 'no notification channels');
  objects(body.conditions).forEach((condition, index) =>
    lines.push(`condition ${summarizeCondition(condition, index, side)}`),
  );
  return lines;
}
