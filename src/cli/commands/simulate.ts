// vigil simulate [files or directories…]: unit tests of alert policies on synthetic time series
// (alert-tests/**/*.yaml), and --report, the worst-case time to notification per policy.
import { outputWidth } from '../../util/text-table';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../config/config-error';
import { environmentFiles, environmentNameOf } from '../../config/load-environment';
import { formatJson, formatJunit, formatText, totalsOf } from '../../tools/simulate/format-results';
import { plotFileName, plotTest } from '../../tools/simulate/plot';
import { svgToPng } from '../../tools/charts/svg-to-png';
import type { StackModel } from '../../tools/simulate/policy-model';
import { formatReportMarkdown, formatReportText, reportRows, simulatedKey } from '../../tools/simulate/report';
import { EnvironmentResolver, runScenarioFile, scenarioFiles, TestResult } from '../../tools/simulate/run-scenarios';
import { coverageOf, hasGap } from '../../tools/simulate/failure-modes/coverage';
import { loadStackSource } from '../../tools/simulate/stack-source';
import { loadFailureModeCatalog } from '../../tools/simulate/failure-modes/failure-mode-catalog';
import {
  formatCoverageJson,
  formatCoverageMarkdown,
  formatCoverageText,
} from '../../tools/simulate/failure-modes/format-coverage';
import { parseCommandArgs } from '../command-args';
import type { Command } from '../command';
import { ensureOutputDirectory, writeOutputFile } from '../../util/output-file';
import { environmentStack } from '../environment-stack';
import { UsageError } from '../usage-error';
import { appendAll } from '../../util/append-all';

const USAGE = `usage: vigil simulate [files or directories…] [--format text|json] [--junit FILE] [--plot DIR [--plot-format svg|png]]
       vigil simulate --report [files or directories…] [--format text|markdown|json] [--stack FILE | --environment NAME]
       vigil simulate --coverage [catalogs or directories…] [--format text|markdown|json] [--fail-on-gap]

Runs the alert-policy scenarios of alert-tests/ (the default), or of the given *.yaml files and
directories, against the policies of each scenario's stack, and checks their expectations.

  --format text|json   a line per expectation and the time to fire of every firing alert (text,
                       the default), or everything as JSON
  --junit FILE         also write JUnit XML (a testsuite per file, a testcase per expectation)
  --plot DIR           write a picture per test: the input series, then per policy condition the
                       compared value, its threshold in the metric's unit and the incidents shaded
  --plot-format svg|png  the pictures' format (default svg; png for where SVG does not show)
  --synth              synthesize each environment in process instead of reading the artifact
  --artifacts DIR      where synthesized stacks are read from (default cdktf.out)
  --environments DIR   where environment files are (default environments)

  --report             a table per alert policy and condition of the worst-case time from
                       incident start to notification: ingest delay + alignment + duration +
                       evaluation interval; --format markdown prints it for the README
  --stack FILE         the report's stack: a cdk.tf.json, a REST export or a directory of them
  --environment NAME   the report's environment (default: every environment)
                       Scenario files given with --report add a column: the slowest time to
                       fire the scenarios measured for each policy.

  --coverage           per failure mode of the catalogs (default failure-modes/*.yaml): the
                       first policy that notifies at the mode's severity (critical pages), its
                       worst-case and simulated time, the other policies that fire, and ok, NOT
                       COVERED or SLOWER THAN TARGET; then each noise scenario: silent or PAGES
  --fail-on-gap        with --coverage: exit 1 when a page-severity mode is not ok or noise pages

Exit status: 1 when an expectation fails or a scenario file is invalid, 0 otherwise, 2 on bad usage.`;

interface Options {
  readonly paths: string[];
  readonly format: string;
  readonly junit?: string;
  readonly plot?: string;
  readonly plotFormat: 'svg' | 'png';
  readonly synth: boolean;
  readonly artifacts: string;
  readonly environments: string;
  readonly report: boolean;
  readonly stack?: string;
  readonly environment?: string;
  readonly coverage: boolean;
  readonly failOnGap: boolean;
}

function options(args: string[]): Options {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      junit: { type: 'string' },
      plot: { type: 'string' },
      'plot-format': { type: 'string' },
      synth: { type: 'boolean' },
      artifacts: { type: 'string' },
      environments: { type: 'string' },
      report: { type: 'boolean' },
      stack: { type: 'string' },
      environment: { type: 'string' },
      coverage: { type: 'boolean' },
      'fail-on-gap': { type: 'boolean' },
    },
  });
  const { values, positionals } = parsed;
  const report = values.report ?? false;
  const coverage = values.coverage ?? false;
  if (report && coverage) throw new UsageError('give --report or --coverage, not both');
  if (values['fail-on-gap'] && !coverage) throw new UsageError('--fail-on-gap goes with --coverage');
  if (coverage && (values.junit !== undefined || values.plot !== undefined))
    throw new UsageError('--coverage takes no --junit or --plot');
  if (coverage && (values.stack !== undefined || values.environment !== undefined))
    throw new UsageError(
      '--coverage reads the stack each failure-mode scenario names; it takes no --stack or --environment',
    );
  const plotFormat = values['plot-format'] ?? 'svg';
  if (plotFormat !== 'svg' && plotFormat !== 'png')
    throw new UsageError(`--plot-format takes svg or png; got "${plotFormat}"`);
  if (values['plot-format'] !== undefined && values.plot === undefined)
    throw new UsageError('--plot-format goes with --plot');
  const format = values.format ?? 'text';
  const tabular = report || coverage;
  const formats = tabular ? ['text', 'markdown', 'json'] : ['text', 'json'];
  if (!formats.includes(format))
    throw new UsageError(
      `--format takes ${formats.join(', ')}${tabular ? ` with --${report ? 'report' : 'coverage'}` : ''}; got "${format}"`,
    );
  if (!tabular && (values.stack !== undefined || values.environment !== undefined))
    throw new UsageError('--stack and --environment choose the stack of --report; scenario files name their own stack');
  if (report && (values.junit !== undefined || values.plot !== undefined))
    throw new UsageError('--report takes no --junit or --plot');
  if (values.stack !== undefined && values.environment !== undefined)
    throw new UsageError('give --stack or --environment, not both');
  return {
    paths: positionals,
    format,
    junit: values.junit,
    plot: values.plot,
    plotFormat,
    synth: values.synth ?? false,
    artifacts: values.artifacts ?? 'cdktf.out',
    environments: values.environments ?? 'environments',
    report,
    stack: values.stack,
    environment: values.environment,
    coverage,
    failOnGap: values['fail-on-gap'] ?? false,
  };
}

/** Reads an environment's stack from the artifacts directory, or synthesizes it (--synth). */
function environmentResolver(chosen: Options, cwd: string): EnvironmentResolver {
  const cache = new Map<string, StackModel>();
  return (environment, referencedFrom) => {
    const cached = cache.get(environment);
    if (cached) return cached;
    const environmentFile = path.resolve(cwd, chosen.environments, `${environment}.yaml`);
    if (chosen.synth && !fs.existsSync(environmentFile)) {
      throw new ConfigError([
        {
          file: referencedFrom,
          path: 'environment',
          message: `no environment "${environment}": ${path.relative(cwd, environmentFile)} does not exist`,
        },
      ]);
    }
    const model = environmentStack({
      environment,
      environmentFile,
      synth: chosen.synth,
      artifacts: chosen.artifacts,
      cwd,
      referencedFrom,
      field: 'environment',
      missingArtifact: (message) => new ConfigError([{ file: referencedFrom, path: 'environment', message }]),
    });
    cache.set(environment, model);
    return model;
  };
}

function runReport(chosen: Options, io: Parameters<Command['run']>[1]): number {
  const resolve = environmentResolver(chosen, io.cwd);
  let stacks: StackModel[];
  if (chosen.stack !== undefined) {
    stacks = [loadStackSource(path.resolve(io.cwd, chosen.stack), chosen.stack, '--stack')];
  } else {
    const names =
      chosen.environment !== undefined
        ? [chosen.environment]
        : environmentFiles(path.resolve(io.cwd, chosen.environments)).map(environmentNameOf);
    stacks = names.map((name) => resolve(name, `--environment ${name}`));
  }
  const simulated = chosen.paths.length > 0 ? slowestTimesToFire(chosen, io.cwd, resolve) : undefined;
  const rows = stacks.flatMap((stack) => reportRows(stack, simulated));
  if (chosen.format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else
    io.stdout(
      chosen.format === 'markdown'
        ? formatReportMarkdown(rows, simulated !== undefined)
        : formatReportText(rows, simulated !== undefined, outputWidth()),
    );
  return 0;
}

/** Catalog files: the given files, or every *.yaml of the given directories (default failure-modes/). */
function catalogFiles(chosen: Options, cwd: string): string[] {
  const given = chosen.paths.length > 0 ? chosen.paths : ['failure-modes'];
  for (const one of given)
    if (!fs.existsSync(path.resolve(cwd, one)))
      throw new ConfigError([
        {
          file: one,
          path: '',
          message: 'no such file or directory; expected a failure-mode catalog (*.yaml) or a directory of them',
        },
      ]);
  const files = scenarioFiles(given.map((one) => path.resolve(cwd, one)));
  if (files.length === 0) throw new UsageError(`no failure-mode catalogs (*.yaml) in ${given.join(', ')}`);
  return files;
}

function runCoverage(chosen: Options, io: Parameters<Command['run']>[1]): number {
  const resolveEnvironment = environmentResolver(chosen, io.cwd);
  const results = catalogFiles(chosen, io.cwd).map((file) =>
    coverageOf(loadFailureModeCatalog(file), { resolveEnvironment }),
  );
  const result = { modes: results.flatMap((one) => one.modes), noise: results.flatMap((one) => one.noise) };
  io.stdout(
    chosen.format === 'json'
      ? formatCoverageJson(result)
      : chosen.format === 'markdown'
        ? formatCoverageMarkdown(result)
        : formatCoverageText(result, outputWidth()),
  );
  return chosen.failOnGap && hasGap(result) ? 1 : 0;
}

/** Policy condition → the slowest time to fire that any scenario's fires: expectation measured when it was met. */
function slowestTimesToFire(
  chosen: Options,
  cwd: string,
  resolveEnvironment: EnvironmentResolver,
): Map<string, number> {
  const slowest = new Map<string, number>();
  for (const file of scenarioFiles(chosen.paths.map((one) => path.resolve(cwd, one)))) {
    for (const result of runScenarioFile(file, { resolveEnvironment })) {
      for (const expectation of result.expectations) {
        if (expectation.secondsToFire === undefined) continue;
        for (const index of expectation.conditionsMet ?? []) {
          const key = simulatedKey(expectation.policy, index);
          slowest.set(key, Math.max(slowest.get(key) ?? 0, expectation.secondsToFire));
        }
      }
    }
  }
  return slowest;
}

/** A picture per test in `plot` (the directory as given): SVG, or PNG through resvg. */
async function writePlots(
  results: readonly TestResult[],
  plot: string,
  format: 'svg' | 'png',
  io: Parameters<Command['run']>[1],
): Promise<void> {
  const directory = path.resolve(io.cwd, plot);
  ensureOutputDirectory(directory, plot);
  for (const result of results) {
    const named = new Set(result.expectations.map((expectation) => expectation.policy));
    const name = plotFileName(result.file, result.name, format);
    const svg = await plotTest(result, named);
    writeOutputFile(path.join(directory, name), format === 'png' ? await svgToPng(svg) : svg, path.join(plot, name));
  }
}

export const command: Command = {
  summary: 'unit-test alert policies against synthetic time series (alert-tests/)',
  usage: USAGE,
  async run(args, io) {
    const chosen = options(args);
    if (chosen.report) return runReport(chosen, io);
    if (chosen.coverage) return runCoverage(chosen, io);
    const files = scenarioFiles(
      (chosen.paths.length > 0 ? chosen.paths : ['alert-tests']).map((one) => path.resolve(io.cwd, one)),
    );
    if (files.length === 0)
      throw new UsageError(`no scenario files (*.yaml) in ${chosen.paths.join(', ') || 'alert-tests'}`);
    const resolveEnvironment = environmentResolver(chosen, io.cwd);
    const results: TestResult[] = [];
    for (const file of files)
      appendAll(results, runScenarioFile(file, { resolveEnvironment, recordValues: chosen.plot !== undefined }));
    io.stdout(chosen.format === 'json' ? formatJson(results, io.cwd) : formatText(results, io.cwd));
    if (chosen.junit !== undefined)
      writeOutputFile(path.resolve(io.cwd, chosen.junit), formatJunit(results, io.cwd), chosen.junit);
    if (chosen.plot !== undefined) {
      await writePlots(results, chosen.plot, chosen.plotFormat, io);
      if (chosen.format === 'text')
        io.stdout(
          `wrote ${results.length} ${chosen.plotFormat.toUpperCase()} files to ${path.relative(io.cwd, path.resolve(io.cwd, chosen.plot)) || '.'}\n`,
        );
    }
    return totalsOf(results).failed > 0 ? 1 : 0;
  },
};
