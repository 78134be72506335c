// `vigil review` as a person calls it: two cdktf.out directories (or files) in, Markdown or JSON
// out, exit codes, dashboard previews, and errors that name the file without a stack trace.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { BASE_DIR, BASE_FILE, baseDoc, dashboardOf, policy, setDashboard } from './fixture';
import { captureIo } from '../support/capture-io';

const capture = captureIo;

let work: string;
let headDir: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-review-cli-'));
  headDir = path.join(work, 'head');
  const head = baseDoc();
  policy(head, 'postgres_p99_latency_critical').conditions[0].condition_threshold.threshold_value = 5000000;
  const dashboard = dashboardOf(head);
  dashboard.mosaicLayout.tiles[1].widget.title = 'PostgreSQL: p99 latency <ms> & more';
  dashboard.mosaicLayout.tiles.pop();
  setDashboard(head, dashboard);
  fs.mkdirSync(path.join(headDir, 'stacks', 'monitoring-test'), { recursive: true });
  fs.writeFileSync(path.join(headDir, 'stacks', 'monitoring-test', 'cdk.tf.json'), JSON.stringify(head));
  fs.writeFileSync(path.join(work, 'broken.json'), '{ "resource": ');
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('vigil review', () => {
  test('compares two cdktf.out directories and prints Markdown; exit 0 even with risks', async () => {
    const io = capture(work);
    expect(await main(['review', '--base', BASE_DIR, '--head', 'head'], io)).toBe(0);
    const text = io.out.join('');
    expect(text).toContain('p99 latency threshold 500 ms → 5 s');
    expect(text).toContain('| monitoring-test | 0 | 2 | 0 | 0 |');
  });

  test('--fail-on-risk exits 1 when the warning section is not empty, 0 when it is', async () => {
    expect(await main(['review', '--base', BASE_DIR, '--head', 'head', '--fail-on-risk'], capture(work))).toBe(1);
    const io = capture(work);
    expect(await main(['review', '--base', BASE_DIR, '--head', BASE_FILE, '--fail-on-risk'], io)).toBe(0);
    expect(io.out.join('')).toContain('No monitoring changes.');
  });

  test('--format json prints the review as data', async () => {
    const io = capture(work);
    expect(await main(['review', '--base', BASE_DIR, '--head', 'head', '--format=json'], io)).toBe(0);
    const data = JSON.parse(io.out.join(''));
    expect(data.risks.map((risk: { kind: string }) => risk.kind)).toEqual(['loosened']);
    expect(data.stacks[0].counts).toEqual({ added: 0, changed: 2, removed: 0, moved: 0 });
  });

  test('--svg-dir writes previews before and after as PNG, and the Markdown points to them', async () => {
    const io = capture(work);
    expect(
      await main(['review', '--base', BASE_DIR, '--head', 'head', '--svg-dir', 'svg', '--out', 'review.md'], io),
    ).toBe(0);
    expect(io.out).toEqual([]);
    for (const side of ['before', 'after']) {
      const png = fs.readFileSync(path.join(work, 'svg', `monitoring-test--infrastructure_dashboard--${side}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(1200); // IHDR width: sized for a PR comment
    }
    expect(fs.readFileSync(path.join(work, 'review.md'), 'utf8')).toContain(
      'preview before/after, changed tiles outlined: `svg/monitoring-test--infrastructure_dashboard--before.png`, `svg/monitoring-test--infrastructure_dashboard--after.png`',
    );
  });

  test('lint runs on both sides and lists only findings new in head', async () => {
    const head = baseDoc();
    policy(head, 'postgres_p99_latency_critical').conditions[0].condition_threshold.duration = '45s';
    fs.writeFileSync(path.join(work, 'lint-head.json'), JSON.stringify(head));
    const io = capture(work);
    expect(await main(['review', '--base', BASE_FILE, '--head', 'lint-head.json'], io)).toBe(0);
    const text = io.out.join('');
    expect(text).toContain(
      '- **error** `google_monitoring_alert_policy.postgres_p99_latency_critical` `conditions[0].condition_threshold.duration` (condition/duration-whole-minutes)',
    );
    const clean = capture(work);
    await main(['review', '--base', BASE_FILE, '--head', 'head'], clean);
    expect(clean.out.join('')).toMatch(/### Lint findings new in head\n\nNone\.\n/);
  });

  test('errors name the path and what is expected, without a stack trace', async () => {
    const missing = capture(work);
    expect(await main(['review', '--base', 'nowhere', '--head', 'head'], missing)).toBe(2);
    expect(missing.err.join('')).toContain(
      'vigil review: nowhere: no such file or directory (expected a cdktf.out directory or a cdk.tf.json file)',
    );
    const broken = capture(work);
    expect(await main(['review', '--base', 'broken.json', '--head', 'head'], broken)).toBe(2);
    expect(broken.err.join('')).toContain('vigil review: broken.json: is not JSON (Unexpected end of JSON input)');
    expect(broken.err.join('')).not.toMatch(/\n\s+at /);
    const usage = capture(work);
    expect(await main(['review', '--base', BASE_DIR], usage)).toBe(2);
    expect(usage.err.join('')).toContain('both --base and --head are required');
    const format = capture(work);
    expect(await main(['review', '--base', BASE_DIR, '--head', 'head', '--format', 'html'], format)).toBe(2);
    expect(format.err.join('')).toContain('--format must be markdown or json, found "html"');
  });
});
