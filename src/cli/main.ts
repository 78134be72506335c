// The one entry point: `vigil <command> [options]`. Subcommands are loaded on demand so that
// `vigil lint` never pays for loading cdktf and the google provider.
import * as path from 'path';
import { ConfigError, formatProblem } from '../config/config-error';
import { CliIo, Command, processIo } from './command';
import { ExitCode } from '../errors/exit-codes';
import { VigilError } from '../errors/vigil-error';
import { formatInternalError } from './internal-error';
import { UsageError } from './usage-error';
import { vigilVersion } from './version';

const COMMANDS: Readonly<Record<string, () => Command>> = {
  synth: () => require('./commands/synth').command,
  lint: () => require('./commands/lint').command,
  simulate: () => require('./commands/simulate').command,
  export: () => require('./commands/export').command,
  backtest: () => require('./commands/backtest').command,
  adopt: () => require('./commands/adopt').command,
  review: () => require('./commands/review').command,
  preview: () => require('./commands/preview').command,
  clone: () => require('./commands/clone').command,
  drift: () => require('./commands/drift').command,
  preflight: () => require('./commands/preflight').command,
  schema: () => require('./commands/schema').command,
  stacks: () => require('./commands/stacks').command,
  'golden-path': () => require('./commands/golden-path').command,
};

function help(): string {
  const lines = ['usage: vigil <command> [options]', '       vigil --version', '', 'commands:'];
  for (const name of Object.keys(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${COMMANDS[name]().summary}`);
  lines.push('', 'Run `vigil <command> --help` for the options of one command; docs/cli.md lists exit codes.');
  return `${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? ExitCode.usageOrAttention : ExitCode.ok;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(`vigil ${vigilVersion()}\n`);
    return ExitCode.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`vigil: unknown command "${name}"\n\n${help()}`);
    return ExitCode.usageOrAttention;
  }
  let command: Command;
  try {
    command = load();
  } catch (error) {
    // A command module that fails to load is vigil's bug, said like any other.
    io.stderr(formatInternalError(`vigil ${name}`, error, io.env));
    return ExitCode.failure;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return report(error, name, command, io);
  }
}

// The one place an error becomes words and an exit code: a VigilError is the user's to act on
// (no stack trace, ever); anything else is vigil's bug, said in one line.
function report(error: unknown, name: string, command: Command, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`vigil ${name}: ${error.message}\n${command.usage}\n`);
    return error.exitCode;
  }
  if (error instanceof ConfigError) {
    // Files are named as the person typed them: relative to where vigil runs.
    const problems = error.problems.map((problem) => ({
      ...problem,
      file: path.isAbsolute(problem.file) ? path.relative(io.cwd, problem.file) : problem.file,
    }));
    io.stderr(`${problems.map(formatProblem).join('\n')}\n`);
    return error.exitCode;
  }
  if (error instanceof VigilError) {
    io.stderr(`vigil ${name}: ${error.message}\n`);
    return error.exitCode;
  }
  io.stderr(formatInternalError(`vigil ${name}`, error, io.env));
  return ExitCode.failure;
}
