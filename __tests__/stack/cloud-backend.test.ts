// stateBackend `cloud:`: HCP Terraform / Terraform Enterprise, one named workspace per stack, and
// never a token in the YAML, the schema or the synthesized JSON.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../src/config/config-error';
import { tokenVariableOf } from '../../src/config/cloud-workspace';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { REPO_ROOT, stagingData, validate } from '../support/environments';

const FILE = 'environments/test.yaml';

function withBackend(stateBackend: unknown): Record<string, unknown> {
  return { ...stagingData(), stateBackend };
}

function problemsOf(data: unknown): string[] {
  try {
    validate(data, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function terraformBlockOf(stateBackend: unknown): Record<string, unknown> {
  const environment = validate(withBackend(stateBackend), FILE);
  return (synthesizeStackJson(environment) as { terraform: Record<string, unknown> }).terraform;
}

describe('stateBackend cloud', () => {
  test('defaults: app.terraform.io and the workspace vigil-monitoring-<env>; no local or gcs backend', () => {
    const terraform = terraformBlockOf({ cloud: { organization: 'netra' } });
    expect(terraform.cloud).toEqual({
      organization: 'netra',
      hostname: 'app.terraform.io',
      workspaces: { name: 'vigil-monitoring-test' },
    });
    expect(terraform.backend).toBeUndefined();
  });

  test('Terraform Enterprise: hostname, workspace and project as configured', () => {
    const terraform = terraformBlockOf({
      cloud: { organization: 'netra', hostname: 'tfe.example.com', workspace: 'mon_test', project: 'monitoring' },
    });
    expect(terraform.cloud).toEqual({
      organization: 'netra',
      hostname: 'tfe.example.com',
      workspaces: { name: 'mon_test', project: 'monitoring' },
    });
  });

  test('no token in the cloud block: terraform reads it from TF_TOKEN_<host> or terraform login', () => {
    const cloud = terraformBlockOf({ cloud: { organization: 'netra' } }).cloud as Record<string, unknown>;
    expect(Object.keys(cloud).sort()).toEqual(['hostname', 'organization', 'workspaces']);
  });

  test('a token in the YAML is refused, naming the field', () => {
    expect(problemsOf(withBackend({ cloud: { organization: 'netra', token: 'abc.atlasv1.secret' } }))).toEqual([
      `${FILE}: stateBackend.cloud.token: unknown key "token"; expected one of: organization, hostname, workspace, project`,
    ]);
  });

  test('an organization or workspace with characters HCP Terraform does not allow', () => {
    expect(problemsOf(withBackend({ cloud: { organization: 'my org' } })).join('\n')).toContain('organization name');
    expect(problemsOf(withBackend({ cloud: { organization: 'netra', workspace: 'a/b' } })).join('\n')).toContain(
      'workspace name',
    );
    expect(
      problemsOf(withBackend({ cloud: { organization: 'netra', hostname: 'https://tfe.example.com' } })).join('\n'),
    ).toContain('host name');
  });

  test('the JSON Schema has a cloud backend and no token field anywhere', () => {
    const schema = fs.readFileSync(path.join(REPO_ROOT, 'schema', 'environment.schema.json'), 'utf8');
    expect(schema).toContain('"organization"');
    // No field named token (a value may be the word: goldenPath.auth.type is "token", a secret id's kind).
    expect(schema).not.toMatch(/"token"\s*:/);
  });

  test('the token variable terraform reads for a host', () => {
    expect(tokenVariableOf('app.terraform.io')).toBe('TF_TOKEN_app_terraform_io');
    expect(tokenVariableOf('tfe.my-company.com')).toBe('TF_TOKEN_tfe_my__company_com');
  });
});
