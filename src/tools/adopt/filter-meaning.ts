// What a condition's filter means, for matching live alert policies to the stack's: a canonical
// form (the same selection written in another order or spelling reads the same: `metric.labels.x`
// and `metric.label.x`, `a AND b` and `b AND a`), and whether two filters can select one and the
// same time series (they then page on the same data: a second policy is a second page per fault).
import { type FilterNode, matchesFilter, parseFilter, type SeriesIdentity, valueText } from '../../gcp/filter';

/** The canonical text of a parsed filter: conjuncts and disjuncts sorted, fields in one spelling. */
export function canonicalFilter(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
      return node.children.map(canonicalFilter).sort().join(' AND ');
    case 'or':
      return `(${node.children.map(canonicalFilter).sort().join(' OR ')})`;
    case 'not':
      return `NOT (${canonicalFilter(node.child)})`;
    case 'placeholder':
      return node.text;
    case 'selector':
      return `${node.name}(${node.args.map((arg) => JSON.stringify(arg)).join(', ')})`;
    case 'comparison': {
      const field = node.field.key === undefined ? node.field.kind : `${node.field.kind}.${node.field.key}`;
      return `${field}${node.operator}${valueText(node.value, { sorted: true })}`;
    }
  }
}

/** Parsed filters by text: classification compares each live filter with every stack filter. */
const PARSED = new Map<string, FilterNode | undefined>();
const MAX_CACHED = 10_000;

/** The filter parsed, or undefined when it does not parse (its meaning cannot be compared). */
export function parsedFilter(text: string | undefined): FilterNode | undefined {
  if (text === undefined) return undefined;
  if (PARSED.has(text)) return PARSED.get(text);
  let node: FilterNode | undefined;
  try {
    node = parseFilter(text);
  } catch {
    node = undefined;
  }
  if (PARSED.size >= MAX_CACHED) PARSED.clear();
  PARSED.set(text, node);
  return node;
}

/** What a filter pins with `=` at its top level (an AND of comparisons): the series it must have. */
interface Pinned {
  metricType?: string;
  resourceType?: string;
  readonly metricLabels: Record<string, string>;
  readonly resourceLabels: Record<string, string>;
}

function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? node.children.flatMap(conjuncts) : [node];
}

function pinned(node: FilterNode): Pinned {
  const found: Pinned = { metricLabels: {}, resourceLabels: {} };
  for (const one of conjuncts(node)) {
    if (one.kind !== 'comparison' || one.operator !== '=' || one.value.kind !== 'literal') continue;
    const value = one.value.value;
    if (one.field.kind === 'metric.type') found.metricType = value;
    else if (one.field.kind === 'resource.type') found.resourceType = value;
    else if (one.field.kind === 'metric.label' && one.field.key) found.metricLabels[one.field.key] = value;
    else if (one.field.kind === 'resource.label' && one.field.key) found.resourceLabels[one.field.key] = value;
  }
  return found;
}

function conflicts(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}

function mergeLabels(own: Record<string, string>, other: Record<string, string>): Record<string, string> | undefined {
  for (const key of Object.keys(own)) if (conflicts(own[key], other[key])) return undefined;
  return { ...other, ...own };
}

/** The series `self` would see when both filters' pinned values hold (its own values win). */
function seriesFor(self: Pinned, other: Pinned): SeriesIdentity | undefined {
  const metricLabels = mergeLabels(self.metricLabels, other.metricLabels);
  const resourceLabels = mergeLabels(self.resourceLabels, other.resourceLabels);
  const metricType = self.metricType ?? other.metricType;
  if (!metricLabels || !resourceLabels || metricType === undefined) return undefined;
  return { metricType, resourceType: self.resourceType ?? other.resourceType ?? '', metricLabels, resourceLabels };
}

/**
 * True when one time series can be selected by both filters. The candidate series carries what
 * either filter pins with `=` (a filter that names no metric type, like the remediation plan's
 * `resource.type="redis_instance"`, takes the other's: it selects every metric of that resource,
 * so that one too). A Terraform reference (`${…uptime_check_id}`) is a value like any other: the
 * caller replaces the references it can resolve (an adopted uptime check's live ID) first.
 */
export function filtersOverlap(a: FilterNode, b: FilterNode): boolean {
  const pinnedA = pinned(a);
  const pinnedB = pinned(b);
  if (conflicts(pinnedA.metricType, pinnedB.metricType) || conflicts(pinnedA.resourceType, pinnedB.resourceType))
    return false;
  const seriesA = seriesFor(pinnedA, pinnedB);
  const seriesB = seriesFor(pinnedB, pinnedA);
  return seriesA !== undefined && seriesB !== undefined && matchesFilter(a, seriesA) && matchesFilter(b, seriesB);
}
