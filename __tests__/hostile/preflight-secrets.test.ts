// Secrets in preflight output: every form a password can take when a server or a library echoes
// it (any length, a truncated prefix, JSON-escaped, whitespace-collapsed, percent-encoded), and a
// URL whose password does not decode.
import * as fs from 'fs';
import * as path from 'path';
import { stringify, parse } from 'yaml';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/command';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { MASK, redact } from '../../src/tools/preflight/redact';
import { resolveTargets, type TargetProblem } from '../../src/tools/preflight/targets';
import { startRedis, stopAll, type RedisServer } from '../preflight/servers';
import { temporaryDirectory } from '../support/environments';

const FIXTURE = path.join(__dirname, '..', 'preflight', 'fixtures', 'preflight.yaml');
const echoed = (password: string) => `ERR unknown command 'auth', with args beginning with: '${password}' `;

describe('the scrubber', () => {
  test.each(['a', 'ab', 'abc', 'abcd', 'pass-word-7'])(
    'Redis echoing a password of %p: the arguments are masked',
    (password) => {
      const text = redact(`redis: ${echoed(password)}`, [password]);
      expect(text).toBe(`redis: ERR unknown command 'auth', with args beginning with: ${MASK}`);
    },
  );

  test('in a JSON text, the echoed arguments are masked to the end of the string, which stays valid JSON', () => {
    const json = JSON.stringify({ error: echoed('pw"x'), next: 1 });
    expect(JSON.parse(redact(json, []))).toEqual({
      error: `ERR unknown command 'auth', with args beginning with: ${MASK}`,
      next: 1,
    });
  });

  test('a short password is masked as a quoted token or after password=, and ordinary text is left alone', () => {
    expect(redact('auth failed for "ms" in 12 ms; password=ms', ['ms'])).toBe(
      `auth failed for "${MASK}" in 12 ms; password=${MASK}`,
    );
  });

  test('a 128-character prefix of a long password', () => {
    const password = 'x7'.repeat(150);
    expect(redact(`echo: ${password.slice(0, 128)}; end`, [password])).toBe(`echo: ${MASK}; end`);
  });

  test('any prefix of 8 characters or more, and not 7', () => {
    const password = 'correct-horse-battery';
    expect(redact(`a ${password.slice(0, 8)} b`, [password])).toBe(`a ${MASK} b`);
    expect(redact(`a ${password.slice(0, 7)} b`, [password])).toBe(`a ${password.slice(0, 7)} b`);
  });

  test('JSON-escaped, whitespace-collapsed and percent-encoded forms', () => {
    const password = 'p"a\\ss\tword  with\nspaces';
    const forms = [
      JSON.stringify(password).slice(1, -1),
      'p"a\\ss word with spaces',
      encodeURIComponent(password),
      encodeURIComponent('p"a\\ss word with spaces').replace(/%20/g, '+'),
    ];
    for (const form of forms) expect(redact(`<${form}>`, [password])).toBe(`<${MASK}>`);
    expect(redact(JSON.stringify({ error: `bad ${password}` }), [password])).toBe(`{"error":"bad ${MASK}"}`);
  });
});

describe('a URL password with a % not followed by two hex digits', () => {
  const environment = loadEnvironmentFile(FIXTURE);

  test.each([
    ['--redis-url', { redisUrl: 'redis://:50%off@127.0.0.1:6379' }],
    ['--database-url', { databaseUrl: 'postgresql://app:50%zz@127.0.0.1:5432/app' }],
    ['DATABASE_URL', { processEnv: { DATABASE_URL: 'postgresql://app:50%@127.0.0.1:5432/app' } }],
  ])('%s: a problem in words naming it, without the password', (source, inputs) => {
    const targets = resolveTargets({ environment, processEnv: {}, ...inputs });
    const problem = (source === '--redis-url' ? targets.redis : targets.postgresql) as TargetProblem;
    expect(problem).toEqual({
      problem: `${source} has a password with a '%' not followed by two hexadecimal digits; write a literal % as %25 (the value is not shown: it may be a secret)`,
      display: source,
    });
    expect(JSON.stringify(problem)).not.toMatch(/50%/);
  });
});

describe('preflight against a Redis with AUTH renamed (it echoes the password)', () => {
  const directories: string[] = [];
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis(['--rename-command', 'AUTH', '']);
  }, 20000);
  afterAll(() => {
    stopAll();
    for (const made of directories) fs.rmSync(made, { recursive: true, force: true });
  });

  test.each([['text'], ['json']])(
    '%s report: no form of the password',
    async (format) => {
      const directory = temporaryDirectory('hostile-preflight');
      directories.push(directory);
      const data = parse(fs.readFileSync(FIXTURE, 'utf8'));
      data.redis.port = server.port;
      const file = path.join(directory, 'preflight.yaml');
      fs.writeFileSync(file, stringify(data));
      let out = '';
      const io: CliIo = {
        stdout: (text) => {
          out += text;
        },
        stderr: (text) => {
          out += text;
        },
        cwd: process.cwd(),
        env: { REDIS_PASSWORD: server.password },
        interactive: false,
      };
      const started = performance.now();
      const code = await main(['preflight', '--env', file, '--format', format, '--timeout-ms', '3000'], io);
      expect(performance.now() - started).toBeLessThan(5000);
      expect([1, 2]).toContain(code);
      expect(out).toContain('args beginning with: ****');
      if (format === 'json')
        expect(JSON.parse(out).redis.error).toBe(
          `Redis at 127.0.0.1:${server.port}: ERR unknown command 'auth', with args beginning with: ****`,
        );
      expect(out).not.toContain(server.password.slice(0, 8));
    },
    20000,
  );
});
