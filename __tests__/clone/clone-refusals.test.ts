// What clone refuses, and how it says so: values it cannot derive without a terminal, an existing
// target, an unknown --set path, the source's own identifiers, a leak in the synthesized stack.
// Synthesis is stubbed here: every case but the last stops before it.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { CloneError } from '../../src/tools/clone/clone-error';
import { cloneEnvironment, CloneOptions } from '../../src/tools/clone/clone-environment';
import { captureIo, copyOfEnvironments, PRODUCTION_SETS, removeDirectory, setFlags } from './clone-fixtures';

const NO_SYNTHESIS = () => ({});

describe('vigil clone refuses', () => {
  let cwd: string;
  let environments: string;
  beforeEach(() => ({ cwd, environments } = copyOfEnvironments()));
  afterEach(() => removeDirectory(cwd));

  const options = (sets: readonly string[], extra: Partial<CloneOptions> = {}): CloneOptions => ({
    environmentsDir: environments,
    source: 'staging',
    target: 'production',
    project: 'netra-prod',
    sets,
    ...extra,
  });

  async function refusal(run: Promise<unknown>): Promise<CloneError> {
    try {
      await run;
    } catch (error) {
      if (error instanceof CloneError) return error;
      throw error;
    }
    throw new Error('expected a CloneError');
  }

  it('without a terminal, to guess: it lists every value still to give, each with its --set, and writes nothing', async () => {
    const io = captureIo(cwd);
    const code = await main(
      ['clone', 'staging', 'production', '--project', 'netra-prod', '--set', 'redis.host=10.20.0.3'],
      io,
    );
    expect(code).toBe(2);
    const message = io.err.join('');
    const flags = [...message.matchAll(/^ {2}--set ([^=]+)=/gm)].map((match) => match[1]);
    expect(flags).toEqual([
      'notifications.channels[0].address',
      'notifications.channels[1].channel',
      'redis.instanceId',
      'vpcConnector.ipCidrRange',
      'cloudRun.services[1]',
      'uptime.backendHealthUrl',
      'uptime.authHealthUrl',
      'goldenPath.webSocketUrl',
      'goldenPath.auth.tokenSecret',
    ]);
    expect(message).toContain('There is no terminal to ask at; give them with --set:');
    expect(message).toContain('(staging: "staging-redis-f1adc35c"; expected a Memorystore instance id');
    expect(message).toContain('also sets expect.vpcConnector.ipCidrRange');
    expect(fs.existsSync(path.join(environments, 'production.yaml'))).toBe(false);
  });

  it('to overwrite an existing file, even one with the other extension', async () => {
    const existing = path.join(environments, 'production.yml');
    fs.writeFileSync(existing, 'project: keep-me\n');
    const io = captureIo(cwd);
    expect(
      await main(['clone', 'staging', 'production', '--project', 'netra-prod', ...setFlags(PRODUCTION_SETS)], io),
    ).toBe(1);
    expect(io.err.join('')).toBe(
      `vigil clone: ${existing} exists already; clone never overwrites an environment: choose another name or remove the file\n`,
    );
    expect(fs.readFileSync(existing, 'utf8')).toBe('project: keep-me\n');
  });

  it('an unknown --set path, with the closest field path', async () => {
    const error = await refusal(cloneEnvironment(options(['redis.hots=10.20.0.3']), { synthesize: NO_SYNTHESIS }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('--set redis.hots: no such field in an environment; did you mean "redis.host"?');
    const nested = await refusal(
      cloneEnvironment(options(['notifications.channels[1].chanel=#x']), { synthesize: NO_SYNTHESIS }),
    );
    expect(nested.message).toBe(
      '--set notifications.channels[1].chanel: no such field in an environment; did you mean "notifications.channels[0].channel"?',
    );
  });

  it("a --set that keeps the source's own URL or, in the same project, its own instance", async () => {
    const sameUrl = PRODUCTION_SETS.map((set) =>
      set.startsWith('uptime.backendHealthUrl=')
        ? 'uptime.backendHealthUrl=https://api.staging.netrasystems.ai/health'
        : set,
    );
    const error = await refusal(cloneEnvironment(options(sameUrl), { synthesize: NO_SYNTHESIS }));
    expect(error.message).toBe(
      '--set uptime.backendHealthUrl: "https://api.staging.netrasystems.ai/health" is staging\'s own value and it names the same resource in any project; expected production\'s own',
    );
    const sameInstance = [
      ...PRODUCTION_SETS.filter((set) => !set.startsWith('redis.instanceId=')),
      'redis.instanceId=staging-redis-f1adc35c',
    ];
    const inProject = await refusal(
      cloneEnvironment(options(sameInstance, { project: 'netra-staging' }), { synthesize: NO_SYNTHESIS }),
    );
    expect(inProject.message).toContain(
      '--set redis.instanceId: "staging-redis-f1adc35c" is staging\'s own value and in the same project netra-staging it is the same resource',
    );
  });

  it('a stack that still names a source identifier: it names the identifier, its field and where, and removes the file', async () => {
    const leaky = () => ({
      resource: {
        google_monitoring_alert_policy: {
          redis: { documentation: { content: 'Check staging-redis-f1adc35c in netra-staging.' } },
        },
      },
    });
    const error = await refusal(cloneEnvironment(options(PRODUCTION_SETS), { synthesize: leaky }));
    expect(error.exitCode).toBe(1);
    const file = path.join(environments, 'production.yaml');
    expect(error.message.split('\n').slice(0, 3)).toEqual([
      `the stack of production still names 2 identifiers of staging; ${file} was removed again:`,
      `  "netra-staging" (project in ${path.join(environments, 'staging.yaml')}) at resource.google_monitoring_alert_policy.redis.documentation.content`,
      `  "staging-redis-f1adc35c" (redis.instanceId in ${path.join(environments, 'staging.yaml')}) at resource.google_monitoring_alert_policy.redis.documentation.content`,
    ]);
    expect(error.message).toContain('vigil clone staging production --project netra-prod --set');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('vigil clone at a terminal', () => {
  let cwd: string;
  let environments: string;
  beforeEach(() => ({ cwd, environments } = copyOfEnvironments()));
  afterEach(() => removeDirectory(cwd));

  it('asks for each missing value, asks again after a refusal, and writes the answers', async () => {
    const answers = new Map(
      PRODUCTION_SETS.map((set) => [set.slice(0, set.indexOf('=')), set.slice(set.indexOf('=') + 1)]),
    );
    const questions: string[] = [];
    const told: string[] = [];
    let refusedOnce = false;
    const ask = async (question: string) => {
      questions.push(question);
      const fieldPath = question.trim().split(' ')[0];
      if (fieldPath === 'redis.host' && !refusedOnce) {
        refusedOnce = true;
        return 'not-an-ip';
      }
      return answers.get(fieldPath);
    };
    const result = await cloneEnvironment(
      { environmentsDir: environments, source: 'staging', target: 'production', project: 'netra-prod', sets: [] },
      { ask, tell: (text) => told.push(text), synthesize: () => ({}) },
    );
    expect(questions.map((question) => question.trim().split(' ')[0])).toEqual([
      'notifications.channels[0].address',
      'notifications.channels[1].channel',
      'redis.instanceId',
      'redis.host',
      'redis.host',
      'vpcConnector.ipCidrRange',
      'cloudRun.services[1]',
      'uptime.backendHealthUrl',
      'uptime.authHealthUrl',
      'goldenPath.webSocketUrl',
      'goldenPath.auth.tokenSecret',
    ]);
    expect(told).toContain('  not taken: expected an IPv4 address such as 10.166.204.83\n');
    expect(result.environment.redis.host).toBe('10.20.0.3');
    expect(result.environment.expect?.redis?.host).toBe('10.20.0.3');
    expect(result.choices.filter((choice) => choice.how === 'answered')).toHaveLength(PRODUCTION_SETS.length);
  });

  it('stops without writing when input ends', async () => {
    const error = await cloneEnvironment(
      { environmentsDir: environments, source: 'staging', target: 'production', project: 'netra-prod', sets: [] },
      { ask: async () => undefined, synthesize: () => ({}) },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CloneError);
    expect((error as Error).message).toBe(
      'input ended before notifications.channels[0].address was given; nothing was written',
    );
    expect(fs.existsSync(path.join(environments, 'production.yaml'))).toBe(false);
  });
});
