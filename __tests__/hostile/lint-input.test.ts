// Hostile lint input, generated here: deep nesting, filters the recursive parser would overflow
// on, files with over 100k findings, a dashboard of 10,000 identical tiles. Each ends in findings
// in words, with the work bounded (counts), and no exception.
import { parseFilter, FilterSyntaxError } from '../../src/gcp/filter';
import { MAX_FILTER_NESTING } from '../../src/gcp/filter/parser';
import { MAX_FINDINGS_PER_FILE, type Finding } from '../../src/tools/lint/finding';
import { lintDocument } from '../../src/tools/lint/lint-files';
import { MAX_OVERLAP_FINDINGS } from '../../src/tools/lint/rules/dashboard-layout';
import { alertPolicyMessage } from '../../src/tools/lint/proto/proto-schema';
import { walkMessage, type ProtoIssue } from '../../src/tools/lint/proto/walk-message';
import { appendAll } from '../../src/util/append-all';

const FILTER = 'metric.type="redis.googleapis.com/stats/cpu_utilization" AND resource.type="redis_instance"';

function policy(threshold: Record<string, unknown>): Record<string, unknown> {
  return {
    displayName: 'p',
    combiner: 'OR',
    notificationChannels: ['projects/p/notificationChannels/1'],
    conditions: [
      {
        displayName: 'c',
        conditionThreshold: {
          filter: FILTER,
          comparison: 'COMPARISON_GT',
          duration: '60s',
          thresholdValue: 1,
          aggregations: [{ alignmentPeriod: '60s', perSeriesAligner: 'ALIGN_MEAN' }],
          ...threshold,
        },
      },
    ],
  };
}

function lint(doc: unknown): { findings: Finding[]; ms: number } {
  const started = performance.now();
  const findings = lintDocument(doc, 'hostile.json')!;
  return { findings, ms: performance.now() - started };
}

const summary = (findings: readonly Finding[]) =>
  findings.map((finding) => `${finding.ruleId} ${finding.path}: ${finding.message}`);

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = wrap(value);
  return value;
}

describe('lint on input nested 2,000 deep', () => {
  test('condition fields: one finding, the resource not walked', () => {
    const { findings } = lint(policy({ trigger: nested(2000, { count: 1 }, (inner) => ({ trigger: inner })) }));
    expect(summary(findings)).toEqual([
      `input/too-deep conditions[0].conditionThreshold${'.trigger'.repeat(61)}: nested deeper than 64 levels; the resource was not checked further`,
    ]);
  });

  test('arrays in a condition', () => {
    const { findings } = lint(policy({ aggregations: nested(2000, 1, (inner) => [inner]) }));
    expect(findings.map((finding) => finding.ruleId)).toEqual(['input/too-deep']);
  });

  test('Terraform JSON: a duration nested 2,000 arrays deep (a stack overflow in the reader before)', () => {
    const condition = {
      display_name: 'c',
      condition_threshold: { filter: FILTER, duration: nested(2000, '60s', (inner) => [inner]) },
    };
    const doc = {
      resource: {
        google_monitoring_alert_policy: { p: { display_name: 'p', combiner: 'OR', conditions: [condition] } },
      },
    };
    const findings = lintDocument(doc, 'hostile.tf.json')!;
    expect(findings.map((finding) => finding.ruleId)).toEqual(['input/too-deep']);
  });

  test('dashboard charts', () => {
    const widget = nested(2000, { text: { content: 'x' } }, (inner) => ({
      xyChart: { dataSets: [{ timeSeriesQuery: { timeSeriesFilter: { filter: FILTER } } }], chartOptions: { inner } },
    }));
    const { findings } = lint({
      displayName: 'd',
      mosaicLayout: { columns: 48, tiles: [{ width: 6, height: 4, widget }] },
    });
    expect(findings.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([
      'input/too-deep: nested deeper than 64 levels; the resource was not checked further',
    ]);
  });
});

describe('filters the recursive parser would overflow on', () => {
  test.each([
    ['2,500 nested parentheses', `${'('.repeat(2500)}${FILTER}${')'.repeat(2500)}`, 100, "'('"],
    ['20,000 NOTs', `${'NOT '.repeat(20000)}${FILTER}`, 400, "'NOT'"],
    ['2,500 nested groups of values', `metric.type=${'('.repeat(2500)}"x"${')'.repeat(2500)}`, 112, "'('"],
  ])('%s: a FilterSyntaxError in words', (_, filter, position, token) => {
    expect(() => parseFilter(filter)).toThrow(
      new FilterSyntaxError(
        position,
        `${token} nested more than ${MAX_FILTER_NESTING} levels deep`,
        `at most ${MAX_FILTER_NESTING} levels of nested parentheses and NOTs`,
      ),
    );
  });

  test('exactly the limit of nesting still parses', () => {
    expect(parseFilter(`${'('.repeat(MAX_FILTER_NESTING)}${FILTER}${')'.repeat(MAX_FILTER_NESTING)}`).kind).toBe('and');
  });

  test('in a policy, lint reports the nesting and the length', () => {
    const { findings } = lint(policy({ filter: `${'NOT '.repeat(20000)}${FILTER}` }));
    expect(summary(findings)).toEqual([
      "filter/syntax conditions[0].conditionThreshold.filter: the filter does not parse at position 400: expected at most 100 levels of nested parentheses and NOTs, found 'NOT' nested more than 100 levels deep",
      'filter/too-long conditions[0].conditionThreshold.filter: the filter has 80091 characters; the API accepts at most 2048',
    ]);
  });
});

describe('a file with more findings than can be listed', () => {
  test('130,000 unknown names: the first 1,000 and a count, without walking the rest', () => {
    const unknown = Object.fromEntries(Array.from({ length: 130000 }, (_, index) => [`unknownField${index}`, 1]));
    const { findings, ms } = lint(policy(unknown));
    expect(findings).toHaveLength(MAX_FINDINGS_PER_FILE + 1);
    // An error among the findings left out makes the summary an error itself: the file must not pass.
    expect(summary(findings.filter((finding) => finding.ruleId.startsWith('input/too-many')))).toEqual([
      'input/too-many-errors : more than 1,000 findings: the first 1,000 are listed; 1 more finding (1 error, 0 warnings) ' +
        'were found before lint stopped looking; fix these and lint again',
    ]);
    // Linear work (~0.5 s on a loaded 2-core machine); the guard is for a regression to quadratic.
    expect(ms).toBeLessThan(5000);
  });

  test('the proto walker stops at its limit of issues', () => {
    const unknown = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`unknownField${index}`, 1]));
    const issues: ProtoIssue[] = [];
    walkMessage(policy(unknown), alertPolicyMessage(), [], issues, 10);
    expect(issues).toHaveLength(10);
  });

  test('appendAll takes lists longer than a spread push can', () => {
    const items = Array.from({ length: 500_000 }, (_, index) => index);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    expect(appendAll([-1], items)).toHaveLength(500_001);
  });
});

describe('a dashboard of 10,000 identical tiles', () => {
  const tile = () => ({ xPos: 0, yPos: 0, width: 6, height: 4, widget: { text: { content: 'x' } } });

  test('20 overlaps listed, the rest counted, and the tile limit', () => {
    const { findings, ms } = lint({
      displayName: 'd',
      mosaicLayout: { columns: 48, tiles: Array.from({ length: 10000 }, tile) },
    });
    const overlaps = findings.filter((finding) => finding.ruleId === 'dashboard/tile-overlap');
    expect(overlaps).toHaveLength(MAX_OVERLAP_FINDINGS + 1);
    expect(overlaps.map((finding) => finding.message)).toContain(
      'tile 1 (x 0, y 0, 6×4) overlaps tile 0 (x 0, y 0, 6×4)',
    );
    expect(summary(findings.filter((finding) => finding.path === 'mosaicLayout.tiles'))).toEqual([
      'dashboard/tile-overlap mosaicLayout.tiles: 9979 more tiles overlap another tile (9999 in all; the first 20 are listed)',
      'dashboard/too-many-tiles mosaicLayout.tiles: the dashboard has 10000 tiles; Cloud Monitoring supports at most 100',
    ]);
    expect(ms).toBeLessThan(2000);
  });

  test('the sweep still finds an overlap between tiles far apart in the list, and none between neighbours', () => {
    const tiles = [
      { xPos: 0, yPos: 0, width: 6, height: 8 },
      { xPos: 6, yPos: 0, width: 6, height: 4 },
      { xPos: 6, yPos: 4, width: 6, height: 4 },
      { xPos: 3, yPos: 6, width: 6, height: 2 },
    ];
    const { findings } = lint({ displayName: 'd', mosaicLayout: { columns: 12, tiles } });
    expect(
      findings.filter((finding) => finding.ruleId === 'dashboard/tile-overlap').map((finding) => finding.message),
    ).toEqual(['tile 3 (x 3, y 6, 6×2) overlaps tile 0 (x 0, y 0, 6×8)']);
  });
});
