// `vigil preflight` against real servers on loopback, started here: redis-server with
// requirepass, PostgreSQL 15, and a listener that accepts and never answers.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/command';
import {
  HangingListener,
  PostgresServer,
  RedisServer,
  freePort,
  randomSecret,
  startHangingListener,
  startPostgres,
  startRedis,
  stopAll,
} from './servers';

const FIXTURE = path.join(__dirname, 'fixtures', 'preflight.yaml');

let redis: RedisServer;
let postgres: PostgresServer;
let workDir: string;
const secretsSeen: string[] = [];
const outputs: string[] = [];

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-preflight-test-'));
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  secretsSeen.push(redis.password, postgres.password);
}, 60000);

afterAll(() => {
  stopAll();
  fs.rmSync(workDir, { recursive: true, force: true });
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
}

async function preflight(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: process.cwd(),
    env,
    interactive: false,
  };
  const started = performance.now();
  const code = await main(['preflight', ...args], io);
  const elapsedMs = performance.now() - started;
  outputs.push(stdout, stderr);
  return { code, stdout, stderr, elapsedMs };
}

async function preflightJson(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = await preflight([...args, '--format', 'json'], env);
  return { ...run, report: JSON.parse(run.stdout) };
}

/** An environment file with Redis on the given loopback port and, optionally, other thresholds. */
function environmentFile(redisPort: number, thresholds?: { redisMs?: number; postgresMs?: number }): string {
  const data = parse(fs.readFileSync(FIXTURE, 'utf8'));
  data.redis.port = redisPort;
  if (thresholds?.redisMs !== undefined) data.thresholds.redis.responseTimeMs = thresholds.redisMs;
  if (thresholds?.postgresMs !== undefined) data.thresholds.postgres.responseTimeMs = thresholds.postgresMs;
  const file = path.join(workDir, `env${Math.random().toString(36).slice(2, 8)}`, 'preflight.yaml');
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(file, stringify(data));
  return file;
}

const redisUrl = () => `redis://127.0.0.1:${redis.port}`;

describe('Redis', () => {
  it('fails with the NOAUTH message when no password is given to a Redis that requires one', async () => {
    const { code, report } = await preflightJson(['--env', environmentFile(redis.port)], {
      DATABASE_URL: postgres.url(),
    });
    expect(report.redis).toMatchObject({ status: 'failed', connected: false, response_time_ms: null });
    expect(report.redis.error).toBe(
      'Redis requires a password (NOAUTH): set REDIS_PASSWORD (or give it in --redis-url redis://:PASSWORD@host:port)',
    );
    expect(report.postgresql.status).toBe('healthy');
    expect(code).toBe(1);
  });

  it('is healthy with the right password from REDIS_PASSWORD, host and port from the environment file', async () => {
    const { code, report } = await preflightJson(['--env', environmentFile(redis.port)], {
      REDIS_PASSWORD: redis.password,
      DATABASE_URL: postgres.url(),
    });
    expect(report.redis).toMatchObject({
      status: 'healthy',
      connected: true,
      error: null,
      target: `redis://:****@127.0.0.1:${redis.port}`,
      threshold_ms: 100,
    });
    expect(report.redis.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(report.redis.timings_ms)).toEqual(['connect', 'auth', 'ping', 'info']);
    const sum = Object.values(report.redis.timings_ms as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(report.redis.response_time_ms).toBeCloseTo(sum, 1);
    expect(code).toBe(0);
  });

  it('is healthy with the password and a database number given in --redis-url', async () => {
    const url = `redis://:${encodeURIComponent(redis.password)}@127.0.0.1:${redis.port}/3`;
    const { report } = await preflightJson(['--env', FIXTURE, '--redis-url', url], { DATABASE_URL: postgres.url() });
    expect(report.redis).toMatchObject({
      status: 'healthy',
      connected: true,
      target: `redis://:****@127.0.0.1:${redis.port}/3`,
    });
    expect(Object.keys(report.redis.timings_ms)).toEqual(['connect', 'auth', 'select', 'ping', 'info']);
  });

  it('fails with an authentication message when the password is wrong', async () => {
    const { code, report } = await preflightJson(['--env', FIXTURE, '--redis-url', redisUrl()], {
      REDIS_PASSWORD: randomSecret(),
      DATABASE_URL: postgres.url(),
    });
    expect(report.redis).toMatchObject({ status: 'failed', connected: false });
    expect(report.redis.error).toMatch(
      /^Redis authentication failed \(WRONGPASS\): the password from REDIS_PASSWORD is not this instance's AUTH string; .*gcloud redis instances get-auth-string staging-redis-f1adc35c --region=us-central1 --project=netra-staging$/,
    );
    expect(code).toBe(1);
  });

  it('is degraded, exit 2, when slower than the environment threshold', async () => {
    const file = environmentFile(redis.port, { redisMs: 0.001 });
    const { code, report } = await preflightJson(['--env', file], {
      REDIS_PASSWORD: redis.password,
      DATABASE_URL: postgres.url(),
    });
    expect(report.redis).toMatchObject({ status: 'degraded', connected: true, error: null, threshold_ms: 0.001 });
    // Measured twice before being called degraded.
    expect(report.redis.notes).toEqual([
      expect.stringMatching(/^first measurement [\d.]+ ms was above 0.001 ms; measured again on a new connection$/),
    ]);
    expect(report.postgresql.status).toBe('healthy');
    expect(code).toBe(2);
  });

  it('fails with "connection refused" when nothing listens on the port', async () => {
    const closedPort = await freePort();
    const { report } = await preflightJson(['--env', FIXTURE, '--redis-url', `redis://127.0.0.1:${closedPort}`], {
      DATABASE_URL: postgres.url(),
    });
    expect(report.redis.error).toBe(
      `Redis at 127.0.0.1:${closedPort}: connection refused; nothing listens on that port (server down, or wrong host or port)`,
    );
  });
});

describe('PostgreSQL', () => {
  it('is healthy with the right password, and reports the server version', async () => {
    const { report } = await preflightJson(['--env', FIXTURE, '--redis-url', redisUrl()], {
      REDIS_PASSWORD: redis.password,
      DATABASE_URL: postgres.url(),
    });
    expect(report.postgresql).toMatchObject({
      status: 'healthy',
      connected: true,
      error: null,
      threshold_ms: 200,
      target: `postgresql://vigil:****@127.0.0.1:${postgres.port}/postgres`,
    });
    expect(report.postgresql.version).toMatch(/^15\.\d+/);
    expect(Object.keys(report.postgresql.timings_ms)).toEqual(['connect', 'select_1', 'server_version']);
  });

  it('prefers --database-url to DATABASE_URL, and fails with 28P01 on a wrong password', async () => {
    const { code, report } = await preflightJson(
      ['--env', FIXTURE, '--redis-url', redisUrl(), '--database-url', postgres.url(randomSecret())],
      { REDIS_PASSWORD: redis.password, DATABASE_URL: postgres.url() },
    );
    expect(report.postgresql).toMatchObject({ status: 'failed', connected: false, response_time_ms: null });
    expect(report.postgresql.error).toBe(
      'PostgreSQL authentication failed for user "vigil" (28P01): check the password in --database-url',
    );
    expect(code).toBe(1);
  });

  it('says a password is needed when the URL has none', async () => {
    const { report } = await preflightJson(['--env', FIXTURE, '--redis-url', redisUrl()], {
      REDIS_PASSWORD: redis.password,
      DATABASE_URL: `postgresql://vigil@127.0.0.1:${postgres.port}/postgres`,
    });
    expect(report.postgresql.error).toBe(
      'PostgreSQL requires a password for user "vigil": put it in DATABASE_URL (postgresql://user:PASSWORD@host:port/database)',
    );
  });

  it('fails when no connection is given at all', async () => {
    const { report } = await preflightJson(['--env', FIXTURE, '--redis-url', redisUrl()], {
      REDIS_PASSWORD: redis.password,
    });
    expect(report.postgresql).toMatchObject({
      status: 'failed',
      error:
        'no PostgreSQL connection given: set DATABASE_URL or pass --database-url postgresql://user@host:5432/database',
    });
  });
});

describe('a port that accepts and never answers', () => {
  let hanging: HangingListener;
  beforeEach(async () => {
    hanging = await startHangingListener();
  });

  it.each([
    ['Redis', 'redis', (port: number) => ['--redis-url', `redis://127.0.0.1:${port}`], 'the PING reply'],
    [
      'PostgreSQL',
      'postgresql',
      (port: number) => ['--database-url', `postgresql://vigil:${postgres.password}@127.0.0.1:${port}/postgres`],
      'the reply to the PostgreSQL startup message',
    ],
  ])('%s fails within the timeout and closes its socket', async (_name, key, flags, step) => {
    const timeoutMs = 300;
    const { report, elapsedMs } = await preflightJson(
      ['--env', FIXTURE, '--timeout-ms', String(timeoutMs), ...flags(hanging.port)],
      { DATABASE_URL: postgres.url() },
    );
    expect(report[key].status).toBe('failed');
    expect(report[key].error).toContain(
      `connected, but no answer within ${timeoutMs} ms while waiting for ${step} (timeout)`,
    );
    // The timeout plus the socket teardown; far below the library defaults (ioredis 10 s, pg none).
    expect(elapsedMs).toBeLessThan(timeoutMs + 700);
    await expect(hanging.clientClosed).resolves.toBeUndefined();
  });
});

describe('sockets and secrets', () => {
  it('leaves no socket or timer behind after runs with every kind of outcome', async () => {
    // Sockets and timers are what would keep `vigil preflight` from exiting when it is done.
    const sockets = () =>
      process
        .getActiveResourcesInfo()
        .filter((name) => name === 'TCPSocketWrap' || name === 'Timeout')
        .sort();
    const before = sockets();
    const hanging = await startHangingListener();
    await preflight(['--env', FIXTURE, '--timeout-ms', '200', '--redis-url', `redis://127.0.0.1:${hanging.port}`], {
      DATABASE_URL: postgres.url(),
    });
    await preflight(['--env', FIXTURE, '--redis-url', redisUrl()], {
      REDIS_PASSWORD: redis.password,
      DATABASE_URL: postgres.url(randomSecret()),
    });
    await preflight(['--env', FIXTURE, '--redis-url', redisUrl()], {
      REDIS_PASSWORD: redis.password,
      DATABASE_URL: postgres.url(),
    });
    await preflight(['--env', FIXTURE, '--redis-url', `redis://127.0.0.1:${await freePort()}`], {
      DATABASE_URL: `postgresql://vigil:x@127.0.0.1:${await freePort()}/postgres`,
    });
    await hanging.clientClosed;
    // Closed sockets leave the active list on the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    expect(sockets()).toEqual(before);
  });

  it('never prints a password, in text or JSON, on success or failure', async () => {
    const wrong = randomSecret();
    secretsSeen.push(wrong);
    for (const format of ['text', 'json']) {
      await preflight([
        '--env',
        FIXTURE,
        '--format',
        format,
        '--redis-url',
        `redis://:${redis.password}@127.0.0.1:${redis.port}`,
        '--database-url',
        postgres.url(),
      ]);
      await preflight(['--env', FIXTURE, '--format', format, '--redis-url', redisUrl()], {
        REDIS_PASSWORD: wrong,
        DATABASE_URL: postgres.url(wrong),
      });
      await preflight([
        '--env',
        FIXTURE,
        '--format',
        format,
        '--redis-url',
        `redis://:${wrong}@127.0.0.1:1`,
        '--database-url',
        `postgresql://vigil:${wrong}@127.0.0.1:1/postgres`,
      ]);
    }
    // A bad flag value is not echoed either: it may be a URL with a password.
    await preflight([
      '--env',
      FIXTURE,
      '--format',
      'json',
      '--redis-url',
      `http://:${wrong}@127.0.0.1`,
      `--database-url=postgresql://vigil:${wrong}@`,
    ]);
    const { stderr } = await preflight([`redis://:${wrong}@127.0.0.1`]);
    expect(stderr).toContain('unexpected argument');
    const everything = outputs.join('\n');
    expect(everything).toContain('****');
    for (const secret of secretsSeen) expect(everything).not.toContain(secret);
  });
});

describe('PostgreSQL stopped', () => {
  // Last: it stops the server the other tests use.
  it('fails with "connection refused" once the server is stopped', async () => {
    await postgres.stop();
    const { code, report, stdout } = await preflight(['--env', FIXTURE, '--redis-url', redisUrl()], {
      REDIS_PASSWORD: redis.password,
      DATABASE_URL: postgres.url(),
    }).then(async (text) => ({
      ...text,
      ...(await preflightJson(['--env', FIXTURE, '--redis-url', redisUrl()], {
        REDIS_PASSWORD: redis.password,
        DATABASE_URL: postgres.url(),
      })),
    }));
    expect(report.postgresql).toMatchObject({ status: 'failed', connected: false, response_time_ms: null });
    expect(report.postgresql.error).toBe(
      `PostgreSQL at 127.0.0.1:${postgres.port}: connection refused; nothing listens on that port (server down, or wrong host or port)`,
    );
    expect(report.redis.status).toBe('healthy');
    expect(code).toBe(1);
    expect(stdout).toContain('"status": "failed"');
  });
});
