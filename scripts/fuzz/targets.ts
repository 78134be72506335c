// The fuzz targets: each takes a seeded random source, makes one case from real inputs, runs it
// the way a user would (through the CLI in process, or the parser a command calls), and returns
// what went wrong, if anything. "Wrong" is what no user may see: an internal error, a stack trace,
// an exception that is not one of the errors in words, or a case that takes too long.
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import type { CliIo } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { parseYaml } from '../../src/config/load-environment';
import { FilterSyntaxError, parseFilter } from '../../src/gcp/filter';
import { mutateSomewhere, mutateText } from './mutate';
import type { Random } from './random';

export interface FuzzCase {
  /** What was run, to reproduce it by hand: the command line or the call. */
  readonly what: string;
  /** The input, written beside a failure report. */
  readonly input: string;
  /** Undefined when the case behaved; otherwise what a user would have seen. */
  readonly problem?: string;
}

export interface FuzzTarget {
  readonly name: string;
  runCase(random: Random): Promise<FuzzCase>;
}

export interface FuzzWorkspace {
  /** A directory the targets may write into; the caller removes it. */
  readonly directory: string;
  readonly repositoryRoot: string;
  /** The synthesized staging stack (Terraform JSON text). */
  readonly stagingArtifact: string;
  /** REST JSON of real alert policies and dashboards (Google's published samples), when present. */
  readonly restSamples: readonly string[];
}

const UNWANTED = [/internal error/, /\n\s+at .+:\d+:\d+/, /Maximum call stack/];

async function runCli(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  let output = '';
  const io: CliIo = {
    stdout: (text) => {
      output += text;
    },
    stderr: (text) => {
      output += text;
    },
    cwd,
    env: { VIGIL_NO_CACHE: '1' },
    interactive: false,
  };
  const code = await main(args, io);
  return { code, output };
}

function problemIn(output: string): string | undefined {
  const found = UNWANTED.find((pattern) => pattern.test(output));
  return found ? `output shows ${found}: ${output.slice(0, 2_000)}` : undefined;
}

/** Half the cases garble the text, half change the data and write it back. */
function mutatedYaml(random: Random, text: string): string {
  if (random.chance(0.5)) return mutateText(random, text);
  let data: unknown;
  try {
    data = parseYaml(text, 'seed.yaml');
  } catch {
    return mutateText(random, text);
  }
  const mutated = mutateSomewhere(random, data);
  try {
    return stringify(mutated, { aliasDuplicateObjects: false });
  } catch {
    // yaml's writer recurses and overflows on thousands of levels; JSON is YAML too.
    return JSON.stringify(mutated);
  }
}

function mutatedJson(random: Random, text: string): string {
  return random.chance(0.25) ? mutateText(random, text) : JSON.stringify(mutateSomewhere(random, JSON.parse(text)));
}

export function fuzzTargets(workspace: FuzzWorkspace): FuzzTarget[] {
  const root = workspace.repositoryRoot;
  const stagingYaml = fs.readFileSync(path.join(root, 'environments', 'staging.yaml'), 'utf8');
  const scenarioSeeds = fs
    .readdirSync(path.join(root, 'alert-tests', 'staging'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => fs.readFileSync(path.join(root, 'alert-tests', 'staging', name), 'utf8'));
  const filters = [...workspace.stagingArtifact.matchAll(/"filter": ?"((?:[^"\\]|\\.)*)"/g)].map(
    (match) => JSON.parse(`"${match[1]}"`) as string,
  );

  const environmentDirectory = path.join(workspace.directory, 'environment');
  fs.mkdirSync(path.join(environmentDirectory, 'environments'), { recursive: true });
  const artifactDirectory = path.join(workspace.directory, 'artifact');
  const artifactFile = path.join(artifactDirectory, 'cdktf.out', 'stacks', 'monitoring-staging', 'cdk.tf.json');
  fs.mkdirSync(path.dirname(artifactFile), { recursive: true });
  fs.writeFileSync(artifactFile, workspace.stagingArtifact);

  return [
    {
      name: 'environment',
      async runCase(random) {
        const input = mutatedYaml(random, stagingYaml);
        fs.writeFileSync(path.join(environmentDirectory, 'environments', 'staging.yaml'), input);
        const { output } = await runCli(['synth', '--out', 'out'], environmentDirectory);
        return { what: 'vigil synth --out out (environments/staging.yaml = input)', input, problem: problemIn(output) };
      },
    },
    {
      name: 'terraform-json',
      async runCase(random) {
        const input = mutatedJson(random, workspace.stagingArtifact);
        const head = path.join(artifactDirectory, 'head.tf.json');
        fs.writeFileSync(head, input);
        const lint = await runCli(['lint', head], artifactDirectory);
        const review = await runCli(['review', '--base', artifactFile, '--head', head], artifactDirectory);
        return {
          what: 'vigil lint head.tf.json; vigil review --base <staging> --head head.tf.json',
          input,
          problem: problemIn(lint.output) ?? problemIn(review.output),
        };
      },
    },
    {
      name: 'rest-json',
      async runCase(random) {
        const seed = workspace.restSamples.length > 0 ? random.pick(workspace.restSamples) : workspace.stagingArtifact;
        const input = mutatedJson(random, seed);
        const file = path.join(artifactDirectory, 'rest.json');
        fs.writeFileSync(file, input);
        const { output } = await runCli(['lint', file], artifactDirectory);
        return { what: 'vigil lint rest.json', input, problem: problemIn(output) };
      },
    },
    {
      name: 'filter',
      async runCase(random) {
        const input = mutateText(random, random.pick(filters));
        try {
          parseFilter(input);
          return { what: 'parseFilter(input)', input };
        } catch (error) {
          if (error instanceof FilterSyntaxError) return { what: 'parseFilter(input)', input };
          return {
            what: 'parseFilter(input)',
            input,
            problem: `threw ${(error as Error).name}: ${(error as Error).message}`,
          };
        }
      },
    },
    {
      name: 'scenario',
      async runCase(random) {
        const input = mutatedYaml(random, random.pick(scenarioSeeds));
        const file = path.join(artifactDirectory, 'scenario.yaml');
        fs.writeFileSync(file, input);
        const { output } = await runCli(['simulate', file, '--artifacts', 'cdktf.out'], artifactDirectory);
        return { what: 'vigil simulate scenario.yaml --artifacts cdktf.out', input, problem: problemIn(output) };
      },
    },
  ];
}
