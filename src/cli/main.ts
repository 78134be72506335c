// The one entry point: `vigil <command> [options]`. Subcommands are loaded on demand so that
// `vigil lint` never pays for loading cdktf and the google provider.
import * as path from 'path';
import { ConfigError, formatProblem } from '../config/config-error';
import { CliIo, Command, processIo } from './command';
import { VigilError } from '../errors/vigil-error';
import { UsageError } from './usage-error';

const COMMANDS: Readonly<Record<string, () => Command>> = {
  synth: () => require('./commands/synth').command,
  lint: () => require('./commands/lint').command,
  simulate: () => require('./commands/simulate').command,
  export: () => require('./commands/export').command,
  review: () => require('./commands/review').command,
  clone: () => require('./commands/clone').command,
  drift: () => require('./commands/drift').command,
  preflight: () => require('./commands/preflight').command,
  schema: () => require('./commands/schema').command,
};

function help(): string {
  const lines = ['usage: vigil <command> [options]', '', 'commands:'];
  for (const name of Object.keys(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${COMMANDS[name]().summary}`);
  lines.push('', 'Run `vigil <command> --help` for the options of one command.');
  return `${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`vigil: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const command = load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`vigil ${name}: ${error.message}\n${command.usage}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      // Files are named as the person typed them: relative to where vigil runs.
      const problems = error.problems.map((problem) => ({ ...problem, file: path.isAbsolute(problem.file) ? path.relative(io.cwd, problem.file) : problem.file }));
      io.stderr(`${problems.map(formatProblem).join('\n')}\n`);
      return error.exitCode;
    }
    if (error instanceof VigilError) {
      io.stderr(`vigil ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
