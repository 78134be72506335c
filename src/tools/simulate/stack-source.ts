// Where a scenario's alert policies come from: a Terraform JSON artifact, one REST export, or a
// directory of REST exports (every *.json below it). Environments are resolved by the caller
// (the CLI reads cdktf.out or synthesizes; the tests synthesize in process).
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../config/config-error';
import { fileErrorReason, isFileSystemError } from '../../errors/file-error';
import { MAX_ARTIFACT_BYTES, MAX_JSON_DEPTH } from '../../artifact/read/artifact-limits';
import { describeDeepPath, tooDeepAt } from '../../util/json-depth';
import { readRegularTextFile } from '../../util/read-regular-file';
import { mergeStackModels, StackModel, stackModelFromJson } from './policy-model';
import { appendAll } from '../../util/append-all';

/** A stack file's JSON (size-capped, depth-bounded); problems are blamed on `referencedFrom`'s `field`. */
export function readStackJson(file: string, referencedFrom: string, field: string): unknown {
  let text: string;
  try {
    text = readRegularTextFile(file, MAX_ARTIFACT_BYTES);
  } catch (error) {
    const why = isFileSystemError(error) ? fileErrorReason(error) : (error as Error).message;
    throw new ConfigError([{ file: referencedFrom, path: field, message: `cannot read "${file}" as JSON (${why})` }]);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([
      { file: referencedFrom, path: field, message: `cannot read "${file}" as JSON (${(error as Error).message})` },
    ]);
  }
  const deep = tooDeepAt(document, MAX_JSON_DEPTH);
  if (deep) {
    const where = describeDeepPath(deep);
    const message = `"${file}" nests deeper than ${MAX_JSON_DEPTH} levels at ${where}; expected Terraform JSON or a REST export`;
    throw new ConfigError([{ file: referencedFrom, path: field, message }]);
  }
  return document;
}

function jsonFilesBelow(directory: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) appendAll(out, jsonFilesBelow(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

/** Loads the policies at `target` (a file or a directory); problems are blamed on `referencedFrom`'s `field`. */
export function loadStackSource(target: string, referencedFrom: string, field = 'stack'): StackModel {
  if (!fs.existsSync(target))
    throw new ConfigError([
      {
        file: referencedFrom,
        path: field,
        message: `"${target}" does not exist; expected a cdk.tf.json artifact, a REST export or a directory of them`,
      },
    ]);
  if (fs.statSync(target).isDirectory()) {
    const files = jsonFilesBelow(target);
    return mergeStackModels(
      files.map((file) => stackModelFromJson(readStackJson(file, referencedFrom, field), file)),
      target,
    );
  }
  return stackModelFromJson(readStackJson(target, referencedFrom, field), target);
}
