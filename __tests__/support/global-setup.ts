// Before any test, once per run:
// - the run gets a temporary directory of its own, and every test process (jest's workers and
//   what they spawn) sees it as os.tmpdir() through TMPDIR; global-teardown.ts then checks what
//   this run left there, and only that, even while other processes use the system's directory;
// - staging is synthesized once, and the suites that only read its artifact share that file
//   (staging-stack.ts) instead of each paying for a synthesis.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stackArtifactPath } from '../../src/config/environment';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { synthesizeStackJson } from '../../stacks/synthesize';

export const RUN_DIRECTORY_VARIABLE = 'VIGIL_TEST_RUN_DIRECTORY';
/** The run's shared output: staging's artifact where `--artifacts` expects it. */
export const SHARED_ARTIFACTS = 'artifacts';

export default function globalSetup(): void {
  const runDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-test-run-'));
  const temporary = path.join(runDirectory, 'tmp');
  fs.mkdirSync(temporary);
  // Like /tmp itself: the preflight tests run PostgreSQL as the postgres user inside it.
  fs.chmodSync(runDirectory, 0o755);
  fs.chmodSync(temporary, 0o1777);
  process.env[RUN_DIRECTORY_VARIABLE] = runDirectory;
  process.env.TMPDIR = temporary;
  try {
    const staging = synthesizeStackJson(
      loadEnvironmentFile(path.resolve(__dirname, '..', '..', 'environments', 'staging.yaml')),
    );
    const artifact = stackArtifactPath(path.join(runDirectory, SHARED_ARTIFACTS), 'staging');
    fs.mkdirSync(path.dirname(artifact), { recursive: true });
    fs.writeFileSync(artifact, JSON.stringify(staging));
  } catch (error) {
    // Jest runs no teardown when its setup fails: the run directory goes here, or it stays behind.
    fs.rmSync(runDirectory, { recursive: true, force: true });
    throw error;
  }
}
