// The parts of preflight that need no server: targets and where secrets come from, masking,
// statuses and exit codes, the text report, and the flags.
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/command';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import {
  CheckResult,
  PreflightReport,
  checkResult,
  exitCodeFor,
  statusForTime,
} from '../../src/tools/preflight/check-result';
import { measureWithConfirmation } from '../../src/tools/preflight/confirm-degraded';
import { formatReport } from '../../src/tools/preflight/format-report';
import { maskUrl, redact } from '../../src/tools/preflight/redact';
import { PostgresTarget, RedisTarget, TargetProblem, resolveTargets } from '../../src/tools/preflight/targets';

const FIXTURE = path.join(__dirname, 'fixtures', 'preflight.yaml');
const environment = loadEnvironmentFile(FIXTURE);

describe('resolveTargets', () => {
  it('takes Redis host and port from the environment file and the password from REDIS_PASSWORD', () => {
    const targets = resolveTargets({ environment, processEnv: { REDIS_PASSWORD: 's3cret-pass' } });
    expect(targets.redis).toMatchObject({
      host: '127.0.0.1',
      port: 6379,
      password: 's3cret-pass',
      passwordSource: 'REDIS_PASSWORD',
      display: 'redis://:****@127.0.0.1:6379',
    });
    expect(targets.secrets).toContain('s3cret-pass');
  });

  it('shows no password part when none is known', () => {
    const targets = resolveTargets({ environment, processEnv: { REDIS_PASSWORD: '' } });
    expect(targets.redis).toMatchObject({
      password: undefined,
      passwordSource: null,
      display: 'redis://127.0.0.1:6379',
    });
  });

  it('lets --redis-url override host, port and database; its password wins over REDIS_PASSWORD', () => {
    const targets = resolveTargets({
      environment,
      redisUrl: 'rediss://:url%2Fpass@cache.internal:6380/2',
      processEnv: { REDIS_PASSWORD: 'env-pass' },
    });
    const redis = targets.redis as RedisTarget;
    expect(redis).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      db: 2,
      tls: true,
      password: 'url/pass',
      passwordSource: '--redis-url',
    });
    expect(redis.display).toBe('rediss://:****@cache.internal:6380/2');
    expect(targets.secrets).toEqual(expect.arrayContaining(['env-pass', 'url/pass', 'url%2Fpass']));
  });

  it('falls back to REDIS_PASSWORD when --redis-url has none', () => {
    const redis = resolveTargets({
      environment,
      redisUrl: 'redis://10.0.0.3',
      processEnv: { REDIS_PASSWORD: 'env-pass' },
    }).redis as RedisTarget;
    expect(redis).toMatchObject({
      port: 6379,
      password: 'env-pass',
      passwordSource: 'REDIS_PASSWORD',
      display: 'redis://:****@10.0.0.3:6379',
    });
  });

  it('rejects a URL that is not redis:// without echoing it', () => {
    const redis = resolveTargets({ environment, redisUrl: 'http://:hunter22@host', processEnv: {} })
      .redis as TargetProblem;
    expect(redis.problem).toBe(
      '--redis-url is not a redis:// or rediss:// URL (expected redis://[:password@]host[:port][/db])',
    );
    expect(redis.display).toBe('--redis-url');
  });

  it('takes PostgreSQL from --database-url before DATABASE_URL, masked for display', () => {
    const targets = resolveTargets({
      environment,
      databaseUrl: 'postgresql://app:flag-pass@10.1.2.3:6432/chat?sslmode=require',
      processEnv: { DATABASE_URL: 'postgresql://app:env-pass@db/chat' },
    });
    expect(targets.postgresql).toMatchObject({
      host: '10.1.2.3',
      port: 6432,
      user: 'app',
      database: 'chat',
      hasPassword: true,
      source: '--database-url',
      display: 'postgresql://app:****@10.1.2.3:6432/chat?sslmode=require',
    });
    expect(targets.secrets).toEqual(expect.arrayContaining(['flag-pass', 'env-pass']));
  });

  it('reads DATABASE_URL, defaulting the port to 5432 and the database to the user name', () => {
    expect(
      resolveTargets({ environment, processEnv: { DATABASE_URL: 'postgres://app@db.internal' } }).postgresql,
    ).toMatchObject({
      host: 'db.internal',
      port: 5432,
      database: 'app',
      hasPassword: false,
      source: 'DATABASE_URL',
    } satisfies Partial<PostgresTarget>);
  });

  it('explains a missing or malformed PostgreSQL URL', () => {
    expect((resolveTargets({ environment, processEnv: {} }).postgresql as TargetProblem).problem).toBe(
      'no PostgreSQL connection given: set DATABASE_URL or pass --database-url postgresql://user@host:5432/database',
    );
    const bad = resolveTargets({ environment, processEnv: { DATABASE_URL: 'mysql://u:p@h/d' } });
    expect((bad.postgresql as TargetProblem).problem).toBe(
      'DATABASE_URL is not a postgres:// or postgresql:// URL (expected postgresql://user:password@host:5432/database)',
    );
    const noUser = resolveTargets({ environment, processEnv: { DATABASE_URL: 'postgresql://db.internal/chat' } });
    expect((noUser.postgresql as TargetProblem).problem).toBe(
      'DATABASE_URL has no user name (expected postgresql://user:password@host:5432/database)',
    );
  });
});

describe('masking', () => {
  it('masks URL passwords and password query parameters', () => {
    expect(maskUrl(new URL('redis://:pw@h:1'))).toBe('redis://:****@h:1');
    expect(maskUrl(new URL('postgresql://u@h/d?password=pw&sslmode=require'))).toBe(
      'postgresql://u@h/d?password=****&sslmode=require',
    );
  });

  it('redacts every occurrence of each secret and of its URL-encoded form, longest first', () => {
    expect(redact('a p@ss/word b p%40ss%2Fword c', ['p@ss/word'])).toBe('a **** b **** c');
    expect(redact('secret-long secret', ['secret', 'secret-long'])).toBe('**** ****');
    // Too short to search for without garbling ordinary text.
    expect(redact('12.5 ms', ['ms'])).toBe('12.5 ms');
  });
});

function result(status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult {
  return {
    ...checkResult(
      {
        status,
        connected: status !== 'failed',
        response_time_ms: status === 'failed' ? null : 12.5,
        error: status === 'failed' ? 'it broke' : null,
      },
      { target: 'redis://:****@127.0.0.1:6379', threshold_ms: 100, version: null, timings_ms: {}, notes: [] },
    ),
    ...extra,
  };
}

describe('statuses and exit codes', () => {
  it('is degraded only above the threshold', () => {
    expect(statusForTime(100, 100)).toBe('healthy');
    expect(statusForTime(100.01, 100)).toBe('degraded');
  });

  it.each([
    ['healthy', 'healthy', 0],
    ['healthy', 'degraded', 2],
    ['degraded', 'degraded', 2],
    ['degraded', 'failed', 1],
    ['failed', 'healthy', 1],
  ] as const)('redis %s + postgresql %s → exit %i', (redis, postgresql, code) => {
    expect(exitCodeFor({ redis: result(redis), postgresql: result(postgresql) })).toBe(code);
  });

  it('keeps the /health fields first in JSON', () => {
    expect(Object.keys(result('healthy')).slice(0, 4)).toEqual(['status', 'connected', 'response_time_ms', 'error']);
  });
});

describe('a degraded measurement is confirmed on a new connection', () => {
  function checks(...results: CheckResult[]) {
    const queue = [...results];
    const check = jest.fn(async () => queue.shift()!);
    return check;
  }
  const slow = { ...result('degraded'), response_time_ms: 150 };

  it('measures once when the first result is healthy or failed', async () => {
    for (const first of [result('healthy'), result('failed')]) {
      const check = checks(first);
      await expect(measureWithConfirmation(check)).resolves.toBe(first);
      expect(check).toHaveBeenCalledTimes(1);
    }
  });

  it('reports the second measurement, and says so, when the first was degraded', async () => {
    const check = checks(slow, result('healthy'));
    const confirmed = await measureWithConfirmation(check);
    expect(check).toHaveBeenCalledTimes(2);
    expect(confirmed).toMatchObject({
      status: 'healthy',
      response_time_ms: 12.5,
      notes: ['first measurement 150 ms was above 100 ms; measured again on a new connection'],
    });
  });

  it('stays degraded when slow twice', async () => {
    await expect(measureWithConfirmation(checks(slow, slow))).resolves.toMatchObject({ status: 'degraded' });
  });

  it('keeps the degraded result when the second measurement fails, with the failure as a note', async () => {
    const confirmed = await measureWithConfirmation(checks(slow, result('failed')));
    expect(confirmed).toMatchObject({
      status: 'degraded',
      response_time_ms: 150,
      notes: ['a second measurement failed: it broke'],
    });
  });
});

describe('text report', () => {
  it('gives one line per check, the error, timings, notes and a summary', () => {
    const report: PreflightReport = {
      redis: result('failed', { error: 'Redis requires a password (NOAUTH): set REDIS_PASSWORD' }),
      postgresql: result('degraded', {
        target: 'postgresql://app:****@db:5432/chat',
        threshold_ms: 200,
        version: '15.4',
        timings_ms: { connect: 250, select_1: 1.5 },
        notes: ['a note'],
      }),
    };
    expect(formatReport(report, 'text', []).split('\n')).toEqual([
      'Redis       FAILED              -  redis://:****@127.0.0.1:6379',
      '            error: Redis requires a password (NOAUTH): set REDIS_PASSWORD',
      'PostgreSQL  DEGRADED     12.50 ms  postgresql://app:****@db:5432/chat  (version 15.4)',
      '            connect 250 ms, select_1 1.5 ms; degraded above 200 ms',
      '            note: a note',
      'preflight: 1 of 2 checks failed',
      '',
    ]);
  });

  it('scrubs secrets that reached a message', () => {
    const report = { redis: result('failed', { error: 'server said hunter22' }), postgresql: result('healthy') };
    expect(formatReport(report, 'json', ['hunter22'])).not.toContain('hunter22');
    expect(formatReport(report, 'text', ['hunter22'])).toContain('server said ****');
  });
});

describe('flags', () => {
  async function run(args: string[]) {
    let stderr = '';
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      cwd: process.cwd(),
      env: {},
      interactive: false,
    };
    return { code: await main(['preflight', ...args], io), stderr };
  }

  it.each([
    [['--format', 'yaml'], '--format must be text or json, found "yaml"'],
    [['--timeout-ms', '0'], '--timeout-ms must be a whole number of milliseconds from 1 to 600000, found "0"'],
    [['--timeout-ms'], '--timeout-ms needs a value'],
    [['--redis-url', '--format', 'json'], '--redis-url needs a value'],
    [['--env', 'a', '--env', 'b'], '--env given twice'],
    [['--verbose'], 'unknown option --verbose'],
  ])('%j is a usage error: %s', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`vigil preflight: ${message}`);
  });

  it('reports an unknown environment as a config error naming the file', async () => {
    const { code, stderr } = await run(['--env', 'no-such-env']);
    expect(code).toBe(1);
    expect(stderr).toBe('environments/no-such-env.yaml: cannot read the file: no such file or directory (ENOENT)\n');
  });
});
