// `vigil review`: what a pull request changes in production monitoring, in words, from the base
// and head syntheses (two cdktf.out directories or two cdk.tf.json files).
import * as fs from 'fs';
import * as path from 'path';
import { lintTerraformJson } from '../../tools/lint';
import { ArtifactError, loadArtifacts, maskJson, renderMarkdown, review } from '../../tools/review';
import type { ReviewResult } from '../../tools/review';
import type { Risk, StackArtifact } from '../../tools/review';
import { type History, loadHistory } from '../../tools/backtest/load-history';
import { comparedUnit, revisionChartSpec } from '../../tools/backtest/plot';
import { renderChartSvg } from '../../tools/charts/render-chart';
import {
  backtestRevision,
  changedPolicyAddresses,
  DEFAULT_NOISE_BUDGET,
  type NoiseBudget,
  parseNoiseBudget,
  type RevisionBacktestSummary,
  summarizeRevision,
} from '../../tools/backtest/revision-backtest';
import { type BacktestDependencies, backtestCacheDirectory, backtestNow, historyThroughApi } from '../backtest-history';
import type { CliIo, Command } from '../command';
import { historyFilters } from '../../tools/backtest/history-filters';
import { applicationDefaultToken } from '../../tools/export/credentials';
import { MONITORING_API } from '../../tools/export/monitoring-rest';
import { type StackModel, stackModelFromJson } from '../../tools/simulate/policy-model';
import { OUTAGE_SCENARIOS } from '../../tools/preview/outage-scenarios';
import { type PreviewData, scenarioPreviewData } from '../../tools/preview/preview-data';
import { ConfigError } from '../../config/config-error';
import { emptyPreviewData } from '../../tools/preview/preview-data-empty';
import {
  type DashboardPreviewRequest,
  type SideSource,
  writeDashboardPreviews,
} from '../../tools/review/dashboard-previews';
import { writeOutputFile } from '../../util/output-file';
import { readLiveDirectory } from '../../tools/adopt/live-inventory';
import { UsageError } from '../usage-error';

const USAGE = `usage: vigil review --base <dir|file> --head <dir|file> [options]

  --base <dir|file>      synthesis before the change: a cdktf.out directory or a cdk.tf.json
  --head <dir|file>      synthesis after the change
  --format markdown|json output format (default markdown)
  --svg-dir <dir>        write before/after previews (PNG, changed tiles outlined) of each changed
                         dashboard here, with the data of the environment's outage scenario
                         (vigil preview's default) when the working directory has it
  --out <file>           write the review to a file instead of standard output
  --max-chars <n>        cap the Markdown at n characters (default 65000, GitHub's comment limit)
  --fail-on-risk         exit 1 when the warning section is not empty
  --failure-modes <dir>  failure-mode catalogs (default failure-modes, when it exists): a change that
                         leaves a mode uncovered or slower than its target, or makes noise page, is a risk
  --backtest <dir>       \`vigil export\` files (*.json): evaluate each added, removed or altered alert
                         policy before and after on this history (incidents a week, incidents that
                         appear or vanish; with --svg-dir, a picture per policy)
  --backtest-days <n>    the same on the last n days read through the Monitoring API (the stack's
                         project, application default credentials, the cache of \`vigil backtest\`)
  --cache <dir>          where --backtest-days keeps API answers (default ~/.cache/vigil/backtest)
  --noise-budget <b>     pages a week one policy may send, as 2 (every severity) or CRITICAL=1,WARNING=5
                         (default 2): a change that pushes a policy over it is a risk
  --live <dir>           the project's live resources, as \`vigil adopt --from\` reads them (alertPolicies.json,
                         uptimeCheckConfigs.json, …): each import block of head is shown with what the
                         first apply changes on the live resource, and live resources head would
                         duplicate (a second page for one fault) are risks

Compare a branch with the working tree in one command: npm run review -- --base-ref <git ref>`;

interface Options {
  base: string;
  head: string;
  format: 'markdown' | 'json';
  svgDir?: string;
  out?: string;
  maxChars?: number;
  failOnRisk: boolean;
  failureModes?: string;
  backtest?: string;
  backtestDays?: number;
  cache?: string;
  noiseBudget?: NoiseBudget;
  live?: string;
}

const VALUE_FLAGS = new Set([
  '--base',
  '--head',
  '--format',
  '--svg-dir',
  '--out',
  '--max-chars',
  '--failure-modes',
  '--backtest',
  '--backtest-days',
  '--cache',
  '--noise-budget',
  '--live',
]);

export function parseReviewArgs(args: readonly string[]): Options {
  const values = new Map<string, string>();
  let failOnRisk = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (flag === '--fail-on-risk') {
      failOnRisk = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) throw new UsageError(`unknown option "${arg}"`);
    const value = inline ?? args[index + 1];
    if (inline === undefined) index += 1;
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const base = values.get('--base');
  const head = values.get('--head');
  if (!base || !head) throw new UsageError('both --base and --head are required');
  const format = values.get('--format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'json')
    throw new UsageError(`--format must be markdown or json, found "${format}"`);
  const maxCharsText = values.get('--max-chars');
  const maxChars = maxCharsText === undefined ? undefined : Number(maxCharsText);
  if (maxChars !== undefined && (!Number.isInteger(maxChars) || maxChars < 1000))
    throw new UsageError(`--max-chars must be a whole number of at least 1000, found "${maxCharsText}"`);
  return {
    base,
    head,
    format,
    svgDir: values.get('--svg-dir'),
    out: values.get('--out'),
    maxChars,
    failOnRisk,
    failureModes: values.get('--failure-modes'),
    backtest: values.get('--backtest'),
    backtestDays: backtestDays(values.get('--backtest-days'), values.has('--backtest')),
    cache: values.get('--cache'),
    noiseBudget: noiseBudget(values.get('--noise-budget')),
    live: values.get('--live'),
  };
}

function backtestDays(text: string | undefined, fromExports: boolean): number | undefined {
  if (text === undefined) return undefined;
  if (fromExports) throw new UsageError('give either --backtest DIR or --backtest-days N, not both');
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 400)
    throw new UsageError(`--backtest-days takes a whole number of days from 1 to 400; found "${text}"`);
  return days;
}

function noiseBudget(text: string | undefined): NoiseBudget | undefined {
  if (text === undefined) return undefined;
  const budget = parseNoiseBudget(text);
  if (!budget)
    throw new UsageError(
      `--noise-budget takes pages a week, as 2 or CRITICAL=1,WARNING=5 (severities CRITICAL, ERROR, WARNING); found "${text}"`,
    );
  return budget;
}

/** The stack's project, as its google provider block names it. */
function providerProject(artifact: StackArtifact): string {
  const google = (artifact.doc as { provider?: { google?: Array<{ project?: unknown }> } }).provider?.google;
  const project = google?.[0]?.project;
  if (typeof project !== 'string' || project === '')
    throw new UsageError(`--backtest-days: ${artifact.file} names no project in its google provider block`);
  return project;
}

/** The history --backtest or --backtest-days asks for, for the changed policies of one stack. */
async function historyFor(
  before: StackArtifact,
  after: StackArtifact,
  options: Options,
  resolve: (file: string) => string,
  dependencies: BacktestDependencies,
  io: CliIo,
): Promise<History> {
  if (options.backtest) return loadHistory(resolve(options.backtest), {}, options.backtest);
  const changed = new Set(changedPolicyAddresses(before.doc, after.doc));
  const filters = new Set<string>();
  for (const artifact of [before, after]) {
    const model = stackModelFromJson(artifact.doc, artifact.file);
    const selected = { ...model, policies: model.policies.filter((policy) => changed.has(policy.address)) };
    for (const filter of historyFilters(selected).filters) filters.add(filter);
  }
  const now = backtestNow(dependencies);
  const from = now - options.backtestDays! * 86400;
  const { history } = await historyThroughApi(
    dependencies,
    {
      project: providerProject(after),
      filters: [...filters].sort(),
      from,
      to: now,
      cacheDirectory: backtestCacheDirectory(options.cache, io),
      now,
      instead: 'review on `vigil export` files with --backtest DIR',
    },
    io,
  );
  return history;
}

/** The backtest section and its risks, for every stack on both sides. */
async function withBacktest(
  result: ReviewResult,
  base: readonly StackArtifact[],
  head: readonly StackArtifact[],
  options: Options,
  resolve: (file: string) => string,
  dependencies: BacktestDependencies,
  io: CliIo,
): Promise<ReviewResult> {
  const budget = options.noiseBudget ?? DEFAULT_NOISE_BUDGET;
  const risks: Risk[] = [];
  let summary: RevisionBacktestSummary | undefined;
  for (const after of head) {
    const before = base.find((one) => one.stack === after.stack);
    if (!before) continue;
    const history = await historyFor(before, after, options, resolve, dependencies, io);
    const revision = backtestRevision(before.doc, after.doc, history, budget);
    const svgFiles = new Map<string, string>();
    if (options.svgDir) {
      for (const change of revision.changes) {
        const name = `backtest-${change.address.replace(/^google_monitoring_alert_policy\./, '')}.svg`;
        const model = stackModelFromJson(after.doc, after.file);
        const unit = comparedUnit(
          model.policies.find((policy) => policy.address === change.address),
          model.logMetrics,
        );
        writeOutputFile(
          resolve(path.join(options.svgDir, name)),
          await renderChartSvg(revisionChartSpec(change, history.origin, unit)),
          path.join(options.svgDir, name),
        );
        svgFiles.set(change.address, path.join(options.svgDir, name));
      }
    }
    const one = summarizeRevision(revision, svgFiles);
    summary = summary ? { ...summary, changes: [...summary.changes, ...one.changes] } : one;
    for (const change of one.changes.filter((change) => change.overBudget))
      risks.push({
        stack: after.stack,
        kind: 'over-noise-budget',
        address: change.address,
        message: `**${change.policy}** would page ${change.after?.pagesPerWeek} times a week on the backtest's history (${change.before?.pagesPerWeek ?? 0} before), over the noise budget of ${change.budget} a week per ${change.severity ?? 'policy without severity'} policy`,
      });
  }
  return { ...result, risks: [...result.risks, ...risks], ...(summary ? { backtest: summary } : {}) };
}

/**
 * The outage scenario's data on one side. A side the scenario no longer fits (the change removes a
 * log-based metric the scenario writes) is drawn without data: the pictures must not fail the review.
 */
function outageData(file: string, shown: string, stack: StackModel, environment: string): PreviewData {
  try {
    return scenarioPreviewData(file, shown, stack, environment);
  } catch (error) {
    if (error instanceof ConfigError) return emptyPreviewData(stack, `${shown} does not fit this side`);
    throw error;
  }
}

/** Each side's stack model, with the data of its environment's outage scenario (or none), made once. */
function previewSources(
  base: readonly StackArtifact[],
  head: readonly StackArtifact[],
  cwd: string,
): (stackName: string, side: 'before' | 'after') => SideSource {
  const made = new Map<string, SideSource>();
  return (stackName, side) => {
    const key = `${side}\u0000${stackName}`;
    const found = made.get(key);
    if (found) return found;
    const artifact = (side === 'before' ? base : head).find((one) => one.stack === stackName)!;
    const stack = stackModelFromJson(artifact.doc, artifact.file);
    const environment = stackName.replace(/^monitoring-/, '');
    const scenario = OUTAGE_SCENARIOS[environment];
    const data =
      scenario !== undefined && fs.existsSync(path.resolve(cwd, scenario))
        ? outageData(path.resolve(cwd, scenario), scenario, stack, environment)
        : emptyPreviewData(stack, 'no outage scenario for this environment');
    const source = { stack, data };
    made.set(key, source);
    return source;
  };
}

export function formatReview(result: ReviewResult, options: Pick<Options, 'format' | 'maxChars'>): string {
  if (options.format === 'json') return `${JSON.stringify(maskJson(result), null, 2)}\n`;
  return renderMarkdown(result, { maxChars: options.maxChars });
}

/** The given catalog directory (it must exist), or failure-modes/ when the working directory has one. */
function failureModesDirectory(options: Options, cwd: string): string | undefined {
  if (options.failureModes === undefined) {
    const fallback = path.resolve(cwd, 'failure-modes');
    return fs.existsSync(fallback) ? fallback : undefined;
  }
  const given = path.resolve(cwd, options.failureModes);
  if (!fs.existsSync(given)) throw new UsageError(`--failure-modes ${options.failureModes}: no such directory`);
  return given;
}

export function reviewCommand(dependencies: BacktestDependencies): Command {
  return {
    summary: 'what a change does to production monitoring, in words (base vs head synthesis)',
    usage: USAGE,
    async run(args, io) {
      const options = parseReviewArgs(args);
      const resolve = (file: string) => path.resolve(io.cwd, file);
      let result: ReviewResult;
      try {
        const base = loadArtifacts(resolve(options.base));
        const head = loadArtifacts(resolve(options.head));
        const dashboardPreviews: DashboardPreviewRequest[] = [];
        result = review(base, head, {
          lint: lintTerraformJson,
          svgDir: options.svgDir ? resolve(options.svgDir) : undefined,
          svgDirShown: options.svgDir,
          failureModes: failureModesDirectory(options, io.cwd),
          live: options.live === undefined ? undefined : readLiveDirectory(resolve(options.live)),
          dashboardPreviews,
        });
        if (dashboardPreviews.length > 0)
          await writeDashboardPreviews(dashboardPreviews, previewSources(base, head, io.cwd));
        if (options.backtest || options.backtestDays)
          result = await withBacktest(result, base, head, options, resolve, dependencies, io);
      } catch (error) {
        // Paths as the person gave them, not as resolved against the working directory.
        const asGiven = (message: string) =>
          [options.base, options.head].reduce((text, given) => text.split(resolve(given)).join(given), message);
        if (error instanceof ArtifactError) throw new UsageError(asGiven(error.message));
        throw error;
      }
      const text = formatReview(result, options);
      if (options.out) writeOutputFile(resolve(options.out), text, options.out);
      else io.stdout(text);
      return options.failOnRisk && result.risks.length > 0 ? 1 : 0;
    },
  };
}

export const command: Command = reviewCommand({ baseUrl: MONITORING_API, token: applicationDefaultToken });
