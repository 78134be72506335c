// `npm run review -- --base-ref <git ref> [review options]`: synthesizes <ref> in a temporary git
// worktree and the working tree, then runs `vigil review` on the two, so a change can be reviewed
// locally in one command. The worktree borrows this checkout's node_modules through a symlink
// (the lockfile is the same or close enough for a build; reinstalling would cost minutes).
//
// Runs from dist/ (`npm run build` first): dist/scripts/review-ref.js.
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatInternalError } from '../src/cli/internal-error';
import { main } from '../src/cli/main';

const USAGE = `usage: npm run review -- --base-ref <git ref> [--keep] [vigil review options]

  --base-ref <ref>   the commit, branch or tag to compare the working tree with (e.g. origin/main)
  --keep             keep the temporary worktree and both syntheses, and print where they are
  --synth-dir <dir>  write the two syntheses to <dir>/base.out and <dir>/head.out and keep them
                     (CI reviews them twice: the PR comment and the longer job summary)
  other options      passed to vigil review: --format, --svg-dir, --out, --max-chars, --fail-on-risk`;

class ScriptError extends Error {}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer | string }).stderr ?? '').trim();
    throw new ScriptError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** Runs a command to completion; its output is shown only when it fails. */
function run(
  what: string,
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) => reject(new ScriptError(`${what}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(new ScriptError(`${what} failed (exit ${code}):\n${output.trim().split('\n').slice(-30).join('\n')}`));
    });
  });
}

/**
 * Synthesizes the tree at `root` into `outdir` the way that tree's own cdktf app does it:
 * build (its scripts/build-if-stale.js, or tsc with its tsconfig.build.json in trees older than
 * that script), then `node dist/main.js` with CDKTF_OUTDIR.
 */
async function synthesize(label: string, root: string, outdir: string, build: boolean): Promise<void> {
  const fastBuild = path.join(root, 'scripts', 'build-if-stale.js');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (build) {
    if (fs.existsSync(fastBuild)) await run(`building ${label}`, process.execPath, [fastBuild], root);
    else await run(`building ${label}`, process.execPath, [tsc, '-p', 'tsconfig.build.json'], root);
  }
  const app = path.join(root, 'dist', 'main.js');
  if (!fs.existsSync(app))
    throw new ScriptError(
      `${label} has no cdktf app at dist/main.js after the build; is it older than the stack (main.ts)?`,
    );
  await run(`synthesizing ${label}`, process.execPath, [app], root, { ...process.env, CDKTF_OUTDIR: outdir });
}

async function reviewRef(args: string[]): Promise<number> {
  const index = args.indexOf('--base-ref');
  const inline = args.find((arg) => arg.startsWith('--base-ref='));
  const ref = inline ? inline.slice('--base-ref='.length) : index >= 0 ? args[index + 1] : undefined;
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!ref || ref.startsWith('--')) {
    process.stderr.write(`review: --base-ref <git ref> is required\n${USAGE}\n`);
    return 2;
  }
  const keep = args.includes('--keep');
  const synthIndex = args.indexOf('--synth-dir');
  const synthDir = synthIndex >= 0 ? args[synthIndex + 1] : undefined;
  if (synthIndex >= 0 && (!synthDir || synthDir.startsWith('--'))) {
    process.stderr.write(`review: --synth-dir needs a directory\n${USAGE}\n`);
    return 2;
  }
  // This script's own flags and their values; everything else goes to vigil review.
  const own = new Set<number>();
  for (const position of [index, synthIndex]) if (position >= 0) own.add(position).add(position + 1);
  const passThrough = args.filter((arg, position) => arg !== '--keep' && arg !== inline && !own.has(position));

  const root = git(['rev-parse', '--show-toplevel'], process.cwd());
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  } catch {
    throw new ScriptError(
      `"${ref}" is not a commit in ${root} (a branch, tag or sha; for a remote branch, \`git fetch\` first and use origin/<branch>)`,
    );
  }
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-review-'));
  const worktree = path.join(temporary, 'base');
  const outputs = synthDir ? path.resolve(synthDir) : temporary;
  if (synthDir) {
    // Fresh syntheses only: a stale stack left from an earlier run would show as a change.
    fs.rmSync(path.join(outputs, 'base.out'), { recursive: true, force: true });
    fs.rmSync(path.join(outputs, 'head.out'), { recursive: true, force: true });
  }
  const baseOut = path.join(outputs, 'base.out');
  const headOut = path.join(outputs, 'head.out');
  try {
    git(['worktree', 'add', '--detach', worktree, commit], root);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(worktree, 'node_modules'), 'dir');
    // Both sides at once: the base needs a build, the working tree was built by `npm run review`.
    await Promise.all([
      synthesize(`${ref} (${commit.slice(0, 12)})`, worktree, baseOut, true),
      synthesize('the working tree', root, headOut, false),
    ]);
    return await main(['review', '--base', baseOut, '--head', headOut, ...passThrough]);
  } finally {
    if (keep) {
      process.stderr.write(
        `review: kept ${temporary} (worktree base/, syntheses base.out/ and head.out/); remove the worktree with: git worktree remove --force ${worktree}\n`,
      );
    } else {
      try {
        git(['worktree', 'remove', '--force', worktree], root);
      } catch {
        // The worktree may not exist if `git worktree add` failed; prune forgets it either way.
        git(['worktree', 'prune'], root);
      }
      fs.rmSync(temporary, { recursive: true, force: true });
    }
  }
}

reviewRef(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ScriptError) {
      process.stderr.write(`review: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    // A bug: one line, as the CLI says it (docs/cli.md); the trace with VIGIL_DEBUG=1.
    process.stderr.write(formatInternalError('review', error, process.env));
    process.exitCode = 1;
  },
);
