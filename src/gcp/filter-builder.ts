// Builds Monitoring filters from parts, quoting values, so no construct concatenates filter text.

export interface MetricFilterParts {
  readonly metricType: string;
  readonly resourceType?: string;
  readonly resourceLabels?: Readonly<Record<string, string>>;
  readonly metricLabels?: Readonly<Record<string, string>>;
}

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function metricFilter(parts: MetricFilterParts): string {
  const clauses = [`metric.type=${quote(parts.metricType)}`];
  if (parts.resourceType) clauses.push(`resource.type=${quote(parts.resourceType)}`);
  for (const [key, value] of Object.entries(parts.resourceLabels ?? {})) clauses.push(`resource.labels.${key}=${quote(value)}`);
  for (const [key, value] of Object.entries(parts.metricLabels ?? {})) clauses.push(`metric.labels.${key}=${quote(value)}`);
  return clauses.join(' AND ');
}
