// `vigil synth`: validates every environment, synthesizes one stack each, lints what it wrote,
// and only then puts it in place as cdktf.out; on any error cdktf.out is left as it was, so a
// stack the Monitoring API would reject never leaves the developer's machine.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { cachedEnvironments } from '../../config/environment-cache';
import { formatFindingsText, lintTerraformJson, type Finding } from '../../tools/lint';
import type { Command } from '../command';
import { UsageError } from '../usage-error';

class LintErrors extends Error {}

export const command: Command = {
  summary: 'validate environments/*.yaml, synthesize one stack each into cdktf.out, and lint it',
  usage: 'usage: vigil synth [--environments DIR] [--out DIR]',
  async run(args, io) {
    let values: { environments?: string; out?: string };
    try {
      values = parseArgs({ args, options: { environments: { type: 'string' }, out: { type: 'string' } } }).values;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const outdir = path.resolve(io.cwd, values.out ?? 'cdktf.out');
    const environmentsDir = path.resolve(io.cwd, values.environments ?? 'environments');
    // The loader (yaml, zod) is loaded only when the cache of validated environments misses.
    const environments = cachedEnvironments(environmentsDir, () =>
      (require('../../config/load-environment') as typeof import('../../config/load-environment')).loadEnvironments(environmentsDir));
    // Loaded here, not at the top: cdktf is heavy and only synthesis needs it.
    const { synthesizeEnvironments, stackArtifactPath } = require('../../../stacks/synthesize') as typeof import('../../../stacks/synthesize');
    // Findings name the file where it will land, not the temporary directory it is checked in.
    const finalPath = (name: string) => path.relative(io.cwd, stackArtifactPath(outdir, name));
    try {
      synthesizeEnvironments(environments, outdir, (staging) => {
        const findings: Finding[] = [];
        for (const environment of environments) {
          const document = JSON.parse(fs.readFileSync(stackArtifactPath(staging, environment.name), 'utf8')) as unknown;
          findings.push(...lintTerraformJson(document, finalPath(environment.name)));
        }
        if (findings.length > 0) io.stderr(formatFindingsText(findings));
        if (findings.some((finding) => finding.severity === 'error')) throw new LintErrors();
      });
    } catch (error) {
      if (!(error instanceof LintErrors)) throw error;
      io.stderr(`vigil synth: the synthesized stacks have lint errors; ${path.relative(io.cwd, outdir) || '.'} was left as it was\n`);
      return 1;
    }
    for (const environment of environments) io.stdout(`${finalPath(environment.name)}\n`);
    return 0;
  },
};
