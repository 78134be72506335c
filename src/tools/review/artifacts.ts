// Finds and reads the synthesized Terraform JSON that a review compares: a `cdktf.out`
// directory (one stack per `stacks/<name>/cdk.tf.json`), a directory holding `cdk.tf.json`, or
// the file itself. The artifact is the contract: nothing here knows how it was produced.
import * as fs from 'fs';
import * as path from 'path';
import { ExitCode } from '../../errors/exit-codes';
import { MAX_ARTIFACT_BYTES, MAX_JSON_DEPTH } from '../../artifact/read/artifact-limits';
import { describeDeepPath, tooDeepAt } from '../../util/json-depth';
import { readFailureMessage, readRegularTextFile } from '../../util/read-regular-file';
import { VigilError } from '../../errors/vigil-error';

export type TerraformJson = Record<string, unknown>;

export interface StackArtifact {
  /** The stack's name: its directory under `stacks/` (`monitoring-staging`). */
  readonly stack: string;
  readonly file: string;
  readonly doc: TerraformJson;
  /** Given on the command line as a file rather than found in a directory. */
  readonly givenAsFile: boolean;
}

/** A base or head path that cannot be read as synthesized Terraform JSON; printed without a stack trace. */
export class ArtifactError extends VigilError {
  constructor(message: string) {
    super(message, ExitCode.usageOrAttention);
  }
}

const ARTIFACT_FILE = 'cdk.tf.json';

export function loadArtifacts(location: string): StackArtifact[] {
  if (!fs.existsSync(location))
    throw new ArtifactError(
      `${location}: no such file or directory (expected a cdktf.out directory or a ${ARTIFACT_FILE} file)`,
    );
  // Anything but a directory is read as a file, so a device or a FIFO gets readArtifact's refusal in words.
  if (!fs.statSync(location).isDirectory()) return [readArtifact(location, stackNameOfFile(location), true)];
  const files = findArtifactFiles(location);
  if (files.length === 0) {
    throw new ArtifactError(
      `${location}: no synthesized stack found (expected ${path.join(location, 'stacks', '<stack>', ARTIFACT_FILE)} or ${path.join(location, ARTIFACT_FILE)}); run the synth first`,
    );
  }
  return files.map((file) => readArtifact(file, stackNameOfFile(file), false));
}

function findArtifactFiles(directory: string): string[] {
  for (const stacksDirectory of [path.join(directory, 'stacks'), path.join(directory, 'cdktf.out', 'stacks')]) {
    if (!fs.existsSync(stacksDirectory) || !fs.statSync(stacksDirectory).isDirectory()) continue;
    const files = fs
      .readdirSync(stacksDirectory)
      .sort()
      .map((name) => path.join(stacksDirectory, name, ARTIFACT_FILE))
      .filter((file) => fs.existsSync(file));
    if (files.length > 0) return files;
  }
  const direct = path.join(directory, ARTIFACT_FILE);
  return fs.existsSync(direct) ? [direct] : [];
}

// `cdktf.out/stacks/monitoring-staging/cdk.tf.json` is the stack `monitoring-staging`; any other
// file is named after itself (see pairStacks for two files of different names).
function stackNameOfFile(file: string): string {
  const base = path.basename(file);
  if (base === ARTIFACT_FILE) return path.basename(path.dirname(path.resolve(file)));
  return base.replace(/\.tf\.json$|\.json$/, '');
}

function readArtifact(file: string, stack: string, givenAsFile: boolean): StackArtifact {
  let text: string;
  try {
    text = readRegularTextFile(file, MAX_ARTIFACT_BYTES);
  } catch (error) {
    throw new ArtifactError(`${file}: ${readFailureMessage(error)}`);
  }
  return { stack, file, doc: parseArtifact(text, file), givenAsFile };
}

export function parseArtifact(text: string, file: string): TerraformJson {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ArtifactError(
      `${file}: is not JSON (${(error as Error).message}); expected the Terraform JSON that cdktf synth writes`,
    );
  }
  const deep = tooDeepAt(doc, MAX_JSON_DEPTH);
  if (deep) {
    throw new ArtifactError(
      `${file}: the JSON nests deeper than ${MAX_JSON_DEPTH} levels at ${describeDeepPath(deep)}; expected the Terraform JSON that cdktf synth writes`,
    );
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ArtifactError(
      `${file}: expected a Terraform JSON object with a "resource" block, found ${Array.isArray(doc) ? 'an array' : typeof doc}`,
    );
  }
  const resource = (doc as TerraformJson).resource;
  if (resource !== undefined && (resource === null || typeof resource !== 'object' || Array.isArray(resource))) {
    throw new ArtifactError(
      `${file}: "resource" must be an object of resource types, found ${Array.isArray(resource) ? 'an array' : typeof resource}`,
    );
  }
  return doc as TerraformJson;
}

export interface StackPair {
  readonly stack: string;
  readonly base?: StackArtifact;
  readonly head?: StackArtifact;
}

/**
 * Pairs stacks by name. A file given on the command line (`--base old.json`) against a single
 * stack on the other side is that stack seen twice, whatever the names.
 */
export function pairStacks(base: readonly StackArtifact[], head: readonly StackArtifact[]): StackPair[] {
  if (base.length === 1 && head.length === 1 && (base[0].givenAsFile || head[0].givenAsFile)) {
    return [{ stack: head[0].givenAsFile ? base[0].stack : head[0].stack, base: base[0], head: head[0] }];
  }
  const names = [...new Set([...base.map((a) => a.stack), ...head.map((a) => a.stack)])].sort();
  return names.map((stack) => ({
    stack,
    base: base.find((a) => a.stack === stack),
    head: head.find((a) => a.stack === stack),
  }));
}
