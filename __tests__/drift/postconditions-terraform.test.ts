// The synthesized postconditions evaluated by real Terraform, without the google provider (which
// cannot be downloaded here): each drift data source is replayed as the built-in
// `terraform_remote_state` data source whose `outputs` hold attributes shaped as the provider
// returns them (nested blocks are lists), with `self.x` rewritten to `self.outputs.x`. This checks
// that every condition parses, that try()/coalesce() cope with missing blocks, and what terraform
// says, in refresh-only mode, for a clean and a drifted infrastructure.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { testingApp } from '../support/testing-app';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { DriftChecks } from '../../src/constructs/drift/drift-checks';
import { parsePlanOutput, PlanOutput } from '../../src/tools/drift/plan-output';

const terraformAvailable = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

interface Postcondition {
  condition: string;
  error_message: string;
}
type Attributes = Record<string, unknown>;

const CONNECTOR_PATH = 'projects/netra-staging/locations/us-central1/connectors/staging-connector';
const CLEAN: Record<string, Attributes> = {
  drift_redis: {
    host: '10.166.204.83',
    port: 6379,
    tier: 'BASIC',
    memory_size_gb: 1,
    redis_version: 'REDIS_7_2',
    auth_enabled: true,
    transit_encryption_mode: 'DISABLED',
  },
  drift_vpc_connector: {
    state: 'READY',
    network: 'staging-vpc',
    ip_cidr_range: '10.1.0.0/28',
    min_instances: 2,
    max_instances: 10,
    machine_type: 'e2-micro',
  },
  drift_cloud_sql: {
    database_version: 'POSTGRES_15',
    settings: [{ tier: 'db-custom-1-3840', insights_config: [{ query_insights_enabled: true }] }],
  },
  drift_cloud_run_netra_backend_staging: {
    template: [{ vpc_access: [{ connector: CONNECTOR_PATH, egress: 'PRIVATE_RANGES_ONLY' }] }],
  },
  drift_cloud_run_netra_auth_service: {
    template: [{ vpc_access: [{ connector: 'staging-connector', egress: 'PRIVATE_RANGES_ONLY' }] }],
  },
};
const DRIFTED: Record<string, Attributes> = {
  ...CLEAN,
  drift_redis: { ...CLEAN.drift_redis, port: 6380, auth_enabled: false },
  // A network given as a path is still the expected network.
  drift_vpc_connector: {
    ...CLEAN.drift_vpc_connector,
    state: 'ERROR',
    network: 'projects/netra-staging/global/networks/staging-vpc',
    // A larger machine type: the capacity the saturation alerts assume is wrong.
    machine_type: 'e2-standard-4',
  },
  // Query Insights never configured: the API omits the block.
  drift_cloud_sql: { database_version: 'POSTGRES_15', settings: [{ tier: 'db-custom-2-4096', insights_config: [] }] },
  // The connector was cleared (`gcloud run services update --clear-vpc-connector`).
  drift_cloud_run_netra_backend_staging: { template: [{ vpc_access: [] }] },
};

/** cty's JSON type of a value, as terraform state files spell output types. */
function ctyType(value: unknown): unknown {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(ctyType)];
  return ['object', Object.fromEntries(Object.entries(value as Attributes).map(([key, item]) => [key, ctyType(item)]))];
}

function stagingDataSources(): Record<string, Postcondition[]> {
  const staging = loadEnvironmentFile(path.join(__dirname, '../../environments/staging.yaml'));
  const stack = new TerraformStack(testingApp(), 'drift-terraform-test');
  new GoogleProvider(stack, 'google', {});
  new DriftChecks(stack, 'drift', { environment: staging });
  const data = (
    JSON.parse(Testing.synth(stack)) as {
      data: Record<string, Record<string, { lifecycle: { postcondition: Postcondition[] } }>>;
    }
  ).data;
  const byId: Record<string, Postcondition[]> = {};
  for (const sources of Object.values(data)) {
    for (const [id, source] of Object.entries(sources)) byId[id] = source.lifecycle.postcondition;
  }
  return byId;
}

function planAgainst(
  dir: string,
  sources: Record<string, Postcondition[]>,
  attributes: Record<string, Attributes>,
): { exitCode: number | null; plan: PlanOutput } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const data: Record<string, unknown> = {};
  for (const [id, postconditions] of Object.entries(sources)) {
    const outputs = Object.fromEntries(
      Object.entries(attributes[id]).map(([key, value]) => [key, { value, type: ctyType(value) }]),
    );
    fs.writeFileSync(
      path.join(dir, `${id}.tfstate`),
      JSON.stringify({ version: 4, terraform_version: '1.3.0', serial: 1, lineage: id, outputs, resources: [] }),
    );
    const rewrite = (text: string) => text.replace(/\bself\./g, 'self.outputs.');
    data[id] = {
      backend: 'local',
      config: { path: `${id}.tfstate` },
      lifecycle: {
        postcondition: postconditions.map((item) => ({
          condition: rewrite(item.condition),
          error_message: rewrite(item.error_message),
        })),
      },
    };
  }
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ data: { terraform_remote_state: data } }));
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  const init = spawnSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`terraform init failed: ${init.stdout}${init.stderr}`);
  const run = spawnSync(
    'terraform',
    ['plan', '-refresh-only', '-detailed-exitcode', '-lock=false', '-input=false', '-json'],
    { cwd: dir, env, encoding: 'utf8' },
  );
  return { exitCode: run.status, plan: parsePlanOutput(`${run.stdout}\n${run.stderr}`) };
}

(terraformAvailable ? describe : describe.skip)('staging postconditions evaluated by terraform', () => {
  let work: string;
  let sources: Record<string, Postcondition[]>;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-drift-tf-'));
    sources = stagingDataSources();
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('all hold on the expected infrastructure', () => {
    const { exitCode, plan } = planAgainst(path.join(work, 'clean'), sources, CLEAN);
    expect(plan.errors).toEqual([]);
    expect(plan.failedPostconditions).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('fail on drift, as warnings in refresh-only mode, naming field, actual and expected values', () => {
    const { exitCode, plan } = planAgainst(path.join(work, 'drifted'), sources, DRIFTED);
    expect(plan.errors).toEqual([]);
    expect(exitCode).toBe(0);
    const failed = plan.failedPostconditions
      .map((item) => `${item.address.replace('terraform_remote_state', '*')}: ${item.message.split(':')[0]}`)
      .sort();
    expect(failed).toEqual([
      'data.*.drift_cloud_run_netra_backend_staging: Cloud Run service netra-backend-staging has template[0].vpc_access[0].connector = (none), expected staging-connector',
      'data.*.drift_cloud_run_netra_backend_staging: Cloud Run service netra-backend-staging has template[0].vpc_access[0].egress = (none), expected PRIVATE_RANGES_ONLY',
      'data.*.drift_cloud_sql: Cloud SQL staging-postgres-db has settings[0].insights_config[0].query_insights_enabled = false, expected true',
      'data.*.drift_cloud_sql: Cloud SQL staging-postgres-db has settings[0].tier = db-custom-2-4096, expected db-custom-1-3840',
      'data.*.drift_redis: Redis staging-redis-f1adc35c has auth_enabled = false, expected true',
      'data.*.drift_redis: Redis staging-redis-f1adc35c has port = 6380, expected 6379',
      'data.*.drift_vpc_connector: VPC connector staging-connector has machine_type = e2-standard-4, expected e2-micro',
      'data.*.drift_vpc_connector: VPC connector staging-connector has state = ERROR, expected READY',
    ]);
  });
});
