// `vigil review`: what a pull request changes in production monitoring, in words, from the base
// and head syntheses (two cdktf.out directories or two cdk.tf.json files).
import * as fs from 'fs';
import * as path from 'path';
import { lintTerraformJson } from '../../tools/lint';
import { ArtifactError, loadArtifacts, maskJson, renderMarkdown, review } from '../../tools/review';
import type { ReviewResult } from '../../tools/review';
import type { Command } from '../command';
import { writeOutputFile } from '../../util/output-file';
import { UsageError } from '../usage-error';

const USAGE = `usage: vigil review --base <dir|file> --head <dir|file> [options]

  --base <dir|file>      synthesis before the change: a cdktf.out directory or a cdk.tf.json
  --head <dir|file>      synthesis after the change
  --format markdown|json output format (default markdown)
  --svg-dir <dir>        write a before/after layout SVG of each changed dashboard here
  --out <file>           write the review to a file instead of standard output
  --max-chars <n>        cap the Markdown at n characters (default 65000, GitHub's comment limit)
  --fail-on-risk         exit 1 when the warning section is not empty
  --failure-modes <dir>  failure-mode catalogs (default failure-modes, when it exists): a change that
                         leaves a mode uncovered or slower than its target, or makes noise page, is a risk

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
}

const VALUE_FLAGS = new Set(['--base', '--head', '--format', '--svg-dir', '--out', '--max-chars', '--failure-modes']);

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

export const command: Command = {
  summary: 'what a change does to production monitoring, in words (base vs head synthesis)',
  usage: USAGE,
  async run(args, io) {
    const options = parseReviewArgs(args);
    const resolve = (file: string) => path.resolve(io.cwd, file);
    let result: ReviewResult;
    try {
      result = review(loadArtifacts(resolve(options.base)), loadArtifacts(resolve(options.head)), {
        lint: lintTerraformJson,
        svgDir: options.svgDir ? resolve(options.svgDir) : undefined,
        svgDirShown: options.svgDir,
        failureModes: failureModesDirectory(options, io.cwd),
      });
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
