// Matching a project's live resources to what the synthesized stack would create, by meaning:
// alert policies by what their conditions select (metric and resource types, parsed with
// src/gcp/filter), then threshold and duration; uptime checks by host, path and port; channels by
// type and address. Display names never make a match; an equal name without an equal meaning is a
// duplicate risk (deploying would create a second resource beside the hand-made one).
import { readAlertPolicy, type Condition, type Policy } from '../../artifact/alert-policy';
import { toApiSpelling } from '../../artifact/read/read-terraform';
import { filterSelectors, parseFilter } from '../../gcp/filter';
import type { LiveKind } from './collections';
import type { LiveResource } from './live-inventory';

export type AdoptGroup = 'adoptable' | 'duplicate-risk' | 'unmanaged';

/** One resource the stack would create, in the shape matching needs. */
export interface StackResource {
  readonly kind: LiveKind;
  /** Terraform address (google_monitoring_alert_policy.redis_connectivity). */
  readonly address: string;
  readonly displayName: string;
  /** What it means, compared across sides; undefined when it cannot be said (unparsable filter). */
  readonly meaning?: string;
  /** Properties whose differences are reported (threshold, duration, …), in words. */
  readonly properties: Readonly<Record<string, string>>;
  /** A looser key: sharing it without sharing the meaning is a near miss (same host, same metric). */
  readonly near?: string;
}

export interface Classified {
  readonly live: LiveResource;
  readonly displayName: string;
  readonly group: AdoptGroup;
  /** The stack resource adopted, or the one it risks duplicating. */
  readonly stack?: StackResource;
  /** Differences in review's words: "threshold: 5% → 1%". */
  readonly differences: readonly string[];
  readonly reason: string;
}

export interface Classification {
  readonly live: readonly Classified[];
  /** Stack resources no live resource matches: deploying creates them. */
  readonly missing: readonly StackResource[];
}

function conditionMeaning(condition: Condition): string | undefined {
  if (condition.type === 'unsupported') return undefined;
  try {
    const selectors = filterSelectors(parseFilter(condition.filter));
    if (selectors.metricTypes.length === 0) return undefined;
    const denominator =
      condition.type === 'threshold' && condition.denominatorFilter
        ? [...filterSelectors(parseFilter(condition.denominatorFilter)).metricTypes].sort().join(',')
        : '';
    return `${condition.type}:${[...selectors.metricTypes].sort().join(',')}@${[...selectors.resourceTypes].sort().join(',')}/${denominator}`;
  } catch {
    return undefined;
  }
}

function conditionMetrics(condition: Condition): string[] {
  if (condition.type === 'unsupported') return [];
  try {
    return [...filterSelectors(parseFilter(condition.filter)).metricTypes];
  } catch {
    return [];
  }
}

function policyResource(policy: Policy, address: string): StackResource {
  const meanings = policy.conditions.map(conditionMeaning);
  const properties: Record<string, string> = {};
  policy.conditions.forEach((condition, index) => {
    if (condition.type === 'threshold') {
      properties[`condition ${index + 1} threshold`] = `${condition.comparison} ${condition.thresholdValue}`;
    }
    if (condition.type !== 'unsupported')
      properties[`condition ${index + 1} duration`] = `${condition.durationSeconds}s`;
  });
  properties['display name'] = policy.displayName;
  properties.enabled = String(policy.enabled);
  const metrics = [...new Set(policy.conditions.flatMap(conditionMetrics))].sort();
  return {
    kind: 'alertPolicy',
    address,
    displayName: policy.displayName,
    meaning: meanings.every((one) => one !== undefined) ? meanings.sort().join(' | ') : undefined,
    properties,
    near: metrics.length > 0 ? metrics.join(',') : undefined,
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function uptimeResource(body: Record<string, unknown>, address: string): StackResource {
  const http = record(body.httpCheck);
  const tcp = record(body.tcpCheck);
  const host = String(record(record(body.monitoredResource).labels).host ?? '');
  const path = typeof http.path === 'string' ? http.path : body.httpCheck ? '/' : '';
  const port = String(http.port ?? tcp.port ?? (body.httpCheck ? (http.useSsl ? 443 : 80) : ''));
  return {
    kind: 'uptimeCheck',
    address,
    displayName: String(body.displayName ?? ''),
    meaning: host ? `${body.tcpCheck ? 'tcp' : 'http'}://${host}:${port}${path}` : undefined,
    properties: {
      'display name': String(body.displayName ?? ''),
      period: String(body.period ?? '60s'),
      timeout: String(body.timeout ?? ''),
    },
    near: host || undefined,
  };
}

/** Label keys that address a channel. Secret labels (auth_token, password, …) are never read. */
const ADDRESS_LABELS = ['email_address', 'channel_name', 'url', 'number', 'topic', 'service_key'] as const;
const NON_SECRET_ADDRESS = new Set(['email_address', 'channel_name', 'url', 'number', 'topic']);

function channelResource(body: Record<string, unknown>, address: string): StackResource {
  const labels = record(body.labels);
  const key = ADDRESS_LABELS.find((one) => NON_SECRET_ADDRESS.has(one) && typeof labels[one] === 'string');
  return {
    kind: 'notificationChannel',
    address,
    displayName: String(body.displayName ?? ''),
    meaning: key ? `${body.type}:${String(labels[key]).toLowerCase()}` : undefined,
    properties: { 'display name': String(body.displayName ?? '') },
    near: typeof body.type === 'string' ? body.type : undefined,
  };
}

const TERRAFORM_TYPES: Readonly<Record<string, LiveKind>> = {
  google_monitoring_alert_policy: 'alertPolicy',
  google_monitoring_uptime_check_config: 'uptimeCheck',
  google_monitoring_notification_channel: 'notificationChannel',
  google_monitoring_dashboard: 'dashboard',
  google_monitoring_custom_service: 'service',
  google_logging_metric: 'logMetric',
};

/** The resources a synthesized stack (cdk.tf.json) would create, in matching's shape. */
export function stackResources(document: Record<string, unknown>): StackResource[] {
  const out: StackResource[] = [];
  for (const [type, instances] of Object.entries(record(document.resource))) {
    const kind = TERRAFORM_TYPES[type];
    if (!kind) continue;
    for (const [name, instance] of Object.entries(record(instances))) {
      const address = `${type}.${name}`;
      const body = record(toApiSpelling(instance));
      if (kind === 'alertPolicy') out.push(policyResource(readAlertPolicy(body, address), address));
      else if (kind === 'uptimeCheck') out.push(uptimeResource(body, address));
      else if (kind === 'notificationChannel') out.push(channelResource(body, address));
      else
        out.push({
          kind,
          address,
          displayName: String(body.displayName ?? body.name ?? name),
          meaning: kind === 'logMetric' ? `log-metric:${body.name}` : undefined,
          properties: {},
        });
    }
  }
  return out;
}

/** A live resource in matching's shape. */
export function liveResource(live: LiveResource): StackResource {
  const body = record(toApiSpelling(live.body));
  switch (live.kind) {
    case 'alertPolicy':
      return policyResource(readAlertPolicy(body, live.name), live.name);
    case 'uptimeCheck':
      return uptimeResource(body, live.name);
    case 'notificationChannel':
      return channelResource(body, live.name);
    case 'logMetric':
      return {
        kind: 'logMetric',
        address: live.name,
        displayName: String(body.name ?? ''),
        meaning: `log-metric:${body.name}`,
        properties: { filter: String(body.filter ?? '') },
      };
    default:
      return {
        kind: live.kind,
        address: live.name,
        displayName: String(body.displayName ?? live.name),
        properties: {},
      };
  }
}

function differences(live: StackResource, stack: StackResource): string[] {
  const keys = new Set([...Object.keys(live.properties), ...Object.keys(stack.properties)]);
  return [...keys]
    .filter((key) => live.properties[key] !== stack.properties[key])
    .map((key) => `${key}: ${live.properties[key] ?? '(none)'} → ${stack.properties[key] ?? '(none)'}`);
}

export function classify(live: readonly LiveResource[], stack: readonly StackResource[]): Classification {
  const taken = new Set<StackResource>();
  const results: Classified[] = [];
  for (const resource of live) {
    const shape = liveResource(resource);
    const base = { live: resource, displayName: shape.displayName };
    const match = shape.meaning
      ? stack.find((one) => !taken.has(one) && one.kind === shape.kind && one.meaning === shape.meaning)
      : undefined;
    if (match) {
      taken.add(match);
      const changes = differences(shape, match);
      results.push({
        ...base,
        group: 'adoptable',
        stack: match,
        differences: changes,
        reason: changes.length === 0 ? 'same meaning, no differences' : 'same meaning',
      });
      continue;
    }
    const sameName = stack.find((one) => one.kind === shape.kind && one.displayName === shape.displayName);
    const near = shape.near
      ? stack.find((one) => one.kind === shape.kind && one.near !== undefined && one.near === shape.near)
      : undefined;
    const risk = sameName ?? near;
    if (risk) {
      results.push({
        ...base,
        group: 'duplicate-risk',
        stack: risk,
        differences: [],
        reason: sameName
          ? `same display name as ${risk.address} but ${shape.meaning ? 'a different meaning' : 'a meaning vigil cannot compare'}`
          : shape.kind === 'uptimeCheck'
            ? `same host as ${risk.address} but another path or port`
            : `same ${shape.kind === 'alertPolicy' ? 'metric' : 'type'} as ${risk.address} but another resource, labels or condition`,
      });
      continue;
    }
    results.push({
      ...base,
      group: 'unmanaged',
      differences: [],
      reason:
        shape.meaning || shape.kind !== 'alertPolicy'
          ? 'nothing in the stack means the same'
          : 'a condition names no metric type (or its filter does not parse), so its meaning cannot be compared',
    });
  }
  const missing = stack.filter(
    (one) => !taken.has(one) && ['alertPolicy', 'uptimeCheck', 'notificationChannel'].includes(one.kind),
  );
  return { live: results, missing };
}
