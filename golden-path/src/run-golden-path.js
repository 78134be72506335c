// @ts-check
// The golden path, run once: get a token, open the chat WebSocket, wait for the server's
// handshake, send one message on a fresh thread, and require the configured agent events for that
// thread, in order, the last one within the deadline. The result names the step that failed and
// the latency of each step and event. Used by the Cloud Run function (../index.js) and by
// `vigil golden-path`; it needs only `ws` (Node 20 has no WebSocket client that sends headers).
'use strict';

const crypto = require('node:crypto');
const { redactor } = require('./redact');

/** @typedef {'token'|'connect'|'handshake'|'send'|'event_missing'|'out_of_order'|'error_event'|'deadline'|'connection_closed'|'malformed_frame'} Step */

/**
 * @typedef {object} GoldenPathConfig
 * @property {string} url WebSocket URL, ws:// or wss://
 * @property {'token'|'login'} auth
 * @property {string} [token] the bearer token (auth: token)
 * @property {string} [loginUrl] the auth service's login endpoint (auth: login)
 * @property {string} [username]
 * @property {string} [password]
 * @property {string} [tokenField] where the login response holds the token (default access_token)
 * @property {'header'|'subprotocol'} placement
 * @property {string[]} events the required events, in order
 * @property {number} deadlineMs the last event must arrive within this long after the message
 * @property {number} connectTimeoutMs the connection and the handshake must complete within this long
 * @property {string} message the probe message's content
 */

/**
 * @typedef {object} GoldenPathResult
 * @property {'passed'|'failed'} outcome
 * @property {Step} [failedStep]
 * @property {string} [reason] in words, never holding a secret
 * @property {number} [httpStatus] the HTTP status that refused the upgrade
 * @property {Record<string, number>} latencyMs connect and handshake since the start; each event since the message was sent; total
 * @property {string} threadId
 */

const DEFAULT_EVENTS = ['agent_started', 'agent_thinking', 'tool_executing', 'tool_completed', 'agent_completed'];

/** A failure at a step, in words. */
class StepFailure extends Error {
  /** @param {Step} step @param {string} reason @param {number} [httpStatus] */
  constructor(step, reason, httpStatus) {
    super(reason);
    this.step = step;
    this.httpStatus = httpStatus;
  }
}

const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;

/** @param {GoldenPathConfig} config @param {{ fetch?: typeof fetch }} [io] @returns {Promise<string>} */
async function obtainToken(config, io = {}) {
  if (config.auth === 'token') {
    if (!config.token) throw new StepFailure('token', 'no token: the bearer token secret is empty or not set');
    return config.token;
  }
  if (!config.loginUrl) throw new StepFailure('token', 'no login URL for auth: login');
  if (!config.username || !config.password)
    throw new StepFailure('token', 'no test user: the username or password secret is empty or not set');
  const doFetch = io.fetch ?? fetch;
  let response;
  try {
    response = await doFetch(config.loginUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: config.username, password: config.password }),
      signal: AbortSignal.timeout(config.connectTimeoutMs),
    });
  } catch (error) {
    throw new StepFailure('token', `the login request to ${config.loginUrl} failed: ${errorWords(error)}`);
  }
  if (!response.ok)
    throw new StepFailure('token', `the login at ${config.loginUrl} answered HTTP ${response.status}`, response.status);
  let body;
  try {
    body = await response.json();
  } catch {
    throw new StepFailure('token', `the login at ${config.loginUrl} answered with something that is not JSON`);
  }
  const field = config.tokenField ?? 'access_token';
  const token = body && typeof body === 'object' ? body[field] : undefined;
  if (typeof token !== 'string' || token === '')
    throw new StepFailure('token', `the login answer has no "${field}" field holding a token`);
  return token;
}

/** @param {unknown} error */
function errorWords(error) {
  const code = error && typeof error === 'object' && 'code' in error ? ` (${String(error.code)})` : '';
  const cause =
    error && typeof error === 'object' && 'cause' in error && error.cause ? `: ${errorWords(error.cause)}` : '';
  return `${error instanceof Error ? error.message : String(error)}${code}${cause}`;
}

/**
 * Runs the golden path once.
 * @param {GoldenPathConfig} config
 * @param {{ WebSocket: any, fetch?: typeof fetch, now?: () => number }} io
 * @returns {Promise<GoldenPathResult>}
 */
async function runGoldenPath(config, io) {
  const now = io.now ?? (() => performance.now());
  const started = now();
  const threadId = `vigil-golden-path-${crypto.randomUUID()}`;
  /** @type {Record<string, number>} */
  const latencyMs = {};
  const redact = redactor([config.token, config.password]);
  /** @type {any} */
  let socket;
  try {
    const token = await obtainToken(config, io);
    redact.add(token);
    socket = await connect(config, token, io.WebSocket, latencyMs, now, started);
    await converse(config, socket, threadId, latencyMs, now);
    latencyMs.total = Math.round(now() - started);
    return { outcome: 'passed', latencyMs, threadId };
  } catch (error) {
    latencyMs.total = Math.round(now() - started);
    if (error instanceof StepFailure)
      return {
        outcome: 'failed',
        failedStep: error.step,
        reason: redact.text(error.message),
        ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
        latencyMs,
        threadId,
      };
    throw error;
  } finally {
    if (socket) socket.terminate();
  }
}

/** Opens the socket and waits for the handshake; fails at connect or handshake. */
function connect(config, token, WebSocket, latencyMs, now, started) {
  return new Promise((resolve, reject) => {
    const options = {
      handshakeTimeout: config.connectTimeoutMs,
      ...(config.placement === 'header' ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    };
    const protocols = config.placement === 'subprotocol' ? ['jwt-auth', `jwt.${token}`] : undefined;
    let socket;
    try {
      socket = new WebSocket(config.url, protocols, options);
    } catch (error) {
      reject(new StepFailure('connect', `cannot open ${config.url}: ${errorWords(error)}`));
      return;
    }
    const timer = setTimeout(() => {
      socket.terminate();
      reject(
        latencyMs.connect === undefined
          ? new StepFailure('connect', `no connection to ${config.url} within ${seconds(config.connectTimeoutMs)}`)
          : new StepFailure(
              'handshake',
              `no connection_established message within ${seconds(config.connectTimeoutMs)} of connecting`,
            ),
      );
    }, config.connectTimeoutMs);
    const fail = (failure) => {
      clearTimeout(timer);
      socket.terminate();
      reject(failure);
    };
    socket.on('unexpected-response', (_request, response) => {
      fail(new StepFailure('connect', `HTTP ${response.statusCode} at connect to ${config.url}`, response.statusCode));
    });
    socket.on('error', (error) =>
      fail(new StepFailure('connect', `cannot connect to ${config.url}: ${errorWords(error)}`)),
    );
    socket.on('open', () => {
      latencyMs.connect = Math.round(now() - started);
    });
    socket.on('close', (code) => {
      if (latencyMs.handshake === undefined)
        fail(
          new StepFailure(
            latencyMs.connect === undefined ? 'connect' : 'handshake',
            `the server closed the connection (code ${code}) before the handshake`,
          ),
        );
    });
    socket.once('message', (data) => {
      const frame = parseFrame(data);
      if (!frame) return fail(new StepFailure('malformed_frame', 'the first message is not a JSON object'));
      if (frame.type !== 'system_message' || !frame.data || frame.data.event !== 'connection_established')
        return fail(
          new StepFailure(
            'handshake',
            `the first message is ${describeFrame(frame)}, not a system_message with event connection_established`,
          ),
        );
      latencyMs.handshake = Math.round(now() - started);
      clearTimeout(timer);
      socket.removeAllListeners('close');
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

/** @returns {any} */
function parseFrame(data) {
  try {
    const frame = JSON.parse(String(data));
    return frame && typeof frame === 'object' && !Array.isArray(frame) ? frame : undefined;
  } catch {
    return undefined;
  }
}

function describeFrame(frame) {
  const type = typeof frame.type === 'string' ? frame.type : 'a message without a type';
  const event = frame.data && typeof frame.data.event === 'string' ? ` (${frame.data.event})` : '';
  return `${type}${event}`;
}

/** The thread an event belongs to, where the server says it. */
function threadOf(frame) {
  if (typeof frame.thread_id === 'string') return frame.thread_id;
  if (frame.data && typeof frame.data.thread_id === 'string') return frame.data.thread_id;
  return undefined;
}

/** Sends the probe message and follows the events of its thread until the last required one. */
function converse(config, socket, threadId, latencyMs, now) {
  return new Promise((resolve, reject) => {
    let next = 0;
    let sentAt = now();
    const received = () => config.events.slice(0, next).join(', ') || 'none';
    const timer = setTimeout(() => {
      const missing = config.events[next];
      reject(
        new StepFailure(
          'deadline',
          `${missing} not received within ${seconds(config.deadlineMs)} of the message (received: ${received()})`,
        ),
      );
    }, config.deadlineMs);
    const fail = (failure) => {
      clearTimeout(timer);
      reject(failure);
    };
    socket.on('message', (data) => {
      const frame = parseFrame(data);
      if (!frame)
        return fail(
          new StepFailure('malformed_frame', `a message that is not a JSON object arrived after ${received()}`),
        );
      const thread = threadOf(frame);
      if (thread !== undefined && thread !== threadId) return; // another conversation's event
      if (frame.type === 'error')
        return fail(
          new StepFailure(
            'error_event',
            `the server sent an error event after ${received()}: ${String((frame.data && (frame.data.message || frame.data.error)) || frame.message || 'no message')}`,
          ),
        );
      const index = config.events.indexOf(frame.type);
      if (index < 0 || index < next) return; // not required, or a repeat (agent_thinking comes often)
      if (index > next) {
        const late = config.events[next];
        return fail(
          frame.type === config.events[config.events.length - 1]
            ? new StepFailure(
                'event_missing',
                `${late} missing: ${frame.type} arrived without it (received: ${received()})`,
              )
            : new StepFailure('out_of_order', `${frame.type} arrived before ${late} (received: ${received()})`),
        );
      }
      latencyMs[frame.type] = Math.round(now() - sentAt);
      next += 1;
      if (next === config.events.length) {
        clearTimeout(timer);
        resolve(undefined);
      }
    });
    socket.on('close', (code) =>
      fail(new StepFailure('connection_closed', `the connection closed (code ${code}) after ${received()}`)),
    );
    socket.on('error', (error) =>
      fail(new StepFailure('connection_closed', `the connection failed after ${received()}: ${errorWords(error)}`)),
    );
    sentAt = now();
    socket.send(
      JSON.stringify({ type: 'message', content: config.message, thread_id: threadId, timestamp: Date.now() / 1000 }),
      (error) => {
        if (error) fail(new StepFailure('send', `cannot send the message: ${errorWords(error)}`));
      },
    );
  });
}

/**
 * The configuration from environment variables (the function's, or the shell's for a run by hand).
 * @param {NodeJS.ProcessEnv} env
 * @returns {GoldenPathConfig}
 */
function configFromEnvironment(env) {
  const number = (name, fallback) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0)
      throw new Error(`${name} must be a positive number of milliseconds, found "${value}"`);
    return parsed;
  };
  const auth = env.GOLDEN_PATH_AUTH === 'login' ? 'login' : 'token';
  return {
    url: env.GOLDEN_PATH_WS_URL ?? '',
    auth,
    token: env.GOLDEN_PATH_TOKEN,
    loginUrl: env.GOLDEN_PATH_LOGIN_URL,
    username: env.GOLDEN_PATH_USERNAME,
    password: env.GOLDEN_PATH_PASSWORD,
    tokenField: env.GOLDEN_PATH_TOKEN_FIELD || undefined,
    placement: env.GOLDEN_PATH_AUTH_PLACEMENT === 'subprotocol' ? 'subprotocol' : 'header',
    events: env.GOLDEN_PATH_EVENTS
      ? env.GOLDEN_PATH_EVENTS.split(',')
          .map((one) => one.trim())
          .filter(Boolean)
      : [...DEFAULT_EVENTS],
    deadlineMs: number('GOLDEN_PATH_DEADLINE_MS', 30_000),
    connectTimeoutMs: number('GOLDEN_PATH_CONNECT_TIMEOUT_MS', 3_000),
    message: env.GOLDEN_PATH_MESSAGE || 'Golden-path check from vigil: reply with a short answer.',
  };
}

/** The one structured log line of a run (Cloud Run structured logging): what log-based metrics read. */
function logEntry(result) {
  return {
    severity: result.outcome === 'passed' ? 'INFO' : 'ERROR',
    message:
      result.outcome === 'passed'
        ? 'golden path passed'
        : `golden path failed at ${result.failedStep}: ${result.reason}`,
    goldenPath: {
      outcome: result.outcome,
      ...(result.failedStep ? { failedStep: result.failedStep } : {}),
      ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
      latencyMs: result.latencyMs,
    },
  };
}

module.exports = { runGoldenPath, configFromEnvironment, logEntry, DEFAULT_EVENTS };
