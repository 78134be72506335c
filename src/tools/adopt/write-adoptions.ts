// `vigil adopt --write`: records the adoptable matches in the environment file's `adopt:` block.
// The file is edited through the yaml package's Document API, so users' comments, order and
// formatting elsewhere are kept; the result is validated with the schema before it is written,
// and written in one write (nothing half-written).
import { parseDocument } from 'yaml';
import { AdoptSchema, type AdoptEntry } from '../../config/adopt-schema';
import { VigilError } from '../../errors/vigil-error';
import type { Classification, Classified } from './classify';

/**
 * The import ID of an adopted live resource, in the form the google provider documents for its
 * type (config/import-ids.ts): the full name for Monitoring resources; `PROJECT NAME` for a
 * log-based metric, whose API name is its bare identifier.
 */
export function importId(one: Classified, project: string): string {
  return one.live.kind === 'logMetric' ? `${project} ${one.live.name}` : one.live.name;
}

/** Adoptable matches, except those managed by another Terraform configuration (labels or `excluded`). */
export function adoptionEntries(
  result: Classification,
  project: string,
  excluded: ReadonlySet<string> = new Set(),
): AdoptEntry[] {
  return result.live
    .filter((one) => one.group === 'adoptable' && one.stack && !one.managedElsewhere && !excluded.has(one.live.name))
    .map((one) => ({ resource: one.stack!.address, id: importId(one, project), was: one.displayName }));
}

/** The file's new text: existing entries kept unless the same resource is adopted again. */
export function withAdoptions(text: string, file: string, entries: readonly AdoptEntry[]): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new VigilError(`${file}: not valid YAML: ${document.errors[0].message}`);
  const existing = (document.toJS() as { adopt?: unknown })?.adopt;
  const kept = Array.isArray(existing)
    ? (existing as AdoptEntry[]).filter((old) => !entries.some((entry) => entry.resource === old.resource))
    : [];
  const merged = [...kept, ...entries];
  const checked = AdoptSchema.safeParse(merged);
  if (!checked.success)
    throw new VigilError(
      `${file}: adopt: ${checked.error.issues[0].path.join('.')}: ${checked.error.issues[0].message}`,
    );
  document.set('adopt', document.createNode(merged));
  // No padding inside [a, b]: the style people write, and the one the repository's files use.
  return document.toString({ flowCollectionPadding: false });
}
