// The PostgreSQL check: connect (TCP, TLS when the URL asks, startup and authentication),
// `SELECT 1`, `SHOW server_version` — through node-postgres, one client, no pool, closed at the end.
import type { Socket } from 'net';
import { Client } from 'pg';
import { CheckResult, checkResult, roundMs, statusForTime } from './check-result';
import { CONNECTION_STEP, Deadline, Step } from './deadline';
import { errorCode, errorMessage, explainNetworkError } from './explain-error';
import type { PostgresTarget } from './targets';

export interface PostgresCheckOptions {
  readonly timeoutMs: number;
  readonly thresholdMs: number;
}

export async function checkPostgres(target: PostgresTarget, options: PostgresCheckOptions): Promise<CheckResult> {
  const client = new Client({
    connectionString: target.connectionString,
    connectionTimeoutMillis: options.timeoutMs,
    query_timeout: options.timeoutMs,
    application_name: 'vigil-preflight',
  });
  // A server that goes away mid-check emits 'error' on the client; the awaited step reports it.
  client.on('error', () => undefined);
  const deadline = new Deadline(options.timeoutMs, () => client.connection.stream.destroy());
  const timings: Record<string, number> = {};
  let version: string | null = null;
  const base = { target: target.display, threshold_ms: options.thresholdMs, timings_ms: timings, notes: [] };
  const timed = async <T>(step: 'connect' | 'select_1' | 'server_version', work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await deadline.run(waitingFor(step, client), work);
    } finally {
      timings[step] = roundMs(performance.now() - started);
    }
  };

  try {
    await timed('connect', () => client.connect());
    await timed('select_1', () => client.query('SELECT 1'));
    const result = await timed('server_version', () => client.query<{ server_version: string }>('SHOW server_version'));
    version = result.rows[0]?.server_version ?? null;
    const total = roundMs(Object.values(timings).reduce((sum, ms) => sum + ms, 0));
    return checkResult(
      { status: statusForTime(total, options.thresholdMs), connected: true, response_time_ms: total, error: null },
      { ...base, version },
    );
  } catch (error) {
    return checkResult(
      { status: 'failed', connected: false, response_time_ms: null, error: explainPostgresError(error, target) },
      { ...base, version },
    );
  } finally {
    deadline.clear();
    await closeClient(client);
  }
}

// What the check waits for in each step, for the timeout message. pg's connect() covers both the
// TCP connection and the startup/authentication exchange; at expiry the socket tells which hung.
function waitingFor(step: 'connect' | 'select_1' | 'server_version', client: Client): Step {
  if (step === 'select_1') return 'the SELECT 1 result';
  if (step === 'server_version') return 'the SHOW server_version result';
  return () =>
    (client.connection.stream as Socket).connecting ? CONNECTION_STEP : 'the reply to the PostgreSQL startup message';
}

// end() waits for the server to close its side; a hung server never does, so give it a moment
// and then destroy the socket.
async function closeClient(client: Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ended = client.end().catch(() => undefined);
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 200);
  });
  await Promise.race([ended, gaveUp]);
  clearTimeout(timer);
  client.connection.stream.destroy();
}

function explainPostgresError(error: unknown, target: PostgresTarget): string {
  const network = explainNetworkError(error, { what: 'PostgreSQL', host: target.host, port: target.port });
  if (network) return network;
  const message = errorMessage(error);
  switch (errorCode(error)) {
    case '28P01':
      return `PostgreSQL authentication failed for user "${target.user}" (28P01): check the password in ${target.source}`;
    case '28000':
      return `PostgreSQL refused user "${target.user}" (28000): ${message}; check the user name in ${target.source} and the server's allowed clients`;
    case '3D000':
      return `PostgreSQL has no database "${target.database}" (3D000): fix the database name in ${target.source}`;
    case '57P03':
      return `PostgreSQL at ${target.host}:${target.port} is starting up or shutting down (57P03): retry in a minute`;
    case '53300':
      return `PostgreSQL at ${target.host}:${target.port} has no free connection slots (53300): the server's max_connections is reached`;
    default:
      break;
  }
  if (/client password must be a string/.test(message)) {
    return `PostgreSQL requires a password for user "${target.user}": put it in ${target.source} (postgresql://user:PASSWORD@host:port/database)`;
  }
  if (/does not support SSL/i.test(message)) {
    return `PostgreSQL at ${target.host}:${target.port} does not accept TLS: remove sslmode from ${target.source}, or enable SSL on the server`;
  }
  if (/Connection terminated due to connection timeout|timeout expired/.test(message)) {
    return `PostgreSQL at ${target.host}:${target.port}: no answer to the connection handshake in time (timeout); check the host and port`;
  }
  return `PostgreSQL at ${target.host}:${target.port}: ${message}`;
}
