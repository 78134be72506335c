import * as fs from 'fs';
import * as path from 'path';
import { generateCatalog } from '../../scripts/generate-metric-catalog';
import { METRIC_LISTS } from '../../src/gcp/metric-catalog/generated-catalog';
import { MetricListError, parseMetricList } from '../../src/gcp/metric-catalog/metric-list';
import { GENERATED_CATALOG_FILE } from '../../src/gcp/metric-catalog/render-catalog';
import {
  CATALOG_SOURCES,
  CATALOGUED_PREFIXES,
  catalogIngestDelay,
  LOG_BASED_METRIC_INGEST_DELAY_SECONDS,
  lookupMetric,
  metric,
  resourceLabels,
} from '../../src/gcp/metric-catalog';
import { ingestDelayOf } from '../../src/tools/simulate/ingest-delay';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the generated catalog', () => {
  it('is what the saved sources produce (run `npm run catalog` after editing a source)', () => {
    expect(fs.readFileSync(path.join(ROOT, GENERATED_CATALOG_FILE), 'utf8')).toBe(generateCatalog(ROOT));
  });

  it('covers the services vigil builds on, each with its page and the date it was read', () => {
    const sizes = Object.fromEntries(METRIC_LISTS.map((list) => [list.prefix, list.metrics.length]));
    expect(sizes).toEqual({
      'cloudsql.googleapis.com/': 224,
      'logging.googleapis.com/': 16,
      'monitoring.googleapis.com/': 17,
      'pubsub.googleapis.com/': 72,
      'redis.googleapis.com/': 144,
      'run.googleapis.com/': 46,
      'vpcaccess.googleapis.com/': 6,
    });
    for (const source of CATALOG_SOURCES) {
      expect(source.source).toMatch(/^https:\/\/docs\.cloud\.google\.com\//);
      expect(source.read).toBe('2026-12-02');
    }
    expect(CATALOGUED_PREFIXES).toContain('redis.googleapis.com/');
  });

  it('holds the facts of a metric as the list prints them', () => {
    expect(lookupMetric('redis.googleapis.com/keyspace/avg_ttl')).toMatchObject({
      kind: 'GAUGE',
      valueType: 'DOUBLE',
      unit: 'ms',
      resourceTypes: ['redis_instance'],
      labels: ['role', 'db'],
      launchStage: 'GA',
      samplePeriodSeconds: 60,
      ingestDelaySeconds: 240,
    });
    expect(lookupMetric('redis.googleapis.com/cluster/node/cpu/utilization')).toMatchObject({
      kind: 'GAUGE',
      valueType: 'DOUBLE',
      unit: '10^2.%',
      resourceTypes: ['redis.googleapis.com/ClusterNode'],
      ingestDelaySeconds: 300,
    });
    expect(lookupMetric('run.googleapis.com/container/cpu/utilizations')?.resourceTypes).toEqual([
      'cloud_run_job',
      'cloud_run_revision',
      'cloud_run_worker_pool',
    ]);
    expect(lookupMetric('monitoring.googleapis.com/uptime_check/check_passed')).toMatchObject({
      valueType: 'BOOL',
      unit: '1',
      ingestDelaySeconds: 35,
    });
    expect(lookupMetric('monitoring.googleapis.com/uptime_check/check_passed')?.samplePeriodSeconds).toBeUndefined();
    expect(lookupMetric('logging.googleapis.com/log_entry_count')?.resourceTypes).toEqual([]);
    expect(metric('cloudsql.googleapis.com/database/postgresql/insights/perquery/latencies')).toMatchObject({
      kind: 'CUMULATIVE',
      valueType: 'DISTRIBUTION',
      unit: 'us',
      resourceTypes: ['cloudsql_instance_database'],
      labels: ['querystring', 'user', 'client_addr', 'query_hash'],
    });
    expect(() => metric('redis.googleapis.com/no/such/metric')).toThrow('is not in the catalog');
  });

  it('records deprecations with the replacement Google names, and none where it names none', () => {
    expect(lookupMetric('logging.googleapis.com/dropped_log_entry_count')).toMatchObject({
      launchStage: 'DEPRECATED',
      replacement: 'logging.googleapis.com/logs_based_metrics_error_count',
    });
    // Named relative to the prefix in the list ("Use subscription/pull_request_count instead").
    expect(lookupMetric('pubsub.googleapis.com/subscription/pull_message_operation_count')?.replacement).toBe(
      'pubsub.googleapis.com/subscription/pull_request_count',
    );
    // "Apply a count aggregator on topic/message_sizes instead" names no metric to use in its place.
    expect(lookupMetric('pubsub.googleapis.com/topic/send_message_operation_count')?.replacement).toBeUndefined();
    expect(lookupMetric('cloudsql.googleapis.com/database/state')?.launchStage).toBe('DEPRECATED');
    expect(lookupMetric('cloudsql.googleapis.com/database/state')?.replacement).toBeUndefined();
  });

  it('states where an ingest delay is listed, assumed or sourced elsewhere', () => {
    expect(catalogIngestDelay(metric('cloudsql.googleapis.com/database/cpu/utilization'))).toEqual({
      seconds: 165,
      basis: 'list',
    });
    expect(
      catalogIngestDelay(metric('cloudsql.googleapis.com/database/postgresql/insights/aggregate/latencies')),
    ).toEqual({ seconds: 165, basis: 'assumed' });
    expect(catalogIngestDelay(metric('cloudsql.googleapis.com/per_database/conn_pool/num_pools'))).toBeUndefined();
    expect(ingestDelayOf('logging.googleapis.com/user/agent_timeouts')).toEqual({
      seconds: LOG_BASED_METRIC_INGEST_DELAY_SECONDS,
      source: 'log-based metrics (troubleshooting page)',
    });
    expect(LOG_BASED_METRIC_INGEST_DELAY_SECONDS).toBe(600);
    expect(ingestDelayOf('custom.googleapis.com/queue_depth')).toEqual({ seconds: 0, source: 'unknown' });
  });

  it('knows the labels of the resource types it read, and says so for the others', () => {
    expect(resourceLabels('redis_instance')).toEqual(['project_id', 'region', 'instance_id', 'node_id']);
    expect(resourceLabels('uptime_url')).toEqual(['project_id', 'host']);
    expect(resourceLabels('gce_instance')).toBeUndefined();
    expect(resourceLabels('constructor')).toBeUndefined();
  });
});

describe('the metric list parser', () => {
  const header =
    '# Service: redis\n# Prefix: redis.googleapis.com/\n# Source: https://example.test/list\n# Section: redis\n# List generated: 2026-04-10\n# Read: 2026-12-02\n';

  it('reads an entry with no resource types and no sampling statement', () => {
    const list = parseMetricList(
      `${header}\nlog_entry_count\nGA\nDELTA , INT64 , 1\n…\nlog :\nseverity :\nclients/blocked\nBETA\nGAUGE , BOOL ,\nredis_instance\nSampled every 60 seconds.\n`,
      'x.txt',
    );
    expect(list.metrics).toEqual([
      {
        type: 'redis.googleapis.com/log_entry_count',
        launchStage: 'GA',
        kind: 'DELTA',
        valueType: 'INT64',
        unit: '1',
        resourceTypes: [],
        labels: ['log', 'severity'],
      },
      {
        type: 'redis.googleapis.com/clients/blocked',
        launchStage: 'BETA',
        kind: 'GAUGE',
        valueType: 'BOOL',
        unit: '',
        resourceTypes: ['redis_instance'],
        labels: [],
        samplePeriodSeconds: 60,
      },
    ]);
  });

  it('names the file and line of a malformed entry', () => {
    expect(() =>
      parseMetricList(`${header}\nclients/blocked\nGA\nGAUGE , INT65 , 1\nredis_instance\n…\n`, 'x.txt'),
    ).toThrow(new MetricListError('x.txt', 10, 'expected "KIND , VALUE_TYPE , UNIT" after clients/blocked'));
    expect(() => parseMetricList(`${header}\nclients/blocked\nGAUGE , INT64 , 1\n`, 'x.txt')).toThrow(
      'x.txt:8: expected a metric type followed by a launch stage',
    );
    expect(() => parseMetricList(header.replace('# Read: 2026-12-02\n', ''), 'x.txt')).toThrow('x.txt:1: no entries');
  });
});
