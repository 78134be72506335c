// The golden-path alert simulated on the stack that staging gets with a goldenPath: block: one
// failed run stays silent, two apart stay silent, a broken path pages within 5 minutes while the
// /health check stays green.
import * as path from 'path';
import { stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { runScenarioFile } from '../../src/tools/simulate/run-scenarios';
import { MonitoringStack } from '../../stacks/monitoring-stack';
import { stackArtifactPath } from '../../src/config/environment';
import * as fs from 'fs';
import { stagingData, validate } from '../support/environments';
import { testingApp } from '../support/testing-app';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'golden-path-source');

test('golden-path scenarios: silent for one failed run, pages within 5 minutes when the path breaks', () => {
  const environment = validate(
    {
      ...stagingData(),
      goldenPath: { webSocketUrl: 'wss://api.staging.netrasystems.ai/ws', auth: { type: 'token', tokenSecret: 't' } },
    },
    'environments/staging.yaml',
  );
  const app = testingApp();
  new MonitoringStack(app, environment, { goldenPathSource: FIXTURE });
  app.synth();
  const artifact = stackArtifactPath(app.outdir, 'staging');
  const stack = stackModelFromJson(JSON.parse(fs.readFileSync(artifact, 'utf8')), artifact);
  const results = runScenarioFile(path.join(__dirname, '..', '..', 'alert-tests', 'staging', 'golden-path.yaml'), {
    resolveEnvironment: () => stack,
  });
  const outcomes = results.flatMap((result) =>
    result.expectations.map((expectation) => [result.name, expectation.policy, expectation.passed, expectation.detail]),
  );
  expect(outcomes.filter(([, , passed]) => !passed)).toEqual([]);
  expect(outcomes).toHaveLength(7);
  for (const result of results) expect(result.unmatchedSeries).toEqual([]);
  const paged = results[2]!.expectations[0]!;
  expect(paged.secondsToFire).toBeLessThanOrEqual(300);
});
