// Findings from a file carry the line and column of their path; text and JSON output show file:line:col.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { locateJsonPaths, parseErrorPosition } from '../../src/artifact/json-positions';
import { formatFindingsText, lintFiles, lintTerraformJson } from '../../src/tools/lint';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('positions of JSON paths', () => {
  const text = '{\n  "a": [1, {"b": "x,]}"}],\n  "c": {"d": {}, "e": []},\n  "f": "\\"q\\""\n}\n';

  it('points at a member by its key and at an element by its value', () => {
    const locate = locateJsonPaths(text, [['a', 1, 'b'], ['c', 'e'], ['a', 0], ['f']]);
    expect(locate(['a', 1, 'b'])).toEqual({ line: 2, column: 13 });
    expect(locate(['a', 0])).toEqual({ line: 2, column: 9 });
    expect(locate(['c', 'e'])).toEqual({ line: 3, column: 18 });
    expect(locate(['f'])).toEqual({ line: 4, column: 3 });
  });

  it('reads strings that end in an escaped backslash or hold escaped quotes', () => {
    const tricky = '{"a": "x\\\\", "b": "\\"}\\"", "c": 1}';
    expect(JSON.parse(tricky)).toEqual({ a: 'x\\', b: '"}"', c: 1 });
    expect(locateJsonPaths(tricky, [['c']])(['c'])).toEqual({ line: 1, column: tricky.indexOf('"c"') + 1 });
  });

  it('gives a path the text lacks the position of its nearest ancestor', () => {
    const locate = locateJsonPaths(text, [['c', 'd', 'missing']]);
    expect(locate(['c', 'd', 'missing'])).toEqual({ line: 3, column: 9 });
  });

  it('walks deep nesting without recursion', () => {
    const depth = 200_000;
    const deep = `{"a": ${'['.repeat(depth)}${']'.repeat(depth)}, "b": {"c": 1}}`;
    const locate = locateJsonPaths(deep, [
      ['b', 'c'],
      ['a', 0, 0, 0],
    ]);
    expect(locate(['b', 'c'])).toEqual({ line: 1, column: 2 * depth + 15 });
    expect(locate(['a', 0, 0, 0])).toEqual({ line: 1, column: 10 });
  });
});

describe('lint findings with positions', () => {
  const file = path.join(FIXTURES, 'remediation-plan-redis-policy.tf.json');

  it('computes line and column from the file for Terraform JSON', async () => {
    const findings = await lintFiles([file]);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const filter = findings.find((finding) => finding.ruleId === 'filter/metric-type-required')!;
    expect(lines[filter.line! - 1].slice(filter.column! - 1)).toMatch(/^"filter":/);
    // notification_channels is missing: the finding points at the policy that lacks it.
    const channels = findings.find((finding) => finding.ruleId === 'policy/no-channels')!;
    expect(lines[channels.line! - 1].slice(channels.column! - 1)).toMatch(/^"redis_connectivity":/);
    expect(formatFindingsText(findings)).toContain(`${file}:${filter.line}:${filter.column}`);
  });

  it('computes positions in REST exports, from the array the object stands in', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-lint-positions-'));
    try {
      const rest = path.join(directory, 'policies.json');
      fs.writeFileSync(rest, JSON.stringify([{ displayName: 'ok', combiner: 'OR', conditions: [] }], null, 2));
      const [finding] = await lintFiles([rest]);
      expect(finding.ruleId).toBe('condition/count');
      expect([finding.line, finding.column]).toEqual([5, 5]);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('points a finding inside a Terraform dashboard_json string at that attribute', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-lint-positions-'));
    try {
      const file = path.join(directory, 'cdk.tf.json');
      const dashboard = {
        displayName: 'd',
        mosaicLayout: {
          columns: 48,
          tiles: [{ xPos: 40, yPos: 0, width: 24, height: 4, widget: { title: 't', text: { content: 'x' } } }],
        },
      };
      const doc = {
        resource: { google_monitoring_dashboard: { main: { dashboard_json: JSON.stringify(dashboard) } } },
      };
      fs.writeFileSync(file, JSON.stringify(doc, null, 2));
      const findings = await lintFiles([file]);
      const bounds = findings.find((finding) => finding.ruleId === 'dashboard/tile-bounds')!;
      expect(bounds.path).toBe('resource.google_monitoring_dashboard.main.dashboard_json#mosaicLayout.tiles[0]');
      expect([bounds.line, bounds.column]).toEqual([5, 9]);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('gives a file that is not JSON the position where parsing stopped', async () => {
    const [finding] = await lintFiles([path.join(FIXTURES, 'input', 'not-json.json')]);
    expect(finding.ruleId).toBe('input/unreadable');
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(
      parseErrorPosition('{\n  "a": 1,\n}', 'Expected double-quoted property name in JSON at position 12'),
    ).toEqual({ line: 3, column: 1 });
    expect(parseErrorPosition('[1,\n', 'Unexpected end of JSON input')).toEqual({ line: 2, column: 1 });
    expect(parseErrorPosition('x', 'something else')).toBeUndefined();
  });

  it('leaves positions out where there is no file text (the synth gate lints a document in memory)', () => {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const findings = lintTerraformJson(doc, 'cdk.tf.json');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.line === undefined)).toBe(true);
  });
});
