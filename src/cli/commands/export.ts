// vigil export --env E --from T1 --to T2 [--policy P…] --out DIR: the raw series an incident's
// alert policies select, from the Monitoring API, as export files and a skeleton scenario that
// `vigil simulate` replays (docs/simulate.md, "Replay an incident").
import * as fs from 'fs';
import * as path from 'path';
import { loadEnvironmentFile } from '../../config/load-environment';
import { ExitCode } from '../../errors/exit-codes';
import { withFileErrors } from '../../errors/file-error';
import { VigilError } from '../../errors/vigil-error';
import { applicationDefaultToken, TokenProvider } from '../../tools/export/credentials';
import { exportTargets, manualCommands, skeletonScenario } from '../../tools/export/incident-export';
import { listTimeSeriesPages, MONITORING_API, TimeSeriesPage } from '../../tools/export/monitoring-rest';
import { logicalId, Policy, StackModel } from '../../tools/simulate/policy-model';
import { findPolicy } from '../../tools/simulate/run-scenarios';
import { parseTimestamp } from '../../tools/simulate/time-points';
import { closestName } from '../../util/closest-name';
import { existingEnvironmentFile } from '../environment-file';
import { parseCommandArgs } from '../command-args';
import type { Command } from '../command';
import { environmentStack } from '../environment-stack';
import { UsageError } from '../usage-error';

const USAGE = `usage: vigil export --env NAME --from TIME --to TIME [--policy P…] --out DIR [--synth]

Lists, through the Monitoring API (projects.timeSeries.list, raw series, no aggregation), the
time series that the conditions of an environment's alert policies select between --from and
--to (both filters of a ratio), and writes one export file per filter plus scenario.yaml, a
skeleton scenario that \`vigil simulate\` replays as it is. Uses application default credentials;
without them it says so and prints the equivalent requests to run with gcloud's token.

  --env NAME           the environment (environments/NAME.yaml gives the project)
  --from, --to TIME    the time range, RFC 3339 (2026-03-14T13:30:00Z)
  --policy P           an alert policy by display name, Terraform address or logical id;
                       repeat for several (default: every policy of the stack)
  --out DIR            where the files go (created if missing; existing files are not replaced)
  --synth              synthesize the environment in process instead of reading the artifact
  --artifacts DIR      where synthesized stacks are read from (default cdktf.out)
  --environments DIR   where environment files are (default environments)

Exit status: 0 when the files are written; 1 when they are not (no credentials, an API error, a
bad environment); 2 on bad usage.`;

/** What the command needs from outside; tests replace it with a local fake of the API. */
export interface ExportDependencies {
  readonly baseUrl: string;
  readonly token: TokenProvider;
  readonly fetch?: typeof fetch;
}

interface Options {
  readonly environment: string;
  readonly from: string;
  readonly to: string;
  readonly policies: readonly string[];
  readonly out: string;
  readonly synth: boolean;
  readonly artifacts: string;
  readonly environments: string;
}

function options(args: string[]): Options {
  const parsed = parseCommandArgs({
    args,
    options: {
      env: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      policy: { type: 'string', multiple: true },
      out: { type: 'string' },
      synth: { type: 'boolean' },
      artifacts: { type: 'string' },
      environments: { type: 'string' },
    },
  });
  const { values } = parsed;
  for (const name of ['env', 'from', 'to', 'out'] as const) {
    if (values[name] === undefined || values[name] === '') throw new UsageError(`--${name} is required`);
  }
  for (const name of ['from', 'to'] as const) {
    if (parseTimestamp(values[name]!) === undefined)
      throw new UsageError(
        `--${name} takes an RFC 3339 time with a time zone, such as 2026-03-14T13:30:00Z; got "${values[name]}"`,
      );
  }
  if (parseTimestamp(values.from!)! >= parseTimestamp(values.to!)!)
    throw new UsageError(`--from (${values.from}) must be before --to (${values.to})`);
  return {
    environment: values.env!,
    from: values.from!,
    to: values.to!,
    policies: values.policy ?? [],
    out: values.out!,
    synth: values.synth ?? false,
    artifacts: values.artifacts ?? 'cdktf.out',
    environments: values.environments ?? 'environments',
  };
}

function loadStack(chosen: Options, cwd: string, environmentFile: string): StackModel {
  return environmentStack({
    environment: chosen.environment,
    environmentFile,
    synth: chosen.synth,
    artifacts: chosen.artifacts,
    cwd,
    referencedFrom: `--env ${chosen.environment}`,
    field: '--env',
    missingArtifact: (message) => new VigilError(message),
  });
}

function choosePolicies(stack: StackModel, names: readonly string[]): Policy[] {
  if (names.length === 0) return [...stack.policies];
  return names.map((name) => {
    const policy = findPolicy(stack, name);
    if (policy) return policy;
    const guess = closestName(
      name,
      stack.policies.flatMap((one) => [one.displayName, logicalId(one) ?? one.address]),
    );
    throw new UsageError(
      `--policy: no alert policy "${name}" in ${stack.source}${guess ? `; did you mean "${guess}"?` : ''}`,
    );
  });
}

function earliestPoint(pages: readonly TimeSeriesPage[]): number | undefined {
  let earliest: number | undefined;
  for (const page of pages) {
    for (const series of page.timeSeries ?? []) {
      for (const point of (series as { points?: Array<{ interval?: { endTime?: unknown } }> }).points ?? []) {
        const end = typeof point.interval?.endTime === 'string' ? parseTimestamp(point.interval.endTime) : undefined;
        if (end !== undefined && (earliest === undefined || end < earliest)) earliest = end;
      }
    }
  }
  return earliest;
}

export function exportCommand(dependencies: ExportDependencies): Command {
  return {
    summary: "export the series an incident's alert policies select, as files `vigil simulate` replays",
    usage: USAGE,
    async run(args, io) {
      const chosen = options(args);
      const environmentFile = existingEnvironmentFile(io.cwd, chosen.environments, chosen.environment, '--env');
      const project = loadEnvironmentFile(environmentFile).project;
      const stack = loadStack(chosen, io.cwd, environmentFile);
      const policies = choosePolicies(stack, chosen.policies);
      const { targets, skipped } = exportTargets(policies);
      for (const one of skipped) io.stderr(`note: not exported: ${one.policy}: ${one.condition}: ${one.reason}\n`);
      if (targets.length === 0)
        throw new VigilError(
          'none of the chosen policies has a condition whose series can be listed; nothing to export',
        );
      const outDirectory = path.resolve(io.cwd, chosen.out);
      const scenarioName = 'scenario.yaml';
      const existing = [...targets.map((target) => target.file), scenarioName].filter((file) =>
        fs.existsSync(path.join(outDirectory, file)),
      );
      if (existing.length > 0)
        throw new VigilError(
          `${path.relative(io.cwd, outDirectory) || '.'} already holds ${existing.join(', ')}; export into a new directory (files are never replaced)`,
        );

      const credentials = await dependencies.token();
      if ('missing' in credentials) {
        io.stderr(
          `vigil export: no Google Cloud credentials (${credentials.missing}).\n` +
            'Set up application default credentials (gcloud auth application-default login) and run this again,\n' +
            `or run these requests with gcloud's own token, one file per filter, into ${path.relative(io.cwd, outDirectory) || '.'}.\n` +
            'A response with a nextPageToken continues with &pageToken=…; save the pages as a JSON list in one file.\n',
        );
        io.stdout(`${manualCommands(project, targets, chosen.from, chosen.to).join('\n')}\n`);
        return ExitCode.failure;
      }
      const endpoint = {
        baseUrl: dependencies.baseUrl,
        token: async () => credentials.token,
        fetch: dependencies.fetch,
      };
      // Everything is fetched before anything is written: a failed request leaves no half export.
      const fetched: Array<{ file: string; pages: TimeSeriesPage[] }> = [];
      for (const target of targets) {
        const pages = await listTimeSeriesPages(endpoint, {
          project,
          filter: target.filter,
          startTime: chosen.from,
          endTime: chosen.to,
        });
        fetched.push({ file: target.file, pages });
      }
      const earliest = fetched
        .map(({ pages }) => earliestPoint(pages))
        .filter((one): one is number => one !== undefined);
      const scenario = skeletonScenario({
        environment: chosen.environment,
        from: chosen.from,
        to: chosen.to,
        earliestPoint: earliest.length > 0 ? Math.min(...earliest) : undefined,
        files: fetched.map(({ file }) => file),
        policies,
      });
      withFileErrors('create the directory', outDirectory, () => fs.mkdirSync(outDirectory, { recursive: true }));
      for (const { file, pages } of fetched) {
        const target = path.join(outDirectory, file);
        withFileErrors('write', target, () =>
          fs.writeFileSync(target, `${JSON.stringify(pages, null, 1)}\n`, { flag: 'wx' }),
        );
      }
      const scenarioFile = path.join(outDirectory, scenarioName);
      withFileErrors('write', scenarioFile, () => fs.writeFileSync(scenarioFile, scenario, { flag: 'wx' }));
      const seriesCount = fetched.reduce(
        (sum, { pages }) => sum + pages.reduce((inner, page) => inner + (page.timeSeries?.length ?? 0), 0),
        0,
      );
      io.stdout(
        `wrote ${fetched.length} export files (${seriesCount} time series) and ${path.relative(io.cwd, scenarioFile)}\n`,
      );
      return ExitCode.ok;
    },
  };
}

export const command: Command = exportCommand({ baseUrl: MONITORING_API, token: applicationDefaultToken });
