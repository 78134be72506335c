// The drift data sources and their postconditions as synthesized for staging: one targeted
// assertion per condition and message, a snapshot of the whole `data` block, and each check off.
import * as path from 'path';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { testingApp } from '../support/testing-app';
import { ConfigError } from '../../src/config/config-error';
import type { Environment } from '../../src/config/environment';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { DriftChecks } from '../../src/constructs/drift/drift-checks';

interface Postcondition {
  condition: string;
  error_message: string;
}
type DataBlock = Record<
  string,
  Record<string, { name: string; lifecycle?: { postcondition: Postcondition[] } } & Record<string, unknown>>
>;

const staging = loadEnvironmentFile(path.join(__dirname, '../../environments/staging.yaml'));

function synthData(environment: Environment): DataBlock {
  const app = testingApp();
  const stack = new TerraformStack(app, 'drift-test');
  new GoogleProvider(stack, 'google', { project: environment.project });
  new DriftChecks(stack, 'drift', { environment });
  return (JSON.parse(Testing.synth(stack)) as { data?: DataBlock }).data ?? {};
}

function postcondition(data: DataBlock, type: string, id: string, field: string): Postcondition {
  const found = data[type]?.[id]?.lifecycle?.postcondition.find((item) =>
    item.error_message.includes(` has ${field} = `),
  );
  if (!found) throw new Error(`no postcondition on ${field} of data.${type}.${id}`);
  return found;
}

function withExpect(patch: Partial<NonNullable<Environment['expect']>>): Environment {
  return { ...staging, expect: { ...staging.expect, ...patch } };
}

describe('DriftChecks for staging', () => {
  let data: DataBlock;
  beforeAll(() => {
    data = synthData(staging);
  });

  it('reads the four kinds of resources, addressed by stable logical ids', () => {
    expect(Object.keys(data).sort()).toEqual([
      'google_cloud_run_v2_service',
      'google_redis_instance',
      'google_sql_database_instance',
      'google_vpc_access_connector',
    ]);
    expect(data.google_redis_instance.drift_redis).toMatchObject({
      name: 'staging-redis-f1adc35c',
      region: 'us-central1',
      project: 'netra-staging',
    });
    expect(data.google_vpc_access_connector.drift_vpc_connector).toMatchObject({
      name: 'staging-connector',
      region: 'us-central1',
      project: 'netra-staging',
    });
    expect(data.google_sql_database_instance.drift_cloud_sql).toMatchObject({
      name: 'staging-postgres-db',
      project: 'netra-staging',
    });
    expect(Object.keys(data.google_cloud_run_v2_service).sort()).toEqual([
      'drift_cloud_run_netra_auth_service',
      'drift_cloud_run_netra_backend_staging',
    ]);
    expect(data.google_cloud_run_v2_service.drift_cloud_run_netra_backend_staging).toMatchObject({
      name: 'netra-backend-staging',
      location: 'us-central1',
    });
  });

  it('checks every expected Redis setting', () => {
    const redis = (field: string) => postcondition(data, 'google_redis_instance', 'drift_redis', field);
    expect(redis('host').condition).toBe('${self.host == "10.166.204.83"}');
    expect(redis('port').condition).toBe('${self.port == 6379}');
    expect(redis('tier').condition).toBe('${self.tier == "BASIC"}');
    expect(redis('memory_size_gb').condition).toBe('${self.memory_size_gb == 1}');
    expect(redis('redis_version').condition).toBe('${self.redis_version == "REDIS_7_2"}');
    expect(redis('auth_enabled').condition).toBe('${self.auth_enabled == true}');
    expect(redis('transit_encryption_mode').condition).toBe('${self.transit_encryption_mode == "DISABLED"}');
    expect(redis('host').error_message).toMatch(
      /^Redis staging-redis-f1adc35c has host = \$\{coalesce\(self\.host, "\(none\)"\)\}, expected 10\.166\.204\.83: .*REDIS_HOST/,
    );
    expect(redis('auth_enabled').error_message).toMatch(
      /^Redis staging-redis-f1adc35c has auth_enabled = \$\{coalesce\(self\.auth_enabled, "\(none\)"\)\}, expected true: AUTH is off.*--enable-auth/,
    );
    expect(redis('transit_encryption_mode').error_message).toContain(
      'expected DISABLED: the clients must connect with TLS',
    );
    expect(redis('memory_size_gb').error_message).toContain('update expect.redis in environments/staging.yaml');
  });

  it('checks the VPC connector is READY on the expected network, range and scaling', () => {
    const connector = (field: string) =>
      postcondition(data, 'google_vpc_access_connector', 'drift_vpc_connector', field);
    expect(connector('state').condition).toBe('${self.state == "READY"}');
    expect(connector('state').error_message).toMatch(
      /^VPC connector staging-connector has state = \$\{coalesce\(self\.state, "\(none\)"\)\}, expected READY: Cloud Run cannot reach Redis or Cloud SQL/,
    );
    expect(connector('network').condition).toBe(
      '${self.network == "staging-vpc" || endswith(self.network, "/networks/staging-vpc")}',
    );
    expect(connector('ip_cidr_range').condition).toBe('${self.ip_cidr_range == "10.1.0.0/28"}');
    expect(connector('min_instances').condition).toBe('${self.min_instances == 2}');
    expect(connector('max_instances').condition).toBe('${self.max_instances == 10}');
    expect(connector('max_instances').error_message).toContain('expected 10:');
    // Checked because staging's expect block names it; the capacity alerts depend on it.
    expect(connector('machine_type').condition).toBe('${self.machine_type == "e2-micro"}');
  });

  it('checks the Cloud SQL tier, version and Query Insights', () => {
    const sql = (field: string) => postcondition(data, 'google_sql_database_instance', 'drift_cloud_sql', field);
    expect(sql('settings[0].tier').condition).toBe('${try(self.settings[0].tier, "") == "db-custom-1-3840"}');
    expect(sql('database_version').condition).toBe('${self.database_version == "POSTGRES_15"}');
    const insights = sql('settings[0].insights_config[0].query_insights_enabled');
    expect(insights.condition).toBe(
      '${try(self.settings[0].insights_config[0].query_insights_enabled, false) == true}',
    );
    expect(insights.error_message).toContain(
      'the PostgreSQL latency alert reads Query Insights metrics and is blind without them',
    );
    expect(sql('settings[0].tier').error_message).toContain('--tier=db-custom-1-3840');
  });

  it('checks each Cloud Run service uses the connector with private-ranges-only egress', () => {
    for (const id of ['drift_cloud_run_netra_backend_staging', 'drift_cloud_run_netra_auth_service']) {
      const connector = postcondition(data, 'google_cloud_run_v2_service', id, 'template[0].vpc_access[0].connector');
      expect(connector.condition).toBe(
        '${try(self.template[0].vpc_access[0].connector, "") == "staging-connector" || endswith(try(self.template[0].vpc_access[0].connector, ""), "/locations/us-central1/connectors/staging-connector")}',
      );
      const egress = postcondition(data, 'google_cloud_run_v2_service', id, 'template[0].vpc_access[0].egress');
      expect(egress.condition).toBe('${try(self.template[0].vpc_access[0].egress, "") == "PRIVATE_RANGES_ONLY"}');
      expect(egress.error_message).toContain('expected PRIVATE_RANGES_ONLY: ');
    }
    expect(
      postcondition(
        data,
        'google_cloud_run_v2_service',
        'drift_cloud_run_netra_auth_service',
        'template[0].vpc_access[0].egress',
      ).error_message,
    ).toMatch(/^Cloud Run service netra-auth-service has/);
  });

  it('matches the reviewed snapshot', () => {
    expect(data).toMatchSnapshot();
  });
});

describe('turning checks off', () => {
  it.each([
    ['redis', 'google_redis_instance'],
    ['vpcConnector', 'google_vpc_access_connector'],
    ['cloudSql', 'google_sql_database_instance'],
    ['cloudRun', 'google_cloud_run_v2_service'],
  ] as const)('expect.%s.enabled: false removes its data source and keeps the others', (check, type) => {
    const block = staging.expect![check]!;
    const data = synthData(withExpect({ [check]: { ...block, enabled: false } }));
    expect(data[type]).toBeUndefined();
    expect(Object.keys(data)).toHaveLength(3);
  });

  it('an environment without expect: gets no data sources', () => {
    expect(synthData({ ...staging, expect: undefined })).toEqual({});
  });

  it('expect.cloudRun.services narrows the services checked', () => {
    const data = synthData(
      withExpect({ cloudRun: { ...staging.expect!.cloudRun!, services: ['netra-auth-service'] } }),
    );
    expect(Object.keys(data.google_cloud_run_v2_service)).toEqual(['drift_cloud_run_netra_auth_service']);
  });

  it('expecting AUTH off tells the backend must send the password when it is on', () => {
    const env = withExpect({ redis: { ...staging.expect!.redis!, authEnabled: false } });
    const data = synthData({ ...env, redis: { ...env.redis, authEnabled: false } });
    const auth = postcondition(data, 'google_redis_instance', 'drift_redis', 'auth_enabled');
    expect(auth.condition).toBe('${self.auth_enabled == false}');
    expect(auth.error_message).toContain(
      'expected false: the backend must send REDIS_PASSWORD — check the connection handler',
    );
  });
});

describe('expect: contradicting the rest of the environment', () => {
  it('is a ConfigError naming the file, the field, both values', () => {
    const env = withExpect({ redis: { ...staging.expect!.redis!, port: 6380 } });
    expect(() => synthData(env)).toThrow(ConfigError);
    expect(() => synthData(env)).toThrow(
      /staging\.yaml: expect\.redis\.port: expected the same value as redis\.port \(6379\), found 6380/,
    );
  });
});
