// Measures `vigil preflight` against servers on loopback that it starts itself (the test helpers'
// redis-server and PostgreSQL 15): the median time of each step over several runs, the wall time
// of a whole run (both checks concurrently), how long a hung port takes to fail, and, when
// `npm run build` has compiled preflight into dist/, the wall time of a whole `vigil preflight`
// process (node start-up, loading, both checks, exit).
//
// Baseline, in the same run: a bare TCP connect and close (node:net) to the same two loopback
// servers at once, the raw round trip no check can beat, since each must at least open its
// connection; so the ratio shows what the protocol work (AUTH, PING, INFO; the PostgreSQL start-up
// and SCRAM exchange, SELECT 1) and the client libraries add. One baseline run follows each
// whole run (interleaved), as many times.
//   npx ts-node --transpile-only scripts/bench-preflight.ts [runs]
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import { loadEnvironmentFile } from '../src/config/load-environment';
import { CheckResult } from '../src/tools/preflight/check-result';
import { runPreflight } from '../src/tools/preflight/run-preflight';
import { resolveTargets } from '../src/tools/preflight/targets';
import { startHangingListener, startPostgres, startRedis, stopAll } from '../__tests__/preflight/servers';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function collect(into: Map<string, number[]>, check: CheckResult): void {
  if (check.status === 'failed') throw new Error(`check failed: ${check.error}`);
  for (const [step, ms] of Object.entries(check.timings_ms)) into.set(step, [...(into.get(step) ?? []), ms]);
  into.set('total (response_time_ms)', [...(into.get('total (response_time_ms)') ?? []), check.response_time_ms!]);
}

/** Opens a TCP connection to the loopback port and closes it as soon as it is established. */
function connectAndClose(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('error', reject);
    socket.once('connect', () => socket.destroy());
    socket.once('close', () => resolve());
  });
}

async function bench(): Promise<void> {
  const runs = Number(process.argv[2] ?? 20);
  const environment = loadEnvironmentFile('__tests__/preflight/fixtures/preflight.yaml');
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const targets = resolveTargets({
    environment,
    redisUrl: `redis://127.0.0.1:${redis.port}`,
    processEnv: { REDIS_PASSWORD: redis.password, DATABASE_URL: postgres.url() },
  });
  const redisSteps = new Map<string, number[]>();
  const postgresSteps = new Map<string, number[]>();
  const wall: number[] = [];
  const bareWall: number[] = [];
  const bareConnect = () => Promise.all([connectAndClose(redis.port), connectAndClose(postgres.port)]);
  // One warm-up run: the first connect pays for loading and JIT-compiling the client libraries.
  await runPreflight(environment, targets, { timeoutMs: 5000 });
  await bareConnect();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const report = await runPreflight(environment, targets, { timeoutMs: 5000 });
    wall.push(performance.now() - started);
    collect(redisSteps, report.redis);
    collect(postgresSteps, report.postgresql);
    const bareStarted = performance.now();
    await bareConnect();
    bareWall.push(performance.now() - bareStarted);
  }
  const hanging = await startHangingListener();
  const hangTargets = resolveTargets({
    environment,
    redisUrl: `redis://127.0.0.1:${hanging.port}`,
    processEnv: { DATABASE_URL: `postgresql://vigil:x@127.0.0.1:${hanging.port}/postgres` },
  });
  const hangWall: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await runPreflight(environment, hangTargets, { timeoutMs: 300 });
    hangWall.push(performance.now() - started);
  }
  const processWall: number[] = [];
  if (fs.existsSync('dist/src/tools/preflight/run-preflight.js')) {
    for (let i = 0; i < Math.min(runs, 9); i++) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) =>
        execFile(
          'node',
          [
            'bin/vigil.js',
            'preflight',
            '--env',
            '__tests__/preflight/fixtures/preflight.yaml',
            '--redis-url',
            `redis://127.0.0.1:${redis.port}`,
          ],
          { env: { ...process.env, REDIS_PASSWORD: redis.password, DATABASE_URL: postgres.url() } },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
      processWall.push(performance.now() - started);
    }
  }
  console.log(`vigil preflight on loopback, ${runs} runs after one warm-up, medians in ms (node ${process.version})`);
  for (const [name, steps] of [
    ['Redis', redisSteps],
    ['PostgreSQL', postgresSteps],
  ] as const) {
    console.log(`  ${name}: ${[...steps].map(([step, values]) => `${step} ${median(values).toFixed(2)}`).join(', ')}`);
  }
  console.log(`  whole run (both checks at once): ${median(wall).toFixed(2)}`);
  console.log(`  baseline, bare TCP connect+close to both servers at once (node:net): ${median(bareWall).toFixed(2)}`);
  console.log(`  whole run vs baseline: ${(median(wall) / median(bareWall)).toFixed(1)}x the raw round trip`);
  console.log(`  hung port, --timeout-ms 300, both checks: ${median(hangWall).toFixed(2)} (5 runs)`);
  console.log(
    processWall.length > 0
      ? `  whole process, node bin/vigil.js preflight: ${median(processWall).toFixed(0)} (${processWall.length} runs)`
      : '  whole process: skipped (run `npm run build` first)',
  );
}

bench()
  .finally(stopAll)
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
