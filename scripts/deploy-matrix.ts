// The deploy workflow's matrices (.github/workflows/deploy.yml), from `vigil stacks` and the diff:
//   node dist/scripts/deploy-matrix.js --changed FILE [--apply]       files of the diff, one a line
//   node dist/scripts/deploy-matrix.js --all [--apply]
//   node dist/scripts/deploy-matrix.js --environments "a b" [--apply]
// Prints the selection as JSON and, under GitHub Actions, writes the outputs plan, apply, count
// and a summary. Exit 2 with a message when the selection cannot be made.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { Change, deploySelection } from '../src/tools/deploy/deploy-matrix';
import { listStacks } from '../src/tools/stacks/list-stacks';
import { VigilError } from '../src/errors/vigil-error';

function changeOf(values: { changed?: string; all?: boolean; environments?: string }): Change {
  if (values.all) return { kind: 'all' };
  if (values.environments !== undefined && values.environments.trim() !== '') {
    return { kind: 'environments', names: values.environments.trim().split(/[\s,]+/) };
  }
  if (values.changed === undefined) throw new Error('give --changed FILE, --all or --environments NAMES');
  const files = fs
    .readFileSync(values.changed, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { kind: 'files', files };
}

function main(): number {
  const cwd = process.cwd();
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        changed: { type: 'string' },
        all: { type: 'boolean' },
        environments: { type: 'string' },
        apply: { type: 'boolean' },
      },
    });
    const stacks = listStacks(path.join(cwd, 'environments'), path.join(cwd, 'cdktf.out'), cwd);
    const selection = deploySelection(stacks, changeOf(values), Boolean(values.apply));
    process.stdout.write(`${JSON.stringify(selection, null, 2)}\n`);
    if (process.env.GITHUB_OUTPUT) {
      fs.appendFileSync(
        process.env.GITHUB_OUTPUT,
        [
          `plan=${JSON.stringify(selection.plan)}`,
          `apply=${JSON.stringify(selection.apply)}`,
          `count=${selection.plan.include.length}`,
          '',
        ].join('\n'),
      );
    }
    if (process.env.GITHUB_STEP_SUMMARY) {
      const lines = ['### Stacks this change touches', ''];
      for (const entry of selection.touched)
        lines.push(`- \`${entry.stack}\` (${entry.backend.type}): ${entry.files.join(', ')}`);
      if (selection.touched.length === 0) lines.push('None.');
      for (const skip of selection.skipped) lines.push(`- skipped \`${skip.stack}\`: ${skip.reason}`);
      fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof VigilError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`deploy-matrix: ${message}\n`);
    return 2;
  }
}

process.exitCode = main();
