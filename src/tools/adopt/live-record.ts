// A live resource (REST JSON) as the stack resource it is adopted into would read in Terraform
// JSON, so review's comparers can say what the first apply changes on it. Fields the API sets and
// Terraform never sends are dropped (the REST references mark them output only: names, creation
// and mutation records, a channel's verification status); Terraform-only arguments (project,
// force_delete) are taken from the stack, since they are not properties of the live resource.
// References are put back into the stack's form: an adopted channel's full name becomes
// `${<address>.name}`, an adopted uptime check's ID in a filter `${<address>.uptime_check_id}`.
import { toTerraformSpelling } from '../../artifact/read/read-terraform';
import { isObject, type Json, type JsonObject, type ResourceRecord } from '../review/resources';
import type { LiveKind } from './collections';
import type { LiveResource } from './live-inventory';

const OUTPUT_ONLY: Readonly<Record<LiveKind, readonly string[]>> = {
  alertPolicy: ['name', 'creation_record', 'mutation_record'],
  uptimeCheck: ['name', 'is_internal', 'internal_checkers'],
  notificationChannel: ['name', 'verification_status', 'creation_record', 'mutation_records'],
  service: ['name'],
  logMetric: ['create_time', 'update_time'],
  dashboard: ['name', 'etag'],
};

/** Terraform arguments that are not fields of the resource in the API. */
const TERRAFORM_ONLY = ['project', 'force_delete'];

/** Live full name → the stack address it is adopted into (from the import blocks or adopt's matches). */
export type Adoptions = ReadonlyMap<string, string>;

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function withStackReferences(body: JsonObject, live: readonly LiveResource[], adoptions: Adoptions): JsonObject {
  const channels = Array.isArray(body.notification_channels)
    ? body.notification_channels.map((name) =>
        typeof name === 'string' && adoptions.has(name) ? `\${${adoptions.get(name)}.name}` : name,
      )
    : undefined;
  const checkIds = new Map<string, string>();
  for (const one of live)
    if (one.kind === 'uptimeCheck' && adoptions.has(one.name))
      checkIds.set(lastSegment(one.name), `\${${adoptions.get(one.name)}.uptime_check_id}`);
  const rewrite = (filter: Json): Json =>
    typeof filter === 'string'
      ? filter.replace(/"([^"]*)"/g, (quoted, value: string) =>
          checkIds.has(value) ? `"${checkIds.get(value)}"` : quoted,
        )
      : filter;
  const conditions = Array.isArray(body.conditions)
    ? body.conditions.filter(isObject).map((condition) => {
        const out: JsonObject = {};
        for (const [key, value] of Object.entries(condition)) {
          if (key === 'name') continue;
          out[key] =
            isObject(value) && typeof value.filter === 'string' ? { ...value, filter: rewrite(value.filter) } : value;
        }
        return out;
      })
    : undefined;
  return {
    ...body,
    ...(channels ? { notification_channels: channels } : {}),
    ...(conditions ? { conditions } : {}),
  };
}

export function liveRecord(
  resource: LiveResource,
  stack: ResourceRecord,
  live: readonly LiveResource[],
  adoptions: Adoptions,
): ResourceRecord {
  const spelled = toTerraformSpelling(resource.body) as JsonObject;
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(spelled))
    if (!OUTPUT_ONLY[resource.kind].includes(key) && !TERRAFORM_ONLY.includes(key)) body[key] = value;
  for (const key of TERRAFORM_ONLY) if (key in stack.body) body[key] = stack.body[key];
  // A custom service's ID is the last segment of its name in the API, an argument in Terraform.
  if (resource.kind === 'service' && 'service_id' in stack.body) body.service_id = lastSegment(resource.name);
  return {
    type: stack.type,
    id: stack.id,
    address: stack.address,
    body: resource.kind === 'alertPolicy' ? withStackReferences(body, live, adoptions) : body,
  };
}
