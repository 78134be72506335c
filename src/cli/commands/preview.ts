// vigil preview <env>: the environment's dashboards drawn as Cloud Monitoring lays them out, with
// the data of a simulate scenario or of `vigil export` files: one HTML page and a PNG per section.
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../config/config-error';
import { existingEnvironmentFile } from '../environment-file';
import { parseCommandArgs } from '../command-args';
import type { CliIo, Command } from '../command';
import { environmentStackDocument } from '../environment-stack';
import { UsageError } from '../usage-error';
import { OUTAGE_SCENARIOS } from '../../tools/preview/outage-scenarios';
import { exportsPreviewData, type PreviewData, scenarioPreviewData } from '../../tools/preview/preview-data';
import { renderDashboard } from '../../tools/preview/render-dashboard';
import { stackDashboards } from '../../tools/preview/stack-dashboards';
import { writePreview } from '../../tools/preview/write-preview';
import type { StackModel } from '../../tools/simulate/policy-model';

const USAGE = `usage: vigil preview <environment> [--scenario FILE [--test NAME] | --exports DIR] [--out DIR]

Draws the environment's dashboards as Cloud Monitoring lays them out (mosaic grid, sections,
collapsible groups, charts with thresholds and units, alert charts with their incidents), with
data evaluated by simulate's aligners and reducers, and writes:
  DIR/preview.html            one self-contained page (inline SVG and CSS; it loads nothing)
  DIR/<dashboard>--NN-<section>.png   one picture per section, 1200 px wide (for a PR comment)

  --scenario FILE      a simulate scenario file (*.yaml); its first test, or --test NAME
                       (default for staging: ${OUTAGE_SCENARIOS.staging})
  --exports DIR        \`vigil export\` files (*.json) instead of a scenario
  --out DIR            where to write (default preview/<environment>); only files preview wrote
                       before are ever replaced or removed there
  --synth              synthesize the environment in process instead of reading the artifact
  --artifacts DIR      where synthesized stacks are read from (default cdktf.out)
  --environments DIR   where environment files are (default environments)

Exit status: 0 when written, 1 for an invalid scenario, export or stack file or an output that
cannot be written, 2 on bad usage or an unknown environment.`;

interface Options {
  readonly environment: string;
  readonly scenario?: string;
  readonly test?: string;
  readonly exports?: string;
  readonly out: string;
  readonly synth: boolean;
  readonly artifacts: string;
  readonly environments: string;
}

function options(args: string[]): Options {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      scenario: { type: 'string' },
      test: { type: 'string' },
      exports: { type: 'string' },
      out: { type: 'string' },
      synth: { type: 'boolean' },
      artifacts: { type: 'string' },
      environments: { type: 'string' },
    },
  });
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give one environment, as in `vigil preview staging`');
  if (values.scenario !== undefined && values.exports !== undefined)
    throw new UsageError('give --scenario or --exports, not both');
  if (values.test !== undefined && values.exports !== undefined)
    throw new UsageError('--test chooses a test of a scenario file; exports have none');
  const environment = positionals[0];
  return {
    environment,
    scenario: values.scenario,
    test: values.test,
    exports: values.exports,
    out: values.out ?? path.join('preview', environment),
    synth: values.synth ?? false,
    artifacts: values.artifacts ?? 'cdktf.out',
    environments: values.environments ?? 'environments',
  };
}

function previewData(chosen: Options, stack: StackModel, cwd: string): PreviewData {
  if (chosen.exports !== undefined) return exportsPreviewData(path.resolve(cwd, chosen.exports), chosen.exports, stack);
  const scenario = chosen.scenario ?? OUTAGE_SCENARIOS[chosen.environment];
  if (scenario === undefined)
    throw new UsageError(
      `no default outage scenario for "${chosen.environment}"; give --scenario FILE or --exports DIR`,
    );
  const file = path.resolve(cwd, scenario);
  if (!fs.existsSync(file))
    throw new ConfigError([
      { file: scenario, path: '', message: 'no such file; expected a simulate scenario file (*.yaml)' },
    ]);
  return scenarioPreviewData(file, scenario, stack, chosen.environment, chosen.test);
}

function windowLine(data: PreviewData): string {
  const at = (seconds: number) =>
    data.origin > 0
      ? `${new Date((data.origin + seconds) * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`
      : `t=${Math.round(seconds / 60)} min`;
  return `window ${at(data.from)} to ${at(data.until)}; charts evaluated with vigil simulate's aligners and reducers`;
}

export async function runPreview(args: string[], io: CliIo): Promise<number> {
  const chosen = options(args);
  const environmentFile = existingEnvironmentFile(io.cwd, chosen.environments, chosen.environment);
  const { stack, document } = environmentStackDocument({
    environment: chosen.environment,
    environmentFile,
    synth: chosen.synth,
    artifacts: chosen.artifacts,
    cwd: io.cwd,
    referencedFrom: `vigil preview ${chosen.environment}`,
    field: '--artifacts',
    missingArtifact: (message) => new UsageError(message),
  });
  const dashboards = stackDashboards(document, stack.source);
  if (dashboards.length === 0) throw new UsageError(`the stack of "${chosen.environment}" has no dashboard to preview`);
  const data = previewData(chosen, stack, io.cwd);
  const rendered = [];
  for (const one of dashboards) rendered.push(await renderDashboard(one.id, one.dashboard, { data, stack }));
  const written = await writePreview(
    rendered,
    { title: `vigil preview: ${chosen.environment}`, lines: [`data: ${data.description}`, windowLine(data)] },
    path.resolve(io.cwd, chosen.out),
    chosen.out,
  );
  const tiles = rendered.reduce((sum, one) => sum + one.tiles.length, 0);
  const charts = rendered.reduce((sum, one) => sum + one.tiles.filter((tile) => tile.body?.chart).length, 0);
  io.stdout(
    `wrote ${written.page} (${rendered.length} dashboard${rendered.length === 1 ? '' : 's'}, ${tiles} tiles, ${charts} charts with data) and ${written.pictures.length} section pictures:\n${written.pictures.map((one) => `  ${one}\n`).join('')}`,
  );
  return 0;
}

export const command: Command = {
  summary: 'draw the dashboards with a scenario’s data: an HTML page and a PNG per section',
  usage: USAGE,
  run: runPreview,
};
