// vigil backtest --env E --from-exports DIR: every alert policy of an environment's stack,
// evaluated with simulate's evaluator over the history in `vigil export` files; what each would
// have done (docs/backtest.md).
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { ExitCode } from '../../errors/exit-codes';
import { VigilError } from '../../errors/vigil-error';
import { formatBacktest, type BacktestFormat } from '../../tools/backtest/format-backtest';
import { loadHistory } from '../../tools/backtest/load-history';
import { runBacktest } from '../../tools/backtest/run-backtest';
import { parseTimestamp } from '../../tools/simulate/time-points';
import { writeOutputFile } from '../../util/output-file';
import type { Command } from '../command';
import { environmentStack } from '../environment-stack';
import { UsageError } from '../usage-error';

const USAGE = `usage: vigil backtest --env NAME --from-exports DIR [--from TIME --to TIME] [--format F] [--out FILE]

Evaluates every alert policy of an environment's synthesized stack, with simulate's evaluator,
over the history held in \`vigil export\` files, and reports per policy the incidents it would
have opened (open, close, duration, peak value), incidents and pages a week, and time in alert.

  --env NAME           the environment whose stack is evaluated
  --from-exports DIR   a directory of \`vigil export\` files (*.json): the history
  --from, --to TIME    the window, RFC 3339 (default: the earliest to the latest exported point)
  --format F           text (default), markdown or json (docs/backtest.md documents the JSON)
  --out FILE           write the report to a file instead of standard output
  --synth              synthesize the environment in process instead of reading the artifact
  --artifacts DIR      where synthesized stacks are read from (default cdktf.out)
  --environments DIR   where environment files are (default environments)

Reading the history through the Monitoring API (--days) is not built yet: export it with
\`vigil export\` first.

Exit status: 0 when the report is written; 1 when it is not (bad exports, no stack); 2 on bad usage.`;

const FORMATS: readonly BacktestFormat[] = ['text', 'markdown', 'json'];

interface Options {
  readonly environment: string;
  readonly exports: string;
  readonly from?: number;
  readonly to?: number;
  readonly format: BacktestFormat;
  readonly out?: string;
  readonly synth: boolean;
  readonly artifacts: string;
  readonly environments: string;
}

function options(args: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        env: { type: 'string' },
        'from-exports': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        synth: { type: 'boolean' },
        artifacts: { type: 'string' },
        environments: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (!values.env) throw new UsageError('--env is required');
  if (!values['from-exports'])
    throw new UsageError('--from-exports is required (reading through the Monitoring API is not built yet)');
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
    from,
    to,
    format,
    out: values.out,
    synth: values.synth ?? false,
    artifacts: values.artifacts ?? 'cdktf.out',
    environments: values.environments ?? 'environments',
  };
}

export const command: Command = {
  summary: 'what every alert policy would have done over past weeks of exported history',
  usage: USAGE,
  async run(args, io) {
    const chosen = options(args);
    const environmentFile = path.resolve(io.cwd, chosen.environments, `${chosen.environment}.yaml`);
    if (!fs.existsSync(environmentFile))
      throw new UsageError(
        `--env: no environment "${chosen.environment}": ${path.relative(io.cwd, environmentFile)} does not exist`,
      );
    const stack = environmentStack({
      environment: chosen.environment,
      environmentFile,
      synth: chosen.synth,
      artifacts: chosen.artifacts,
      cwd: io.cwd,
      referencedFrom: `--env ${chosen.environment}`,
      field: '--env',
      missingArtifact: (message) => new VigilError(message),
    });
    const history = loadHistory(
      path.resolve(io.cwd, chosen.exports),
      { from: chosen.from, to: chosen.to },
      chosen.exports,
    );
    const report = runBacktest(stack, history);
    const text = formatBacktest(report, chosen.format);
    if (chosen.out) writeOutputFile(path.resolve(io.cwd, chosen.out), text, chosen.out);
    else io.stdout(text);
    return ExitCode.ok;
  },
};
