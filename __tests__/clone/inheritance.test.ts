// extends: <env>, resolved at load time: mappings merge, lists are replaced whole, identifiers are
// never inherited, and every error still names the child's file and field.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../src/config/config-error';
import { loadEnvironmentFile, loadEnvironments } from '../../src/config/load-environment';
import { deepMerge } from '../../src/config/resolve-extends';
import { cloneEnvironment } from '../../src/tools/clone/clone-environment';
import { copyOfEnvironments, removeDirectory } from './clone-fixtures';

// A child that gives every identifier of its own and changes two settings.
const PRODUCTION = `extends: staging
project: netra-prod
notifications:
  channels:
    - { id: platform-email, type: email, address: prod-oncall@netrasystems.ai }
    - { id: staging-slack, type: slack, channel: "#prod-alerts" }
    - { id: pagerduty-oncall, type: pagerduty }
redis: { instanceId: prod-redis-1, host: 10.20.0.3 }
postgres: { instance: production-postgres-db }
vpcConnector: { name: production-connector, network: production-vpc, ipCidrRange: 10.8.0.0/28 }
cloudRun: { services: [netra-backend-production] }
uptime:
  backendHealthUrl: https://api.netrasystems.ai/health
  authHealthUrl: https://auth.netrasystems.ai/health
  checkerRegions: [USA, EUROPE]
goldenPath:
  webSocketUrl: wss://api.netrasystems.ai/ws
  auth: { type: token, tokenSecret: prod-chat-probe-token }
thresholds:
  postgres: { p99LatencyMs: 800 }
`;

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('extends:', () => {
  let cwd: string;
  let environments: string;
  const write = (name: string, text: string) => {
    const file = path.join(environments, `${name}.yaml`);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeEach(() => ({ cwd, environments } = copyOfEnvironments()));
  afterEach(() => removeDirectory(cwd));

  it('merges mappings key by key and replaces lists whole', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, e: 2 })).toEqual({
      a: { b: 1, c: [3] },
      d: 1,
      e: 2,
    });
  });

  it("inherits thresholds, routing and settings, and applies the child's overrides", () => {
    const production = loadEnvironmentFile(write('production', PRODUCTION));
    const staging = loadEnvironmentFile(path.join(environments, 'staging.yaml'));
    expect(production.thresholds.postgres.p99LatencyMs).toBe(800);
    expect(production.thresholds.postgres.p99WarningLatencyMs).toBe(staging.thresholds.postgres.p99WarningLatencyMs);
    expect(production.thresholds.agent).toEqual(staging.thresholds.agent);
    expect(production.notifications.routing).toEqual(staging.notifications.routing);
    expect(production.redis.tier).toBe(staging.redis.tier);
    expect(production.redis.authEnabled).toBe(true);
    expect(production.region).toBe('us-central1');
    expect(production.uptime.checkerRegions).toEqual(['USA', 'EUROPE']);
    expect(production.cloudRun.services).toEqual(['netra-backend-production']);
    expect(production.cloudRun.egress).toBe(staging.cloudRun.egress);
  });

  it('does not inherit identifiers: a child without its own project fails, naming its file and the field', () => {
    const file = write('production', PRODUCTION.replace('project: netra-prod\n', ''));
    expect(problemsOf(() => loadEnvironmentFile(file))).toEqual([
      `${file}: project: is required: expected a GCP project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen` +
        ` (not inherited from ${path.join(environments, 'staging.yaml')}: identifiers, and text naming them, are never inherited; give this environment's own)`,
    ]);
  });

  it("does not inherit a block it may leave out that names the parent's infrastructure, such as expect.redis", () => {
    const production = loadEnvironmentFile(write('production', PRODUCTION));
    const staging = loadEnvironmentFile(path.join(environments, 'staging.yaml'));
    expect(staging.expect?.redis?.host).toBe('10.166.204.83');
    expect(production.expect?.redis).toBeUndefined();
    expect(production.expect?.vpcConnector).toBeUndefined();
    expect(production.expect?.cloudRun).toBeUndefined();
    // No identifier in it: inherited.
    expect(production.expect?.cloudSql).toEqual(staging.expect?.cloudSql);
  });

  it("does not inherit text that names the parent's identifiers: the default built from the child's own fields applies", () => {
    const stagingFile = path.join(environments, 'staging.yaml');
    const filter =
      'resource.type="cloud_run_revision" AND resource.labels.service_name="netra-backend-staging" AND textPayload:"redis"';
    fs.appendFileSync(stagingFile, `agent:\n  executionFilter: '${filter}'\n`);
    expect(loadEnvironmentFile(stagingFile).agent.executionFilter).toBe(filter);
    const production = loadEnvironmentFile(write('production', PRODUCTION));
    expect(production.agent.executionFilter).toContain('"netra-backend-production"');
    expect(production.agent.executionFilter).not.toContain('staging');
  });

  it('says when a refused value came from the parent', () => {
    // The child lowers the critical latency below the warning latency it inherits.
    const file = write('production', PRODUCTION.replace('p99LatencyMs: 800', 'p99LatencyMs: 150'));
    expect(problemsOf(() => loadEnvironmentFile(file))).toEqual([
      `${file}: thresholds.postgres.p99WarningLatencyMs: expected a warning latency below the critical p99LatencyMs (150), found 200 (value inherited from ${path.join(environments, 'staging.yaml')})`,
    ]);
  });

  it('resolves a chain of parents, nearest values winning', () => {
    write('production', PRODUCTION);
    const child = write(
      'canary',
      `${PRODUCTION.replace('extends: staging', 'extends: production').replace('project: netra-prod', 'project: netra-canary')}`.replace(
        'thresholds:\n  postgres: { p99LatencyMs: 800 }\n',
        'thresholds:\n  agent: { timeoutRatePercent: 10 }\n',
      ),
    );
    const canary = loadEnvironmentFile(child);
    expect(canary.project).toBe('netra-canary');
    expect(canary.thresholds.postgres.p99LatencyMs).toBe(800);
    expect(canary.thresholds.agent.timeoutRatePercent).toBe(10);
    expect(canary.thresholds.agent.executionBudgetSeconds).toBe(30);
  });

  it('is resolved when such an environment is cloned: the clone is written in full, without extends', async () => {
    write('production', PRODUCTION);
    const result = await cloneEnvironment(
      {
        environmentsDir: environments,
        source: 'production',
        target: 'canary',
        project: 'netra-canary',
        sets: [
          'notifications.channels[0].address=canary@netrasystems.ai',
          'notifications.channels[1].channel=#canary-alerts',
          'redis.instanceId=canary-redis-1',
          'redis.host=10.30.0.3',
          'vpcConnector.ipCidrRange=10.9.0.0/28',
          'uptime.backendHealthUrl=https://api.canary.netrasystems.ai/health',
          'uptime.authHealthUrl=https://auth.canary.netrasystems.ai/health',
          'goldenPath.webSocketUrl=wss://api.canary.netrasystems.ai/ws',
          'goldenPath.auth.tokenSecret=canary-chat-probe-token',
        ],
      },
      { synthesize: () => ({}) },
    );
    const text = fs.readFileSync(result.file, 'utf8');
    expect(text).not.toContain('extends');
    expect(result.environment.cloudRun.services).toEqual(['netra-backend-canary']);
    expect(result.environment.thresholds.postgres.p99LatencyMs).toBe(800);
    expect(result.environment.redis.tier).toBe('BASIC');
  });

  it('reports a missing parent with the file it looked for and a guess', () => {
    const file = write('production', PRODUCTION.replace('extends: staging', 'extends: stagin'));
    expect(problemsOf(() => loadEnvironmentFile(file))).toEqual([
      `${file}: extends: no environment "stagin" to inherit from: expected ${path.join(environments, 'stagin.yaml')}; did you mean "staging"?`,
    ]);
  });

  it('reports an inheritance cycle, naming every file in it', () => {
    const a = write('alpha', PRODUCTION.replace('extends: staging', 'extends: beta'));
    const b = write('beta', PRODUCTION.replace('extends: staging', 'extends: alpha'));
    expect(problemsOf(() => loadEnvironmentFile(a))).toEqual([
      `${b}: extends: inheritance cycle: ${a} extends ${b} extends ${a}; expected a chain that ends in an environment without extends`,
    ]);
    const all = problemsOf(() => loadEnvironments(environments));
    expect(all).toHaveLength(2);
    expect(all.every((line) => line.includes('inheritance cycle') && line.includes(a) && line.includes(b))).toBe(true);
  });

  it('reports an environment that extends itself', () => {
    const file = write('production', PRODUCTION.replace('extends: staging', 'extends: production'));
    expect(problemsOf(() => loadEnvironmentFile(file))).toEqual([
      `${file}: extends: inheritance cycle: ${file} extends ${file}; expected a chain that ends in an environment without extends`,
    ]);
  });
});
