// `vigil clone <source-env> <new-env> --project <id> [--region <region>] [--set <path>=<value> ...]`:
// writes environments/<new-env>.yaml from an existing environment (src/tools/clone, docs/clone.md).
import * as path from 'path';
import { cloneEnvironment, CloneResult } from '../../tools/clone/clone-environment';
import { terminalPrompt } from '../../tools/clone/terminal-prompt';
import { parseCommandArgs } from '../command-args';
import type { CliIo, Command } from '../command';
import { UsageError } from '../usage-error';

const USAGE = `usage: vigil clone <source-env> <new-env> --project <id> [--region <region>] [--set <path>=<value> ...] [--environments <dir>]

Writes <dir>/<new-env>.yaml (default dir: environments) from <source-env>. Thresholds, routing
and settings are copied; every value that names the source's infrastructure (instances, hosts,
IPs, connector, network, services, URLs, channel addresses) is given with --set, derived from the
source's naming where that is certain, or asked for at a terminal. Without a terminal, clone
lists every value still to give. It never overwrites a file, validates before writing, and fails
if the new stack still names any identifier of the source.

  --project <id>          the new environment's GCP project (required)
  --region <region>       its region (default: the source's)
  --set <path>=<value>    any field, by the path validation errors print: redis.host=10.0.0.3,
                          notifications.channels[1].channel=#prod-alerts (repeatable)
  --environments <dir>    the environments directory (default: environments)`;

function summary(result: CloneResult, source: string, cwd: string): string {
  const lines = [`wrote ${path.relative(cwd, result.file) || result.file} (cloned from ${source})`];
  const groups: Array<[string, string]> = [
    ['given', 'given'],
    ['answered', 'answered'],
    ['derived', `derived from ${source}'s naming`],
    ['follows', 'same value as another field'],
    ['rewritten', 'text rewritten to the new names'],
  ];
  for (const [how, title] of groups) {
    const choices = result.choices.filter((choice) => choice.how === how);
    if (choices.length === 0) continue;
    lines.push(`  ${title}:`);
    for (const choice of choices) {
      const from = choice.from ? ` (as ${choice.from})` : '';
      lines.push(
        how === 'rewritten'
          ? `    ${choice.path}`
          : `    ${choice.path}: ${choice.sourceValue} -> ${choice.value}${from}`,
      );
    }
  }
  lines.push(
    `  checked: the synthesized stack of ${result.environment.name} names none of ${source}'s ${result.searched} identifiers`,
  );
  lines.push('next: review the file, then `npm run synth`');
  return `${lines.join('\n')}\n`;
}

function parse(args: string[]) {
  return parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      region: { type: 'string' },
      set: { type: 'string', multiple: true },
      environments: { type: 'string' },
    },
  });
}

export const command: Command = {
  summary: 'write environments/<new>.yaml from an existing environment, for another project',
  usage: USAGE,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parse(args);
    if (positionals.length !== 2)
      throw new UsageError(
        `expected <source-env> <new-env>, found ${positionals.length === 0 ? 'none' : positionals.join(' ')}`,
      );
    if (!values.project)
      throw new UsageError('--project <id> is required: the GCP project the new environment monitors');
    const [source, target] = positionals;
    const prompt = io.interactive ? terminalPrompt() : undefined;
    try {
      const result = await cloneEnvironment(
        {
          environmentsDir: path.resolve(io.cwd, values.environments ?? 'environments'),
          source,
          target,
          project: values.project,
          region: values.region,
          sets: values.set ?? [],
        },
        { ask: prompt?.ask, tell: io.stderr },
      );
      io.stdout(summary(result, source, io.cwd));
      return 0;
    } finally {
      prompt?.close();
    }
  },
};
