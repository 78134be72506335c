// The CLI's error contract, case by case through the real entry point main(argv, io): every failure
// a user can cause or meet is one message in words with the file (and field) where there is one,
// a documented exit code (docs/cli.md), and never a stack trace. Outputs into missing directories
// create them.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { CliIo } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { temporaryDirectory } from '../support/environments';
import { BASE_FILE, baseDoc, dashboardOf, setDashboard } from '../review/fixture';

const work = temporaryDirectory('cli-contract');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const STACK_LINE = /^ {4}at /m;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function vigil(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: work,
    env,
    interactive: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
  fs.writeFileSync(path.join(work, file), text);
}

// A one-policy stack and a scenario that passes against it: enough for simulate's outputs.
const POLICY = {
  display_name: '[test] Redis: no clients',
  combiner: 'OR',
  conditions: [
    {
      display_name: 'connected clients < 1 for 5 min',
      condition_threshold: {
        filter: 'metric.type="redis.googleapis.com/clients/connected" AND resource.type="redis_instance"',
        comparison: 'COMPARISON_LT',
        threshold_value: 1,
        duration: '300s',
        aggregations: [
          { alignment_period: '300s', per_series_aligner: 'ALIGN_MAX', cross_series_reducer: 'REDUCE_MAX' },
        ],
      },
    },
  ],
};
const STACK = JSON.stringify({ resource: { google_monitoring_alert_policy: { no_clients: POLICY } } });
const SCENARIO = `stack: stack.json
tests:
  - name: clients drop to zero
    series:
      - metric: redis.googleapis.com/clients/connected
        resource: redis_instance
        values: 3x29 0x30
    expect:
      - policy: "[test] Redis: no clients"
        fires: {within: 60m}
`;

beforeAll(() => {
  write('stack.json', STACK);
  write('scenario.yaml', SCENARIO);
  write('base/cdk.tf.json', STACK);
  write('head/cdk.tf.json', STACK.replace('"threshold_value":1', '"threshold_value":2'));
  write('a-file', 'not a directory');
  // A dashboard change, so that review --svg-dir has a layout to draw.
  write('dashboard-base/stacks/monitoring-test/cdk.tf.json', fs.readFileSync(BASE_FILE, 'utf8'));
  const head = baseDoc();
  const dashboard = dashboardOf(head);
  dashboard.mosaicLayout.tiles.pop();
  setDashboard(head, dashboard);
  write('dashboard-head/stacks/monitoring-test/cdk.tf.json', JSON.stringify(head));
  fs.mkdirSync(path.join(work, 'empty'));
  write('broken/empty.json', '');
  write('broken/syntax.json', '{\n  "displayName": "x",\n}\n');
  write('environments/bad.yaml', 'project: [unclosed\n');
});

interface Case {
  readonly name: string;
  readonly args: string[];
  readonly code: number;
  /** Exact standard error, or the lines it must contain. */
  readonly stderr: string | readonly string[];
  /** Files that must exist afterwards (outputs into directories that did not exist). */
  readonly creates?: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'unknown command', args: ['deploy'], code: 2, stderr: ['vigil: unknown command "deploy"'] },
  {
    name: 'unknown option',
    args: ['lint', '--strikt'],
    code: 2,
    stderr: ['vigil lint: unknown option --strikt', 'usage: vigil lint'],
  },
  {
    name: 'lint: a path that does not exist',
    args: ['lint', 'nowhere'],
    code: 2,
    stderr: 'vigil lint: no such file or directory: nowhere\n',
  },
  {
    name: 'lint: an empty directory',
    args: ['lint', 'empty'],
    code: 1,
    stderr: 'vigil lint: no monitoring resources found in empty\n',
  },
  {
    name: 'lint --strict: an empty directory',
    args: ['lint', '--strict', 'empty'],
    code: 1,
    stderr: 'vigil lint: no monitoring resources found in empty\n',
  },
  {
    name: 'lint: only empty and broken JSON',
    args: ['lint', 'broken'],
    code: 1,
    stderr: 'vigil lint: no monitoring resources found in broken\n',
  },
  {
    name: 'lint --format json: an empty directory',
    args: ['lint', '--format', 'json', 'empty'],
    code: 1,
    stderr: 'vigil lint: no monitoring resources found in empty\n',
  },
  {
    name: 'review: a base that does not exist',
    args: ['review', '--base', 'missing', '--head', 'head'],
    code: 2,
    stderr: [
      'vigil review: missing: no such file or directory (expected a cdktf.out directory or a cdk.tf.json file)\nusage: vigil review',
    ],
  },
  {
    name: 'review --out into a missing directory',
    args: ['review', '--base', 'base', '--head', 'head', '--out', 'new/dir/review.md'],
    code: 0,
    stderr: '',
    creates: ['new/dir/review.md'],
  },
  {
    name: 'review --out where a directory is',
    args: ['review', '--base', 'base', '--head', 'head', '--out', 'empty'],
    code: 1,
    stderr: 'vigil review: cannot write empty: it is a directory, not a file (EISDIR)\n',
  },
  {
    name: 'review --out below a file',
    args: ['review', '--base', 'base', '--head', 'head', '--out', 'a-file/review.md'],
    code: 1,
    stderr:
      'vigil review: cannot create the directory a-file: a part of the path is a file, not a directory (ENOTDIR)\n',
  },
  {
    name: 'review --svg-dir into a missing directory',
    args: ['review', '--base', 'dashboard-base', '--head', 'dashboard-head', '--svg-dir', 'svg/new'],
    code: 0,
    stderr: '',
    creates: ['svg/new/monitoring-test--infrastructure_dashboard--before.png'],
  },
  {
    name: 'review --svg-dir below a file',
    args: ['review', '--base', 'dashboard-base', '--head', 'dashboard-head', '--svg-dir', 'a-file/svg'],
    code: 1,
    stderr:
      'vigil review: cannot create the directory a-file/svg: a part of the path is a file, not a directory (ENOTDIR)\n',
  },
  {
    name: 'simulate --junit into a missing directory',
    args: ['simulate', 'scenario.yaml', '--junit', 'reports/junit/simulate.xml'],
    code: 0,
    stderr: '',
    creates: ['reports/junit/simulate.xml'],
  },
  {
    name: 'simulate --junit below a file',
    args: ['simulate', 'scenario.yaml', '--junit', 'a-file/junit.xml'],
    code: 1,
    stderr:
      'vigil simulate: cannot create the directory a-file: a part of the path is a file, not a directory (ENOTDIR)\n',
  },
  {
    name: 'simulate --plot into a missing directory',
    args: ['simulate', 'scenario.yaml', '--plot', 'plots/deep'],
    code: 0,
    stderr: '',
    creates: ['plots/deep/scenario--clients-drop-to-zero.svg'],
  },
  {
    name: 'simulate --plot below a file',
    args: ['simulate', 'scenario.yaml', '--plot', 'a-file/plots'],
    code: 1,
    stderr:
      'vigil simulate: cannot create the directory a-file/plots: a part of the path is a file, not a directory (ENOTDIR)\n',
  },
  {
    name: 'simulate: a scenario path that does not exist',
    args: ['simulate', 'no-such.yaml'],
    code: 1,
    stderr: 'no-such.yaml: no such file or directory; expected a scenario file (*.yaml) or a directory of them\n',
  },
  {
    name: 'drift --json into a missing directory',
    args: ['drift', '--environments', 'environments', '--outdir', 'empty', '--json', 'drift/out/report.json'],
    code: 1,
    stderr: '',
    creates: ['drift/out/report.json'],
  },
  {
    name: 'drift --json below a file',
    args: ['drift', '--environments', 'environments', '--outdir', 'empty', '--json', 'a-file/report.json'],
    code: 1,
    stderr:
      'vigil drift: cannot create the directory a-file: a part of the path is a file, not a directory (ENOTDIR)\n',
  },
  {
    name: 'drift: an unknown environment',
    args: ['drift', '--environments', 'environments', 'prod'],
    code: 1,
    stderr: 'drift: no environment "prod" in environments/; expected one of: bad\n',
  },
  {
    name: 'synth: an invalid environment file',
    args: ['synth', '--environments', 'environments'],
    code: 1,
    stderr: ['environments/bad.yaml'],
  },
  {
    name: 'preflight: an environment file that does not exist',
    args: ['preflight', '--env', 'missing.yaml'],
    code: 1,
    stderr: 'missing.yaml: cannot read the file: no such file or directory (ENOENT)\n',
  },
  {
    name: 'clone: no source and target',
    args: ['clone'],
    code: 2,
    stderr: ['vigil clone: expected <source-env> <new-env>, found none'],
  },
];

describe.each(CASES)('$name', ({ args, code, stderr, creates }) => {
  test(`exits ${code} with the message in words and no stack trace`, async () => {
    const run = await vigil(args);
    if (typeof stderr === 'string') expect(run.stderr).toBe(stderr);
    else for (const line of stderr) expect(run.stderr).toContain(line);
    expect(run.code).toBe(code);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).not.toMatch(STACK_LINE);
    for (const file of creates ?? []) expect(fs.existsSync(path.join(work, file))).toBe(true);
  });
});

describe('lint inputs', () => {
  test('each broken file is an error naming it, with the line and column of a JSON syntax error', async () => {
    const run = await vigil(['lint', '--format', 'json', 'broken']);
    const rows = JSON.parse(run.stdout) as Array<{ ruleId: string; severity: string; file: string; message: string }>;
    expect(rows.map(({ ruleId, severity, file, message }) => [ruleId, severity, file, message])).toEqual([
      ['input/unreadable', 'error', 'broken/empty.json', 'the file is empty; expected JSON'],
      [
        'input/unreadable',
        'error',
        'broken/syntax.json',
        'not valid JSON at line 3, column 1: Expected double-quoted property name',
      ],
    ]);
  });

  test('a file that cannot be read is an error naming it and why', async () => {
    // Root opens any file whatever its mode; a symbolic link to itself fails to open for anyone.
    fs.mkdirSync(path.join(work, 'unreadable'), { recursive: true });
    fs.symlinkSync('policy.json', path.join(work, 'unreadable', 'policy.json'));
    const run = await vigil(['lint', 'unreadable']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('cannot read the file: too many symbolic links (ELOOP)');
    expect(run.stdout).toContain('unreadable/policy.json');
    expect(run.stderr).toBe('vigil lint: no monitoring resources found in unreadable\n');
  });

  test.each([
    ['a character device', '/dev/zero', 'it is a character device, not a regular file (EFTYPE)'],
    ['a FIFO', 'pipe.json', 'it is a FIFO (named pipe), not a regular file (EFTYPE)'],
  ])('%s given as a file is refused in words, without reading it', async (_, target, reason) => {
    if (target === 'pipe.json') execFileSync('mkfifo', [path.join(work, target)]);
    const run = await vigil(['lint', target]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(reason);
  });

  test('a directory with a stack still passes', async () => {
    const run = await vigil(['lint', 'base']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('file system failures become FileError in words', () => {
  // Real failures, not mocks: /dev/full answers every write with ENOSPC, and /sys refuses new
  // files even to root. (EROFS needs a read-only mount, which this machine does not offer.)
  test.each([
    ['/dev/full', 'vigil review: cannot write /dev/full: no space left on the device (ENOSPC)\n'],
    ['/sys/review.md', 'vigil review: cannot write /sys/review.md: permission denied (EACCES)\n'],
  ])('review --out %s', async (out, message) => {
    const run = await vigil(['review', '--base', 'base', '--head', 'head', '--out', out]);
    expect(run.stderr).toBe(message);
    expect(run.code).toBe(1);
  });
});

describe('version and help', () => {
  test('vigil --version prints the package version', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V', 'version']) {
      const run = await vigil([flag]);
      expect(run.stdout).toBe(`vigil ${version}\n`);
      expect(run.code).toBe(0);
    }
  });

  test('vigil synth --help describes each option and the exit status', async () => {
    const run = await vigil(['synth', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--environments DIR +where the environment files are \(default: environments\)/);
    expect(run.stdout).toMatch(/--out DIR +where the synthesized stacks go \(default: cdktf\.out\)/);
    expect(run.stdout).toContain('Exit status: 0 written, 1');
  });
});
