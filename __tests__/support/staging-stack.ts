// The synthesized staging stack, for suites that read its artifact: synthesized once per run by
// global-setup.ts and read from there (a fresh copy per call, so a test may change it), or
// synthesized here when the run has no shared copy (a file run with another jest config).
import * as fs from 'fs';
import * as path from 'path';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { stackArtifactPath } from '../../src/config/environment';
import { RUN_DIRECTORY_VARIABLE, SHARED_ARTIFACTS } from './global-setup';
import { stagingEnvironment } from './environments';

let text: string | undefined;

export function stagingStackJson(): Record<string, unknown> {
  if (text === undefined) {
    const artifacts = sharedArtifactsDirectory();
    const shared = artifacts ? stackArtifactPath(artifacts, 'staging') : undefined;
    text =
      shared && fs.existsSync(shared)
        ? fs.readFileSync(shared, 'utf8')
        : JSON.stringify(synthesizeStackJson(stagingEnvironment()));
  }
  return JSON.parse(text) as Record<string, unknown>;
}

/** The run's output directory holding staging's artifact (for `--artifacts`), when there is one. */
export function sharedArtifactsDirectory(): string | undefined {
  const runDirectory = process.env[RUN_DIRECTORY_VARIABLE];
  return runDirectory ? path.join(runDirectory, SHARED_ARTIFACTS) : undefined;
}
