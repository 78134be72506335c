// The metric catalog: kind, value type, unit, resource types, labels, launch stage and ingest delay
// of every metric in Google's published lists for the services vigil covers, generated as data from
// the saved text of those lists (src/gcp/metric-catalog/sources/, `npm run catalog`). Constructs use
// it to build filters and convert thresholds, lint to check filters and aggregations, simulate to
// evaluate them and to compute time to notification, docs and review for units. One catalog.
import { METRIC_LISTS, MONITORED_RESOURCES } from './metric-catalog/generated-catalog';
import type { LaunchStage, ListedMetric, MetricKind, MetricList, ValueType } from './metric-catalog/metric-list';

export type { LaunchStage, MetricKind, ValueType } from './metric-catalog/metric-list';

export interface MetricDescriptor {
  readonly type: string;
  readonly kind: MetricKind;
  readonly valueType: ValueType;
  /**
   * UCUM unit as the metric list prints it: `1`, `us`, `ms`, `s`, `By`, `10^2.%`, `d`, `s{CPU}`.
   * The lists print no unit for most BOOL and STRING metrics; the catalog gives those `1`.
   */
  readonly unit: string;
  /** Empty when the list names none (e.g. logging.googleapis.com/log_entry_count). */
  readonly resourceTypes: readonly string[];
  readonly labels: readonly string[];
  readonly launchStage: LaunchStage;
  /** "After sampling, data is not visible for up to N seconds"; absent when the list states none. */
  readonly ingestDelaySeconds?: number;
  readonly samplePeriodSeconds?: number;
  /** Set for DEPRECATED metrics where Google names the metric to use instead. */
  readonly replacement?: string;
  /** The service list the metric comes from, with its source page and the date it was read. */
  readonly list: CatalogSource;
}

export interface CatalogSource {
  readonly service: string;
  readonly prefix: string;
  readonly source: string;
  readonly read: string;
}

const CATALOG: ReadonlyMap<string, MetricDescriptor> = new Map(
  METRIC_LISTS.flatMap((list) =>
    list.metrics.map((metric) => [metric.type, describe(metric, sourceOf(list))] as const),
  ),
);

/** Prefixes whose metrics the catalog holds as Google lists them: an unknown name there is new or misspelt. */
export const CATALOGUED_PREFIXES: readonly string[] = METRIC_LISTS.map((list) => list.prefix);

/** The services the catalog covers, with the page each was read from and when. */
export const CATALOG_SOURCES: readonly CatalogSource[] = METRIC_LISTS.map(sourceOf);

export const LOG_BASED_METRIC_PREFIX = 'logging.googleapis.com/user/';

/**
 * Log-based metrics are user-defined and in no metric list. Google's troubleshooting page for them
 * says: "Even though countable log entries appear in the Logs Explorer, it may take up to 10 minutes
 * to update the logs-based metrics in Cloud Monitoring"
 * (https://cloud.google.com/logging/docs/logs-based-metrics/troubleshooting, read 2026-12-02; an
 * older copy of the same page said "up to a minute"). vigil takes the current upper bound.
 */
export const LOG_BASED_METRIC_INGEST_DELAY_SECONDS = 600;
export const LOG_BASED_METRIC_INGEST_DELAY_SOURCE =
  'https://cloud.google.com/logging/docs/logs-based-metrics/troubleshooting';

/**
 * Ingest delays vigil assumes where Google's list states none. NOT VERIFIED: the Cloud SQL list gives
 * Query Insights metrics (cloudsql_instance_database) no sampling statement; vigil assumes the 165 s
 * the same list states for every cloudsql_database metric.
 */
const ASSUMED_INGEST_DELAYS: readonly { readonly prefix: string; readonly seconds: number }[] = [
  { prefix: 'cloudsql.googleapis.com/database/postgresql/insights/', seconds: 165 },
];

export function lookupMetric(type: string): MetricDescriptor | undefined {
  return CATALOG.get(type);
}

export function catalogMetricTypes(): IterableIterator<string> {
  return CATALOG.keys();
}

/** The catalog entry, or throws: constructs only build on catalogued metrics. */
export function metric(type: string): MetricDescriptor {
  const descriptor = CATALOG.get(type);
  if (!descriptor) throw new Error(`metric ${type} is not in the catalog (src/gcp/metric-catalog/sources/)`);
  return descriptor;
}

/** The catalogued prefix a metric type falls under, if any. */
export function cataloguedPrefixOf(type: string): string | undefined {
  return CATALOGUED_PREFIXES.find((prefix) => type.startsWith(prefix));
}

export function catalogSourceOf(prefix: string): CatalogSource | undefined {
  return CATALOG_SOURCES.find((source) => source.prefix === prefix);
}

export interface CatalogIngestDelay {
  readonly seconds: number;
  /** 'list' when Google's list states it, 'assumed' for vigil's documented assumption. */
  readonly basis: 'list' | 'assumed';
}

/** How long after sampling a point of a catalogued metric becomes visible, as listed or assumed. */
export function catalogIngestDelay(descriptor: MetricDescriptor): CatalogIngestDelay | undefined {
  if (descriptor.ingestDelaySeconds !== undefined) return { seconds: descriptor.ingestDelaySeconds, basis: 'list' };
  const assumed = ASSUMED_INGEST_DELAYS.find((one) => descriptor.type.startsWith(one.prefix));
  return assumed ? { seconds: assumed.seconds, basis: 'assumed' } : undefined;
}

/** Label names of a monitored resource type, or undefined where vigil has not read its entry. */
export function resourceLabels(resourceType: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(MONITORED_RESOURCES.labels, resourceType)
    ? MONITORED_RESOURCES.labels[resourceType]
    : undefined;
}

export const MONITORED_RESOURCES_SOURCE: CatalogSource = {
  service: 'monitored resources',
  prefix: '',
  source: MONITORED_RESOURCES.source,
  read: MONITORED_RESOURCES.read,
};

function describe(listed: ListedMetric, list: CatalogSource): MetricDescriptor {
  return { ...listed, unit: listed.unit === '' ? '1' : listed.unit, list };
}

function sourceOf(list: MetricList): CatalogSource {
  return { service: list.service, prefix: list.prefix, source: list.source, read: list.read };
}

/**
 * Metrics whose values Google describes as a fraction of a whole (0 to 1) although their list unit
 * is `1` (../shared/reference/gcp-monitoring-facts.md: memory/disk "fraction of … quota", Memorystore
 * "memory usage as ratio of maximum memory", "cache hit ratio as a fraction"). Their thresholds are
 * written as percentages in the environment file (`diskUtilizationPercent: 90` → 0.9).
 */
const FRACTIONS_OF_A_WHOLE: ReadonlySet<string> = new Set([
  'cloudsql.googleapis.com/database/disk/utilization',
  'cloudsql.googleapis.com/database/memory/utilization',
  'redis.googleapis.com/stats/memory/usage_ratio',
  'redis.googleapis.com/stats/memory/system_memory_usage_ratio',
  'redis.googleapis.com/stats/cache_hit_ratio',
]);

/**
 * The unit a person reads a metric's values in: the catalog unit, except that a fraction of a whole
 * listed with unit `1` reads as `10^2.%` (a 0–1 fraction that charts display as percent), so that
 * reports, charts and review say 90%, never 0.9. Undefined for a metric not in the catalog.
 */
export function readingUnit(metricType: string): string | undefined {
  const unit = lookupMetric(metricType)?.unit;
  return unit === '1' && FRACTIONS_OF_A_WHOLE.has(metricType) ? '10^2.%' : unit;
}
