// Which stacks a change touches, as GitHub Actions matrices for .github/workflows/deploy.yml.
//
// - A changed environment file touches the stacks that depend on it (the file itself or an
//   `extends:` parent, from `vigil stacks`).
// - A change to what turns YAML into Terraform (sources, dependencies, cdktf.json) touches every stack.
// - Anything else (docs, tests, other workflows) touches none.
// Stacks with a local backend are left out: a CI runner's disk keeps no state between runs.
//
// GitHub runs at most 256 jobs from one matrix. Plans spread the stacks over at most 256 jobs
// (each plans its share one after another); applies run one job per stack, behind the GitHub
// environment of that vigil environment, so more than 256 applies in one run are refused before
// anything is applied.
import type { StackEntry } from '../stacks/list-stacks';

export const MATRIX_JOB_LIMIT = 256;

// Paths whose change can change every stack's Terraform JSON.
const SYNTHESIS_INPUTS: readonly RegExp[] = [
  /^src\//,
  /^stacks\//,
  /^main\.ts$/,
  /^package(-lock)?\.json$/,
  /^cdktf\.json$/,
  /^scripts\/build-if-stale\.js$/,
];

export interface MatrixEntry {
  /** The job's name in the GitHub UI. */
  readonly name: string;
  /** The stacks this job works on, separated by spaces. */
  readonly stacks: string;
  /** The vigil environment, when the job has one stack (the GitHub environment of an apply). */
  readonly environment?: string;
}

export interface DeploySelection {
  readonly touched: readonly StackEntry[];
  /** Touched stacks CI cannot plan or apply, with why. */
  readonly skipped: readonly { readonly stack: string; readonly reason: string }[];
  readonly plan: { readonly include: readonly MatrixEntry[] };
  readonly apply: { readonly include: readonly MatrixEntry[] };
}

export type Change =
  | { readonly kind: 'files'; readonly files: readonly string[] }
  | { readonly kind: 'all' }
  | { readonly kind: 'environments'; readonly names: readonly string[] };

export class TooManyStacksError extends Error {}

export function touchedStacks(stacks: readonly StackEntry[], change: Change): StackEntry[] {
  if (change.kind === 'all') return [...stacks];
  if (change.kind === 'environments') {
    const unknown = change.names.filter((name) => !stacks.some((entry) => entry.environment === name));
    if (unknown.length > 0)
      throw new Error(
        `no environment named ${unknown.join(', ')}; known: ${stacks.map((entry) => entry.environment).join(', ')}`,
      );
    return stacks.filter((entry) => change.names.includes(entry.environment));
  }
  if (change.files.some((file) => SYNTHESIS_INPUTS.some((pattern) => pattern.test(file)))) return [...stacks];
  const changed = new Set(change.files);
  return stacks.filter((entry) => entry.files.some((file) => changed.has(file)));
}

function planMatrix(stacks: readonly StackEntry[]): MatrixEntry[] {
  if (stacks.length <= MATRIX_JOB_LIMIT) {
    return stacks.map((entry) => ({ name: entry.stack, stacks: entry.stack, environment: entry.environment }));
  }
  const groups: StackEntry[][] = Array.from({ length: MATRIX_JOB_LIMIT }, () => []);
  stacks.forEach((entry, index) => groups[index % MATRIX_JOB_LIMIT].push(entry));
  return groups.map((group, index) => ({
    name: `group ${index + 1} of ${MATRIX_JOB_LIMIT} (${group.length} stacks)`,
    stacks: group.map((entry) => entry.stack).join(' '),
  }));
}

/** `apply`: the run will apply (a push to main, a manual run), not only plan (a pull request). */
export function deploySelection(stacks: readonly StackEntry[], change: Change, apply: boolean): DeploySelection {
  const touched = touchedStacks(stacks, change);
  const skipped = touched
    .filter((entry) => entry.backend.type === 'local')
    .map((entry) => ({
      stack: entry.stack,
      reason: 'local state backend: a CI runner keeps no state; set stateBackend gcs or cloud',
    }));
  const deployable = touched.filter((entry) => entry.backend.type !== 'local');
  if (apply && deployable.length > MATRIX_JOB_LIMIT) {
    throw new TooManyStacksError(
      `${deployable.length} stacks to apply, more than the ${MATRIX_JOB_LIMIT} jobs GitHub runs from one matrix; ` +
        'apply them in batches with the workflow\'s "environments" input (Run workflow)',
    );
  }
  return {
    touched,
    skipped,
    plan: { include: planMatrix(deployable) },
    apply: {
      include: !apply
        ? []
        : deployable.map((entry) => ({ name: entry.stack, stacks: entry.stack, environment: entry.environment })),
    },
  };
}
