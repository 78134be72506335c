// vigil adopt --env E [--from DIR] [--format text|markdown|json]: matches a project's live
// monitoring resources to what the environment's stack would create, by meaning (docs/adopt.md).
import * as fs from 'fs';
import * as path from 'path';
import { loadEnvironmentFile } from '../../config/load-environment';
import { ExitCode } from '../../errors/exit-codes';
import { withFileErrors } from '../../errors/file-error';
import { VigilError } from '../../errors/vigil-error';
import { type Classification, classify, stackResources } from '../../tools/adopt/classify';
import { withDifferences } from '../../tools/adopt/differences';
import { type LiveResource, readLiveDirectory } from '../../tools/adopt/live-inventory';
import { releaseInstructions } from '../../tools/adopt/managed-elsewhere';
import { LOGGING_API, listLiveResources } from '../../tools/adopt/monitoring-list';
import { type ReportFormat, renderAdoptReport } from '../../tools/adopt/report';
import { adoptionEntries, withAdoptions } from '../../tools/adopt/write-adoptions';
import { applicationDefaultToken, type TokenProvider } from '../../tools/export/credentials';
import { MONITORING_API } from '../../tools/export/monitoring-rest';
import { existingEnvironmentFile } from '../environment-file';
import { parseCommandArgs } from '../command-args';
import type { Command } from '../command';
import { environmentStackDocument } from '../environment-stack';
import { UsageError } from '../usage-error';

const USAGE = `usage: vigil adopt --env NAME [--from DIR] [--format text|markdown|json] [--write] [--synth]

Lists the project's alert policies, uptime checks, notification channels, services, dashboards
and log-based metrics (Monitoring and Logging REST APIs, application default credentials), or
reads them from --from DIR (alertPolicies.json, uptimeCheckConfigs.json, notificationChannels.json,
services.json, dashboards.json, metrics.json; any may be missing; each the API's list response or
gcloud's --format=json array), and matches them by meaning to what the environment's stack would
create. Reports four groups: adoptable (with the differences deploying would make), duplicate
risk, unmanaged, and missing (the stack creates them). Channel secrets are never read.

  --env NAME           the environment (environments/NAME.yaml gives the project)
  --from DIR           read the live resources from files instead of the API
  --format F           text (default), markdown or json (one entry per live resource)
  --managed-elsewhere NAME
                       a live resource (full name) another Terraform configuration manages: it is
                       not adopted, and the instructions to release it there are printed; repeatable.
                       A resource labelled goog-terraform-provisioned: true or managed-by: terraform
                       is treated the same without the flag
  --write              record the adoptable matches in the environment file's adopt: block, so that
                       synthesis emits Terraform import blocks (comments in the file are kept)
  --synth              synthesize in process instead of reading the artifact
  --artifacts DIR      where synthesized stacks are read from (default cdktf.out)
  --environments DIR   where environment files are (default environments)

Exit status: 0 when nothing is a duplicate risk; 2 when something is (or on bad usage); 1 on errors.`;

export interface AdoptDependencies {
  readonly baseUrl: string;
  readonly loggingBaseUrl: string;
  readonly token: TokenProvider;
  readonly fetch?: typeof fetch;
}

export function adoptCommand(dependencies: AdoptDependencies): Command {
  return {
    summary: "match a project's live monitoring resources to the stack, by meaning",
    usage: USAGE,
    async run(args, io) {
      const values = parseCommandArgs({
        args,
        options: {
          env: { type: 'string' },
          from: { type: 'string' },
          format: { type: 'string' },
          synth: { type: 'boolean' },
          artifacts: { type: 'string' },
          environments: { type: 'string' },
          write: { type: 'boolean' },
          'managed-elsewhere': { type: 'string', multiple: true },
        },
      }).values;
      if (!values.env) throw new UsageError('--env is required');
      const format = (values.format ?? 'text') as ReportFormat;
      if (!['text', 'markdown', 'json'].includes(format))
        throw new UsageError(`--format takes text, markdown or json; got "${values.format}"`);
      const environmentFile = existingEnvironmentFile(
        io.cwd,
        values.environments ?? 'environments',
        values.env,
        '--env',
      );
      const project = loadEnvironmentFile(environmentFile).project;
      const { document } = environmentStackDocument({
        environment: values.env,
        environmentFile,
        synth: values.synth ?? false,
        artifacts: values.artifacts ?? 'cdktf.out',
        cwd: io.cwd,
        referencedFrom: `--env ${values.env}`,
        field: '--env',
        missingArtifact: (message) => new VigilError(message),
      });
      const stack = stackResources(document as Record<string, unknown>);
      let live: LiveResource[];
      if (values.from !== undefined) {
        live = readLiveDirectory(path.resolve(io.cwd, values.from));
      } else {
        const credentials = await dependencies.token();
        if ('missing' in credentials) {
          io.stderr(
            `vigil adopt: no Google Cloud credentials (${credentials.missing}).\n` +
              'Set up application default credentials (gcloud auth application-default login), or save the\n' +
              'lists with gcloud (gcloud alpha monitoring policies list --format=json > alertPolicies.json, …)\n' +
              'and pass --from DIR.\n',
          );
          return ExitCode.failure;
        }
        live = await listLiveResources(
          {
            baseUrl: dependencies.baseUrl,
            loggingBaseUrl: dependencies.loggingBaseUrl,
            token: async () => credentials.token,
            fetch: dependencies.fetch,
          },
          project,
        );
      }
      const elsewhere = new Set(values['managed-elsewhere'] ?? []);
      const result = withDifferences(
        markManagedElsewhere(classify(live, stack), elsewhere),
        document as Record<string, unknown>,
      );
      io.stdout(renderAdoptReport(result, format));
      for (const one of result.live.filter((entry) => entry.managedElsewhere && entry.group !== 'unmanaged'))
        io.stderr(
          `not adopted: ${one.live.name} ('${one.displayName}') is managed by another Terraform configuration ` +
            `(${one.managedElsewhere}). ${releaseInstructions(one.live.name)}\n`,
        );
      if (values.write) {
        const entries = adoptionEntries(result, project);
        const text = withFileErrors('read', environmentFile, () => fs.readFileSync(environmentFile, 'utf8'));
        const updated = withAdoptions(text, path.relative(io.cwd, environmentFile), entries);
        withFileErrors('write', environmentFile, () => fs.writeFileSync(environmentFile, updated));
        io.stderr(
          `recorded ${entries.length} adoption(s) in ${path.relative(io.cwd, environmentFile)}; synthesis now emits Terraform import blocks for them\n`,
        );
      }
      return result.live.some((one) => one.group === 'duplicate-risk') ? ExitCode.usageOrAttention : ExitCode.ok;
    },
  };
}

/** Live resources the user names with --managed-elsewhere count as labelled so. */
function markManagedElsewhere(result: Classification, names: ReadonlySet<string>): Classification {
  return {
    ...result,
    live: result.live.map((one) =>
      names.has(one.live.name) && !one.managedElsewhere ? { ...one, managedElsewhere: '--managed-elsewhere' } : one,
    ),
  };
}

export const command: Command = adoptCommand({
  baseUrl: MONITORING_API,
  loggingBaseUrl: LOGGING_API,
  token: applicationDefaultToken,
});
