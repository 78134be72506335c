// What a synthesis may touch: only the files vigil generated. State, .terraform/, lock files and
// users' files survive `vigil synth` and the cdktf app; --out refuses a directory vigil did not write;
// state moves out of the generated tree once, never over another state file.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { addEnvironment, CDKTF_APP, captureIo, leftovers, listFiles, workspace } from './support';
import { buildSourceArchive } from '../../src/constructs/golden-path/source-archive';

const STACK = 'cdktf.out/stacks/monitoring-staging';

/** What `terraform init` + `apply` leave in a stack directory, plus a file of the user's. */
function addTerraformFiles(stackDirectory: string): void {
  fs.mkdirSync(path.join(stackDirectory, '.terraform', 'providers'), { recursive: true });
  fs.writeFileSync(path.join(stackDirectory, '.terraform', 'terraform.tfstate'), '{"backend":{}}');
  fs.writeFileSync(path.join(stackDirectory, '.terraform.lock.hcl'), '# lock\n');
  fs.writeFileSync(path.join(stackDirectory, 'notes.md'), 'mine\n');
}

// The golden path's source zip is generated beside the stack, named by its content.
const ASSET = `assets/golden-path/${buildSourceArchive().sha256}.zip`;
const TERRAFORM_FILES = ['.terraform.lock.hcl', '.terraform/terraform.tfstate', ASSET, 'cdk.tf.json', 'notes.md'];

describe('files vigil did not generate survive', () => {
  test('vigil synth: state, .terraform/, the lock file and a user file stay; the marker lists what was generated', async () => {
    const dir = workspace();
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    addTerraformFiles(path.join(dir, STACK));
    fs.mkdirSync(path.join(dir, 'state'));
    fs.writeFileSync(path.join(dir, 'state', 'terraform.monitoring-staging.tfstate'), '{"serial":7}');
    fs.writeFileSync(path.join(dir, 'cdktf.out', 'README.txt'), 'mine\n');

    const io = captureIo(dir);
    expect(await main(['synth'], io)).toBe(0);
    expect(io.err.join('')).toBe('');
    expect(listFiles(path.join(dir, STACK))).toEqual(TERRAFORM_FILES);
    expect(fs.readFileSync(path.join(dir, STACK, 'notes.md'), 'utf8')).toBe('mine\n');
    expect(fs.readFileSync(path.join(dir, 'state', 'terraform.monitoring-staging.tfstate'), 'utf8')).toBe(
      '{"serial":7}',
    );
    expect(listFiles(path.join(dir, 'cdktf.out'))).toEqual([
      '.vigil-output.json',
      'README.txt',
      'manifest.json',
      ...TERRAFORM_FILES.map((file) => `stacks/monitoring-staging/${file}`),
    ]);
    const marker = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', '.vigil-output.json'), 'utf8'));
    expect(marker.files).toEqual([
      'manifest.json',
      `stacks/monitoring-staging/${ASSET}`,
      'stacks/monitoring-staging/cdk.tf.json',
    ]);
  });

  test('the cdktf app (node dist/main.js with CDKTF_OUTDIR) leaves them too', () => {
    const dir = workspace('synth-app');
    const outdir = path.join(dir, 'cdktf.out');
    const run = () =>
      execFileSync(process.execPath, [CDKTF_APP], { env: { ...process.env, CDKTF_OUTDIR: outdir }, encoding: 'utf8' });
    run();
    addTerraformFiles(path.join(dir, STACK));
    fs.mkdirSync(path.join(dir, 'state'));
    fs.writeFileSync(path.join(dir, 'state', 'terraform.monitoring-staging.tfstate'), '{"serial":3}');
    run();
    expect(listFiles(path.join(dir, STACK))).toEqual(TERRAFORM_FILES);
    expect(fs.readFileSync(path.join(dir, 'state', 'terraform.monitoring-staging.tfstate'), 'utf8')).toBe(
      '{"serial":3}',
    );
    expect(leftovers(outdir)).toEqual([]);
  });

  test('an environment removed: its generated files go, files vigil did not write stay', async () => {
    const dir = workspace();
    addEnvironment(dir, 'qa');
    addEnvironment(dir, 'demo');
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    addTerraformFiles(path.join(dir, 'cdktf.out/stacks/monitoring-qa'));
    fs.rmSync(path.join(dir, 'environments', 'qa.yaml'));
    fs.rmSync(path.join(dir, 'environments', 'demo.yaml'));

    expect(await main(['synth'], captureIo(dir))).toBe(0);
    // demo had only generated files: its directory is gone; qa keeps what Terraform and the user put there.
    expect(fs.readdirSync(path.join(dir, 'cdktf.out', 'stacks')).sort()).toEqual([
      'monitoring-qa',
      'monitoring-staging',
    ]);
    expect(listFiles(path.join(dir, 'cdktf.out/stacks/monitoring-qa'))).toEqual(
      TERRAFORM_FILES.filter((file) => file !== 'cdk.tf.json' && file !== ASSET),
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks)).toEqual(['monitoring-staging']);
  });
});

describe('--out', () => {
  test('refuses a non-empty directory vigil did not write, and changes nothing in it', async () => {
    const dir = workspace();
    const target = path.join(dir, 'project');
    fs.mkdirSync(path.join(target, '.git'), { recursive: true });
    fs.writeFileSync(path.join(target, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(target, 'manifest.json'), '{"mine":true}');
    const before = listFiles(target);

    const io = captureIo(dir);
    expect(await main(['synth', '--out', 'project'], io)).toBe(1);
    expect(io.err.join('')).toBe(
      'vigil synth: refusing to write into project: it is not empty and has no .vigil-output.json, ' +
        'so it is not an output vigil wrote; nothing was changed. Choose a new or empty directory for --out ' +
        "(or, if it is vigil's output from an older version, delete it and synthesize again)\n",
    );
    expect(listFiles(target)).toEqual(before);
    expect(fs.readFileSync(path.join(target, 'manifest.json'), 'utf8')).toBe('{"mine":true}');
    expect(fs.existsSync(path.join(dir, 'state'))).toBe(false);
  });

  test('writes into an empty or new directory, and later into its own output', async () => {
    const dir = workspace();
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(await main(['synth', '--out', 'empty'], captureIo(dir))).toBe(0);
    expect(await main(['synth', '--out', 'nested/new'], captureIo(dir))).toBe(0);
    expect(await main(['synth', '--out', 'empty'], captureIo(dir))).toBe(0);
    expect(listFiles(path.join(dir, 'nested', 'new'))).toEqual(listFiles(path.join(dir, 'empty')));
  });

  test('a file given as --out is refused in words', async () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, 'out.json'), '{}');
    const io = captureIo(dir);
    expect(await main(['synth', '--out', 'out.json'], io)).toBe(1);
    expect(io.err.join('')).toBe('vigil synth: cannot write the output into out.json: it is a file, not a directory\n');
  });

  test('state lives beside the output, wherever --out points: the artifact path is relative and the same', async () => {
    const dir = workspace();
    expect(await main(['synth', '--out', 'a/out'], captureIo(dir))).toBe(0);
    expect(await main(['synth', '--out', 'b/c/out'], captureIo(dir))).toBe(0);
    const artifact = (out: string) =>
      fs.readFileSync(path.join(dir, out, 'stacks/monitoring-staging/cdk.tf.json'), 'utf8');
    expect(artifact('a/out')).toBe(artifact('b/c/out'));
    expect(JSON.parse(artifact('a/out')).terraform.backend).toEqual({
      local: { path: '../../../state/terraform.monitoring-staging.tfstate' },
    });
    // Terraform runs in <out>/stacks/<stack>/: three levels up is the directory that holds <out>.
    expect(path.resolve(dir, 'b/c/out/stacks/monitoring-staging', '../../../state')).toBe(path.join(dir, 'b/c/state'));
  });
});

describe('state from earlier versions', () => {
  function oldOutput(dir: string): string {
    // What earlier versions left: no marker, state inside the stack's directory.
    const stack = path.join(dir, STACK);
    fs.mkdirSync(stack, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'cdktf.out', 'manifest.json'),
      JSON.stringify({
        stacks: { 'monitoring-staging': { synthesizedStackPath: 'stacks/monitoring-staging/cdk.tf.json' } },
      }),
    );
    fs.writeFileSync(path.join(stack, 'cdk.tf.json'), '{}');
    fs.writeFileSync(path.join(stack, 'terraform.monitoring-staging.tfstate'), '{"serial":12}');
    fs.writeFileSync(path.join(stack, 'terraform.monitoring-staging.tfstate.backup'), '{"serial":11}');
    addTerraformFiles(stack);
    return stack;
  }

  test('is moved to state/ once, with its backup, and synth says so', async () => {
    const dir = workspace();
    const stack = oldOutput(dir);
    const io = captureIo(dir);
    expect(await main(['synth'], io)).toBe(0);
    expect(io.err.join('')).toBe(
      'vigil synth: moved the Terraform state of monitoring-staging from ' +
        `${STACK}/terraform.monitoring-staging.tfstate to state/terraform.monitoring-staging.tfstate, out of the generated output; ` +
        `run \`terraform init -reconfigure\` in ${STACK} before the next plan (the backend path changed)\n`,
    );
    expect(listFiles(path.join(dir, 'state'))).toEqual([
      'terraform.monitoring-staging.tfstate',
      'terraform.monitoring-staging.tfstate.backup',
    ]);
    expect(fs.readFileSync(path.join(dir, 'state', 'terraform.monitoring-staging.tfstate'), 'utf8')).toBe(
      '{"serial":12}',
    );
    expect(listFiles(stack)).toEqual(TERRAFORM_FILES);

    const again = captureIo(dir);
    expect(await main(['synth'], again)).toBe(0);
    expect(again.err.join('')).toBe('');
  });

  test('is never moved over state already at the new place: synth stops, names both, changes nothing', async () => {
    const dir = workspace();
    const stack = oldOutput(dir);
    fs.mkdirSync(path.join(dir, 'state'));
    fs.writeFileSync(path.join(dir, 'state', 'terraform.monitoring-staging.tfstate'), '{"serial":13}');
    const before = {
      out: listFiles(path.join(dir, 'cdktf.out')),
      artifact: fs.readFileSync(path.join(stack, 'cdk.tf.json'), 'utf8'),
    };

    const io = captureIo(dir);
    expect(await main(['synth'], io)).toBe(1);
    expect(io.err.join('')).toBe(
      `vigil synth: the Terraform state of monitoring-staging is in two places: ${STACK}/terraform.monitoring-staging.tfstate ` +
        '(where earlier versions of vigil kept it) and state/terraform.monitoring-staging.tfstate (where it lives now). ' +
        'vigil does not choose between them and changed nothing: keep the one Terraform should use at ' +
        'state/terraform.monitoring-staging.tfstate, move the other out of cdktf.out, then synthesize again\n',
    );
    expect(fs.readFileSync(path.join(dir, 'state', 'terraform.monitoring-staging.tfstate'), 'utf8')).toBe(
      '{"serial":13}',
    );
    expect(fs.readFileSync(path.join(stack, 'terraform.monitoring-staging.tfstate'), 'utf8')).toBe('{"serial":12}');
    expect(listFiles(path.join(dir, 'cdktf.out'))).toEqual(before.out);
    expect(fs.readFileSync(path.join(stack, 'cdk.tf.json'), 'utf8')).toBe(before.artifact);
    expect(leftovers(path.join(dir, 'cdktf.out'))).toEqual([]);
  });

  test('is not moved when the synthesis fails: the artifact in place still points at it', async () => {
    const { synthesizeEnvironments } = require('../../stacks/synthesize') as typeof import('../../stacks/synthesize');
    const { loadEnvironments } =
      require('../../src/config/load-environment') as typeof import('../../src/config/load-environment');
    const dir = workspace();
    const stack = oldOutput(dir);
    const environments = loadEnvironments(path.join(dir, 'environments'));
    await expect(
      synthesizeEnvironments(environments, path.join(dir, 'cdktf.out'), {
        beforeCommit: () => {
          throw new Error('lint errors');
        },
      }),
    ).rejects.toThrow('lint errors');
    expect(fs.readFileSync(path.join(stack, 'terraform.monitoring-staging.tfstate'), 'utf8')).toBe('{"serial":12}');
    expect(fs.existsSync(path.join(dir, 'state'))).toBe(false);
  });

  test('an explicit relative local.path is read from the project root; an absolute one is kept', async () => {
    const dir = workspace();
    const file = path.join(dir, 'environments', 'staging.yaml');
    fs.appendFileSync(file, '\nstateBackend:\n  local: { path: tf/staging.tfstate }\n');
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    const backend = () => JSON.parse(fs.readFileSync(path.join(dir, STACK, 'cdk.tf.json'), 'utf8')).terraform.backend;
    expect(backend()).toEqual({ local: { path: '../../../tf/staging.tfstate' } });
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('tf/staging.tfstate', '/srv/state/staging.tfstate'));
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    expect(backend()).toEqual({ local: { path: '/srv/state/staging.tfstate' } });
  });
});

describe('leftovers of earlier versions and killed runs', () => {
  test('are removed by the next run; a set-aside output holding state is kept and named; a lost output is restored', async () => {
    const dir = workspace();
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    fs.mkdirSync(path.join(dir, '.cdktf.out.next-abc/stacks/monitoring-staging'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.cdktf.out.next-abc/manifest.json'), '{}');
    fs.mkdirSync(path.join(dir, 'cdktf.out.previous-41/stacks/monitoring-staging'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdktf.out.previous-41/manifest.json'), '{}');
    fs.writeFileSync(path.join(dir, 'cdktf.out.previous-41/stacks/monitoring-staging/cdk.tf.json'), '{}');
    fs.mkdirSync(path.join(dir, 'cdktf.out.previous-42/stacks/monitoring-staging'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'cdktf.out.previous-42/stacks/monitoring-staging/terraform.monitoring-staging.tfstate'),
      '{}',
    );
    fs.mkdirSync(path.join(dir, 'cdktf.out', '.vigil-staging-XyZ12/stacks'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'cdktf.out', '.vigil-lock'),
      JSON.stringify({ pid: 2 ** 22 + 1, host: require('os').hostname() }),
    );

    const io = captureIo(dir);
    expect(await main(['synth'], io)).toBe(0);
    expect(io.err.join('')).toBe(
      'vigil synth: kept cdktf.out.previous-42, left by an interrupted synthesis: it holds files vigil did not ' +
        'generate (state or .terraform/?); move what you need from it, then delete it\n',
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['cdktf.out', 'cdktf.out.previous-42', 'environments']);
    expect(leftovers(path.join(dir, 'cdktf.out'))).toEqual([]);

    // A kill between the two renames of the old swap left no output, only the set-aside one.
    fs.rmSync(path.join(dir, 'cdktf.out.previous-42'), { recursive: true });
    fs.renameSync(path.join(dir, 'cdktf.out'), path.join(dir, 'cdktf.out.previous-43'));
    const restore = captureIo(dir);
    expect(await main(['synth'], restore)).toBe(0);
    expect(restore.err.join('')).toBe(
      'vigil synth: restored cdktf.out from cdktf.out.previous-43, left there by an interrupted synthesis\n',
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['cdktf.out', 'environments']);
  });
});

describe('the lock and the commit journal', () => {
  test('a live lock is waited for, then reported with its pid; a stale one is broken', async () => {
    const { synthesizeEnvironments } = require('../../stacks/synthesize') as typeof import('../../stacks/synthesize');
    const { loadEnvironments } =
      require('../../src/config/load-environment') as typeof import('../../src/config/load-environment');
    const dir = workspace();
    const outdir = path.join(dir, 'cdktf.out');
    fs.mkdirSync(outdir);
    const sleeper = require('child_process').spawn('sleep', ['30']);
    try {
      fs.writeFileSync(
        path.join(outdir, '.vigil-lock'),
        JSON.stringify({ pid: sleeper.pid, host: require('os').hostname() }),
      );
      const said: string[] = [];
      const environments = loadEnvironments(path.join(dir, 'environments'));
      await expect(
        synthesizeEnvironments(environments, outdir, {
          lockWaitMs: 300,
          report: (s) => said.push(s),
          display: (f) => path.relative(dir, f),
        }),
      ).rejects.toThrow(
        `another synth is running (pid ${sleeper.pid}) on cdktf.out and did not finish within 0 s; run synth again when ` +
          'it has finished (if no such process exists, remove cdktf.out/.vigil-lock)',
      );
      expect(said).toEqual([`another synth is running (pid ${sleeper.pid}) on cdktf.out; waiting for it to finish…`]);
      expect(fs.readdirSync(outdir)).toEqual(['.vigil-lock']);
    } finally {
      sleeper.kill('SIGKILL');
    }
    await new Promise((resolve) => sleeper.on('close', resolve));
    // Its owner is gone: the next run breaks the lock and synthesizes.
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    expect(leftovers(outdir)).toEqual([]);
  });

  test('a commit interrupted after some renames is rolled forward by the next run', async () => {
    const { recoverOutput } =
      require('../../stacks/output-directory') as typeof import('../../stacks/output-directory');
    const dir = workspace();
    const outdir = path.join(dir, 'cdktf.out');
    addEnvironment(dir, 'qa');
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    // The state a kill leaves: the staged synthesis is complete, its journal written, manifest.json
    // already renamed into place, the stack file and the marker not yet; qa is to be removed.
    const staging = path.join(outdir, '.vigil-staging-abc123');
    fs.mkdirSync(path.join(staging, 'stacks/monitoring-staging'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'manifest.json'), '{"new":true}');
    fs.writeFileSync(path.join(staging, 'stacks/monitoring-staging/cdk.tf.json'), '{"new":true}');
    fs.writeFileSync(
      path.join(staging, '.vigil-output.json'),
      '{"files":["manifest.json","stacks/monitoring-staging/cdk.tf.json"]}',
    );
    fs.writeFileSync(
      path.join(outdir, '.vigil-commit.json'),
      JSON.stringify({
        staging: '.vigil-staging-abc123',
        install: ['manifest.json', 'stacks/monitoring-staging/cdk.tf.json', '.vigil-output.json'],
        remove: ['stacks/monitoring-qa/cdk.tf.json'],
      }),
    );
    fs.writeFileSync(path.join(outdir, 'stacks/monitoring-staging/.terraform.lock.hcl'), '# lock\n');

    expect(recoverOutput(outdir, 'cdktf.out')).toBe('finished writing the output of an interrupted synthesis');
    expect(listFiles(outdir)).toEqual([
      '.vigil-output.json',
      'manifest.json',
      // qa's zip is not in the interrupted journal's removals (only its cdk.tf.json): left to the next synth.
      `stacks/monitoring-qa/${ASSET}`,
      'stacks/monitoring-staging/.terraform.lock.hcl',
      `stacks/monitoring-staging/${ASSET}`,
      'stacks/monitoring-staging/cdk.tf.json',
    ]);
    expect(fs.readFileSync(path.join(outdir, 'stacks/monitoring-staging/cdk.tf.json'), 'utf8')).toBe('{"new":true}');
    expect(leftovers(outdir)).toEqual([]);
    expect(recoverOutput(outdir, 'cdktf.out')).toBeUndefined();
  });
});
