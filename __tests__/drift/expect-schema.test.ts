// Validation of the `expect:` block: each rule's exact message, and its conflicts with the rest.
import { ConfigError } from '../../src/config/config-error';
import { expectConflicts } from '../../src/config/expect-conflicts';
import { stagingData, validate } from '../support/environments';

function withExpect(mutate: (expect: Record<string, Record<string, unknown>>) => void): Record<string, unknown> {
  const data = stagingData();
  mutate(data.expect as Record<string, Record<string, unknown>>);
  return data;
}

function problems(data: unknown): string[] {
  try {
    validate(data, 'environments/staging.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('expect: schema', () => {
  it('accepts staging and applies the defaults (checks enabled, connector READY)', () => {
    const staging = validate(stagingData(), 'environments/staging.yaml');
    expect(staging.expect?.redis).toMatchObject({ enabled: true, transitEncryptionMode: 'DISABLED' });
    const data = withExpect((expect) => {
      delete expect.vpcConnector.state;
    });
    expect(validate(data, 'environments/staging.yaml').expect?.vpcConnector?.state).toBe('READY');
  });

  it('rejects values the APIs do not have, naming the field', () => {
    expect(
      problems(
        withExpect((expect) => {
          expect.redis.transitEncryptionMode = 'TLS';
        }),
      ),
    ).toEqual(['expect.redis.transitEncryptionMode: expected DISABLED or SERVER_AUTHENTICATION, found "TLS"']);
    expect(
      problems(
        withExpect((expect) => {
          expect.vpcConnector.state = 'ERROR';
        }),
      ),
    ).toEqual([
      'expect.vpcConnector.state: expected READY (the only state in which the connector carries traffic), found "ERROR"',
    ]);
    expect(
      problems(
        withExpect((expect) => {
          expect.cloudSql.databaseVersion = 'MYSQL_8_0';
        }),
      ),
    ).toEqual([
      'expect.cloudSql.databaseVersion: expected a Cloud SQL PostgreSQL version such as POSTGRES_15, found "MYSQL_8_0"',
    ]);
    expect(
      problems(
        withExpect((expect) => {
          expect.redis.memorySizeGb = 1.5;
        }),
      ),
    ).toEqual(['expect.redis.memorySizeGb: expected a memory size in GB as a whole number, found 1.5']);
    expect(
      problems(
        withExpect((expect) => {
          delete expect.cloudSql.queryInsightsEnabled;
        }),
      ),
    ).toEqual(['expect.cloudSql.queryInsightsEnabled: is required: expected true or false']);
  });

  it('suggests the key meant for a misspelt one', () => {
    expect(
      problems(
        withExpect((expect) => {
          expect.redis.authEnable = true;
        }),
      ),
    ).toContain('expect.redis.authEnable: unknown key "authEnable"; did you mean "authEnabled"?');
  });

  it('accepts only an https workflow URL', () => {
    expect(
      problems(
        withExpect((expect) => {
          (expect as Record<string, unknown>).driftWorkflowUrl = 'ftp://x';
        }),
      ),
    ).toEqual([
      'expect.driftWorkflowUrl: expected an https URL such as https://github.com/acme/vigil/actions/workflows/drift.yml, found "ftp://x"',
    ]);
  });
});

describe('expectConflicts', () => {
  const staging = () => validate(stagingData(), 'environments/staging.yaml');

  it('finds none in staging', () => {
    expect(expectConflicts('environments/staging.yaml', staging())).toEqual([]);
  });

  it('reports each expected value that contradicts the settings the alerts use', () => {
    const env = staging();
    const conflicting = {
      ...env,
      expect: {
        ...env.expect,
        redis: { ...env.expect!.redis!, host: '10.0.0.9' },
        cloudRun: {
          ...env.expect!.cloudRun!,
          connector: 'other-connector',
          services: ['netra-backend-staging', 'netra-web'],
        },
      },
    };
    expect(expectConflicts('environments/staging.yaml', conflicting)).toEqual([
      {
        file: 'environments/staging.yaml',
        path: 'expect.redis.host',
        message: 'expected the same value as redis.host ("10.166.204.83"), found "10.0.0.9"; change one of them',
      },
      {
        file: 'environments/staging.yaml',
        path: 'expect.cloudRun.connector',
        message:
          'expected the same value as vpcConnector.name ("staging-connector"), found "other-connector"; change one of them',
      },
      {
        file: 'environments/staging.yaml',
        path: 'expect.cloudRun.services[1]',
        message:
          'expected one of the services of cloudRun.services (netra-backend-staging, netra-auth-service), found "netra-web"',
      },
    ]);
  });

  it('compares the connector machine type only when expect names one', () => {
    const env = staging();
    const withMachine = (machineType?: 'e2-standard-4') => ({
      ...env,
      expect: { ...env.expect, vpcConnector: { ...env.expect!.vpcConnector!, machineType } },
    });
    expect(expectConflicts('environments/staging.yaml', withMachine())).toEqual([]);
    expect(expectConflicts('environments/staging.yaml', withMachine('e2-standard-4'))).toEqual([
      {
        file: 'environments/staging.yaml',
        path: 'expect.vpcConnector.machineType',
        message:
          'expected the same value as vpcConnector.machineType ("e2-micro"), found "e2-standard-4"; change one of them',
      },
    ]);
  });
});
