// The one derivation clone makes on its own: a resource name that the source environment built
// from its own name, inside its project, gets the new environment's name in its place.
//
// "Certain" means all of this holds; anything else must be given:
// - the field names a resource inside the project (Memorystore instance, Cloud SQL instance,
//   VPC connector, VPC network, Cloud Run service). Hosts, URLs, addresses, buckets and channel
//   addresses live in shared namespaces (DNS zones, mail domains, Slack workspaces, GCS), where
//   production often breaks the pattern (api.example.com, not api.production.example.com);
// - the source environment's name is one whole hyphen-separated part of the value
//   (`staging-connector`, `netra-backend-staging`), exactly once;
// - every other part is a plain word of letters: a part with digits (`f1adc35c`, `db2`) may be a
//   generated suffix or a number the new environment does not share;
// - the result is still a valid value of the field (length limits).
import type { SchemaField } from '../../config/identifier-fields';
import {
  CHANNEL_ID,
  CLOUD_RUN_SERVICE,
  CLOUD_SQL_INSTANCE,
  IdentifierFormat,
  NETWORK_NAME,
  REDIS_INSTANCE_ID,
  VPC_CONNECTOR_NAME,
} from '../../config/identifiers';

const PROJECT_SCOPED_NAMES: readonly IdentifierFormat[] = [
  REDIS_INSTANCE_ID,
  CLOUD_SQL_INSTANCE,
  VPC_CONNECTOR_NAME,
  NETWORK_NAME,
  CLOUD_RUN_SERVICE,
];

export function isProjectScopedName(field: SchemaField): boolean {
  return field.format !== undefined && PROJECT_SCOPED_NAMES.includes(field.format);
}

/**
 * `value` with the hyphen-separated part that is the source environment's name replaced by the
 * target's; undefined unless that part occurs exactly once (and, when `plainWords`, every other
 * part is letters only).
 */
export function replaceNamePart(
  value: string,
  sourceName: string,
  targetName: string,
  plainWords: boolean,
): string | undefined {
  const sourceParts = sourceName.split('-');
  const parts = value.split('-');
  const starts: number[] = [];
  for (let index = 0; index + sourceParts.length <= parts.length; index++) {
    if (sourceParts.every((part, offset) => parts[index + offset] === part)) starts.push(index);
  }
  if (starts.length !== 1) return undefined;
  const [start] = starts;
  const before = parts.slice(0, start);
  const after = parts.slice(start + sourceParts.length);
  if (plainWords && ![...before, ...after].every((part) => /^[a-z]+$/.test(part))) return undefined;
  return [...before, targetName, ...after].join('-');
}

export function deriveIdentifier(
  field: SchemaField,
  value: string,
  sourceName: string,
  targetName: string,
): string | undefined {
  if (!field.format || !isProjectScopedName(field)) return undefined;
  const derived = replaceNamePart(value, sourceName, targetName, true);
  return derived !== undefined && field.format.pattern.test(derived) ? derived : undefined;
}

/**
 * Channel ids are this file's own names, not infrastructure, but one named after the source
 * (`staging-slack`) would name the new environment's channel after the old one in Terraform
 * addresses, variable names and display names. It is renamed everywhere it is used (the channel
 * and the routing), so the references stay consistent.
 */
export function deriveChannelId(value: string, sourceName: string, targetName: string): string | undefined {
  const derived = replaceNamePart(value, sourceName, targetName, false);
  return derived !== undefined && CHANNEL_ID.pattern.test(derived) ? derived : undefined;
}
