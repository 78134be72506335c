// The deploy workflow's selection: which stacks a diff touches, and matrices within GitHub's
// 256-job limit.
import type { StackEntry } from '../../src/tools/stacks/list-stacks';
import {
  deploySelection,
  MATRIX_JOB_LIMIT,
  TooManyStacksError,
  touchedStacks,
} from '../../src/tools/deploy/deploy-matrix';

function stack(
  environment: string,
  files: string[],
  backend: StackEntry['backend'] = { type: 'gcs', bucket: 'state', prefix: `vigil/monitoring-${environment}` },
): StackEntry {
  return {
    stack: `monitoring-${environment}`,
    environment,
    project: `p-${environment}`,
    region: 'us-central1',
    directory: `cdktf.out/stacks/monitoring-${environment}`,
    backend,
    files,
  };
}

const STACKS = [
  stack('base', ['environments/base.yaml']),
  stack('prod', ['environments/prod.yaml', 'environments/base.yaml']),
  stack('dev', ['environments/dev.yaml'], { type: 'local', path: 'terraform.monitoring-dev.tfstate' }),
];

const names = (entries: readonly StackEntry[]) => entries.map((entry) => entry.environment);

test('a YAML change touches the stacks that depend on it, parents included', () => {
  expect(names(touchedStacks(STACKS, { kind: 'files', files: ['environments/base.yaml'] }))).toEqual(['base', 'prod']);
  expect(names(touchedStacks(STACKS, { kind: 'files', files: ['environments/prod.yaml'] }))).toEqual(['prod']);
});

test('a change to sources or dependencies touches every stack; docs and tests touch none', () => {
  for (const file of [
    'src/constructs/alert-policy.ts',
    'stacks/monitoring-stack.ts',
    'package-lock.json',
    'cdktf.json',
    'main.ts',
  ]) {
    expect(names(touchedStacks(STACKS, { kind: 'files', files: [file] }))).toEqual(['base', 'prod', 'dev']);
  }
  expect(touchedStacks(STACKS, { kind: 'files', files: ['README.md', '__tests__/x.test.ts', 'docs/cli.md'] })).toEqual(
    [],
  );
});

test('named environments, and an unknown name refused with the known ones', () => {
  expect(names(touchedStacks(STACKS, { kind: 'environments', names: ['prod'] }))).toEqual(['prod']);
  expect(() => touchedStacks(STACKS, { kind: 'environments', names: ['prdo'] })).toThrow(
    'no environment named prdo; known: base, prod, dev',
  );
});

test('local-backend stacks are skipped with the reason; one job per stack with its environment', () => {
  const selection = deploySelection(STACKS, { kind: 'all' }, true);
  expect(selection.skipped).toEqual([
    { stack: 'monitoring-dev', reason: expect.stringContaining('local state backend') },
  ]);
  expect(selection.apply.include).toEqual([
    { name: 'monitoring-base', stacks: 'monitoring-base', environment: 'base' },
    { name: 'monitoring-prod', stacks: 'monitoring-prod', environment: 'prod' },
  ]);
  expect(deploySelection(STACKS, { kind: 'all' }, false).apply.include).toEqual([]);
});

describe('past 256 stacks', () => {
  const many = Array.from({ length: 300 }, (_, index) => stack(`env${index}`, [`environments/env${index}.yaml`]));

  test('plans spread over 256 jobs, every stack exactly once', () => {
    const plan = deploySelection(many, { kind: 'all' }, false).plan.include;
    expect(plan).toHaveLength(MATRIX_JOB_LIMIT);
    const planned = plan.flatMap((entry) => entry.stacks.split(' '));
    expect(planned.sort()).toEqual(many.map((entry) => entry.stack).sort());
  });

  test('applies are refused before anything runs, saying how to batch', () => {
    expect(() => deploySelection(many, { kind: 'all' }, true)).toThrow(TooManyStacksError);
    expect(() => deploySelection(many, { kind: 'all' }, true)).toThrow(
      '300 stacks to apply, more than the 256 jobs GitHub runs from one matrix',
    );
    expect(deploySelection(many.slice(0, 256), { kind: 'all' }, true).apply.include).toHaveLength(256);
  });
});
