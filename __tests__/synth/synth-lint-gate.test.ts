// `vigil synth` refuses to put a stack with lint errors in place. The real stacks lint clean (see
// synth-command.test.ts), so the linter is replaced here by one that reports an error.
import * as fs from 'fs';
import * as path from 'path';
import type { CliIo } from '../../src/cli/command';
import { ENVIRONMENTS_DIR, temporaryDirectory } from '../support/environments';

const reportError = { value: false };
jest.mock('../../src/tools/lint', () => {
  const actual = jest.requireActual('../../src/tools/lint');
  return {
    ...actual,
    lintTerraformJson: (document: unknown, file: string) =>
      reportError.value
        ? [
            {
              ruleId: 'condition/duration-whole-minutes',
              severity: 'error',
              file,
              resource: 'google_monitoring_alert_policy.x',
              path: 'conditions[0].condition_threshold.duration',
              message: 'duration 90s is not a whole number of minutes',
            },
          ]
        : actual.lintTerraformJson(document, file),
  };
});

import { main } from '../../src/cli/main';

function captureIo(cwd: string): CliIo & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => undefined, stderr: (text) => err.push(text), cwd, env: {}, interactive: false };
}

test('lint errors in what was synthesized fail the synth and leave cdktf.out untouched', async () => {
  const dir = temporaryDirectory('synth-lint');
  fs.cpSync(ENVIRONMENTS_DIR, path.join(dir, 'environments'), { recursive: true });
  expect(await main(['synth'], captureIo(dir))).toBe(0);
  const artifactPath = path.join(dir, 'cdktf.out/stacks/monitoring-staging/cdk.tf.json');
  const before = fs.readFileSync(artifactPath, 'utf8');
  const stagingFile = path.join(dir, 'environments', 'staging.yaml');
  fs.writeFileSync(stagingFile, fs.readFileSync(stagingFile, 'utf8').replace('p99LatencyMs: 500', 'p99LatencyMs: 600'));

  reportError.value = true;
  const io = captureIo(dir);
  expect(await main(['synth'], io)).toBe(1);
  const stderr = io.err.join('');
  expect(stderr).toContain(
    'cdktf.out/stacks/monitoring-staging/cdk.tf.json\n  error   condition/duration-whole-minutes  google_monitoring_alert_policy.x conditions[0].condition_threshold.duration',
  );
  expect(stderr).toContain('vigil synth: the synthesized stacks have lint errors; cdktf.out was left as it was');
  expect(fs.readFileSync(artifactPath, 'utf8')).toBe(before);
  expect(fs.readdirSync(dir).sort()).toEqual(['cdktf.out', 'environments']);
  fs.rmSync(dir, { recursive: true, force: true });
});
