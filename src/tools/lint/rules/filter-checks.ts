// filter/*: a Monitoring filter parses, names a metric type where the API requires one, names a
// metric in Google's list under a catalogued prefix (a near miss is a typo, anything else may be
// newer than the list), a resource type that metric is written against, and labels it carries.
// Returns the shape of the selected metric (kind, value type) when it is known and the labels the
// series can carry, for the aggregation checks.
import type { SeriesShape } from '../../../gcp/aggregation-rules';
import { MAX_FILTER_CHARS } from '../../../gcp/api-limits';
import { filterSelectors, FilterSyntaxError, parseFilter } from '../../../gcp/filter';
import {
  CATALOGUED_PREFIXES,
  catalogMetricTypes,
  cataloguedPrefixOf,
  catalogSourceOf,
  LOG_BASED_METRIC_PREFIX,
  lookupMetric,
  type MetricDescriptor,
  type MetricKind,
  type ValueType,
} from '../../../gcp/metric-catalog';
import { closestName } from '../../../util/closest-name';
import { likelyTypo } from '../typo';
import { checkLabel, labelKeysIn, labelScope, type LabelScope } from './label-checks';
import { isOpaque, type PathSegment } from '../../../artifact/model';
import type { RuleContext } from '../rule-context';

const CATALOGUED_DOMAINS = [...new Set(CATALOGUED_PREFIXES.map((prefix) => prefix.split('/')[0]))];

export interface FilterCheckOptions {
  /** Threshold/absence filters and ratio denominators must name a metric type. */
  readonly requireMetricType: boolean;
  /** SLO selectors (`select_slo_burn_rate(…)`) are allowed in alert thresholds. */
  readonly allowSloSelector: boolean;
}

export function checkFilter(
  context: RuleContext,
  filter: unknown,
  path: readonly PathSegment[],
  options: FilterCheckOptions,
): FilteredSeries | undefined {
  if (typeof filter !== 'string') {
    if (options.requireMetricType && filter === undefined) {
      context.report(
        'filter/metric-type-required',
        path,
        'the filter is missing; the API requires a filter naming metric.type',
        'add a filter such as metric.type="…" AND resource.type="…"',
      );
    }
    return undefined;
  }
  // A filter that is one Terraform interpolation (`${local.redis_filter}`) is only known at apply time.
  if (/^\s*\$\{[^}]*\}\s*$/.test(filter)) return undefined;
  if ([...filter].length > MAX_FILTER_CHARS) {
    context.report(
      'filter/too-long',
      path,
      `the filter has ${[...filter].length} characters; the API accepts at most ${MAX_FILTER_CHARS}`,
    );
  }
  let node;
  try {
    node = parseFilter(filter);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    context.report(
      'filter/syntax',
      path,
      `the filter does not parse ${error.message}`,
      'see https://cloud.google.com/monitoring/api/v3/filters for the filter syntax',
    );
    return undefined;
  }
  const selectors = filterSelectors(node);
  if (selectors.sloSelectors.length > 0 && options.allowSloSelector) return undefined;
  if (selectors.metricTypes.length === 0) {
    if (options.requireMetricType && selectors.metricTypePatterns.length === 0) {
      context.report(
        'filter/metric-type-required',
        path,
        `the filter ${JSON.stringify(filter)} names no metric.type; the API requires the metric type in this filter`,
        'add metric.type="…", e.g. metric.type="redis.googleapis.com/stats/reject_connections_count" for rejected Redis connections',
      );
    }
    return undefined;
  }
  const shape = checkSelectedMetrics(context, selectors.metricTypes, selectors.resourceTypes, path);
  const scope = shape?.labelScope;
  if (scope) for (const { side, key } of labelKeysIn(node)) checkLabel(context, scope, side, key, path);
  return shape;
}

/** What lint knows of the filtered series: its shape (one metric) and the labels it can carry. */
export interface FilteredSeries {
  readonly shape?: SeriesShape;
  readonly labelScope?: LabelScope;
}

function checkSelectedMetrics(
  context: RuleContext,
  metricTypes: readonly string[],
  resourceTypes: readonly string[],
  path: readonly PathSegment[],
): FilteredSeries | undefined {
  let shape: SeriesShape | undefined;
  const descriptors: MetricDescriptor[] = [];
  let allCatalogued = true;
  for (const metricType of metricTypes) {
    const known = checkMetricType(context, metricType, path);
    if (known && metricTypes.length === 1)
      shape = { kind: known.kind as MetricKind, valueType: known.valueType as ValueType };
    const descriptor = lookupMetric(metricType);
    if (!descriptor) {
      allCatalogued = false;
      continue;
    }
    descriptors.push(descriptor);
    if (descriptor.launchStage === 'DEPRECATED') reportDeprecated(context, descriptor, path);
    // The list names no resource type for some metrics (logging's log_entry_count): nothing to check.
    if (descriptor.resourceTypes.length === 0) continue;
    for (const resourceType of resourceTypes) {
      if (isOpaque(resourceType) || descriptor.resourceTypes.includes(resourceType)) continue;
      context.report(
        'filter/resource-type-mismatch',
        path,
        `resource.type "${resourceType}" does not fit ${metricType}, which is written against ${descriptor.resourceTypes.map((type) => `"${type}"`).join(', ')}`,
        `use resource.type="${descriptor.resourceTypes[0]}"`,
      );
    }
  }
  const labelScopeOfSeries = allCatalogued ? labelScope(descriptors, resourceTypes) : undefined;
  if (!shape && !labelScopeOfSeries) return undefined;
  return { ...(shape ? { shape } : {}), ...(labelScopeOfSeries ? { labelScope: labelScopeOfSeries } : {}) };
}

function reportDeprecated(context: RuleContext, descriptor: MetricDescriptor, path: readonly PathSegment[]): void {
  context.report(
    'filter/deprecated-metric',
    path,
    `${descriptor.type} is DEPRECATED in Google's list of ${descriptor.list.read}${descriptor.replacement ? `; Google names ${descriptor.replacement} as its replacement` : ''}`,
    descriptor.replacement ? `use metric.type="${descriptor.replacement}"` : `see ${descriptor.list.source}`,
  );
}

function checkMetricType(
  context: RuleContext,
  metricType: string,
  path: readonly PathSegment[],
): { kind: string; valueType: string } | undefined {
  if (isOpaque(metricType)) return undefined;
  const descriptor = lookupMetric(metricType);
  if (descriptor) return descriptor;
  if (metricType.startsWith(LOG_BASED_METRIC_PREFIX)) {
    const name = metricType.slice(LOG_BASED_METRIC_PREFIX.length);
    const logMetrics = context.unit.logMetrics;
    if (logMetrics === undefined) {
      context.report(
        'filter/log-metric-unchecked',
        path,
        `log-based metric "${name}" cannot be checked in a lone export: the API rejects the filter unless a log-based metric of that name exists in the project`,
        'lint the Terraform stack that defines the metric, or check `gcloud logging metrics describe`',
      );
      return undefined;
    }
    const found = logMetrics.get(name);
    if (found) return found;
    const suggestion = closestName(name, logMetrics.keys());
    context.report(
      'filter/log-metric-undefined',
      path,
      `log-based metric "${name}" is not defined in this stack (no google_logging_metric named "${name}")${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      suggestion
        ? `use metric.type="${LOG_BASED_METRIC_PREFIX}${suggestion}"`
        : 'add the google_logging_metric to the stack, or fix the name',
    );
    return undefined;
  }
  const prefix = cataloguedPrefixOf(metricType);
  if (prefix) {
    const list = catalogSourceOf(prefix)!;
    // Compared without the shared prefix, so the allowed edits scale with the part that differs.
    const suffix = metricType.slice(prefix.length);
    const near = likelyTypo(suffix, metricSuffixesUnder(prefix));
    if (near) {
      reportTypo(
        context,
        metricType,
        `${prefix}${near}`,
        `is not in Google's list for ${prefix} (read ${list.read})`,
        path,
      );
      return undefined;
    }
    context.report(
      'filter/unknown-metric',
      path,
      `metric type "${metricType}" is not in Google's list of ${list.read} for ${prefix}; new or misspelt?`,
      `check the name against ${list.source}; a metric Google added since then belongs in the catalog (src/gcp/metric-catalog/sources/, npm run catalog)`,
    );
    return undefined;
  }
  // A misspelt prefix (`redis.googleapi.com/…`) is close to a catalogued domain; only then is the
  // whole name compared with the catalog (comparing every unknown name with every entry is slow).
  const domain = metricType.split('/')[0];
  const nearDomain = likelyTypo(domain, CATALOGUED_DOMAINS);
  const near = nearDomain ? likelyTypo(metricType, catalogMetricTypes()) : undefined;
  if (near) {
    reportTypo(context, metricType, near, `does not exist (${domain}/ is no prefix Google lists)`, path);
    return undefined;
  }
  context.report(
    'filter/unknown-metric-prefix',
    path,
    `metric type "${metricType}": lint's catalog does not cover ${domain}/, so it cannot check the name, kind or value type`,
    "add the service's metric list to src/gcp/metric-catalog/sources/ (npm run catalog) if vigil should check it",
  );
  return undefined;
}

function reportTypo(
  context: RuleContext,
  metricType: string,
  near: string,
  why: string,
  path: readonly PathSegment[],
): void {
  context.report(
    'filter/metric-typo',
    path,
    `metric type "${metricType}" ${why}; did you mean "${near}"?`,
    `use metric.type="${near}"`,
  );
}

const SUFFIXES = new Map<string, readonly string[]>();

function metricSuffixesUnder(prefix: string): readonly string[] {
  let suffixes = SUFFIXES.get(prefix);
  if (!suffixes) {
    suffixes = [...catalogMetricTypes()]
      .filter((type) => type.startsWith(prefix))
      .map((type) => type.slice(prefix.length));
    SUFFIXES.set(prefix, suffixes);
  }
  return suffixes;
}
