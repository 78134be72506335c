// vigil lint [paths…] [--format text|json] [--strict]: what the Cloud Monitoring API would reject.
import * as path from 'path';
import {
  findingLocation,
  formatFindingsText,
  hasFailures,
  lintInputs,
  MissingPathError,
  type LintRun,
} from '../../tools/lint';
import { ExitCode } from '../../errors/exit-codes';
import type { Command } from '../command';
import { UsageError } from '../usage-error';

const USAGE = `usage: vigil lint [paths…] [--format text|json] [--strict]

Checks synthesized Terraform JSON (a cdk.tf.json, a stack directory, or cdktf.out, the default)
and REST JSON exports of alert policies, uptime checks and dashboards (one object, an array, or a
list response; directories are searched for *.json) against the Cloud Monitoring API's rules.

  --format text|json  text groups findings by file (default); json prints an array of
                      {ruleId, severity, file, location, resource, path, message,
                      hint}; location is file:line:col, or null when not known
  --strict            warnings fail too (exit 1)

Files that cannot be read or are not JSON are errors (with the line and column of a JSON syntax
error), and so is finding no alert policy, uptime check or dashboard at all in the paths given.

Exit status: 1 when an error (or, with --strict, any finding) is found or nothing was checked,
0 otherwise, 2 on bad usage or a path that does not exist.`;

interface Options {
  readonly paths: string[];
  readonly format: 'text' | 'json';
  readonly strict: boolean;
}

function parseArgs(args: readonly string[]): Options {
  const paths: string[] = [];
  let format: 'text' | 'json' = 'text';
  let strict = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--strict') {
      strict = true;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json')
        throw new UsageError(
          `--format takes text or json, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
        );
      format = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      paths.push(arg);
    }
  }
  return { paths, format, strict };
}

export const command: Command = {
  summary: 'check stacks and exports against what the Monitoring API would reject',
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    const given = options.paths.length > 0 ? options.paths : ['cdktf.out'];
    let run: LintRun;
    try {
      run = await lintInputs(given.map((file) => path.resolve(io.cwd, file)));
    } catch (error) {
      if (error instanceof MissingPathError) {
        const shown = path.relative(io.cwd, error.missing) || error.missing;
        const hint = options.paths.length === 0 ? ' (run `npm run synth` first, or name files to lint)' : '';
        io.stderr(`vigil lint: no such file or directory: ${shown}${hint}\n`);
        return ExitCode.usageOrAttention;
      }
      throw error;
    }
    const { findings } = run;
    // Files are named as the person typed them: relative to where vigil runs.
    const shown = findings.map((finding) => ({
      ...finding,
      file: path.relative(io.cwd, finding.file) || finding.file,
    }));
    if (options.format === 'json') {
      const rows = shown.map((finding) => {
        const { ruleId, severity, file, resource, path: jsonPath, message, hint, line } = finding;
        const location = line === undefined ? null : findingLocation(finding);
        return { ruleId, severity, file, location, resource, path: jsonPath, message, hint: hint ?? null };
      });
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      io.stdout(formatFindingsText(shown));
    }
    // A CI step pointed at the wrong path must fail, not pass with "0 errors".
    if (run.resourcesChecked === 0) {
      io.stderr(`vigil lint: no monitoring resources found in ${given.join(', ')}\n`);
      return ExitCode.failure;
    }
    return hasFailures(findings, options.strict) ? ExitCode.failure : ExitCode.ok;
  },
};
