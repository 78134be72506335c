// A loopback chat backend for the golden-path tests and benchmark: a real HTTP server with the auth service's
// login and a real WebSocket server, each mode one way the path breaks.
import * as http from 'http';
import type { AddressInfo } from 'net';
import WebSocket, { WebSocketServer } from 'ws';

export type BackendMode =
  | 'good'
  | 'completed-missing'
  | 'out-of-order'
  | 'slow-agent'
  | 'error-event'
  | 'upgrade-401'
  | 'upgrade-503'
  | 'dropped-mid-run'
  | 'malformed-frame'
  | 'other-thread-interleaved'
  | 'slow-handshake';

export const TOKEN = 'tok-3f9c2b7d1e8a4c6f-secret';
export const USERNAME = 'golden-path@example.com';
export const PASSWORD = 'pw-9d8c7b6a5f4e-secret';
const EVENTS = ['agent_started', 'agent_thinking', 'tool_executing', 'tool_completed', 'agent_completed'];

export interface FakeBackend {
  readonly wsUrl: string;
  readonly loginUrl: string;
  /** Timings the modes use, in ms; tests give the monitor a shorter deadline and connect timeout. */
  readonly slowMs: number;
  close(): Promise<void>;
}

export async function startFakeBackend(mode: BackendMode, slowMs = 400): Promise<FakeBackend> {
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/auth/login') {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        const credentials = JSON.parse(body || '{}') as { email?: string; password?: string };
        const ok = credentials.email === USERNAME && credentials.password === PASSWORD;
        response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
        response.end(JSON.stringify(ok ? { access_token: TOKEN } : { detail: 'invalid credentials' }));
      });
      return;
    }
    response.writeHead(404).end();
  });
  server.on('upgrade', (request, socket, head) => {
    if (mode === 'upgrade-401' || mode === 'upgrade-503') {
      const status = mode === 'upgrade-401' ? '401 Unauthorized' : '503 Service Unavailable';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    const bearer = request.headers.authorization === `Bearer ${TOKEN}`;
    const protocol = String(request.headers['sec-websocket-protocol'] ?? '').includes(`jwt.${TOKEN}`);
    if (!bearer && !protocol) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      serve(ws, mode, slowMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    loginUrl: `http://127.0.0.1:${port}/auth/login`,
    slowMs,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serve(ws: WebSocket, mode: BackendMode, slowMs: number): void {
  const send = (frame: unknown) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(frame));
  const handshake = () =>
    send({ type: 'system_message', data: { event: 'connection_established', connection_id: 'c1' } });
  if (mode === 'slow-handshake') setTimeout(handshake, slowMs);
  else handshake();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; thread_id: string };
    if (message.type === 'ping') return send({ type: 'pong' });
    const thread = message.thread_id;
    const event = (type: string) => ({ type, data: { thread_id: thread, run_id: 'r1' }, timestamp: Date.now() / 1000 });
    let script: { at: number; frame: unknown | string }[] = EVENTS.map((type, index) => ({
      at: 5 * (index + 1),
      frame: event(type),
    }));
    if (mode === 'completed-missing') script = script.slice(0, 4);
    if (mode === 'out-of-order')
      script = [script[1], script[0], ...script.slice(2)].map((step, index) => ({ ...step, at: 5 * (index + 1) }));
    if (mode === 'slow-agent') script[4] = { at: slowMs, frame: event('agent_completed') };
    if (mode === 'error-event')
      script = [
        script[0],
        {
          at: 10,
          frame: { type: 'error', data: { thread_id: thread, message: `tool failed; token ${TOKEN} rejected` } },
        },
      ];
    if (mode === 'dropped-mid-run') script = [script[0], { at: 10, frame: 'DROP' }];
    if (mode === 'malformed-frame') script = [script[0], { at: 10, frame: '{"type": "agent_thinking", ' }];
    if (mode === 'other-thread-interleaved') {
      const other = (type: string) => ({ type, data: { thread_id: 'someone-else' } });
      script = [
        { at: 2, frame: other('agent_completed') },
        { at: 3, frame: { type: 'error', data: { thread_id: 'someone-else', message: 'their problem' } } },
        ...script.flatMap((step, index) => [step, { at: step.at + 1, frame: other(EVENTS[(index + 2) % 5]) }]),
      ];
    }
    for (const step of script) {
      setTimeout(() => {
        if (step.frame === 'DROP') ws.terminate();
        else if (typeof step.frame === 'string') ws.readyState === WebSocket.OPEN && ws.send(step.frame);
        else send(step.frame);
      }, step.at);
    }
  });
}
