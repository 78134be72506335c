// Every workflow in .github/workflows/ is checked against GitHub's workflow schema by
// action-validator (@action-validator/cli, WebAssembly: runs offline, no install script), since
// no workflow can run here.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const WORKFLOWS = path.join(REPO, '.github', 'workflows');
const VALIDATOR = path.join(REPO, 'node_modules', '@action-validator', 'cli', 'cli.mjs');

function validate(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const workflows = fs
  .readdirSync(WORKFLOWS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

test('the workflows are there, deploy.yml among them', () => {
  expect(workflows).toEqual(expect.arrayContaining(['deploy.yml', 'drift.yml', 'review.yml']));
});

test.each(workflows)('%s is a valid GitHub Actions workflow', (name) => {
  const { status, output } = validate(path.join(WORKFLOWS, name));
  expect(output.replace(/^WARNING: Glob validation is not yet supported.*\n/gm, '')).toBe('');
  expect(status).toBe(0);
});

test('the validator rejects a job with a misspelt key (it can fail)', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-workflow-'));
  try {
    const file = path.join(directory, 'broken.yml');
    fs.writeFileSync(file, 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo hi\n');
    const { status, output } = validate(file);
    expect(status).toBe(1);
    expect(output).toContain("Additional property 'stepz' is not allowed");
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
});
