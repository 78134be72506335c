// `vigil synth` and the cdktf app: every environment is validated before anything is written,
// and cdktf.out is changed only after every stack was synthesized and checked.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { ENVIRONMENTS_DIR, temporaryDirectory } from '../support/environments';
import { captureIo } from '../support/capture-io';

// The charting libraries cost ~100 ms to load: synth must not pay for them. Recorders note when
// vega, vega-lite or resvg is required (the last test shows they do notice).
// jest.mock is hoisted above the imports, so even a library imported by main.ts itself is noticed;
// the list is a hoisted function's, as a factory may run before this file's constants exist.
function mockRequired(): string[] {
  const store = globalThis as { chartLibrariesRequired?: string[] };
  store.chartLibrariesRequired ??= [];
  return store.chartLibrariesRequired;
}
jest.mock('vega', () => {
  mockRequired().push('vega');
  return jest.requireActual('vega');
});
jest.mock('vega-lite', () => {
  mockRequired().push('vega-lite');
  return jest.requireActual('vega-lite');
});
jest.mock('@resvg/resvg-js', () => {
  mockRequired().push('@resvg/resvg-js');
  return jest.requireActual('@resvg/resvg-js');
});

const workspaces: string[] = [];
afterAll(() => workspaces.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function workspace(): string {
  const dir = temporaryDirectory('synth');
  workspaces.push(dir);
  fs.cpSync(ENVIRONMENTS_DIR, path.join(dir, 'environments'), { recursive: true });
  return dir;
}

describe('vigil synth', () => {
  test('writes one stack per environment and prints where', async () => {
    const dir = workspace();
    const io = captureIo(dir);
    expect(await main(['synth'], io)).toBe(0);
    expect(io.out.join('')).toBe('cdktf.out/stacks/monitoring-staging/cdk.tf.json\n');
    const artifact = JSON.parse(
      fs.readFileSync(path.join(dir, 'cdktf.out/stacks/monitoring-staging/cdk.tf.json'), 'utf8'),
    );
    expect(Object.keys(artifact.resource.google_monitoring_alert_policy).length).toBeGreaterThanOrEqual(11);
    expect(fs.readdirSync(dir).sort()).toEqual(['cdktf.out', 'environments']);
    expect(mockRequired()).toEqual([]);
  });

  test('an invalid environment fails with the file and field, and leaves cdktf.out as it was', async () => {
    const dir = workspace();
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    const artifactPath = path.join(dir, 'cdktf.out/stacks/monitoring-staging/cdk.tf.json');
    const before = fs.readFileSync(artifactPath, 'utf8');
    const stagingFile = path.join(dir, 'environments', 'staging.yaml');
    fs.writeFileSync(
      stagingFile,
      fs
        .readFileSync(stagingFile, 'utf8')
        .replace('port: 6379', 'port: 99999')
        .replace('p99LatencyMs: 500', 'p99LatencyMs: 900'),
    );
    fs.writeFileSync(path.join(dir, 'environments', 'broken.yaml'), 'project: [\n');

    const io = captureIo(dir);
    expect(await main(['synth'], io)).toBe(1);
    expect(io.err.join('')).toBe(
      [
        'environments/broken.yaml: line 2, column 1: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
        'environments/staging.yaml: redis.port: expected a TCP port at most 65535, found 99999',
        '',
      ].join('\n'),
    );
    expect(fs.readFileSync(artifactPath, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['cdktf.out', 'environments']);
  });

  test('a failure after synthesis (the check) also leaves cdktf.out untouched', async () => {
    const { synthesizeEnvironments } = require('../../stacks/synthesize') as typeof import('../../stacks/synthesize');
    const { loadEnvironments } =
      require('../../src/config/load-environment') as typeof import('../../src/config/load-environment');
    const dir = workspace();
    const outdir = path.join(dir, 'cdktf.out');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'manifest.json'), 'previous synthesis');
    fs.writeFileSync(path.join(outdir, '.vigil-output.json'), JSON.stringify({ files: ['manifest.json'] }));
    const environments = loadEnvironments(path.join(dir, 'environments'));
    await expect(
      synthesizeEnvironments(environments, outdir, {
        check: () => {
          throw new Error('lint found errors');
        },
      }),
    ).rejects.toThrow('lint found errors');
    expect(fs.readdirSync(outdir).sort()).toEqual(['.vigil-output.json', 'manifest.json']);
    expect(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).toBe('previous synthesis');
    expect(fs.readdirSync(dir).sort()).toEqual(['cdktf.out', 'environments']);
  });

  test('the real staging stack lints clean during synth', async () => {
    const io = captureIo(workspace());
    expect(await main(['synth'], io)).toBe(0);
    expect(io.err.join('')).toBe('');
  });

  test('unknown options are usage errors', async () => {
    const io = captureIo(workspace());
    expect(await main(['synth', '--colour'], io)).toBe(2);
    expect(io.err.join('')).toContain("vigil synth: Unknown option '--colour'");
  });
});

test('the charting libraries load on the first chart drawn, not before', async () => {
  const { renderChartSvg } = await import('../../src/tools/charts/render-chart');
  await renderChartSvg({ title: 't', unit: '1', series: [], thresholds: [], incidents: [] });
  expect([...mockRequired()].sort()).toEqual(['vega', 'vega-lite']);
});
