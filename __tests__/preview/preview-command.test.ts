// `vigil preview` as a person calls it: exit codes and errors that name the file and the field,
// `--exports` as the data, and an output directory where only preview's own files change.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { captureIo } from '../support/capture-io';
import { temporaryDirectory } from '../support/environments';
import { sharedArtifactsDirectory, stagingStackJson } from '../support/staging-stack';

const ROOT = path.resolve(__dirname, '../..');
const REPLAY = path.join(ROOT, 'alert-tests/staging/replay-redis-auth');
const directory = temporaryDirectory('preview-command');
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

const artifacts = sharedArtifactsDirectory();
const stackArgs = artifacts ? ['--artifacts', artifacts] : ['--synth'];

async function preview(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo(ROOT);
  const code = await main(['preview', ...args], io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

function write(name: string, text: string): string {
  const file = path.join(directory, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('vigil preview: usage and input errors', () => {
  test('bad usage exits 2 with the usage', async () => {
    for (const args of [
      [],
      ['staging', 'prod'],
      ['staging', '--scenario', 'a.yaml', '--exports', 'dir'],
      ['staging', '--test', 'x', '--exports', 'dir'],
      ['staging', '--colour'],
    ]) {
      const result = await preview(...args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toMatch(/^vigil preview: .*\nusage: vigil preview <environment>/);
    }
  });

  test('an unknown environment exits 2 naming its file', async () => {
    const result = await preview('nowhere', ...stackArgs);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('no environment "nowhere": environments/nowhere.yaml does not exist'),
    });
  });

  test('a scenario that does not exist, is invalid or is for another environment exits 1 naming file and field', async () => {
    const missing = await preview('staging', '--scenario', 'no/such.yaml', ...stackArgs);
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: 'no/such.yaml: no such file; expected a simulate scenario file (*.yaml)\n',
    });
    const invalid = write(
      'invalid.yaml',
      'environment: staging\ntests:\n  - name: x\n    series:\n      - metric: no.such/metric\n        resource: redis_instance\n        values: 1x3\n    expect:\n      - {policy: x, does_not_fire: true}\n',
    );
    const bad = await preview('staging', '--scenario', invalid, ...stackArgs);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `${path.relative(ROOT, invalid)}: tests[0].series[0].metric: "no.such/metric" is neither in the metric catalog`,
    );
    const other = write(
      'other.yaml',
      'environment: production\ntests:\n  - name: x\n    series:\n      - {metric: redis.googleapis.com/clients/connected, resource: redis_instance, values: 1x3}\n    expect:\n      - {policy: x, does_not_fire: true}\n',
    );
    const elsewhere = await preview('staging', '--scenario', other, ...stackArgs);
    expect(elsewhere).toEqual({
      code: 1,
      stdout: '',
      stderr: `${path.relative(ROOT, other)}: environment: the scenario is written for environment "production", not "staging"; its series would not match this dashboard's filters\n`,
    });
  });

  test('--test names a test of the scenario; another name exits 1 listing them', async () => {
    const result = await preview('staging', '--test', 'nope', ...stackArgs);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^alert-tests\/staging\/failure-modes\/redis-noauth\.yaml: tests: no test named "nope"; the tests are "A deploy without the Redis password/,
    );
  });

  test('a dashboard_json that is not JSON exits 1 naming the stack file and the attribute', async () => {
    const document = stagingStackJson() as {
      resource: { google_monitoring_dashboard: Record<string, { dashboard_json: string }> };
    };
    document.resource.google_monitoring_dashboard.infrastructure_dashboard.dashboard_json = '{"displayName": ';
    const file = write('broken/stacks/monitoring-staging/cdk.tf.json', JSON.stringify(document));
    const result = await preview('staging', '--artifacts', path.join(directory, 'broken'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^${path.relative(ROOT, file).replace(/[.]/g, '\\.')}: resource\\.google_monitoring_dashboard\\.infrastructure_dashboard\\.dashboard_json: dashboard_json is not valid JSON`,
      ),
    );
  });
});

describe('vigil preview --exports', () => {
  test('draws exported series, and replaces or removes only the files it wrote before', async () => {
    const exports = path.join(directory, 'exports');
    fs.mkdirSync(exports);
    for (const name of fs.readdirSync(REPLAY).filter((one) => one.endsWith('.json')))
      fs.copyFileSync(path.join(REPLAY, name), path.join(exports, name));
    const out = path.join(directory, 'out');
    // What the person keeps there, and a picture an earlier run wrote for a section since gone.
    write('out/notes.txt', 'mine');
    write('out/my-own.png', 'mine too');
    write('out/infrastructure-dashboard--09-gone.png', 'stale');
    write(
      'out/.vigil-preview.json',
      JSON.stringify({ files: ['infrastructure-dashboard--09-gone.png', '../notes.txt'] }),
    );
    const result = await preview('staging', '--exports', exports, '--out', out, ...stackArgs);
    expect(result).toEqual({ code: 0, stdout: expect.stringContaining('charts with data'), stderr: '' });
    const charts = Number(/(\d+) charts with data/.exec(result.stdout)![1]);
    expect(charts).toBeGreaterThanOrEqual(4);
    const files = fs.readdirSync(out).sort();
    expect(files).toContain('notes.txt');
    expect(files).toContain('my-own.png');
    expect(files).not.toContain('infrastructure-dashboard--09-gone.png');
    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
    const page = fs.readFileSync(path.join(out, 'preview.html'), 'utf8');
    expect(page).toContain('export file(s)');
    // Self-contained: nothing to fetch.
    expect(page).not.toMatch(/<script|<link|<img|src=|url\(/i);
  });

  test('an export "file" that is a directory is blamed on the option that gave it: --exports', async () => {
    const exports = path.join(directory, 'broken-exports');
    fs.mkdirSync(exports);
    // A directory named like an export file: the error blames the option that named its folder.
    fs.mkdirSync(path.join(exports, 'series.json'));
    const result = await preview('staging', '--exports', exports, '--out', path.join(directory, 'out2'), ...stackArgs);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--exports');
    expect(result.stderr).not.toContain('--from-exports');
  });
});
