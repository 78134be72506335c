// `vigil golden-path`: one chat turn through the WebSocket, as the deployed synthetic monitor runs
// it, from the shell: on-call during an incident, CI after a deploy. Exit 0 when the path holds,
// 1 when it fails (the step named), 2 for a usage error.
import * as path from 'path';
import WebSocket from 'ws';
import { parseDuration } from '../../artifact/duration';
import type { GoldenPath } from '../../config/golden-path-schema';
import { loadEnvironmentFile } from '../../config/load-environment';
import { ExitCode } from '../../errors/exit-codes';
import { type GoldenPathConfig, type GoldenPathResult, goldenPathMonitor } from '../../tools/golden-path/monitor';
import { parseCommandArgs } from '../command-args';
import type { Command } from '../command';
import { UsageError } from '../usage-error';

const USAGE = `usage: vigil golden-path (--env ENV | --url ws(s)://HOST/ws) [options]
  --env ENV             take URL, auth, events, deadline and message from environments/ENV.yaml's goldenPath:
  --environments DIR    where environment files are (default environments)
  --url URL             the chat WebSocket (ws:// or wss://); overrides the environment's
  --token-env NAME      the environment variable holding the bearer token (default GOLDEN_PATH_TOKEN)
  --login-url URL       log in as a test user instead: the auth service's login endpoint
  --username-env NAME   with --login-url: the variable holding the username (default GOLDEN_PATH_USERNAME)
  --password-env NAME   with --login-url: the variable holding the password (default GOLDEN_PATH_PASSWORD)
  --placement header|subprotocol  where the token goes on the upgrade request (default header)
  --events a,b,c        the events required in order (default the plan's five)
  --deadline 30s        the last event within this long of the message (default 30s)
  --connect-timeout 3s  the connection and handshake within this long (default 3s)
  --message TEXT        the probe message
  --format text|json    output format (default text)
Tokens and passwords are read from environment variables only, and never printed.`;

/** The environment's goldenPath: block, or a usage error saying it has none. */
function environmentGoldenPath(directory: string, name: string): GoldenPath {
  const environment = loadEnvironmentFile(path.join(directory, `${name}.yaml`));
  if (!environment.goldenPath)
    throw new UsageError(
      `${environment.file} has no goldenPath: block; give --url, or add the block (README "Golden path")`,
    );
  return environment.goldenPath;
}

function milliseconds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = parseDuration(value, 'scenario');
  if (seconds === undefined || !(seconds > 0) || seconds > 600)
    throw new UsageError(`${flag} must be a duration such as 30s or 500ms, at most 10m; found "${value}"`);
  return Math.round(seconds * 1000);
}

function formatText(result: GoldenPathResult, url: string): string {
  const latencies = Object.entries(result.latencyMs)
    .map(([step, ms]) => `${step} ${ms} ms`)
    .join(', ');
  if (result.outcome === 'passed') return `golden path passed: ${url}\n  ${latencies}\n`;
  return `golden path FAILED at ${result.failedStep}: ${result.reason}\n  ${latencies}\n`;
}

export const command: Command = {
  summary:
    'run one chat turn through the WebSocket as the golden-path monitor does (token, connect, 5 events, deadline)',
  usage: USAGE,
  async run(args, io) {
    const values: Record<string, string | undefined> = parseCommandArgs({
      args,
      options: Object.fromEntries(
        [
          'env',
          'environments',
          'url',
          'token-env',
          'login-url',
          'username-env',
          'password-env',
          'placement',
          'events',
          'deadline',
          'connect-timeout',
          'message',
          'format',
        ].map((name) => [name, { type: 'string' as const }]),
      ),
    }).values as Record<string, string | undefined>;
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const fromEnvironment = values.env
      ? environmentGoldenPath(path.resolve(io.cwd, values.environments ?? 'environments'), values.env)
      : undefined;
    const url = values.url ?? fromEnvironment?.webSocketUrl;
    if (!url) throw new UsageError('--env or --url is required: the chat WebSocket, e.g. wss://api.example.com/ws');
    if (!/^wss?:\/\/[^\s/]+/.test(url)) throw new UsageError(`--url must start with ws:// or wss://, found "${url}"`);
    const placement = values.placement ?? fromEnvironment?.authPlacement ?? 'header';
    if (placement !== 'header' && placement !== 'subprotocol')
      throw new UsageError(`--placement must be header or subprotocol, not "${placement}"`);
    const events =
      values.events
        ?.split(',')
        .map((one) => one.trim())
        .filter(Boolean) ?? (fromEnvironment ? [...fromEnvironment.events] : undefined);
    if (events && (events.length === 0 || new Set(events).size !== events.length))
      throw new UsageError('--events must name each required event once, separated by commas');
    const monitor = goldenPathMonitor();
    const login =
      values['login-url'] ?? (fromEnvironment?.auth.type === 'login' ? fromEnvironment.auth.loginUrl : undefined);
    const tokenVariable = values['token-env'] ?? 'GOLDEN_PATH_TOKEN';
    const config: GoldenPathConfig = {
      url,
      auth: login ? 'login' : 'token',
      token: login ? undefined : io.env[tokenVariable],
      loginUrl: login,
      username: login ? io.env[values['username-env'] ?? 'GOLDEN_PATH_USERNAME'] : undefined,
      password: login ? io.env[values['password-env'] ?? 'GOLDEN_PATH_PASSWORD'] : undefined,
      placement,
      events: events ?? [...monitor.DEFAULT_EVENTS],
      deadlineMs: milliseconds('--deadline', values.deadline, (fromEnvironment?.deadlineSeconds ?? 30) * 1000),
      connectTimeoutMs: milliseconds(
        '--connect-timeout',
        values['connect-timeout'],
        (fromEnvironment?.connectTimeoutSeconds ?? 3) * 1000,
      ),
      message: values.message ?? fromEnvironment?.message ?? 'Golden-path check from vigil: reply with a short answer.',
    };
    if (!login && !config.token)
      throw new UsageError(
        `no token: set the environment variable ${tokenVariable} (or name another with --token-env)`,
      );
    const result = await monitor.runGoldenPath(config, { WebSocket });
    io.stdout(
      format === 'json' ? `${JSON.stringify(monitor.logEntry(result).goldenPath, null, 2)}\n` : formatText(result, url),
    );
    return result.outcome === 'passed' ? ExitCode.ok : ExitCode.failure;
  },
};
