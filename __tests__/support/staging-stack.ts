// The synthesized staging stack, for suites that read its artifact: synthesized once per run by
// global-setup.ts and read from there (a fresh copy per call, so a test may change it), or
// synthesized here when the run has no shared copy (a file run with another jest config).
import * as fs from 'fs';
import * as path from 'path';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { RUN_DIRECTORY_VARIABLE, SHARED_STAGING_FILE } from './global-setup';
import { stagingEnvironment } from './environments';

let text: string | undefined;

export function stagingStackJson(): Record<string, unknown> {
  if (text === undefined) {
    const runDirectory = process.env[RUN_DIRECTORY_VARIABLE];
    const shared = runDirectory ? path.join(runDirectory, SHARED_STAGING_FILE) : undefined;
    text =
      shared && fs.existsSync(shared)
        ? fs.readFileSync(shared, 'utf8')
        : JSON.stringify(synthesizeStackJson(stagingEnvironment()));
  }
  return JSON.parse(text) as Record<string, unknown>;
}
