// A project's live monitoring resources, read offline from a directory of list responses (`vigil
// adopt --from DIR`): one file per collection, each either the REST API's list response
// ({alertPolicies: […], nextPageToken}) or gcloud's --format=json array. Any file may be missing.
import * as fs from 'fs';
import * as path from 'path';
import { withFileErrors } from '../../errors/file-error';
import { VigilError } from '../../errors/vigil-error';
import { COLLECTIONS, type LiveKind } from './collections';
import { MAX_ARTIFACT_BYTES } from '../../artifact/read/artifact-limits';
import { readRegularTextFile } from '../../util/read-regular-file';

export interface LiveResource {
  readonly kind: LiveKind;
  /** The API's full name (projects/P/alertPolicies/123), or `<file>[i]` when the body has none. */
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of one list response (a page, a list of pages, or gcloud's array). */
export function listItems(document: unknown, field: string, file: string): Record<string, unknown>[] {
  const pages = Array.isArray(document) && document.every((one) => isRecord(one) && field in one) ? document : null;
  if (pages) return pages.flatMap((page) => listItems(page, field, file));
  const items = Array.isArray(document) ? document : isRecord(document) ? (document[field] ?? []) : undefined;
  if (!Array.isArray(items)) throw new VigilError(`${file}: expected a JSON array or an object with a "${field}" list`);
  return items.map((item, index) => {
    if (!isRecord(item)) throw new VigilError(`${file}: ${field}[${index}] is not an object`);
    return item;
  });
}

export function readLiveDirectory(directory: string): LiveResource[] {
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory())
    throw new VigilError(`--from: ${directory} is not a directory`);
  const resources: LiveResource[] = [];
  for (const [kind, { file, field }] of Object.entries(COLLECTIONS) as [LiveKind, (typeof COLLECTIONS)[LiveKind]][]) {
    const target = path.join(directory, file);
    if (!fs.existsSync(target)) continue;
    // A regular file under the artifact cap: a FIFO or device named like a collection is refused, not read.
    const text = withFileErrors('read', target, () => readRegularTextFile(target, MAX_ARTIFACT_BYTES));
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new VigilError(`${target}: not JSON (${(error as Error).message})`);
    }
    listItems(document, field, target).forEach((body, index) =>
      resources.push({ kind, name: typeof body.name === 'string' ? body.name : `${file}[${index}]`, body }),
    );
  }
  return resources;
}
