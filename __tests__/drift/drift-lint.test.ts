// The synthesized staging stack, as stacks/monitoring-stack.ts composes it with its drift checks,
// passes vigil lint.
import * as path from 'path';
import { Testing } from 'cdktf';
import { testingApp } from '../support/testing-app';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { DriftChecks } from '../../src/constructs/drift/drift-checks';
import { lintTerraformJson } from '../../src/tools/lint';
import { MonitoringStack } from '../../stacks/monitoring-stack';

describe('lint on the staging stack with drift checks', () => {
  it('reports no errors, and nothing about the drift data sources', () => {
    const staging = loadEnvironmentFile(path.join(__dirname, '../../environments/staging.yaml'));
    const app = testingApp();
    const stack = new MonitoringStack(app, staging);
    expect(stack.node.findAll().filter((construct) => construct instanceof DriftChecks)).toHaveLength(1);
    const doc = JSON.parse(Testing.synth(stack)) as { data?: Record<string, unknown> };
    expect(Object.keys(doc.data ?? {})).toEqual(
      expect.arrayContaining([
        'google_redis_instance',
        'google_vpc_access_connector',
        'google_sql_database_instance',
        'google_cloud_run_v2_service',
      ]),
    );
    const findings = lintTerraformJson(doc, 'cdk.tf.json');
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings.filter((finding) => /drift|^data\./.test(finding.resource))).toEqual([]);
  });
});
