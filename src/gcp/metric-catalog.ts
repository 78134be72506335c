// The metric catalog: kind, value type, unit, resource types and ingest delay of every metric
// vigil builds on, from Google's metric lists (../shared/reference/gcp-monitoring-facts.md §1).
// Constructs use it to build filters and convert thresholds, lint to check filters and
// aggregations, simulate to evaluate them and to compute time to notification. One catalog.

export type MetricKind = 'GAUGE' | 'DELTA' | 'CUMULATIVE';
export type ValueType = 'BOOL' | 'INT64' | 'DOUBLE' | 'STRING' | 'DISTRIBUTION' | 'MONEY';

export interface MetricDescriptor {
  readonly type: string;
  readonly kind: MetricKind;
  readonly valueType: ValueType;
  /** UCUM unit as the metric list prints it: `1`, `us`, `ms`, `s`, `By`, `10^2.%`, `d`, `s{CPU}`. */
  readonly unit: string;
  readonly resourceTypes: readonly string[];
  readonly labels: readonly string[];
  /** "After sampling, data is not visible for up to N seconds." */
  readonly ingestDelaySeconds: number;
  readonly samplePeriodSeconds?: number;
  readonly launchStage?: 'GA' | 'BETA' | 'DEPRECATED';
}

type Entry = Omit<MetricDescriptor, 'type'>;

function family(prefix: string, common: Pick<Entry, 'resourceTypes' | 'ingestDelaySeconds' | 'samplePeriodSeconds' | 'launchStage'>, metrics: Record<string, Omit<Entry, 'resourceTypes' | 'ingestDelaySeconds' | 'samplePeriodSeconds'> & Partial<Pick<Entry, 'resourceTypes' | 'ingestDelaySeconds' | 'samplePeriodSeconds'>>>): MetricDescriptor[] {
  return Object.entries(metrics).map(([suffix, entry]) => ({ ...common, ...entry, type: `${prefix}${suffix}` }));
}

const REDIS = family('redis.googleapis.com/', { resourceTypes: ['redis_instance'], ingestDelaySeconds: 240, samplePeriodSeconds: 60 }, {
  'clients/connected': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: ['role'] },
  'clients/blocked': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: ['role'] },
  'stats/reject_connections_count': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['role'] },
  'stats/connections/total': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['role'] },
  'stats/memory/usage_ratio': { kind: 'GAUGE', valueType: 'DOUBLE', unit: '1', labels: ['role'] },
  'stats/memory/system_memory_usage_ratio': { kind: 'GAUGE', valueType: 'DOUBLE', unit: '1', labels: ['role'] },
  'stats/memory/usage': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: ['role'] },
  'stats/memory/maxmemory': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: ['role'] },
  'stats/memory/system_memory_overload_duration': { kind: 'DELTA', valueType: 'INT64', unit: 'us', labels: ['role'] },
  'stats/cpu_utilization': { kind: 'DELTA', valueType: 'DOUBLE', unit: 's{CPU}', labels: ['role', 'space', 'relationship'] },
  'stats/cpu_utilization_main_thread': { kind: 'DELTA', valueType: 'DOUBLE', unit: 's{CPU}', labels: ['role', 'space', 'relationship'] },
  'server/uptime': { kind: 'GAUGE', valueType: 'INT64', unit: 's', labels: ['role'] },
  'replication/role': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: [] },
  'replication/master/slaves/lag': { kind: 'GAUGE', valueType: 'INT64', unit: 's', labels: ['role', 'slave'] },
  'replication/master/slaves/offset': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: ['role', 'slave'] },
  'replication/master_repl_offset': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: ['role'] },
  'replication/offset_diff': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: ['role'] },
  'commands/calls': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['role', 'cmd'] },
  'commands/total_time': { kind: 'DELTA', valueType: 'INT64', unit: 'us', labels: ['role', 'cmd'] },
  'commands/usec_per_call': { kind: 'GAUGE', valueType: 'DOUBLE', unit: '1', labels: ['role', 'cmd'] },
  'stats/cache_hit_ratio': { kind: 'GAUGE', valueType: 'DOUBLE', unit: '1', labels: ['role'] },
  'stats/keyspace_hits': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['role'] },
  'stats/keyspace_misses': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['role'] },
  'stats/evicted_keys': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['role'] },
  'stats/expired_keys': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['role'] },
  'keyspace/keys': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: ['role', 'db'] },
  'stats/network_traffic': { kind: 'DELTA', valueType: 'INT64', unit: 'By', labels: ['role', 'direction'] },
  'persistence/rdb/bgsave_in_progress': { kind: 'GAUGE', valueType: 'BOOL', unit: '1', labels: ['role'] },
});

const CLOUDSQL = family('cloudsql.googleapis.com/', { resourceTypes: ['cloudsql_database'], ingestDelaySeconds: 165, samplePeriodSeconds: 60 }, {
  'database/cpu/utilization': { kind: 'GAUGE', valueType: 'DOUBLE', unit: '10^2.%', labels: [] },
  'database/memory/utilization': { kind: 'GAUGE', valueType: 'DOUBLE', unit: '1', labels: [] },
  'database/disk/utilization': { kind: 'GAUGE', valueType: 'DOUBLE', unit: '1', labels: [] },
  'database/up': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: [] },
  'database/uptime': { kind: 'DELTA', valueType: 'INT64', unit: 's', labels: [] },
  'database/instance_state': { kind: 'GAUGE', valueType: 'BOOL', unit: '1', labels: ['state'] },
  'database/state': { kind: 'GAUGE', valueType: 'STRING', unit: '1', labels: [], launchStage: 'DEPRECATED' },
  'database/postgresql/num_backends': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: ['database'] },
  'database/postgresql/num_backends_by_state': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: ['database', 'state'] },
  'database/postgresql/new_connection_count': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['database'] },
  'database/postgresql/transaction_count': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['database', 'transaction_type'] },
  'database/postgresql/deadlock_count': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['database'] },
  'database/postgresql/transaction_id_utilization': { kind: 'GAUGE', valueType: 'DOUBLE', unit: '10^2.%', labels: [] },
  'database/postgresql/vacuum/oldest_transaction_age': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: ['oldest_transaction_type'] },
  'database/postgresql/statements_executed_count': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['database', 'operation_type'] },
  'database/postgresql/replication/replica_byte_lag': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: ['replica_name', 'replica_lag_type'] },
  'database/replication/replica_lag': { kind: 'GAUGE', valueType: 'DOUBLE', unit: 's', labels: [] },
  'database/replication/state': { kind: 'GAUGE', valueType: 'BOOL', unit: '1', labels: ['state'], launchStage: 'BETA' },
  'database/network/connections': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: [] },
  // Charted by Google's own Cloud SQL dashboard (../shared/corpus/dashboards/storage/cloudsql-monitoring.json);
  // kind/type/unit as Google's Cloud SQL metrics list prints them (docs.cloud.google.com/sql/docs/postgres/admin-api/metrics).
  'database/cpu/reserved_cores': { kind: 'GAUGE', valueType: 'DOUBLE', unit: '1', labels: [] },
  'database/memory/usage': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: [] },
  'database/memory/quota': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: [] },
  'database/disk/bytes_used': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: [] },
  'database/disk/quota': { kind: 'GAUGE', valueType: 'INT64', unit: 'By', labels: [] },
  'database/disk/read_ops_count': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: [] },
  'database/disk/write_ops_count': { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: [] },
  // Query Insights: the metric list states no ingest delay; 165 s (the cloudsql_database figure) is assumed.
  'database/postgresql/insights/aggregate/latencies': { kind: 'CUMULATIVE', valueType: 'DISTRIBUTION', unit: 'us', labels: ['user', 'client_addr'], resourceTypes: ['cloudsql_instance_database'] },
  'database/postgresql/insights/aggregate/execution_time': { kind: 'CUMULATIVE', valueType: 'INT64', unit: 'us{CPU}', labels: ['user', 'client_addr'], resourceTypes: ['cloudsql_instance_database'] },
  'database/postgresql/insights/perquery/latencies': { kind: 'CUMULATIVE', valueType: 'DISTRIBUTION', unit: 'us', labels: ['querystring', 'user', 'client_addr', 'query_hash'], resourceTypes: ['cloudsql_instance_database'] },
  'database/postgresql/insights/pertag/latencies': { kind: 'CUMULATIVE', valueType: 'DISTRIBUTION', unit: 'us', labels: ['user', 'client_addr', 'action', 'application', 'controller', 'db_driver', 'framework', 'route', 'tag_hash'], resourceTypes: ['cloudsql_instance_database'] },
});

const VPC_ACCESS = family('vpcaccess.googleapis.com/', { resourceTypes: ['vpc_access_connector'], ingestDelaySeconds: 240, samplePeriodSeconds: 60, launchStage: 'BETA' }, {
  'connector/instances': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: [] },
  'connector/cpu/utilizations': { kind: 'GAUGE', valueType: 'DISTRIBUTION', unit: '10^2.%', labels: [] },
  'connector/received_bytes_count': { kind: 'DELTA', valueType: 'INT64', unit: 'By', labels: [] },
  'connector/sent_bytes_count': { kind: 'DELTA', valueType: 'INT64', unit: 'By', labels: [] },
  'connector/received_packets_count': { kind: 'DELTA', valueType: 'INT64', unit: '{packet}', labels: [] },
  'connector/sent_packets_count': { kind: 'DELTA', valueType: 'INT64', unit: '{packet}', labels: [] },
});

const CLOUD_RUN_RESOURCES = ['cloud_run_job', 'cloud_run_revision', 'cloud_run_worker_pool'];
const CLOUD_RUN = family('run.googleapis.com/', { resourceTypes: ['cloud_run_revision'], ingestDelaySeconds: 120, samplePeriodSeconds: 60 }, {
  request_count: { kind: 'DELTA', valueType: 'INT64', unit: '1', labels: ['response_code', 'response_code_class', 'route'] },
  request_latencies: { kind: 'DELTA', valueType: 'DISTRIBUTION', unit: 'ms', labels: ['response_code', 'response_code_class', 'route'] },
  'container/cpu/utilizations': { kind: 'DELTA', valueType: 'DISTRIBUTION', unit: '10^2.%', labels: [], resourceTypes: CLOUD_RUN_RESOURCES },
  'container/memory/utilizations': { kind: 'DELTA', valueType: 'DISTRIBUTION', unit: '10^2.%', labels: [], resourceTypes: CLOUD_RUN_RESOURCES },
  'container/instance_count': { kind: 'GAUGE', valueType: 'INT64', unit: '1', labels: ['state'], resourceTypes: ['cloud_run_revision', 'cloud_run_worker_pool'] },
  'container/max_request_concurrencies': { kind: 'DELTA', valueType: 'DISTRIBUTION', unit: '1', labels: ['state'] },
  'container/startup_latencies': { kind: 'DELTA', valueType: 'DISTRIBUTION', unit: 'ms', labels: [], resourceTypes: CLOUD_RUN_RESOURCES, launchStage: 'BETA' },
  'container/billable_instance_time': { kind: 'DELTA', valueType: 'DOUBLE', unit: 's', labels: [], resourceTypes: CLOUD_RUN_RESOURCES },
  'request_latency/e2e_latencies': { kind: 'DELTA', valueType: 'DISTRIBUTION', unit: 'ms', labels: ['response_code', 'response_code_class'], launchStage: 'BETA' },
});

const UPTIME_RESOURCES = ['aws_ec2_instance', 'cloud_run_revision', 'gae_app', 'gce_instance', 'k8s_service', 'servicedirectory_service', 'uptime_url'];
const UPTIME_LABELS = ['check_id', 'checker_location', 'checker_project_id', 'checker_network', 'checker_zone', 'checked_resource_id'];
const UPTIME = family('monitoring.googleapis.com/', { resourceTypes: UPTIME_RESOURCES, ingestDelaySeconds: 35 }, {
  'uptime_check/check_passed': { kind: 'GAUGE', valueType: 'BOOL', unit: '1', labels: UPTIME_LABELS },
  'uptime_check/content_mismatch': { kind: 'GAUGE', valueType: 'BOOL', unit: '1', labels: UPTIME_LABELS },
  'uptime_check/request_latency': { kind: 'GAUGE', valueType: 'DOUBLE', unit: 'ms', labels: UPTIME_LABELS },
  'uptime_check/time_until_ssl_cert_expires': { kind: 'GAUGE', valueType: 'DOUBLE', unit: 'd', labels: UPTIME_LABELS },
  'uptime_check/http_status': { kind: 'GAUGE', valueType: 'STRING', unit: '1', labels: UPTIME_LABELS },
  'uptime_check/error_code': { kind: 'GAUGE', valueType: 'STRING', unit: '1', labels: UPTIME_LABELS },
});

const CATALOG: ReadonlyMap<string, MetricDescriptor> = new Map(
  [...REDIS, ...CLOUDSQL, ...VPC_ACCESS, ...CLOUD_RUN, ...UPTIME].map((metric) => [metric.type, metric]),
);

/** Prefixes whose metrics the catalog lists completely enough that an unknown name there is a mistake. */
export const CATALOGUED_PREFIXES: readonly string[] = [
  'redis.googleapis.com/', 'cloudsql.googleapis.com/', 'vpcaccess.googleapis.com/', 'run.googleapis.com/', 'monitoring.googleapis.com/uptime_check/',
];

export const LOG_BASED_METRIC_PREFIX = 'logging.googleapis.com/user/';

/**
 * Log-based metrics have no latency statement in Google's lists (facts file §1.6: NOT VERIFIED);
 * vigil assumes up to 150 s from log entry to a visible point.
 */
export const LOG_BASED_METRIC_INGEST_DELAY_SECONDS = 150;

export function lookupMetric(type: string): MetricDescriptor | undefined {
  return CATALOG.get(type);
}

export function catalogMetricTypes(): IterableIterator<string> {
  return CATALOG.keys();
}

/** The catalog entry, or throws: constructs only build on catalogued metrics. */
export function metric(type: string): MetricDescriptor {
  const descriptor = CATALOG.get(type);
  if (!descriptor) throw new Error(`metric ${type} is not in the catalog (src/gcp/metric-catalog.ts)`);
  return descriptor;
}
