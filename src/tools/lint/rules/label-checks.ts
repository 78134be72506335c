// filter/label-typo, filter/unknown-label: the metric labels and resource labels a filter compares
// (`metric.label.role = "primary"`) or an aggregation groups by (`resource.label.instance_id`) are
// checked against Google's lists: the metric's labels from the metric list, the resource types'
// labels from the monitored-resources list. A near miss of a listed label is a typo (error, with
// did-you-mean); anything else may be newer than the list (warning naming the list's date).
import type { FilterNode } from '../../../gcp/filter';
import { MONITORED_RESOURCES_SOURCE, resourceLabels, type MetricDescriptor } from '../../../gcp/metric-catalog';
import { isOpaque, type PathSegment } from '../../../artifact/model';
import type { RuleContext } from '../rule-context';
import { likelyTypo } from '../typo';

/** The labels a filtered series can carry; a side is undefined where its labels are not known. */
export interface LabelScope {
  readonly metricTypes: readonly string[];
  readonly metricLabels: readonly string[];
  readonly read: string;
  readonly resourceTypes: readonly string[];
  readonly resourceLabels?: readonly string[];
}

/** The scope of catalogued metrics, narrowed to the resource types the filter pins (if any). */
export function labelScope(
  descriptors: readonly MetricDescriptor[],
  pinnedResourceTypes: readonly string[],
): LabelScope | undefined {
  if (descriptors.length === 0) return undefined;
  const written = [...new Set(descriptors.flatMap((one) => one.resourceTypes))];
  const pinned = pinnedResourceTypes.filter((type) => !isOpaque(type));
  const resourceTypes = pinned.length > 0 ? pinned : written;
  const perType = resourceTypes.map(resourceLabels);
  const complete = resourceTypes.length > 0 && perType.every((labels) => labels !== undefined);
  return {
    metricTypes: descriptors.map((one) => one.type),
    metricLabels: [...new Set(descriptors.flatMap((one) => one.labels))],
    read: descriptors[0].list.read,
    resourceTypes,
    resourceLabels: complete ? [...new Set(perType.flatMap((labels) => labels ?? []))] : undefined,
  };
}

/** Every `metric.label.K` and `resource.label.K` comparison in a filter, positive or negated. */
export function labelKeysIn(node: FilterNode): { side: 'metric' | 'resource'; key: string }[] {
  const found: { side: 'metric' | 'resource'; key: string }[] = [];
  const pending: FilterNode[] = [node];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.kind === 'and' || next.kind === 'or') pending.push(...next.children);
    else if (next.kind === 'not') pending.push(next.child);
    else if (next.kind === 'comparison' && next.field.key !== undefined) {
      if (next.field.kind === 'metric.label') found.push({ side: 'metric', key: next.field.key });
      if (next.field.kind === 'resource.label') found.push({ side: 'resource', key: next.field.key });
    }
  }
  return found;
}

/** `metric.label.K`, `metric.labels.K`, `resource.label.K`, `resource.labels.K`; other fields are not labels. */
export function groupByLabel(field: string): { side: 'metric' | 'resource'; key: string } | undefined {
  const match = /^(metric|resource)\.labels?\.(.+)$/.exec(field);
  return match ? { side: match[1] as 'metric' | 'resource', key: match[2].replace(/^"(.*)"$/, '$1') } : undefined;
}

export function checkLabel(
  context: RuleContext,
  scope: LabelScope,
  side: 'metric' | 'resource',
  key: string,
  path: readonly PathSegment[],
): void {
  if (isOpaque(key)) return;
  const known = side === 'metric' ? scope.metricLabels : scope.resourceLabels;
  if (known === undefined || known.includes(key)) return;
  const owner = side === 'metric' ? scope.metricTypes.join(', ') : `resource type ${scope.resourceTypes.join(', ')}`;
  const read = side === 'metric' ? scope.read : MONITORED_RESOURCES_SOURCE.read;
  const listed =
    known.length > 0
      ? `; its labels are ${known.map((one) => `"${one}"`).join(', ')}`
      : `, which has no ${side} labels`;
  const near = likelyTypo(key, known);
  if (near) {
    context.report(
      'filter/label-typo',
      path,
      `${side} label "${key}" is not a label of ${owner}; did you mean "${near}"?`,
      `use ${side}.label.${near}`,
    );
    return;
  }
  context.report(
    'filter/unknown-label',
    path,
    `${side} label "${key}" is not in Google's list of ${read} for ${owner}${listed}; new or misspelt?`,
    side === 'metric'
      ? "check the label against the metric's entry in Google's metric list"
      : 'check the label against https://cloud.google.com/monitoring/api/resources',
  );
}
