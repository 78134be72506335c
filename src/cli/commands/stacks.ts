// `vigil stacks [--format text|json]`: every stack with its environment, project, state backend
// and the files it depends on, so a CI matrix can run `terraform plan` only for the stacks a
// change touches (.github/workflows/deploy.yml). No cdktf, no synthesis.
import * as path from 'path';
import { describeBackend, listStacks } from '../../tools/stacks/list-stacks';
import { parseCommandArgs } from '../command-args';
import type { Command } from '../command';
import { UsageError } from '../usage-error';

export const command: Command = {
  summary: 'list every stack with its environment, project, state backend and the files it depends on',
  usage: 'usage: vigil stacks [--environments DIR] [--out DIR] [--format text|json]',
  async run(args, io) {
    const values: { environments?: string; out?: string; format?: string } = parseCommandArgs({
      args,
      options: { environments: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } },
    }).values;
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const stacks = listStacks(
      path.resolve(io.cwd, values.environments ?? 'environments'),
      path.resolve(io.cwd, values.out ?? 'cdktf.out'),
      io.cwd,
    );
    if (format === 'json') {
      io.stdout(`${JSON.stringify(stacks, null, 2)}\n`);
      return 0;
    }
    for (const entry of stacks) {
      io.stdout(
        `${entry.stack}  environment ${entry.environment}, project ${entry.project}, state ${describeBackend(entry.backend)}\n`,
      );
      io.stdout(`  files: ${entry.files.join(', ')}\n`);
    }
    return 0;
  },
};
