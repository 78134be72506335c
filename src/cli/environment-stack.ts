// An environment's stack as simulate and export read it: synthesized in process (--synth), or the
// artifact `npm run synth` wrote under --artifacts. Each command words a missing artifact its own
// way (a scenario file's field, or a flag), so it passes how to report it.
import * as fs from 'fs';
import * as path from 'path';
import { stackArtifactPath } from '../config/environment';
import { loadEnvironmentFile } from '../config/load-environment';
import { type StackModel, stackModelFromJson } from '../tools/simulate/policy-model';
import { readStackJson } from '../tools/simulate/stack-source';

export interface EnvironmentStackRequest {
  readonly environment: string;
  readonly environmentFile: string;
  readonly synth: boolean;
  /** The directory synthesized stacks are read from (relative to cwd). */
  readonly artifacts: string;
  readonly cwd: string;
  /** Who asked for the stack and under which field: errors in the artifact name them. */
  readonly referencedFrom: string;
  readonly field: string;
  readonly missingArtifact: (message: string) => Error;
}

export function environmentStack(request: EnvironmentStackRequest): StackModel {
  return environmentStackDocument(request).stack;
}

/** The stack's model and its Terraform JSON, for the commands that also read what the model leaves out. */
export function environmentStackDocument(request: EnvironmentStackRequest): { stack: StackModel; document: unknown } {
  const { environment, cwd } = request;
  if (request.synth) {
    // Loaded here, not at the top: cdktf is heavy and only --synth needs it.
    const { synthesizeStackJson } = require('../../stacks/synthesize') as typeof import('../../stacks/synthesize');
    const document = synthesizeStackJson(loadEnvironmentFile(request.environmentFile));
    return { stack: stackModelFromJson(document, `${environment} (synthesized)`), document };
  }
  const artifact = stackArtifactPath(path.resolve(cwd, request.artifacts), environment);
  if (!fs.existsSync(artifact)) {
    throw request.missingArtifact(
      `no synthesized stack for "${environment}" at ${path.relative(cwd, artifact)}; run \`npm run synth\` first, or pass --synth`,
    );
  }
  const document = readStackJson(artifact, request.referencedFrom, request.field);
  return { stack: stackModelFromJson(document, artifact), document };
}
