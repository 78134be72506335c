// Real servers on loopback for the preflight tests: redis-server (Debian package) with
// requirepass, PostgreSQL 15 via initdb/pg_ctl, and a TCP listener that accepts and never
// answers. Everything binds 127.0.0.1 on free ports, lives in a temp dir, and is stopped by
// `stopAll` (afterAll) or, if the test process dies first, by the exit handler.
import { ChildProcess, execFile, execFileSync, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const LOOPBACK = '127.0.0.1';
const cleanups: Array<() => void> = [];
let exitHandlerInstalled = false;

function onCleanup(cleanup: () => void): void {
  cleanups.push(cleanup);
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    // Synchronous only: at 'exit' the event loop is gone.
    process.once('exit', runCleanups);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        runCleanups();
        process.exit(1);
      });
    }
  }
}

function runCleanups(): void {
  while (cleanups.length > 0) {
    try {
      cleanups.pop()!();
    } catch {
      // Best effort: the next cleanup must still run.
    }
  }
}

/** Stops every server this file started; safe to call more than once. */
export function stopAll(): void {
  runCleanups();
}

export function randomSecret(): string {
  return randomBytes(18).toString('base64url');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on the loopback port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: LOOPBACK, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what} did not start within ${timeoutMs} ms`);
}

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface RedisServer {
  readonly port: number;
  readonly password: string;
}

export function commandExists(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `extraArgs` are redis-server options, e.g. ['--rename-command', 'AUTH', ''] for a server that echoes the password. */
export async function startRedis(extraArgs: readonly string[] = []): Promise<RedisServer> {
  if (!commandExists('redis-server')) {
    throw new Error(
      'redis-server is not installed: apt-get install -y redis-server (.ci/run does this when it is missing)',
    );
  }
  const dir = tempDir('vigil-redis-');
  const port = await freePort();
  const password = randomSecret();
  // Own process group (detached), so the whole group can be killed even if redis forks.
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      LOOPBACK,
      '--requirepass',
      password,
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--logfile',
      path.join(dir, 'redis.log'),
      ...extraArgs,
    ],
    { cwd: dir, detached: true, stdio: 'ignore' },
  );
  onCleanup(() => killGroup(child));
  await Promise.race([
    waitUntil('redis-server', () => accepts(port), 10000),
    new Promise((_, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}; see ${dir}/redis.log`)));
    }),
  ]);
  return { port, password };
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export interface PostgresServer {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly url: (password?: string) => string;
  stop(): Promise<void>;
}

/** The bin directory of PostgreSQL 15 (PG_BIN overrides). */
export function postgresBin(): string | undefined {
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin'].filter((dir): dir is string => Boolean(dir));
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'pg_ctl')));
}

// initdb and postgres refuse to run as root; CI runs as root, so run them as the `postgres` user
// there. As a normal user they run as that user.
function asServerUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

function run(command: string, args: string[]): Promise<void> {
  const [file, fullArgs] = asServerUser(command, args);
  return new Promise((resolve, reject) => {
    execFile(file, fullArgs, { timeout: 60000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${stderr || error.message}`));
      else resolve();
    });
  });
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL 15 not found under /usr/lib/postgresql/15/bin (set PG_BIN)');
  const dir = tempDir('vigil-pg-');
  const user = 'vigil';
  const password = randomSecret();
  const pwfile = path.join(dir, 'pw');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    fs.chownSync(dir, uid, gid);
    fs.chownSync(pwfile, uid, gid);
  }
  const data = path.join(dir, 'data');
  await run(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    user,
    `--pwfile=${pwfile}`,
    '-A',
    'scram-sha-256',
    '--no-sync',
    '--no-instructions',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  const port = await freePort();
  const pgCtl = path.join(bin, 'pg_ctl');
  // Stop synchronously on exit; immediate mode, since the data directory is thrown away.
  let running = true;
  onCleanup(() => {
    if (!running) return;
    running = false;
    const [file, args] = asServerUser(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
    execFileSync(file, args, { stdio: 'ignore', timeout: 20000 });
  });
  await run(pgCtl, [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=${LOOPBACK} -c fsync=off -c full_page_writes=off`,
    'start',
  ]);
  return {
    port,
    user,
    password,
    url: (pw = password) => `postgresql://${user}:${encodeURIComponent(pw)}@${LOOPBACK}:${port}/postgres`,
    async stop() {
      if (!running) return;
      running = false;
      await run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
  };
}

export interface HangingListener {
  readonly port: number;
  /** Resolves when the client has closed the accepted connection (FIN or reset). */
  readonly clientClosed: Promise<void>;
}

/** Accepts TCP connections and never writes a byte: a server that hangs after connect. */
export async function startHangingListener(): Promise<HangingListener> {
  const sockets = new Set<net.Socket>();
  let markClosed: () => void = () => undefined;
  const clientClosed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    // Read (and drop) what the client sends, so its FIN is seen.
    socket.resume();
    socket.on('close', () => {
      sockets.delete(socket);
      markClosed();
    });
    socket.on('end', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  onCleanup(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return { port: (server.address() as net.AddressInfo).port, clientClosed };
}
