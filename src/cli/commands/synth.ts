// `vigil synth`: validates every environment, synthesizes one stack each, lints what it wrote,
// and only then puts it in place in cdktf.out; on any error cdktf.out is left as it was, so a
// stack the Monitoring API would reject never leaves the developer's machine. Only the files vigil
// generated are replaced: state, .terraform/, lock files and users' files are left alone.
import * as path from 'path';
import * as fs from 'fs';
import { cachedEnvironments } from '../../config/environment-cache';
import { formatFindingsText, lintTerraformJson, type Finding } from '../../tools/lint';
import { parseCommandArgs } from '../command-args';
import type { Command } from '../command';

class LintErrors extends Error {}

export const command: Command = {
  summary: 'validate environments/*.yaml, synthesize one stack each into cdktf.out, and lint it',
  usage: `usage: vigil synth [--environments DIR] [--out DIR]

Validates every environments/*.yaml, synthesizes one Terraform stack per environment
(<out>/stacks/monitoring-<env>/cdk.tf.json), lints the result and only then puts it in place:
on any error the output directory is left as it was. \`npm run synth\` and the cdktf app run this.

  --environments DIR  where the environment files are (default: environments)
  --out DIR           where the synthesized stacks go (default: cdktf.out)

Exit status: 0 written, 1 an invalid environment or lint errors in the synthesized stacks (nothing
written), 2 bad usage.`,
  async run(args, io) {
    const values: { environments?: string; out?: string } = parseCommandArgs({
      args,
      options: { environments: { type: 'string' }, out: { type: 'string' } },
    }).values;
    const outdir = path.resolve(io.cwd, values.out ?? 'cdktf.out');
    const environmentsDir = path.resolve(io.cwd, values.environments ?? 'environments');
    // The loader (yaml, zod) is loaded only when the cache of validated environments misses.
    const environments = cachedEnvironments(environmentsDir, () =>
      (require('../../config/load-environment') as typeof import('../../config/load-environment')).loadEnvironments(
        environmentsDir,
      ),
    );
    // Loaded here, not at the top: cdktf is heavy and only synthesis needs it.
    const { synthesizeEnvironments, stackArtifactPath } =
      require('../../../stacks/synthesize') as typeof import('../../../stacks/synthesize');
    const display = (file: string) => path.relative(io.cwd, file) || '.';
    // Findings name the file where it will land, not the staging directory it is checked in.
    const finalPath = (name: string) => display(stackArtifactPath(outdir, name));
    const findings: Finding[] = [];
    try {
      await synthesizeEnvironments(environments, outdir, {
        display,
        report: (sentence) => io.stderr(`vigil synth: ${sentence}\n`),
        check: (environment, artifactFile) => {
          const document = JSON.parse(fs.readFileSync(artifactFile, 'utf8')) as unknown;
          for (const finding of lintTerraformJson(document, finalPath(environment.name))) findings.push(finding);
        },
        beforeCommit: () => {
          if (findings.length > 0) io.stderr(formatFindingsText(findings));
          if (findings.some((finding) => finding.severity === 'error')) throw new LintErrors();
        },
      });
    } catch (error) {
      if (!(error instanceof LintErrors)) throw error;
      io.stderr(`vigil synth: the synthesized stacks have lint errors; ${display(outdir)} was left as it was\n`);
      return 1;
    }
    for (const environment of environments) io.stdout(`${finalPath(environment.name)}\n`);
    return 0;
  },
};
