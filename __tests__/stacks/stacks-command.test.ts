// `vigil stacks`: one entry per environment with the files a CI matrix must watch (the YAML and
// its `extends:` parents) and the state backend terraform will use.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { captureIo, copyOfEnvironments, removeDirectory } from '../clone/clone-fixtures';

// A child of staging with every identifier of its own, kept in HCP Terraform.
const PRODUCTION = `extends: staging
project: netra-prod
stateBackend: { cloud: { organization: netra, hostname: tfe.netrasystems.ai } }
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
goldenPath:
  webSocketUrl: wss://api.netrasystems.ai/ws
  auth: { type: token, tokenSecret: prod-chat-probe-token }
`;

// A grandchild: its files are itself, production and staging, nearest parent first.
const PRODUCTION_EU = PRODUCTION.replace('extends: staging', 'extends: production')
  .replace('project: netra-prod', 'project: netra-prod-eu')
  .replace(/prod-redis-1/, 'prod-eu-redis-1')
  .replace('stateBackend: { cloud: { organization: netra, hostname: tfe.netrasystems.ai } }\n', '');

describe('vigil stacks', () => {
  let cwd: string;
  let environments: string;

  beforeEach(() => {
    ({ cwd, environments } = copyOfEnvironments());
    fs.writeFileSync(path.join(environments, 'production.yaml'), PRODUCTION);
    fs.writeFileSync(path.join(environments, 'production-eu.yaml'), PRODUCTION_EU);
  });
  afterEach(() => removeDirectory(cwd));

  it('lists every stack as JSON with its backend and the files it depends on', async () => {
    const io = captureIo(cwd);
    expect(await main(['stacks', '--format', 'json'], io)).toBe(0);
    const list = JSON.parse(io.out.join('')) as Array<Record<string, unknown>>;
    // In the order of the files: production-eu.yaml sorts before production.yaml.
    expect(list.map((entry) => entry.stack)).toEqual([
      'monitoring-production-eu',
      'monitoring-production',
      'monitoring-staging',
    ]);
    const stacks = [list[1], list[0], list[2]];
    expect(stacks[0]).toEqual({
      stack: 'monitoring-production',
      environment: 'production',
      project: 'netra-prod',
      region: 'us-central1',
      directory: 'cdktf.out/stacks/monitoring-production',
      backend: {
        type: 'cloud',
        organization: 'netra',
        hostname: 'tfe.netrasystems.ai',
        workspace: 'vigil-monitoring-production',
      },
      files: ['environments/production.yaml', 'environments/staging.yaml'],
    });
    // The workspace is an identifier: the grandchild inherits the organization, never the workspace.
    expect(stacks[1].backend).toEqual({
      type: 'cloud',
      organization: 'netra',
      hostname: 'tfe.netrasystems.ai',
      workspace: 'vigil-monitoring-production-eu',
    });
    expect(stacks[1].files).toEqual([
      'environments/production-eu.yaml',
      'environments/production.yaml',
      'environments/staging.yaml',
    ]);
    expect(stacks[2].backend).toEqual({ type: 'local', path: 'state/terraform.monitoring-staging.tfstate' });
    expect(stacks[2].files).toEqual(['environments/staging.yaml']);
  });

  it('prints one line per stack as text', async () => {
    const io = captureIo(cwd);
    expect(await main(['stacks'], io)).toBe(0);
    expect(io.out.join('')).toContain(
      'monitoring-staging  environment staging, project netra-staging, state local state/terraform.monitoring-staging.tfstate\n  files: environments/staging.yaml\n',
    );
    expect(io.out.join('')).toContain('state cloud tfe.netrasystems.ai/netra/vigil-monitoring-production\n');
  });

  it('an invalid environment is a config error naming the file, and nothing is listed', async () => {
    fs.writeFileSync(path.join(environments, 'broken.yaml'), 'extends: nowhere\n');
    const io = captureIo(cwd);
    expect(await main(['stacks', '--format', 'json'], io)).toBe(1);
    expect(io.out).toEqual([]);
    expect(io.err.join('')).toContain('environments/broken.yaml: extends: no environment "nowhere" to inherit from');
  });

  it('an unknown format is a usage error', async () => {
    const io = captureIo(cwd);
    expect(await main(['stacks', '--format', 'yaml'], io)).toBe(2);
    expect(io.err.join('')).toContain('--format must be text or json, not "yaml"');
  });
});
