// Every synthesized environment lints with no finding at all, warnings included (--strict).
// Synthesized in-process (stacks/synthesize.ts), so the test does not depend on a prior `npm run synth`.
import * as path from 'path';
import { environmentFiles, loadEnvironmentFile } from '../../src/config/load-environment';
import { lintTerraformJson } from '../../src/tools/lint';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { stagingStackJson } from '../support/staging-stack';

const ENVIRONMENTS = path.resolve(__dirname, '../../environments');

describe.each(environmentFiles(ENVIRONMENTS))('the synthesized stack of %s', (file) => {
  let stack: Record<string, unknown>;
  beforeAll(() => {
    stack =
      path.basename(file) === 'staging.yaml' ? stagingStackJson() : synthesizeStackJson(loadEnvironmentFile(file));
  });

  it('has no finding, not even a warning', () => {
    expect(lintTerraformJson(stack, path.basename(file))).toEqual([]);
  });

  it('is really checked: a broken copy is reported', () => {
    const broken = JSON.parse(JSON.stringify(stack)) as {
      resource: Record<
        string,
        Record<string, { conditions?: { condition_threshold?: { filter: string; duration: string } }[] }>
      >;
    };
    const policies = Object.values(broken.resource.google_monitoring_alert_policy);
    const threshold = policies
      .flatMap((policy) => policy.conditions ?? [])
      .find((condition) => condition.condition_threshold)!.condition_threshold!;
    threshold.filter = threshold.filter.replace(/metric\.type="[^"]*"( AND )?/, '');
    threshold.duration = '90s';
    const ids = lintTerraformJson(broken, 'broken').map((finding) => finding.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['filter/metric-type-required', 'condition/duration-whole-minutes']));
  });
});
