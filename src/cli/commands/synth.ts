// `vigil synth`: validates every environment, synthesizes one stack each into cdktf.out, and
// lints what it wrote before putting it in place; on any error cdktf.out is left as it was.
import * as path from 'path';
import { parseArgs } from 'util';
import { loadEnvironments } from '../../config/load-environment';
import type { Command } from '../command';
import { UsageError } from '../usage-error';

export const command: Command = {
  summary: 'validate environments/*.yaml and synthesize one stack each into cdktf.out',
  usage: 'usage: vigil synth [--environments DIR] [--out DIR]',
  async run(args, io) {
    let values: { environments?: string; out?: string };
    try {
      values = parseArgs({ args, options: { environments: { type: 'string' }, out: { type: 'string' } } }).values;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const environmentsDir = values.environments ?? 'environments';
    const outdir = path.resolve(io.cwd, values.out ?? 'cdktf.out');
    const environments = loadEnvironments(path.resolve(io.cwd, environmentsDir));
    // Loaded here, not at the top: cdktf is heavy and only synthesis needs it.
    const { synthesizeEnvironments, stackArtifactPath } = require('../../../stacks/synthesize') as typeof import('../../../stacks/synthesize');
    synthesizeEnvironments(environments, outdir);
    for (const environment of environments) {
      io.stdout(`${path.relative(io.cwd, stackArtifactPath(outdir, environment.name))}\n`);
    }
    return 0;
  },
};
