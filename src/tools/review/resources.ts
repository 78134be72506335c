// The resources of one synthesized stack, by Terraform address (`type.logical_id`), without the
// metadata cdktf adds under "//" (construct paths), which is not sent to Google.
import type { TerraformJson } from './artifacts';

import { isJsonObject, type Json, type JsonObject } from '../../artifact/json';

export type { Json, JsonObject } from '../../artifact/json';

export const ALERT_POLICY = 'google_monitoring_alert_policy';
export const NOTIFICATION_CHANNEL = 'google_monitoring_notification_channel';
export const UPTIME_CHECK = 'google_monitoring_uptime_check_config';
export const DASHBOARD = 'google_monitoring_dashboard';
export const LOGGING_METRIC = 'google_logging_metric';

export interface ResourceRecord {
  readonly type: string;
  readonly id: string;
  /** `google_monitoring_alert_policy.postgres_p99_latency_critical` */
  readonly address: string;
  readonly body: JsonObject;
}

export const isObject = isJsonObject;

function withoutMetadata(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (!isObject(value)) return value;
  const result: JsonObject = {};
  for (const key of Object.keys(value)) if (key !== '//') result[key] = withoutMetadata(value[key]);
  return result;
}

export function indexResources(doc: TerraformJson | undefined): Map<string, ResourceRecord> {
  const index = new Map<string, ResourceRecord>();
  const resource = doc?.resource;
  if (!isObject(resource)) return index;
  for (const type of Object.keys(resource).sort()) {
    const byId = resource[type];
    if (!isObject(byId)) continue;
    for (const id of Object.keys(byId).sort()) {
      const body = byId[id];
      if (!isObject(body)) continue;
      index.set(`${type}.${id}`, { type, id, address: `${type}.${id}`, body: withoutMetadata(body) as JsonObject });
    }
  }
  return index;
}

/** What a person calls the resource: its display name, the log metric's name, or its address. */
export function resourceLabel(record: ResourceRecord): string {
  return resourceIdentity(record) ?? record.address;
}

/**
 * The name that stays when only the Terraform address changes, used to recognise a move: the
 * display name, the log metric's name, the dashboard's displayName inside dashboard_json.
 */
export function resourceIdentity(record: ResourceRecord): string | undefined {
  const body = record.body;
  if (record.type === LOGGING_METRIC && typeof body.name === 'string') return body.name;
  if (record.type === DASHBOARD) {
    const dashboard = parseDashboardJson(body.dashboard_json);
    return typeof dashboard?.displayName === 'string' ? dashboard.displayName : undefined;
  }
  if (typeof body.display_name === 'string') return body.display_name;
  if (typeof body.name === 'string') return body.name;
  return undefined;
}

export function parseDashboardJson(value: Json | undefined): JsonObject | undefined {
  if (isObject(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** `${google_monitoring_notification_channel.channel_pagerduty_oncall.name}` → its address. */
export function referencedAddress(text: string): string | undefined {
  const match = /^\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_]+)*\}$/.exec(text.trim());
  return match ? `${match[1]}.${match[2]}` : undefined;
}

// Environment prefixes (`[staging] pagerduty-oncall`) are vigil's naming convention; a reviewer
// of one stack reads the rest.
export function withoutEnvironmentPrefix(name: string): string {
  return name.replace(/^\[[^\]]*\]\s*/, '');
}

export function stableJson(value: Json | undefined): string {
  return JSON.stringify(sortKeys(value ?? null));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const result: JsonObject = {};
  for (const key of Object.keys(value).sort()) result[key] = sortKeys(value[key]);
  return result;
}
