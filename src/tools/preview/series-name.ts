// The names a chart's legend gives its series: the dataSet's legendTemplate with its `${…}` label
// references filled in, else the values of the labels that tell the series apart (a label every
// series shares, resource.type or the check a filter names, says nothing), else `fallback`.
import { type Labels, normaliseLabelField } from '../simulate/labels';

export function seriesNames(
  labelSets: readonly Labels[],
  legendTemplate: string | undefined,
  fallback: string,
): string[] {
  if (legendTemplate !== undefined && legendTemplate.trim() !== '')
    return labelSets.map((labels) =>
      legendTemplate.replace(/\$\{([^}]+)\}/g, (_, field: string) => labels[normaliseLabelField(field)] ?? ''),
    );
  const keys = [...new Set(labelSets.flatMap((labels) => Object.keys(labels)))].sort();
  const varying = keys.filter((key) => new Set(labelSets.map((labels) => labels[key])).size > 1);
  return labelSets.map((labels) => {
    const values = varying.flatMap((key) => (labels[key] === undefined ? [] : [labels[key]]));
    return values.length > 0 ? values.join(', ') : fallback;
  });
}
