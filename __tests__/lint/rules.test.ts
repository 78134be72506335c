import * as fs from 'fs';
import * as path from 'path';
import { lintDocument, lintFiles, RULE_IDS, ruleMetadata, type Finding, type RuleId } from '../../src/tools/lint';

const FIXTURES = path.join(__dirname, 'fixtures');
const RULE_FIXTURES = path.join(FIXTURES, 'rules');

interface RuleFixture {
  readonly ruleId: string;
  readonly note: string;
  readonly bad: unknown;
  readonly good: unknown;
}

function fixtureFor(ruleId: string): RuleFixture {
  return JSON.parse(
    fs.readFileSync(path.join(RULE_FIXTURES, `${ruleId.replace('/', '--')}.json`), 'utf8'),
  ) as RuleFixture;
}

function lint(doc: unknown, file: string): Finding[] {
  const findings = lintDocument(doc, file);
  if (!findings) throw new Error(`${file}: format not recognised`);
  return findings;
}

const documentRules = Object.keys(RULE_IDS).filter((id) => !id.startsWith('input/'));

describe('a fixture per rule', () => {
  it('exists for every rule id, and names that rule', () => {
    const files = fs.readdirSync(RULE_FIXTURES).map((file) => file.replace('--', '/').replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...documentRules].sort());
  });

  it.each(documentRules)('%s: the failing fixture is reported, the passing one is not', (ruleId) => {
    const fixture = fixtureFor(ruleId);
    expect(fixture.ruleId).toBe(ruleId);
    const bad = lint(fixture.bad, `${ruleId}.bad`).filter((finding) => finding.ruleId === ruleId);
    expect(bad.length).toBeGreaterThan(0);
    for (const finding of bad) {
      expect(finding.severity).toBe(ruleMetadata(ruleId as RuleId).severity);
      expect(finding.message.length).toBeGreaterThan(20);
      expect(finding.path).not.toBe('');
    }
    const good = lint(fixture.good, `${ruleId}.good`);
    expect(good.filter((finding) => finding.ruleId === ruleId)).toEqual([]);
  });
});

describe('messages say what was found and what the API expects', () => {
  const first = (ruleId: string) => lint(fixtureFor(ruleId).bad, 'f').find((finding) => finding.ruleId === ruleId)!;

  it('names the misspelt metric and the closest real one', () => {
    const finding = first('filter/metric-typo');
    expect(finding.message).toContain('redis.googleapis.com/stats/rejected_connections_count');
    expect(finding.message).toContain('did you mean "redis.googleapis.com/stats/reject_connections_count"');
    expect(finding.path).toBe('conditions[0].conditionThreshold.filter');
  });

  const withFilter = (
    filter: string,
    groupByFields: string[] = ['resource.label.instance_id'],
    aligner = 'ALIGN_RATE',
    reducer = 'REDUCE_SUM',
  ) => {
    const doc = JSON.parse(JSON.stringify(fixtureFor('filter/metric-typo').good));
    doc.conditions[0].conditionThreshold.filter = filter;
    Object.assign(doc.conditions[0].conditionThreshold.aggregations[0], {
      groupByFields,
      perSeriesAligner: aligner,
      crossSeriesReducer: reducer,
    });
    return lint(doc, 'p').map((finding) => `${finding.severity} ${finding.ruleId}: ${finding.message}`);
  };

  it('catches a misspelt prefix as a typo, and only warns on a prefix outside the catalog', () => {
    expect(
      withFilter('metric.type="redis.googleapi.com/stats/reject_connections_count" resource.type="redis_instance"'),
    ).toEqual([
      'error filter/metric-typo: metric type "redis.googleapi.com/stats/reject_connections_count" does not exist (redis.googleapi.com/ is no prefix Google lists); did you mean "redis.googleapis.com/stats/reject_connections_count"?',
    ]);
    expect(
      withFilter(
        'metric.type="iam.googleapis.com/service_account/key/authn_events_count" resource.type="iam_service_account"',
        [],
      ),
    ).toEqual([
      'warning filter/unknown-metric-prefix: metric type "iam.googleapis.com/service_account/key/authn_events_count": lint\'s catalog does not cover iam.googleapis.com/, so it cannot check the name, kind or value type',
    ]);
  });

  it('lints a real metric from the held-out dashboards clean, and a one-letter typo of it as an error with did-you-mean', () => {
    expect(
      withFilter(
        'metric.type="redis.googleapis.com/keyspace/avg_ttl" resource.type="redis_instance"',
        ['metric.label.db'],
        'ALIGN_MEAN',
        'REDUCE_MEAN',
      ),
    ).toEqual([]);
    expect(withFilter('metric.type="redis.googleapis.com/keyspace/avg_tt" resource.type="redis_instance"')).toEqual([
      'error filter/metric-typo: metric type "redis.googleapis.com/keyspace/avg_tt" is not in Google\'s list for redis.googleapis.com/ (read 2026-12-02); did you mean "redis.googleapis.com/keyspace/avg_ttl"?',
    ]);
    // One letter changed rather than dropped, in Cloud Run and in Cloud SQL Query Insights.
    expect(
      withFilter('metric.type="run.googleapis.com/request_latenciez" resource.type="cloud_run_revision"', []),
    ).toEqual([
      'error filter/metric-typo: metric type "run.googleapis.com/request_latenciez" is not in Google\'s list for run.googleapis.com/ (read 2026-12-02); did you mean "run.googleapis.com/request_latencies"?',
    ]);
    expect(
      withFilter('metric.type="cloudsql.googleapis.com/database/postgresql/insights/perquery/latencias"', [])[0],
    ).toContain('did you mean "cloudsql.googleapis.com/database/postgresql/insights/perquery/latencies"?');
  });

  it("warns on an unknown metric that is no near miss, naming the list's date", () => {
    expect(
      withFilter('metric.type="redis.googleapis.com/keyspace/brand_new_gauge" resource.type="redis_instance"'),
    ).toEqual([
      'warning filter/unknown-metric: metric type "redis.googleapis.com/keyspace/brand_new_gauge" is not in Google\'s list of 2026-12-02 for redis.googleapis.com/; new or misspelt?',
    ]);
  });

  it('warns on a deprecated metric with the replacement Google names', () => {
    const finding = first('filter/deprecated-metric');
    expect(finding.message).toBe(
      "cloudsql.googleapis.com/database/mysql/replication/available_for_failover is DEPRECATED in Google's list of 2026-12-02; Google names cloudsql.googleapis.com/database/available_for_failover as its replacement",
    );
    expect(finding.hint).toBe('use metric.type="cloudsql.googleapis.com/database/available_for_failover"');
  });

  it('checks metric and resource labels in filters and group-by fields: a near miss is an error, anything else a warning', () => {
    const typos = lint(fixtureFor('filter/label-typo').bad, 'f').filter((one) => one.ruleId === 'filter/label-typo');
    expect(typos.map((one) => `${one.path}: ${one.message}`).sort()).toEqual([
      'conditions[0].conditionThreshold.aggregations[0].groupByFields[0]: resource label "instanse_id" is not a label of resource type redis_instance; did you mean "instance_id"?',
      'conditions[0].conditionThreshold.filter: metric label "rol" is not a label of redis.googleapis.com/stats/reject_connections_count; did you mean "role"?',
    ]);
    expect(
      withFilter('metric.type="redis.googleapis.com/stats/reject_connections_count" resource.type="redis_instance"', [
        'metric.label.shard',
      ]),
    ).toEqual([
      'warning filter/unknown-label: metric label "shard" is not in Google\'s list of 2026-12-02 for redis.googleapis.com/stats/reject_connections_count; its labels are "role"; new or misspelt?',
    ]);
    expect(
      withFilter(
        'metric.type="redis.googleapis.com/stats/reject_connections_count" resource.type="redis_instance" resource.label.zone="a"',
      ),
    ).toEqual([
      'warning filter/unknown-label: resource label "zone" is not in Google\'s list of 2026-12-02 for resource type redis_instance; its labels are "project_id", "region", "instance_id", "node_id"; new or misspelt?',
    ]);
    // Resource types whose entry vigil has not read (gce_instance) are not checked.
    expect(
      withFilter(
        'metric.type="monitoring.googleapis.com/uptime_check/check_passed" resource.type="gce_instance"',
        ['resource.label.anything', 'metric.label.check_id'],
        'ALIGN_NEXT_OLDER',
        'REDUCE_COUNT_FALSE',
      ),
    ).toEqual([]);
  });

  it('names the aligner, the metric kind and what the aligner accepts', () => {
    const finding = first('aggregation/aligner-kind');
    expect(finding.message).toBe(
      'ALIGN_RATE does not fit a GAUGE DOUBLE series; it accepts DELTA or CUMULATIVE series of numeric (INT64/DOUBLE) values',
    );
    expect(finding.hint).toBe('use ALIGN_MEAN or ALIGN_MAX');
  });

  it('answers a dashboard typo like the API, with did-you-mean', () => {
    const finding = first('dashboard/field-typo');
    expect(finding.path).toBe('mosaicLayout.tiles[0].widget.xyCharts');
    expect(finding.message).toContain('did you mean "xyChart"');
    expect(finding.severity).toBe('error');
  });

  it('catches an enum typo (LINES) and warns on an unknown name that is no typo', () => {
    const doc = JSON.parse(JSON.stringify(fixtureFor('dashboard/unknown-field').good));
    doc.mosaicLayout.tiles[0].widget.xyChart.dataSets[0].plotType = 'LINES';
    doc.mosaicLayout.tiles[0].widget.xyChart.chartOptions = { displayHorizontal: false };
    const findings = lint(doc, 'd').filter(
      (finding) => finding.ruleId === 'dashboard/unknown-field' || finding.ruleId === 'dashboard/field-typo',
    );
    expect(findings.map((finding) => [finding.severity, finding.ruleId, finding.path])).toEqual([
      ['warning', 'dashboard/unknown-field', 'mosaicLayout.tiles[0].widget.xyChart.chartOptions.displayHorizontal'],
      ['error', 'dashboard/field-typo', 'mosaicLayout.tiles[0].widget.xyChart.dataSets[0].plotType'],
    ]);
    expect(findings[1].message).toContain('did you mean "LINE"');
    expect(findings[0].message).toContain('google.monitoring.dashboard.v1.ChartOptions');
  });

  it('spells Terraform paths in snake_case and names the Terraform address', () => {
    const finding = first('filter/log-metric-undefined');
    expect(finding.resource).toBe('google_monitoring_alert_policy.p');
    expect(finding.path).toBe('resource.google_monitoring_alert_policy.p.conditions[0].condition_threshold.filter');
    expect(finding.message).toContain('did you mean "vigil-staging-redis-connection-errors"');
  });

  it('warns, not errs, on a log-based metric in a lone REST export', () => {
    const doc = {
      displayName: 'x',
      combiner: 'OR',
      notificationChannels: ['c'],
      conditions: [
        {
          displayName: 'c',
          conditionThreshold: {
            filter: 'metric.type="logging.googleapis.com/user/anything" resource.type="cloud_run_revision"',
            comparison: 'COMPARISON_GT',
            duration: '60s',
            aggregations: [{ alignmentPeriod: '60s', perSeriesAligner: 'ALIGN_DELTA' }],
          },
        },
      ],
    };
    expect(lint(doc, 'x').map((finding) => `${finding.severity} ${finding.ruleId}`)).toEqual([
      'warning filter/log-metric-unchecked',
    ]);
  });

  it('leaves a filter that is one Terraform interpolation alone', () => {
    const doc = JSON.parse(JSON.stringify(fixtureFor('filter/metric-type-required').good));
    doc.conditions[0].conditionThreshold.filter = '${local.redis_filter}';
    expect(lint(doc, 'x')).toEqual([]);
  });

  it('accepts SLO burn-rate selectors without a metric type', () => {
    const doc = {
      displayName: 'burn',
      combiner: 'AND',
      notificationChannels: ['c'],
      conditions: [
        {
          displayName: 'fast',
          conditionThreshold: {
            filter: 'select_slo_burn_rate("projects/${PROJECT}/services/s/serviceLevelObjectives/o", "60m")',
            comparison: 'COMPARISON_GT',
            thresholdValue: 14.4,
            duration: '0s',
          },
        },
      ],
    };
    expect(lint(doc, 'x')).toEqual([]);
  });
});

describe("the remediation plan's Redis policy", () => {
  it('gets the errors the API would answer with', async () => {
    const findings = await lintFiles([path.join(FIXTURES, 'remediation-plan-redis-policy.tf.json')]);
    const errors = findings.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => [finding.ruleId, finding.path])).toEqual([
      [
        'filter/metric-type-required',
        'resource.google_monitoring_alert_policy.redis_connectivity.conditions[0].condition_threshold.filter',
      ],
    ]);
    expect(errors[0].message).toContain('names no metric.type');
    expect(errors[0].hint).toContain('redis.googleapis.com/');
    expect(findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.ruleId)).toEqual([
      'policy/no-channels',
    ]);
  });
});

describe('REST exports', () => {
  const good = () => JSON.parse(JSON.stringify(fixtureFor('policy/combiner').good)) as Record<string, unknown>;
  const bad = () => JSON.parse(JSON.stringify(fixtureFor('policy/combiner').bad)) as Record<string, unknown>;

  it('reads an array (gcloud … list --format=json) and names each object by display name, paths from the array', () => {
    const findings = lint([good(), { ...bad(), displayName: 'second' }], 'policies.json');
    expect(findings.map((finding) => [finding.resource, finding.path, finding.ruleId])).toEqual([
      ['second', '[1].combiner', 'policy/combiner'],
    ]);
  });

  it('reads list responses of every kind', () => {
    const uptime = fixtureFor('uptime/period');
    const dashboard = fixtureFor('dashboard/tile-bounds');
    const findings = lint(
      { alertPolicies: [bad()], uptimeCheckConfigs: [uptime.bad], dashboards: [dashboard.bad] },
      'all.json',
    );
    expect(findings.map((finding) => [finding.path, finding.ruleId]).sort()).toEqual([
      ['alertPolicies[0].combiner', 'policy/combiner'],
      ['dashboards[0].mosaicLayout.tiles[0]', 'dashboard/tile-bounds'],
      ['uptimeCheckConfigs[0].period', 'uptime/period'],
    ]);
  });
});

describe('input files', () => {
  it('reports a named file that is not JSON, or not a format lint reads', async () => {
    const findings = await lintFiles([
      path.join(FIXTURES, 'input', 'not-json.json'),
      path.join(FIXTURES, 'input', 'unknown-format.json'),
    ]);
    expect(findings.map((finding) => [finding.ruleId, finding.severity, path.basename(finding.file)])).toEqual([
      ['input/unreadable', 'error', 'not-json.json'],
      ['input/unknown-format', 'warning', 'unknown-format.json'],
    ]);
  });

  it('skips files of unknown format found by walking a directory, but not files that are not JSON', async () => {
    const findings = await lintFiles([path.join(FIXTURES, 'input')]);
    expect(
      findings.map((finding) => [finding.ruleId, finding.severity, path.basename(finding.file), finding.message]),
    ).toEqual([
      [
        'input/unreadable',
        'error',
        'not-json.json',
        'not valid JSON at line 2, column 1: Expected double-quoted property name',
      ],
    ]);
  });
});

describe('SLO selectors in dashboard charts', () => {
  const SLO = 'projects/p/services/svc/serviceLevelObjectives/avail';
  // The slo/unknown-slo fixture's passing stack (one SLO, `avail`) with a dashboard charting it.
  const stackWithCharts = (...queries: unknown[]) => {
    const doc = JSON.parse(JSON.stringify(fixtureFor('slo/unknown-slo').good));
    const widget = (query: unknown, index: number) => ({
      xPos: 0,
      yPos: index * 4,
      width: 16,
      height: 4,
      widget: { title: `chart ${index}`, xyChart: { dataSets: [{ plotType: 'LINE', timeSeriesQuery: query }] } },
    });
    doc.resource.google_monitoring_dashboard = {
      slo: {
        project: 'p',
        dashboard_json: JSON.stringify({
          displayName: 'SLOs',
          mosaicLayout: { columns: 48, tiles: queries.map(widget) },
        }),
      },
    };
    // The fixture's policy has no channels: that finding is the fixture's, not the charts'.
    return lint(doc, 'main.tf.json')
      .filter((finding) => finding.ruleId !== 'policy/no-channels')
      .map((finding) => `${finding.ruleId} ${finding.path}: ${finding.message}`);
  };
  const single = (filter: string) => ({ timeSeriesFilter: { filter } });
  const CHART = 'resource.google_monitoring_dashboard.slo.dashboard_json#mosaicLayout.tiles';

  it('lints the stack SLO charted by selectors clean: health, budget fraction, burn rate', () => {
    expect(
      stackWithCharts(
        single(`select_slo_health("${SLO}")`),
        single(`select_slo_budget_fraction("${SLO}")`),
        single(`select_slo_burn_rate("${SLO}", "3600s")`),
      ),
    ).toEqual([]);
  });

  it('checks a chart selector like an alert one: the SLO exists, the lookback, the selector name', () => {
    const findings = stackWithCharts(
      single('select_slo_budget_fraction("projects/p/services/svc/serviceLevelObjectives/gone")'),
      single(`select_slo_burn_rate("${SLO}", "3d")`),
      single(`select_slo_goodness("${SLO}")`),
    );
    const base = (index: number) =>
      `${CHART}[${index}].widget.xyChart.dataSets[0].timeSeriesQuery.timeSeriesFilter.filter`;
    expect(findings).toEqual([
      `slo/unknown-slo ${base(0)}: no google_monitoring_slo in this stack is named projects/p/services/svc/serviceLevelObjectives/gone; the stack defines ${SLO}`,
      `slo/lookback ${base(1)}: the lookback "3d" is not a duration in ns, us, ms, s, m or h (no days: three days is "72h")`,
      expect.stringMatching(
        new RegExp(
          `^slo/unknown-selector ${base(2).replace(/[.[\]]/g, '\\$&')}: select_slo_goodness is not an SLO selector`,
        ),
      ),
    ]);
  });

  it('still requires a metric type on both sides of a ratio: an SLO selector is no ratio part', () => {
    const findings = stackWithCharts({
      timeSeriesFilterRatio: {
        numerator: { filter: `select_slo_budget_fraction("${SLO}")` },
        denominator: { filter: `select_slo_health("${SLO}")` },
      },
    });
    expect(findings.map((finding) => finding.split(':')[0]).sort()).toEqual(
      ['denominator', 'numerator'].map(
        (side) =>
          `filter/metric-type-required ${CHART}[0].widget.xyChart.dataSets[0].timeSeriesQuery.timeSeriesFilterRatio.${side}.filter`,
      ),
    );
  });
});
