// What a filter pins: the metric types and resource types it can select, and any SLO selector.
// Only positive constraints count (a type under NOT or `!=` pins nothing); constraints under OR
// are unioned, so `metric.type = one_of("a", "b")` pins both.
import { valueText } from './value-text';
import type { FilterNode, ValueNode } from './ast';

export interface FilterSelectors {
  /** Exact metric types the filter requires (`=`, `one_of`, a group of values). */
  readonly metricTypes: readonly string[];
  /** Metric-type constraints that are not exact (`starts_with`, regex, `:`), as written. */
  readonly metricTypePatterns: readonly string[];
  readonly resourceTypes: readonly string[];
  readonly resourceTypePatterns: readonly string[];
  /** `select_slo_*(…)` calls: derived series, exempt from the metric-type requirement. */
  readonly sloSelectors: readonly { readonly name: string; readonly args: readonly string[] }[];
}

export function filterSelectors(node: FilterNode): FilterSelectors {
  const found = {
    metricTypes: new Set<string>(),
    metricTypePatterns: new Set<string>(),
    resourceTypes: new Set<string>(),
    resourceTypePatterns: new Set<string>(),
    sloSelectors: [] as { name: string; args: readonly string[] }[],
  };
  collect(node, found);
  return {
    metricTypes: [...found.metricTypes],
    metricTypePatterns: [...found.metricTypePatterns],
    resourceTypes: [...found.resourceTypes],
    resourceTypePatterns: [...found.resourceTypePatterns],
    sloSelectors: found.sloSelectors,
  };
}

interface Collector {
  metricTypes: Set<string>;
  metricTypePatterns: Set<string>;
  resourceTypes: Set<string>;
  resourceTypePatterns: Set<string>;
  sloSelectors: { name: string; args: readonly string[] }[];
}

function collect(node: FilterNode, found: Collector): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      node.children.forEach((child) => collect(child, found));
      return;
    case 'not':
    case 'placeholder':
      return;
    case 'selector':
      found.sloSelectors.push({ name: node.name, args: node.args });
      return;
    case 'comparison': {
      const kind = node.field.kind;
      if (kind !== 'metric.type' && kind !== 'resource.type') return;
      if (node.operator === '!=' || node.operator === '!~') return;
      const [exact, patterns] =
        kind === 'metric.type'
          ? [found.metricTypes, found.metricTypePatterns]
          : [found.resourceTypes, found.resourceTypePatterns];
      addValue(node.operator === '=' ? node.value : undefined, node, exact, patterns);
      return;
    }
  }
}

function addValue(
  value: ValueNode | undefined,
  node: Extract<FilterNode, { kind: 'comparison' }>,
  exact: Set<string>,
  patterns: Set<string>,
): void {
  if (!value) {
    patterns.add(`${node.operator}${valueText(node.value)}`);
    return;
  }
  switch (value.kind) {
    case 'literal':
      exact.add(value.value);
      return;
    case 'function':
      if (value.name === 'one_of') value.args.forEach((arg) => exact.add(arg));
      else patterns.add(valueText(value));
      return;
    case 'group':
      value.values.forEach((one) => addValue(one, node, exact, patterns));
      return;
  }
}
