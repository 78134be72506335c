// The golden-path monitor against a real loopback chat backend (HTTP login + WebSocket), in every
// way the path breaks: the deployed function's handler and `vigil golden-path` each pass in the
// good mode and fail naming the step in every other, and no output holds a secret.
import * as fs from 'fs';
import * as path from 'path';
import WebSocket from 'ws';
import { stringify } from 'yaml';
import { goldenPath } from '../../golden-path/index';
import { main } from '../../src/cli/main';
import { captureIo } from '../support/capture-io';
import { STAGING_FILE, stagingData, temporaryDirectory } from '../support/environments';
import {
  type BackendMode,
  type FakeBackend,
  PASSWORD,
  startFakeBackend,
  TOKEN,
  USERNAME,
} from '../../scripts/golden-path/fake-chat-backend';

// Short budgets keep the suite fast; the modes' slow steps (400 ms) overrun them.
const DEADLINE = '300ms';
const CONNECT_TIMEOUT = '300ms';

const CASES: [BackendMode, string | undefined, RegExp | undefined][] = [
  ['good', undefined, undefined],
  ['other-thread-interleaved', undefined, undefined],
  [
    'completed-missing',
    'deadline',
    /^agent_completed not received within 0\.3 s of the message \(received: agent_started, agent_thinking, tool_executing, tool_completed\)$/,
  ],
  ['out-of-order', 'out_of_order', /^agent_thinking arrived before agent_started/],
  ['slow-agent', 'deadline', /^agent_completed not received within 0\.3 s/],
  [
    'error-event',
    'error_event',
    /^the server sent an error event after agent_started: tool failed; token \*\*\*\* rejected$/,
  ],
  ['upgrade-401', 'connect', /^HTTP 401 at connect to ws:\/\/127\.0\.0\.1:\d+\/ws$/],
  ['upgrade-503', 'connect', /^HTTP 503 at connect/],
  ['dropped-mid-run', 'connection_closed', /^the connection closed \(code 1006\) after agent_started$/],
  ['malformed-frame', 'malformed_frame', /^a message that is not a JSON object arrived after agent_started$/],
  ['slow-handshake', 'handshake', /^no connection_established message within 0\.3 s of connecting$/],
];

const everything: string[] = [];

async function runHandler(backend: FakeBackend, env: NodeJS.ProcessEnv) {
  const logs: string[] = [];
  let body: unknown;
  const response = {
    status: () => response,
    send: (value: unknown) => {
      body = value;
    },
  };
  await goldenPath({}, response, {
    env: {
      GOLDEN_PATH_WS_URL: backend.wsUrl,
      GOLDEN_PATH_DEADLINE_MS: '300',
      GOLDEN_PATH_CONNECT_TIMEOUT_MS: '300',
      ...env,
    },
    log: (line) => logs.push(line),
    WebSocket,
  });
  everything.push(...logs, JSON.stringify(body));
  return {
    logs,
    body: body as {
      synthetic_generic_result_v1: { ok: boolean; generic_error?: { error_type: string; error_message: string } };
    },
  };
}

async function runCli(args: string[], env: NodeJS.ProcessEnv = { GOLDEN_PATH_TOKEN: TOKEN }) {
  const io = captureIo(process.cwd(), env);
  const code = await main(['golden-path', ...args], io);
  everything.push(...io.out, ...io.err);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe.each(CASES)('backend %s', (mode, step, reason) => {
  let backend: FakeBackend;
  beforeAll(async () => {
    backend = await startFakeBackend(mode);
  });
  afterAll(() => backend.close());

  test(`the function's handler: ${step ? `fails at ${step}` : 'passes'}; one structured log line`, async () => {
    const { logs, body } = await runHandler(backend, { GOLDEN_PATH_TOKEN: TOKEN });
    expect(logs).toHaveLength(1);
    const entry = JSON.parse(logs[0]) as {
      severity: string;
      goldenPath: { outcome: string; failedStep?: string; latencyMs: Record<string, number> };
    };
    expect(body.synthetic_generic_result_v1.ok).toBe(step === undefined);
    if (step === undefined) {
      expect(entry.severity).toBe('INFO');
      expect(entry.goldenPath.outcome).toBe('passed');
      for (const event of ['connect', 'handshake', 'agent_started', 'agent_completed', 'total'])
        expect(entry.goldenPath.latencyMs[event]).toEqual(expect.any(Number));
      return;
    }
    expect(entry).toMatchObject({ severity: 'ERROR', goldenPath: { outcome: 'failed', failedStep: step } });
    expect(body.synthetic_generic_result_v1.generic_error?.error_type).toBe(step);
    expect(body.synthetic_generic_result_v1.generic_error?.error_message).toMatch(reason!);
  });

  test(`vigil golden-path: exit ${step ? 1 : 0}${step ? `, naming ${step}` : ''}`, async () => {
    const run = await runCli(['--url', backend.wsUrl, '--deadline', DEADLINE, '--connect-timeout', CONNECT_TIMEOUT]);
    expect(run.code).toBe(step ? 1 : 0);
    expect(run.err).toBe('');
    if (step) expect(run.out).toMatch(new RegExp(`^golden path FAILED at ${step}: `));
    else
      expect(run.out).toMatch(
        /^golden path passed: ws:\/\/127\.0\.0\.1:\d+\/ws\n {2}connect \d+ ms, handshake \d+ ms, agent_started \d+ ms/,
      );
  });
});

describe('login and token placement', () => {
  let backend: FakeBackend;
  beforeAll(async () => {
    backend = await startFakeBackend('good');
  });
  afterAll(() => backend.close());

  test("a test user's login at the auth service gives the token", async () => {
    const run = await runCli(['--url', backend.wsUrl, '--login-url', backend.loginUrl, '--format', 'json'], {
      GOLDEN_PATH_USERNAME: USERNAME,
      GOLDEN_PATH_PASSWORD: PASSWORD,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ outcome: 'passed' });
  });

  test('a rejected login fails at token, with the status', async () => {
    const { body } = await runHandler(backend, {
      GOLDEN_PATH_AUTH: 'login',
      GOLDEN_PATH_LOGIN_URL: backend.loginUrl,
      GOLDEN_PATH_USERNAME: USERNAME,
      GOLDEN_PATH_PASSWORD: 'pw-wrong-secret-value',
    });
    expect(body.synthetic_generic_result_v1.generic_error).toMatchObject({
      error_type: 'token',
      error_message: expect.stringMatching(/^the login at http:\/\/127\.0\.0\.1:\d+\/auth\/login answered HTTP 401$/),
    });
  });

  test('the token as a subprotocol instead of a header', async () => {
    const run = await runCli(['--url', backend.wsUrl, '--placement', 'subprotocol']);
    expect(run.code).toBe(0);
  });

  test('a token the backend refuses fails at connect with 403', async () => {
    const run = await runCli(['--url', backend.wsUrl], { GOLDEN_PATH_TOKEN: 'tok-not-the-right-one' });
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^golden path FAILED at connect: HTTP 403 at connect/);
  });
});

describe("--env: the settings of an environment's goldenPath: block", () => {
  let backend: FakeBackend;
  let directory: string;
  beforeAll(async () => {
    backend = await startFakeBackend('good');
    directory = temporaryDirectory('golden-path-env');
    fs.mkdirSync(path.join(directory, 'environments'));
    const staging = fs
      .readFileSync(STAGING_FILE, 'utf8')
      .replace('wss://api.staging.netrasystems.ai/ws', backend.wsUrl);
    fs.writeFileSync(path.join(directory, 'environments', 'staging.yaml'), staging);
    const { goldenPath: _omitted, ...without } = stagingData() as Record<string, unknown>;
    fs.writeFileSync(path.join(directory, 'environments', 'bare.yaml'), stringify({ ...without }));
  });
  afterAll(async () => {
    await backend.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  test('takes the URL and the rest from the environment; the token from the shell', async () => {
    const run = await runCli(['--env', 'staging', '--environments', path.join(directory, 'environments')]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`golden path passed: ${backend.wsUrl}`);
  });

  test('an environment without the block is a usage error naming its file', async () => {
    const run = await runCli(['--env', 'bare', '--environments', path.join(directory, 'environments')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('bare.yaml has no goldenPath: block');
  });
});

describe('usage', () => {
  test.each([
    [[], '--env or --url is required'],
    [['--url', 'http://127.0.0.1:1/ws'], '--url must start with ws:// or wss://'],
    [['--url', 'ws://127.0.0.1:1/ws', '--deadline', 'soon'], '--deadline must be a duration such as 30s'],
    [['--url', 'ws://127.0.0.1:1/ws', '--events', 'a,a'], '--events must name each required event once'],
  ])('%j: exit 2 in words', async (args, message) => {
    const run = await runCli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
  });

  test('no token in the environment: exit 2 naming the variable', async () => {
    const run = await runCli(['--url', 'ws://127.0.0.1:1/ws'], {});
    expect(run.code).toBe(2);
    expect(run.err).toContain('no token: set the environment variable GOLDEN_PATH_TOKEN');
  });
});

afterAll(() => {
  // Every output of every run above: the token and the password never appear, nor a Bearer header.
  const all = everything.join('\n');
  expect(all.length).toBeGreaterThan(1000);
  expect(all).not.toContain(TOKEN);
  expect(all).not.toContain(PASSWORD);
  expect(all).not.toContain('pw-wrong-secret-value');
  expect(all).not.toMatch(/Bearer [A-Za-z0-9]/);
});
