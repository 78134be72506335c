// Labels of a series as one flat map with the API's field names: `resource.type`,
// `resource.label.<key>`, `metric.type`, `metric.label.<key>`. group_by_fields and expectation
// labels may also say `resource.labels.<key>` / `metric.labels.<key>`; both spellings normalise here.
import type { SeriesIdentity } from '../../gcp/filter';

export type Labels = Readonly<Record<string, string>>;

export function normaliseLabelField(name: string): string {
  return name
    .trim()
    .replace(/^(resource|metric)\.labels\./, '$1.label.')
    .replace(/^project$/, 'resource.label.project_id');
}

export function labelsOf(identity: SeriesIdentity): Labels {
  // metric.type is left out: a ratio joins numerator and denominator series of different metrics.
  const labels: Record<string, string> = { 'resource.type': identity.resourceType };
  for (const [key, value] of Object.entries(identity.resourceLabels)) labels[`resource.label.${key}`] = value;
  for (const [key, value] of Object.entries(identity.metricLabels)) labels[`metric.label.${key}`] = value;
  return labels;
}

/** The labels kept by grouping: the group-by fields, and resource.type (always implied). */
export function groupLabels(labels: Labels, groupByFields: readonly string[]): Labels {
  const kept: Record<string, string> = { 'resource.type': labels['resource.type'] };
  for (const name of groupByFields) {
    const field = normaliseLabelField(name);
    if (labels[field] !== undefined) kept[field] = labels[field];
  }
  return kept;
}

export function labelsKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}

/** Whether `actual` carries every label of `expected` with the same value (keys normalised). */
export function labelsInclude(actual: Labels, expected: Labels): boolean {
  return Object.entries(expected).every(([key, value]) => actual[normaliseLabelField(key)] === value);
}

export function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return `{${keys.map((key) => `${key}="${labels[key]}"`).join(', ')}}`;
}
