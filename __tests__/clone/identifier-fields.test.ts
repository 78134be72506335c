// The identifier fields come from the schema: every leaf is classified, and the classes hold what
// they should.
import { fieldValues, mentions, parseFieldPath, schemaFields } from '../../src/config/identifier-fields';
import { readEnvironmentData } from '../../src/config/load-environment';
import { parseSetValue } from '../../src/tools/clone/set-values';
import { stackLeaks } from '../../src/tools/clone/stack-leaks';
import { REPO_ENVIRONMENTS } from './clone-fixtures';

const roleOf = (pattern: string) => schemaFields().get(pattern)?.role;

describe('identifier fields', () => {
  it('are the project, instances, hosts, addresses, connector, network, services, URLs and channel addresses', () => {
    for (const pattern of [
      'project',
      'redis.instanceId',
      'redis.host',
      'postgres.instance',
      'vpcConnector.name',
      'vpcConnector.network',
      'vpcConnector.ipCidrRange',
      'cloudRun.services[]',
      'uptime.backendHealthUrl',
      'notifications.channels[].address',
      'notifications.channels[].channel',
      'stateBackend.gcs.bucket',
      'expect.redis.host',
      'expect.cloudRun.connector',
      // The golden path's endpoints, secrets, connector and bucket are the new project's own.
      'goldenPath.webSocketUrl',
      'goldenPath.auth.tokenSecret',
      'goldenPath.auth.loginUrl',
      'goldenPath.auth.usernameSecret',
      'goldenPath.auth.passwordSecret',
      'goldenPath.vpcConnector',
      'goldenPath.sourceBucket',
    ]) {
      expect([pattern, roleOf(pattern)]).toEqual([pattern, 'identifier']);
    }
  });

  it("leave out thresholds, settings, the region and the file's own channel ids; free text is text", () => {
    for (const pattern of [
      'region',
      'redis.port',
      'redis.tier',
      'thresholds.postgres.p99LatencyMs',
      'notifications.channels[].id',
      'notifications.routing.critical[]',
      'uptime.checkerRegions[]',
      'agent.durationField',
      'extends',
      'goldenPath.events[]',
      'goldenPath.deadlineSeconds',
      'goldenPath.region',
    ]) {
      expect([pattern, roleOf(pattern)]).toEqual([pattern, 'shared']);
    }
    expect(roleOf('redis.logs.connectionErrorFilter')).toBe('text');
    expect(roleOf('notifications.channels[].description')).toBe('text');
  });

  it('cover every scalar of staging', () => {
    const staging = readEnvironmentData(`${REPO_ENVIRONMENTS}/staging.yaml`);
    const values = fieldValues(staging);
    expect(values.length).toBeGreaterThan(40);
    expect(values.filter((entry) => entry.field.role === 'identifier').map((entry) => entry.path)).toContain(
      'cloudRun.services[1]',
    );
  });
});

describe('field paths and --set values', () => {
  it('parse the paths validation errors print', () => {
    expect(parseFieldPath('notifications.channels[1].type')).toEqual(['notifications', 'channels', 1, 'type']);
    for (const bad of ['', 'a..b', '[1]', 'a[1]b', 'a.', 'a[x]'])
      expect([bad, parseFieldPath(bad)]).toEqual([bad, undefined]);
  });

  it('take text fields as written and read other values as YAML', () => {
    expect(parseSetValue('notifications.channels[1].channel=#prod-alerts').value).toBe('#prod-alerts');
    expect(parseSetValue('redis.port=6380').value).toBe(6380);
    expect(parseSetValue('redis.authEnabled=false').value).toBe(false);
    expect(parseSetValue('cloudRun.services=[a-one, b-two]').value).toEqual(['a-one', 'b-two']);
    expect(parseSetValue('agent.executionFilter=jsonPayload.event="x": y').value).toBe('jsonPayload.event="x": y');
  });

  it('refuse the fields with options of their own', () => {
    expect(() => parseSetValue('project=x')).toThrow('--set project: give the project with --project');
    expect(() => parseSetValue('redis.host')).toThrow('--set redis.host: expected <path>=<value>');
  });
});

describe('finding an identifier in text', () => {
  it('matches whole names only', () => {
    expect(mentions('projects/netra-staging/alertPolicies', 'netra-staging')).toBe(true);
    expect(mentions('in netra-staging.', 'netra-staging')).toBe(true);
    expect(mentions('netra-staging-2', 'netra-staging')).toBe(false);
    expect(mentions('x.api.staging.example.com', 'api.staging.example.com')).toBe(false);
  });

  it('reads JSON inside strings (dashboards) and reports the path inside it', () => {
    const document = {
      resource: {
        google_monitoring_dashboard: {
          main: { dashboard_json: JSON.stringify({ tiles: [{ title: 'staging-connector' }] }) },
        },
      },
    };
    expect(stackLeaks(document, [{ term: 'staging-connector', path: 'vpcConnector.name' }])).toEqual([
      {
        term: 'staging-connector',
        path: 'vpcConnector.name',
        at: 'resource.google_monitoring_dashboard.main.dashboard_json<json>.tiles[0].title',
      },
    ]);
  });
});
