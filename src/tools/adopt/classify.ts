// Matching a project's live resources to what the synthesized stack would create, by meaning:
// alert policies by what their conditions select (each filter parsed with src/gcp/filter and put
// in one canonical form: metric, resource type, labels), uptime checks by host, path and port,
// channels by type and address, log-based metrics and services by the name the API keys them by.
// Display names never make a match; an equal name without an equal meaning is a duplicate risk, and
// so is a live policy whose conditions can select a series a stack policy alerts on (it would page
// for the same fault: deploying adds a second page).
import { readAlertPolicy, type Condition } from '../../artifact/alert-policy';
import { toApiSpelling } from '../../artifact/read/read-terraform';
import type { FilterNode } from '../../gcp/filter';
import type { LiveKind } from './collections';
import { canonicalFilter, filtersOverlap, parsedFilter } from './filter-meaning';
import type { LiveResource } from './live-inventory';
import { managedElsewhereLabel } from './managed-elsewhere';

export type AdoptGroup = 'adoptable' | 'duplicate-risk' | 'unmanaged';

/** A condition's filters as written; their meaning is computed once references are resolved. */
interface ConditionFilters {
  readonly type: Condition['type'];
  readonly filter?: string;
  readonly denominator?: string;
}

/** One resource the stack would create (or one live resource), in the shape matching needs. */
export interface StackResource {
  readonly kind: LiveKind;
  /** Terraform address (google_monitoring_alert_policy.redis_connectivity), or the live full name. */
  readonly address: string;
  readonly displayName: string;
  /** What it means, compared across sides; undefined when it cannot be said (unparsable filter). */
  readonly meaning?: string;
  /** A looser key: sharing it without sharing the meaning is a near miss (the same uptime host). */
  readonly near?: string;
  /** Alert policies: the metric types their conditions name (sorted). */
  readonly metrics?: readonly string[];
  /** Alert policies: each condition's filters. */
  readonly conditions?: readonly ConditionFilters[];
}

export interface Classified {
  readonly live: LiveResource;
  readonly displayName: string;
  readonly group: AdoptGroup;
  /** The stack resource adopted, or the first one it risks duplicating. */
  readonly stack?: StackResource;
  /** Every stack resource it risks duplicating (duplicate risks only). */
  readonly overlaps?: readonly StackResource[];
  /** Differences in review's words ("condition …: threshold 5% → 1%"); filled by differences.ts. */
  readonly differences: readonly string[];
  readonly reason: string;
  /** Set when its labels show another Terraform configuration manages it: the label, as `key: value`. */
  readonly managedElsewhere?: string;
}

export interface Classification {
  readonly live: readonly Classified[];
  /** Stack resources no live resource matches: deploying creates them. */
  readonly missing: readonly StackResource[];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function policyResource(body: Record<string, unknown>, address: string): StackResource {
  const policy = readAlertPolicy(body, address);
  const conditions: ConditionFilters[] = policy.conditions.map((condition) =>
    condition.type === 'unsupported'
      ? { type: condition.type }
      : {
          type: condition.type,
          filter: condition.filter,
          denominator: condition.type === 'threshold' ? condition.denominatorFilter : undefined,
        },
  );
  const metrics = new Set<string>();
  for (const condition of conditions) {
    const node = parsedFilter(condition.filter);
    if (node) for (const metric of metricTypes(node)) metrics.add(metric);
  }
  return {
    kind: 'alertPolicy',
    address,
    displayName: policy.displayName,
    conditions,
    metrics: [...metrics].sort(),
  };
}

function metricTypes(node: FilterNode): string[] {
  if (node.kind === 'and' || node.kind === 'or') return node.children.flatMap(metricTypes);
  if (node.kind === 'comparison' && node.field.kind === 'metric.type' && node.value.kind === 'literal')
    return node.operator === '=' ? [node.value.value] : [];
  return [];
}

/** The policy's meaning: its conditions' canonical filters, as a set; undefined when one cannot be read. */
function policyMeaning(resource: StackResource, resolve: (text: string) => string): string | undefined {
  const parts: string[] = [];
  for (const condition of resource.conditions ?? []) {
    if (condition.type === 'unsupported') return undefined;
    const node = parsedFilter(condition.filter === undefined ? undefined : resolve(condition.filter));
    if (!node) return undefined;
    const denominator = condition.denominator ? parsedFilter(resolve(condition.denominator)) : undefined;
    if (condition.denominator && !denominator) return undefined;
    parts.push(`${condition.type}:${canonicalFilter(node)}${denominator ? ` / ${canonicalFilter(denominator)}` : ''}`);
  }
  return parts.length > 0 ? parts.sort().join(' | ') : undefined;
}

function policyFilters(resource: StackResource, resolve: (text: string) => string): FilterNode[] {
  return (resource.conditions ?? []).flatMap((condition) => {
    const node = condition.filter === undefined ? undefined : parsedFilter(resolve(condition.filter));
    return node ? [node] : [];
  });
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
    near: host || undefined,
  };
}

/** Label keys that address a channel. Secret labels (auth_token, password, service_key, …) are never read. */
const ADDRESS_LABELS = ['email_address', 'channel_name', 'url', 'number', 'topic'] as const;

function channelResource(body: Record<string, unknown>, address: string): StackResource {
  const labels = record(body.labels);
  const key = ADDRESS_LABELS.find((one) => typeof labels[one] === 'string');
  return {
    kind: 'notificationChannel',
    address,
    displayName: String(body.displayName ?? ''),
    meaning: key ? `${body.type}:${String(labels[key]).toLowerCase()}` : undefined,
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

/** The last segment of a full name (projects/P/services/ID → ID). */
function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The resources a synthesized stack (cdk.tf.json) would create, in matching's shape. */
export function stackResources(document: Record<string, unknown>): StackResource[] {
  const out: StackResource[] = [];
  for (const [type, instances] of Object.entries(record(document.resource))) {
    const kind = TERRAFORM_TYPES[type];
    if (!kind) continue;
    for (const [name, instance] of Object.entries(record(instances))) {
      const address = `${type}.${name}`;
      const body = record(toApiSpelling(instance));
      if (kind === 'alertPolicy') out.push(policyResource(body, address));
      else if (kind === 'uptimeCheck') out.push(uptimeResource(body, address));
      else if (kind === 'notificationChannel') out.push(channelResource(body, address));
      else if (kind === 'logMetric')
        out.push({ kind, address, displayName: String(body.name ?? name), meaning: `log-metric:${body.name}` });
      else if (kind === 'service')
        out.push({
          kind,
          address,
          displayName: String(body.displayName ?? name),
          meaning: typeof body.serviceId === 'string' ? `service:${body.serviceId}` : undefined,
        });
      else out.push({ kind, address, displayName: String(body.displayName ?? name) });
    }
  }
  return out;
}

/** A live resource in matching's shape. */
export function liveResource(live: LiveResource): StackResource {
  // gcloud and the REST API both spell fields in camelCase; a snake_case export reads the same.
  const body = record(toApiSpelling(live.body));
  switch (live.kind) {
    case 'alertPolicy':
      return policyResource(body, live.name);
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
      };
    case 'service':
      return {
        kind: 'service',
        address: live.name,
        displayName: String(body.displayName ?? live.name),
        meaning: `service:${lastSegment(live.name)}`,
      };
    default:
      return { kind: live.kind, address: live.name, displayName: String(body.displayName ?? live.name) };
  }
}

/** Uptime checks and channels first: alert policies refer to uptime checks by ID. */
const KIND_ORDER: readonly LiveKind[] = [
  'uptimeCheck',
  'notificationChannel',
  'service',
  'logMetric',
  'dashboard',
  'alertPolicy',
];

/** Kinds whose absence from the live project means the deploy creates them (the report's "missing"). */
const REPORTED_MISSING = new Set<LiveKind>([
  'alertPolicy',
  'uptimeCheck',
  'notificationChannel',
  'logMetric',
  'service',
]);

export function classify(live: readonly LiveResource[], stack: readonly StackResource[]): Classification {
  const taken = new Set<StackResource>();
  const byResource = new Map<LiveResource, Classified>();
  // `${google_monitoring_uptime_check_config.X.uptime_check_id}` → the adopted live check's ID, so
  // a stack policy on that check reads like a live policy on the live check.
  const references = new Map<string, string>();
  const resolve = (text: string) =>
    text.replace(/\$\{([A-Za-z0-9_]+\.[A-Za-z0-9_-]+)\.uptime_check_id\}/g, (whole, address: string) => {
      const id = references.get(address);
      return id === undefined ? whole : id;
    });
  const ordered = [...live].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  for (const resource of ordered) {
    const shape = liveResource(resource);
    const label = managedElsewhereLabel(resource);
    const base = {
      live: resource,
      displayName: shape.displayName,
      differences: [],
      ...(label ? { managedElsewhere: label } : {}),
    };
    const meaningOf = (one: StackResource) => (one.kind === 'alertPolicy' ? policyMeaning(one, resolve) : one.meaning);
    const meaning = meaningOf(shape);
    const match = meaning
      ? stack.find((one) => !taken.has(one) && one.kind === shape.kind && meaningOf(one) === meaning)
      : undefined;
    if (match) {
      taken.add(match);
      if (match.kind === 'uptimeCheck') references.set(match.address, lastSegment(resource.name));
      byResource.set(resource, { ...base, group: 'adoptable', stack: match, reason: 'same meaning' });
      continue;
    }
    const risk = duplicateRisk(shape, stack, resolve);
    byResource.set(
      resource,
      risk
        ? { ...base, group: 'duplicate-risk', stack: risk.overlaps[0], overlaps: risk.overlaps, reason: risk.reason }
        : { ...base, group: 'unmanaged', reason: unmanagedReason(shape, stack, resolve) },
    );
  }
  const missing = stack.filter((one) => !taken.has(one) && REPORTED_MISSING.has(one.kind));
  return { live: live.map((resource) => byResource.get(resource)!), missing };
}

function addresses(resources: readonly StackResource[]): string {
  return resources.map((one) => one.address).join(', ');
}

function duplicateRisk(
  shape: StackResource,
  stack: readonly StackResource[],
  resolve: (text: string) => string,
): { overlaps: StackResource[]; reason: string } | undefined {
  const sameKind = stack.filter((one) => one.kind === shape.kind);
  if (shape.kind === 'alertPolicy') {
    const filters = policyFilters(shape, (text) => text);
    const overlaps = sameKind.filter((one) =>
      policyFilters(one, resolve).some((ours) => filters.some((theirs) => filtersOverlap(theirs, ours))),
    );
    if (overlaps.length > 0) {
      const broad = (shape.metrics ?? []).length === 0;
      return {
        overlaps,
        reason: broad
          ? `its filter names no metric type, so it selects every metric of its resource type, including what ${addresses(overlaps)} alert${overlaps.length === 1 ? 's' : ''} on: it pages for the same fault`
          : `it can select the same time series as ${addresses(overlaps)} (metric, resource type and labels agree) but its conditions are not the same: it pages for the same fault`,
      };
    }
  }
  const sameName = sameKind.find((one) => one.displayName !== '' && one.displayName === shape.displayName);
  if (sameName)
    return {
      overlaps: [sameName],
      reason: `same display name as ${sameName.address} but ${(shape.meaning ?? policyMeaning(shape, resolve)) ? 'a different meaning' : 'a meaning vigil cannot compare'}`,
    };
  const near = shape.near ? sameKind.find((one) => one.near === shape.near) : undefined;
  if (near) return { overlaps: [near], reason: `same host as ${near.address} but another path, port or protocol` };
  return undefined;
}

function unmanagedReason(
  shape: StackResource,
  stack: readonly StackResource[],
  resolve: (text: string) => string,
): string {
  if (shape.kind !== 'alertPolicy') return 'nothing in the stack means the same';
  if (policyMeaning(shape, resolve) === undefined)
    return 'a condition is of a kind vigil cannot compare (PromQL, MQL, log match) or its filter does not parse, and no other condition selects what a stack policy does';
  const sameMetric = stack.find(
    (one) => one.kind === 'alertPolicy' && (one.metrics ?? []).some((metric) => shape.metrics?.includes(metric)),
  );
  return sameMetric
    ? `names the same metric as ${sameMetric.address} but another resource type or labels, so it cannot select the series that policy alerts on`
    : 'nothing in the stack selects the same series';
}
