// Evaluates a parsed filter against one time series' identity, as the Monitoring API selects series.
import type { ComparisonOperator, FieldRef, FilterNode, ValueNode } from './ast';
import { toJsRegExp } from './regex';

export interface SeriesIdentity {
  readonly metricType: string;
  readonly resourceType: string;
  readonly metricLabels: Readonly<Record<string, string>>;
  readonly resourceLabels: Readonly<Record<string, string>>;
  readonly metadata?: {
    readonly userLabels?: Readonly<Record<string, string>>;
    readonly systemLabels?: Readonly<Record<string, string>>;
  };
  /** Group ids the series' resource belongs to. Unknown (undefined): `group.id` comparisons match. */
  readonly groupIds?: readonly string[];
}

export function matchesFilter(node: FilterNode, series: SeriesIdentity): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((child) => matchesFilter(child, series));
    case 'or':
      return node.children.some((child) => matchesFilter(child, series));
    case 'not':
      return !matchesFilter(node.child, series);
    case 'placeholder':
      // Unknown until the dashboard variable is chosen; "all values" is its default, so it matches.
      return true;
    case 'selector':
      // An SLO selector names derived series, not raw ones: it selects no raw time series.
      return false;
    case 'comparison': {
      if (node.field.kind === 'group.id' && series.groupIds === undefined) return true;
      const actual = fieldValue(node.field, series);
      return compare(actual, node.operator, node.value);
    }
  }
}

function fieldValue(field: FieldRef, series: SeriesIdentity): string | readonly string[] | undefined {
  const key = field.key ?? '';
  switch (field.kind) {
    case 'metric.type':
      return series.metricType;
    case 'resource.type':
      return series.resourceType;
    case 'metric.label':
      return series.metricLabels[key];
    case 'resource.label':
      return series.resourceLabels[key];
    case 'metadata.user_label':
      return series.metadata?.userLabels?.[key];
    case 'metadata.system_label':
      return series.metadata?.systemLabels?.[key];
    case 'project':
      return series.resourceLabels.project_id;
    case 'group.id':
      return series.groupIds;
  }
}

function compare(
  actual: string | readonly string[] | undefined,
  operator: ComparisonOperator,
  value: ValueNode,
): boolean {
  if (Array.isArray(actual)) return actual.some((one) => compare(one, operator, value));
  const text = actual as string | undefined;
  const negated = operator === '!=' || operator === '!~';
  if (value.kind === 'group') {
    const positive: ComparisonOperator = operator === '!=' ? '=' : operator === '!~' ? '=~' : operator;
    const results = value.values.map((one) => compare(text, positive, one));
    const holds = value.combiner === 'OR' ? results.some(Boolean) : results.every(Boolean);
    return negated ? !holds : holds;
  }
  // A label the series does not carry satisfies only negative comparisons.
  if (text === undefined) return negated;
  if (value.kind === 'function') {
    const holds = applyFunction(text, value.name, value.args);
    return negated ? !holds : holds;
  }
  const expected = value.value;
  switch (operator) {
    case '=':
      return text === expected;
    case '!=':
      return text !== expected;
    case ':':
      return text.includes(expected);
    case '=~':
      return toJsRegExp(expected, false).test(text);
    case '!~':
      return !toJsRegExp(expected, false).test(text);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return ordered(text, expected, operator);
  }
}

function applyFunction(text: string, name: string, args: readonly string[]): boolean {
  switch (name) {
    case 'starts_with':
      return text.startsWith(args[0]);
    case 'ends_with':
      return text.endsWith(args[0]);
    case 'has_substring':
      // has_substring("x", true) ignores case, as the logging/monitoring docs describe.
      return args[1]?.toLowerCase() === 'true'
        ? text.toLowerCase().includes(args[0].toLowerCase())
        : text.includes(args[0]);
    case 'one_of':
      return args.includes(text);
    case 'monitoring.regex.full_match':
      return toJsRegExp(args[0], true).test(text);
    default:
      return false;
  }
}

/** Numbers compare as numbers when both sides are numeric, otherwise as strings. */
function ordered(actual: string, expected: string, operator: '<' | '>' | '<=' | '>='): boolean {
  const a = Number(actual);
  const b = Number(expected);
  const numeric = actual.trim() !== '' && expected.trim() !== '' && !Number.isNaN(a) && !Number.isNaN(b);
  const cmp = numeric ? Math.sign(a - b) : actual < expected ? -1 : actual > expected ? 1 : 0;
  switch (operator) {
    case '<':
      return cmp < 0;
    case '>':
      return cmp > 0;
    case '<=':
      return cmp <= 0;
    case '>=':
      return cmp >= 0;
  }
}
