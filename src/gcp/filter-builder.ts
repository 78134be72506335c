// Builds Monitoring filters from parts, quoting values, so no construct concatenates filter text.

/** A label value, or any of several values (`one_of("a", "b")`). */
export type LabelValue = string | readonly string[];

export interface MetricFilterParts {
  readonly metricType: string;
  readonly resourceType?: string;
  readonly resourceLabels?: Readonly<Record<string, LabelValue>>;
  readonly metricLabels?: Readonly<Record<string, LabelValue>>;
}

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function labelValue(value: LabelValue): string {
  if (typeof value === 'string') return quote(value);
  return value.length === 1 ? quote(value[0]) : `one_of(${value.map(quote).join(', ')})`;
}

export function metricFilter(parts: MetricFilterParts): string {
  const clauses = [`metric.type=${quote(parts.metricType)}`];
  if (parts.resourceType) clauses.push(`resource.type=${quote(parts.resourceType)}`);
  for (const [key, value] of Object.entries(parts.resourceLabels ?? {}))
    clauses.push(`resource.labels.${key}=${labelValue(value)}`);
  for (const [key, value] of Object.entries(parts.metricLabels ?? {}))
    clauses.push(`metric.labels.${key}=${labelValue(value)}`);
  return clauses.join(' AND ');
}
