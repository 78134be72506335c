// The Redis check: connect, AUTH when a password is known, PING, INFO server — through ioredis,
// configured to try exactly once: no reconnects, no retries, no offline queue, no background
// commands (ready check, CLIENT SETINFO), so every round trip timed is one we sent.
import Redis from 'ioredis';
import type { Socket } from 'net';
import { CheckResult, checkResult, roundMs, statusForTime } from './check-result';
import { CONNECTION_STEP, Deadline } from './deadline';
import { errorMessage, explainNetworkError } from './explain-error';
import type { RedisTarget } from './targets';

export interface RedisCheckOptions {
  readonly timeoutMs: number;
  readonly thresholdMs: number;
  /** The environment file's `redis.authEnabled`. */
  readonly authExpected: boolean;
  /** For the WRONGPASS hint (`gcloud redis instances get-auth-string`). */
  readonly instanceId?: string;
  readonly region?: string;
  readonly project?: string;
}

// What the check waits for in each step, for the timeout message.
const WAITING_FOR = {
  connect: CONNECTION_STEP,
  auth: 'the AUTH reply',
  ping: 'the PING reply',
  select: 'the SELECT reply',
  info: 'the INFO reply',
};

export async function checkRedis(target: RedisTarget, options: RedisCheckOptions): Promise<CheckResult> {
  const client = new Redis({
    host: target.host,
    port: target.port,
    tls: target.tls ? { servername: target.host } : undefined,
    lazyConnect: true,
    connectTimeout: options.timeoutMs,
    commandTimeout: options.timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    enableOfflineQueue: false,
    enableReadyCheck: false,
    disableClientInfo: true,
    autoResendUnfulfilledCommands: false,
  });
  // ioredis reports socket errors as events (and prints unhandled ones); keep the first, it is the cause.
  let socketError: unknown;
  client.on('error', (error: unknown) => {
    socketError ??= error;
  });

  const deadline = new Deadline(options.timeoutMs, () => closeClient(client));
  const timings: Record<string, number> = {};
  const notes: string[] = [];
  let connected = false;
  let version: string | null = null;
  const base = { target: target.display, threshold_ms: options.thresholdMs, timings_ms: timings, notes };
  const timed = async <T>(step: keyof typeof WAITING_FOR, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await deadline.run(WAITING_FOR[step], work);
    } finally {
      timings[step] = roundMs(performance.now() - started);
    }
  };

  try {
    try {
      await timed('connect', () => client.connect());
    } catch (error) {
      throw socketError ?? error;
    }
    if (target.password !== undefined) {
      try {
        await timed('auth', () =>
          target.username ? client.auth(target.username, target.password!) : client.auth(target.password!),
        );
      } catch (error) {
        if (!/without any password configured|no password is set/i.test(errorMessage(error))) throw error;
        notes.push(`a password was sent (${target.passwordSource}) but this Redis requires none`);
      }
    }
    // SELECT is sent by hand, after AUTH: given `db`, ioredis would send it on connect, before
    // our AUTH, and a Redis that requires a password would answer NOAUTH.
    if (target.db !== 0) await timed('select', () => client.select(target.db));
    await timed('ping', () => client.ping());
    connected = true;
    if (target.password === undefined && options.authExpected) {
      notes.push(
        'the environment file says AUTH is enabled (redis.authEnabled: true), but this Redis answered PING without a password',
      );
    }
    try {
      const info = await timed('info', () => client.info('server'));
      version = /^redis_version:(.+)$/m.exec(info)?.[1]?.trim() ?? null;
    } catch (error) {
      // Memorystore and ACLs may refuse INFO; reachability and AUTH are what the check is for.
      if (!connectedStill(client)) throw error;
      notes.push(`INFO server refused: ${errorMessage(error)}`);
    }
    const total = roundMs(Object.values(timings).reduce((sum, ms) => sum + ms, 0));
    return checkResult(
      { status: statusForTime(total, options.thresholdMs), connected, response_time_ms: total, error: null },
      { ...base, version },
    );
  } catch (error) {
    return checkResult(
      {
        status: 'failed',
        connected: false,
        response_time_ms: null,
        error: explainRedisError(socketError ?? error, error, target, options),
      },
      { ...base, version },
    );
  } finally {
    deadline.clear();
    closeClient(client);
  }
}

// disconnect() half-closes and arms a 2 s timer (ioredis' disconnectTimeout) that only the socket's
// 'close' event clears; a hung server never closes its side, and a socket that already failed never
// closes again, so either way the timer would hold the process for 2 s. The check is over: skip
// disconnect() once the client has ended, and close the socket outright.
function closeClient(client: Redis): void {
  if (client.status !== 'end') client.disconnect();
  (client.stream as Socket | undefined)?.destroy();
}

function connectedStill(client: Redis): boolean {
  return client.status === 'ready';
}

function explainRedisError(cause: unknown, thrown: unknown, target: RedisTarget, options: RedisCheckOptions): string {
  const endpoint = { what: 'Redis' as const, host: target.host, port: target.port };
  // A deadline expiry is the truest account even when the socket reported an error as it closed.
  const network = explainNetworkError(thrown, endpoint) ?? explainNetworkError(cause, endpoint);
  if (network) return network;
  const message = errorMessage(thrown);
  if (/^NOAUTH\b/.test(message)) {
    return 'Redis requires a password (NOAUTH): set REDIS_PASSWORD (or give it in --redis-url redis://:PASSWORD@host:port)';
  }
  if (/^WRONGPASS\b|invalid password|invalid username-password/i.test(message)) {
    const hint =
      options.instanceId && options.region
        ? `; the current one is shown by: gcloud redis instances get-auth-string ${options.instanceId} --region=${options.region}${options.project ? ` --project=${options.project}` : ''}`
        : '';
    return `Redis authentication failed (WRONGPASS): the password from ${target.passwordSource ?? 'the URL'} is not this instance's AUTH string${hint}`;
  }
  const protocol = /^Protocol error, got (".*?") as reply type byte/.exec(message);
  if (protocol) {
    return (
      `Redis at ${target.host}:${target.port}: something answers there, but not in the Redis protocol (its reply began with ${protocol[1]}; "H" is an HTTP server); ` +
      `check the port, and use rediss:// if the instance has in-transit encryption`
    );
  }
  if (/^NOPERM\b/.test(message)) {
    return `Redis refused a command to this user (NOPERM): ${message}; the user's ACL must allow PING`;
  }
  return `Redis at ${target.host}:${target.port}: ${message}`;
}
