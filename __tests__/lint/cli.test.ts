import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIo } from '../../src/cli/command';
import { main } from '../../src/cli/main';

const FIXTURES = path.join(__dirname, 'fixtures');

function capture(cwd: string): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd,
    env: {},
    interactive: false,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

function writeRuleFixture(directory: string, ruleId: string, side: 'bad' | 'good'): string {
  const fixture = JSON.parse(
    fs.readFileSync(path.join(FIXTURES, 'rules', `${ruleId.replace('/', '--')}.json`), 'utf8'),
  ) as Record<string, unknown>;
  const file = path.join(directory, `${ruleId.replace('/', '-')}.${side}.json`);
  fs.writeFileSync(file, JSON.stringify(fixture[side]));
  return file;
}

describe('vigil lint', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-lint-cli-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('exits 1 on errors and prints them grouped by file, with paths relative to where it runs', async () => {
    const io = capture(FIXTURES);
    const code = await main(['lint', 'remediation-plan-redis-policy.tf.json'], io);
    expect(code).toBe(1);
    const text = io.out();
    expect(text.split('\n')[0]).toBe('remediation-plan-redis-policy.tf.json');
    expect(text).toContain(
      'error   filter/metric-type-required  google_monitoring_alert_policy.redis_connectivity resource.google_monitoring_alert_policy.redis_connectivity.conditions[0].condition_threshold.filter',
    );
    expect(text).toContain('hint: add metric.type=');
    expect(text.trimEnd().split('\n').pop()).toBe('1 error, 1 warning');
  });

  it('prints a JSON array of findings with every field, hint null when there is none', async () => {
    const io = capture(FIXTURES);
    expect(await main(['lint', '--format', 'json', 'remediation-plan-redis-policy.tf.json'], io)).toBe(1);
    const findings = JSON.parse(io.out()) as Record<string, unknown>[];
    expect(findings.map((finding) => Object.keys(finding))).toEqual([
      ['ruleId', 'severity', 'file', 'location', 'resource', 'path', 'message', 'hint'],
      ['ruleId', 'severity', 'file', 'location', 'resource', 'path', 'message', 'hint'],
    ]);
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['filter/metric-type-required', 'error'],
      ['policy/no-channels', 'warning'],
    ]);
  });

  it('exits 0 on warnings alone, and 1 with --strict', async () => {
    const file = writeRuleFixture(directory, 'policy/no-channels', 'bad');
    expect(await main(['lint', file], capture(directory))).toBe(0);
    expect(await main(['lint', '--strict', file], capture(directory))).toBe(1);
  });

  it('exits 0 with "0 errors, 0 warnings" on a clean file, searching directories for *.json', async () => {
    const clean = fs.mkdtempSync(path.join(directory, 'clean-'));
    writeRuleFixture(clean, 'policy/no-channels', 'good');
    const io = capture(directory);
    expect(await main(['lint', '--strict', clean], io)).toBe(0);
    expect(io.out()).toBe('0 errors, 0 warnings\n');
  });

  it('lints cdktf.out by default and says so when it is missing', async () => {
    const io = capture(directory);
    expect(await main(['lint'], io)).toBe(2);
    expect(io.err()).toBe(
      'vigil lint: no such file or directory: cdktf.out (run `npm run synth` first, or name files to lint)\n',
    );
  });

  it('rejects unknown options and formats with the usage', async () => {
    const io = capture(directory);
    expect(await main(['lint', '--format', 'xml'], io)).toBe(2);
    expect(io.err()).toContain('vigil lint: --format takes text or json, got "xml"');
    expect(io.err()).toContain('usage: vigil lint [paths…] [--format text|json] [--strict]');
    expect(await main(['lint', '--fix'], capture(directory))).toBe(2);
  });
});
