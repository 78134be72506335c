// vigil backtest --env E [--days N | --from T --to T | --from-exports DIR]: every alert policy of
// an environment's stack, evaluated with simulate's evaluator over its history, read through the
// Monitoring API (cached on disk) or from `vigil export` files; what each would have done
// (docs/backtest.md).
import * as path from 'path';
import { loadEnvironmentFile } from '../../config/load-environment';
import { ExitCode } from '../../errors/exit-codes';
import { VigilError } from '../../errors/vigil-error';
import { formatBacktest, type BacktestFormat } from '../../tools/backtest/format-backtest';
import { compareWithHistory, type HistoryComparison, readAlertHistory } from '../../tools/backtest/alert-history';
import { historyFilters } from '../../tools/backtest/history-filters';
import { type History, loadHistory } from '../../tools/backtest/load-history';
import { applicationDefaultToken } from '../../tools/export/credentials';
import { MONITORING_API } from '../../tools/export/monitoring-rest';
import { policyChannels } from '../../tools/backtest/policy-channels';

import { runBacktest } from '../../tools/backtest/run-backtest';
import { parseTimestamp } from '../../tools/simulate/time-points';
import { writeOutputFile } from '../../util/output-file';
import { existingEnvironmentFile } from '../environment-file';
import { parseCommandArgs } from '../command-args';
import { type BacktestDependencies, backtestCacheDirectory, backtestNow, historyThroughApi } from '../backtest-history';
import type { Command } from '../command';
import { environmentStackDocument } from '../environment-stack';
import { UsageError } from '../usage-error';

const USAGE = `usage: vigil backtest --env NAME [--days N | --from TIME --to TIME] [--from-exports DIR] [options]

Evaluates every alert policy of an environment's synthesized stack, with simulate's evaluator,
over its history, and reports per policy the incidents it would have opened (open, close,
duration, peak value), incidents and pages a week, and time in alert. The history is read through
the Monitoring API (application default credentials; one request per filter and day, every page,
retried on 429 and 5xx) and kept in a cache: a second run, or one for another revision of the
stack, sends no request for what it already read. --from-exports reads \`vigil export\` files instead.

  --env NAME           the environment whose stack is evaluated
  --days N             the window: the last N days (default 28)
  --from, --to TIME    the window, RFC 3339 (with --from-exports, default: the exported points')
  --from-exports DIR   a directory of \`vigil export\` files (*.json): no API, no credentials
  --cache DIR          where API answers are kept (default ~/.cache/vigil/backtest)
  --format F           text (default), markdown or json (docs/backtest.md documents the JSON)
  --out FILE           write the report to a file instead of standard output
  --synth              synthesize the environment in process instead of reading the artifact
  --artifacts DIR      where synthesized stacks are read from (default cdktf.out)
  --environments DIR   where environment files are (default environments)

Exit status: 0 when the report is written; 1 when it is not (no credentials, an API error, bad
exports, no stack); 2 on bad usage.`;

/** A real alert and a predicted incident of the same policy this close count as the same incident. */
const HISTORY_TOLERANCE_SECONDS = 30 * 60;

const FORMATS: readonly BacktestFormat[] = ['text', 'markdown', 'json'];

interface Options {
  readonly environment: string;
  readonly exports?: string;
  readonly days: number;
  readonly cache?: string;
  readonly from?: number;
  readonly to?: number;
  readonly format: BacktestFormat;
  readonly out?: string;
  readonly synth: boolean;
  readonly artifacts: string;
  readonly environments: string;
}

function options(args: string[]): Options {
  const parsed = parseCommandArgs({
    args,
    options: {
      env: { type: 'string' },
      'from-exports': { type: 'string' },
      days: { type: 'string' },
      cache: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      synth: { type: 'boolean' },
      artifacts: { type: 'string' },
      environments: { type: 'string' },
    },
  });
  const { values } = parsed;
  if (!values.env) throw new UsageError('--env is required');
  const days = values.days === undefined ? 28 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 400)
    throw new UsageError(`--days takes a whole number of days from 1 to 400; got "${values.days}"`);
  if (values.days !== undefined && (values.from !== undefined || values.to !== undefined))
    throw new UsageError('give either --days or --from/--to, not both');
  if (!values['from-exports'] && (values.from === undefined) !== (values.to === undefined))
    throw new UsageError('--from and --to go together (or give --days)');
  const time = (name: 'from' | 'to'): number | undefined => {
    const given = values[name];
    if (given === undefined) return undefined;
    const seconds = parseTimestamp(given);
    if (seconds === undefined)
      throw new UsageError(
        `--${name} takes an RFC 3339 time with a time zone, such as 2026-03-14T13:30:00Z; got "${given}"`,
      );
    return seconds;
  };
  const from = time('from');
  const to = time('to');
  if (from !== undefined && to !== undefined && from >= to)
    throw new UsageError(`--from (${values.from}) must be before --to (${values.to})`);
  const format = (values.format ?? 'text') as BacktestFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be text, markdown or json, found "${values.format}"`);
  return {
    environment: values.env,
    exports: values['from-exports'],
    days,
    cache: values.cache,
    from,
    to,
    format,
    out: values.out,
    synth: values.synth ?? false,
    artifacts: values.artifacts ?? 'cdktf.out',
    environments: values.environments ?? 'environments',
  };
}

export type { BacktestDependencies } from '../backtest-history';

export function backtestCommand(dependencies: BacktestDependencies): Command {
  return {
    summary: 'what every alert policy would have done over past weeks of real or exported history',
    usage: USAGE,
    async run(args, io) {
      const chosen = options(args);
      const environmentFile = existingEnvironmentFile(io.cwd, chosen.environments, chosen.environment, '--env');
      // The model for the evaluator, and the Terraform JSON for what it leaves out (channels).
      const { stack, document } = environmentStackDocument({
        environment: chosen.environment,
        environmentFile,
        synth: chosen.synth,
        artifacts: chosen.artifacts,
        cwd: io.cwd,
        referencedFrom: `--env ${chosen.environment}`,
        field: '--env',
        missingArtifact: (message) => new VigilError(message),
      });
      let history: History;
      let compare: ((report: ReturnType<typeof runBacktest>) => Promise<HistoryComparison | undefined>) | undefined;
      if (chosen.exports !== undefined) {
        history = loadHistory(
          path.resolve(io.cwd, chosen.exports),
          { from: chosen.from, to: chosen.to },
          chosen.exports,
        );
      } else {
        const now = backtestNow(dependencies);
        const to = chosen.to ?? now;
        const from = chosen.from ?? to - chosen.days * 86400;
        const { filters, skipped } = historyFilters(stack);
        for (const one of skipped) io.stderr(`note: not read: ${one.policy}: ${one.reason}\n`);
        const project = loadEnvironmentFile(environmentFile).project;
        const read = await historyThroughApi(
          dependencies,
          {
            project,
            filters,
            from,
            to,
            cacheDirectory: backtestCacheDirectory(chosen.cache, io),
            now,
            instead: 'backtest on `vigil export` files with --from-exports',
          },
          io,
        );
        history = read.history;
        const endpoint = read.endpoint;
        compare = async (report) => {
          const alerts = await readAlertHistory(endpoint, project, from, to);
          if (alerts.status === 'unavailable') {
            io.stderr(`note: alert history not compared: ${alerts.reason}\n`);
            return undefined;
          }
          return compareWithHistory(report, alerts.alerts, HISTORY_TOLERANCE_SECONDS);
        };
      }
      const report = runBacktest(stack, history, policyChannels(document));
      const comparison = compare ? await compare(report) : undefined;
      const text = formatBacktest(report, chosen.format, comparison);
      if (chosen.out) writeOutputFile(path.resolve(io.cwd, chosen.out), text, chosen.out);
      else io.stdout(text);
      return ExitCode.ok;
    },
  };
}

export const command: Command = backtestCommand({ baseUrl: MONITORING_API, token: applicationDefaultToken });
