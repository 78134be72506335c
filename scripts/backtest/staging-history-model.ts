// The seeded history of the staging stack that backtest tests and `npm run bench:backtest` use:
// every series a staging alert policy or SLO selects (except the uptime checks', whose filters name
// a check id known only after terraform apply), healthy with noise, plus eight known incidents
// spread over the window, each expected to open exactly one incident of one policy.
// Identities follow the filters in the synthesized stack (environments/staging.yaml).
import type { HistoryModel, ModelledSeries, SeededIncident } from '../../src/tools/backtest/synthetic-history';

const PROJECT = 'netra-staging';
const RUN_REVISION = {
  project_id: PROJECT,
  service_name: 'netra-backend-staging',
  revision_name: 'netra-backend-staging-00042-abc',
  configuration_name: 'netra-backend-staging',
  location: 'us-central1',
};
const DATABASE = { project_id: PROJECT, database_id: `${PROJECT}:staging-postgres-db`, region: 'us-central1' };
const INSTANCE_DATABASE = {
  project_id: PROJECT,
  resource_id: `${PROJECT}:staging-postgres-db`,
  resource_container: PROJECT,
  location: 'us-central1',
};
const REDIS = {
  project_id: PROJECT,
  instance_id: `projects/${PROJECT}/locations/us-central1/instances/staging-redis-f1adc35c`,
  region: 'us-central1',
};
const CONNECTOR = { project_id: PROJECT, connector_name: 'staging-connector', location: 'us-central1' };

function logMetric(name: string, level: number, spread: number): ModelledSeries {
  return {
    name,
    metricType: `logging.googleapis.com/user/vigil-staging-${name}`,
    resourceType: 'cloud_run_revision',
    resourceLabels: RUN_REVISION,
    kind: 'DELTA',
    valueType: 'INT64',
    level,
    spread,
  };
}

const SERIES: readonly ModelledSeries[] = [
  logMetric('agent-executions', 10, 3),
  logMetric('agent-timeouts', 0, 0),
  {
    ...logMetric('agent-execution-seconds', 3, 1),
    valueType: 'DISTRIBUTION',
    bounds: [1, 2, 5, 10, 20, 30, 60, 120, 300],
    countPerMinute: 10,
  },
  logMetric('redis-operations', 100, 20),
  logMetric('redis-connection-errors', 0, 0),
  {
    name: 'run-request-count-2xx',
    metricType: 'run.googleapis.com/request_count',
    resourceType: 'cloud_run_revision',
    resourceLabels: RUN_REVISION,
    metricLabels: { response_code_class: '2xx', response_code: '200' },
    kind: 'DELTA',
    valueType: 'INT64',
    level: 300,
    spread: 50,
  },
  {
    name: 'run-request-latencies',
    metricType: 'run.googleapis.com/request_latencies',
    resourceType: 'cloud_run_revision',
    resourceLabels: RUN_REVISION,
    kind: 'DELTA',
    valueType: 'DISTRIBUTION',
    level: 40,
    spread: 5,
    bounds: [10, 50, 100, 200, 500, 1000, 2000, 5000],
    countPerMinute: 300,
  },
  {
    name: 'cloudsql-backends',
    metricType: 'cloudsql.googleapis.com/database/postgresql/num_backends',
    resourceType: 'cloudsql_database',
    resourceLabels: DATABASE,
    metricLabels: { database: 'netra' },
    kind: 'GAUGE',
    valueType: 'INT64',
    level: 25,
    spread: 8,
  },
  {
    name: 'cloudsql-cpu',
    metricType: 'cloudsql.googleapis.com/database/cpu/utilization',
    resourceType: 'cloudsql_database',
    resourceLabels: DATABASE,
    kind: 'GAUGE',
    valueType: 'DOUBLE',
    level: 0.35,
    spread: 0.15,
  },
  {
    name: 'cloudsql-disk',
    metricType: 'cloudsql.googleapis.com/database/disk/utilization',
    resourceType: 'cloudsql_database',
    resourceLabels: DATABASE,
    kind: 'GAUGE',
    valueType: 'DOUBLE',
    level: 0.5,
    spread: 0.02,
  },
  {
    name: 'cloudsql-up',
    metricType: 'cloudsql.googleapis.com/database/up',
    resourceType: 'cloudsql_database',
    resourceLabels: DATABASE,
    kind: 'GAUGE',
    valueType: 'INT64',
    level: 1,
    spread: 0,
  },
  {
    name: 'postgres-query-latencies',
    metricType: 'cloudsql.googleapis.com/database/postgresql/insights/aggregate/latencies',
    resourceType: 'cloudsql_instance_database',
    resourceLabels: INSTANCE_DATABASE,
    metricLabels: { user: 'netra', client_addr: '10.1.0.2' },
    kind: 'CUMULATIVE',
    valueType: 'DISTRIBUTION',
    level: 14000,
    spread: 3000,
    bounds: [1000, 5000, 10000, 20000, 50000, 100000, 200000, 300000, 500000, 1000000, 2000000],
    countPerMinute: 200,
  },
  {
    name: 'redis-rejected-connections',
    metricType: 'redis.googleapis.com/stats/reject_connections_count',
    resourceType: 'redis_instance',
    resourceLabels: REDIS,
    metricLabels: { role: 'primary' },
    kind: 'DELTA',
    valueType: 'INT64',
    level: 0,
    spread: 0,
  },
  {
    name: 'redis-connected-clients',
    metricType: 'redis.googleapis.com/clients/connected',
    resourceType: 'redis_instance',
    resourceLabels: REDIS,
    metricLabels: { role: 'primary' },
    kind: 'GAUGE',
    valueType: 'INT64',
    level: 12,
    spread: 4,
  },
  {
    name: 'vpc-connector-instances',
    metricType: 'vpcaccess.googleapis.com/connector/instances',
    resourceType: 'vpc_access_connector',
    resourceLabels: CONNECTOR,
    kind: 'GAUGE',
    valueType: 'INT64',
    level: 3,
    spread: 0,
  },
];

/** What goes wrong, in order; each is placed at its share of the window. */
const TROUBLE: ReadonlyArray<Omit<SeededIncident, 'start'>> = [
  { series: 'cloudsql-cpu', durationSeconds: 30 * 60, level: 0.97, pages: ['cloudsql_cpu_high'] },
  { series: 'redis-connection-errors', durationSeconds: 20 * 60, level: 5, pages: ['redis_connection_failures'] },
  { series: 'cloudsql-backends', durationSeconds: 20 * 60, level: 95, pages: ['cloudsql_connections_near_max'] },
  // 250 ms: over the 200 ms warning, under the 500 ms critical.
  {
    series: 'postgres-query-latencies',
    durationSeconds: 20 * 60,
    level: 250000,
    pages: ['postgres_p99_latency_warning'],
  },
  { series: 'vpc-connector-instances', durationSeconds: 15 * 60, level: 1, pages: ['vpc_connector_not_serving'] },
  { series: 'cloudsql-up', durationSeconds: 10 * 60, level: 0, pages: ['cloudsql_instance_down'] },
  { series: 'cloudsql-disk', durationSeconds: 30 * 60, level: 0.95, pages: ['cloudsql_disk_high'] },
  { series: 'redis-connected-clients', durationSeconds: 15 * 60, level: 0, pages: ['redis_memorystore_connections'] },
];

/** The model over `days` days: the incidents at 1/16, 3/16, … of the window, on a minute. */
export function stagingHistoryModel(days: number): HistoryModel {
  const window = days * 86400;
  const incidents = TROUBLE.map((trouble, index) => ({
    ...trouble,
    start: Math.floor((window * (2 * index + 1)) / (2 * TROUBLE.length) / 60) * 60,
  }));
  return { series: SERIES, incidents };
}
