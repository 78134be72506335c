// Every command's options through node's parseArgs, whose errors ("Unknown option '--x'") are the
// user's to fix: they become a UsageError, printed with the command's usage line, exit code 2.
import { parseArgs, type ParseArgsConfig } from 'util';
import { UsageError } from './usage-error';

export function parseCommandArgs<Config extends ParseArgsConfig>(config: Config): ReturnType<typeof parseArgs<Config>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
