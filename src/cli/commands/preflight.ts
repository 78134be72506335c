// `vigil preflight`: checks Redis and PostgreSQL from where it runs, the way the backend's
// /health does, and exits 0 (healthy), 2 (degraded) or 1 (failed). Flag values may follow the
// flag or be joined with `=`.
import * as path from 'path';
import { loadEnvironmentFile } from '../../config/load-environment';
import { exitCodeFor } from '../../tools/preflight/check-result';
import { ReportFormat, formatReport } from '../../tools/preflight/format-report';
import { DEFAULT_TIMEOUT_MS, runPreflight } from '../../tools/preflight/run-preflight';
import { resolveTargets } from '../../tools/preflight/targets';
import type { Command } from '../command';
import { UsageError } from '../usage-error';

interface PreflightArgs {
  readonly env: string;
  readonly redisUrl?: string;
  readonly databaseUrl?: string;
  readonly format: ReportFormat;
  readonly timeoutMs: number;
}

const PREFLIGHT_USAGE = [
  'usage: vigil preflight [--env <env>] [--redis-url URL] [--database-url URL] [--format text|json] [--timeout-ms N]',
  '',
  '  --env NAME|FILE     environment: environments/NAME.yaml, or a YAML file path (default: staging)',
  "  --redis-url URL     redis://[:password@]host[:port][/db] or rediss://…; default: the environment's",
  '                      redis.host and redis.port, with the password from REDIS_PASSWORD',
  '  --database-url URL  postgresql://user:password@host:5432/database; default: DATABASE_URL',
  "  --format text|json  output format (default: text); json has the shape of the backend's /health",
  `  --timeout-ms N      time budget of each check, connect included (default: ${DEFAULT_TIMEOUT_MS})`,
  '',
  'Exit status: 0 all healthy, 2 degraded (slower than thresholds.*.responseTimeMs), 1 any failed.',
].join('\n');

const FLAGS = ['--env', '--redis-url', '--database-url', '--format', '--timeout-ms'] as const;
type Flag = (typeof FLAGS)[number];

export function parsePreflightArgs(args: readonly string[]): PreflightArgs {
  const values = new Map<Flag, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (!(FLAGS as readonly string[]).includes(name)) {
      // Never echo a value: it may be a URL with a password.
      throw new UsageError(
        arg.startsWith('--') ? `unknown option ${name}` : 'unexpected argument (options take the form --name value)',
      );
    }
    const flag = name as Flag;
    let value: string | undefined;
    if (equals > 0) value = arg.slice(equals + 1);
    else value = args[++i];
    if (value === undefined || (equals < 0 && value.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
    if (values.has(flag)) throw new UsageError(`${flag} given twice`);
    values.set(flag, value);
  }
  const format = values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, found "${format}"`);
  const timeoutText = values.get('--timeout-ms');
  const timeoutMs = timeoutText === undefined ? DEFAULT_TIMEOUT_MS : Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600000) {
    throw new UsageError(
      `--timeout-ms must be a whole number of milliseconds from 1 to 600000, found "${timeoutText}"`,
    );
  }
  return {
    env: values.get('--env') ?? 'staging',
    redisUrl: values.get('--redis-url'),
    databaseUrl: values.get('--database-url'),
    format,
    timeoutMs,
  };
}

export const command: Command = {
  summary: 'check Redis and PostgreSQL from here: healthy, degraded or failed',
  usage: PREFLIGHT_USAGE,
  async run(args, io) {
    const options = parsePreflightArgs(args);
    const environment = loadEnvironmentFile(environmentFile(options.env, io.cwd));
    const targets = resolveTargets({
      environment,
      redisUrl: options.redisUrl,
      databaseUrl: options.databaseUrl,
      processEnv: io.env,
    });
    const report = await runPreflight(environment, targets, { timeoutMs: options.timeoutMs });
    io.stdout(formatReport(report, options.format, targets.secrets));
    return exitCodeFor(report);
  },
};

// A bare name is environments/<name>.yaml; anything that looks like a path is taken as one.
function environmentFile(env: string, cwd: string): string {
  const relative = /[\\/]|\.ya?ml$/.test(env) ? env : path.join('environments', `${env}.yaml`);
  // Absolute: main() names files relative to the io's cwd, which need not be the process's.
  return path.resolve(cwd, relative);
}
