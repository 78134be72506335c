// The Monitoring filter language: parse a filter, evaluate it against a time series, and read
// which metric and resource types it pins. Used by lint (checks) and simulate (evaluation).
export type { ComparisonOperator, FieldKind, FieldRef, FilterNode, FunctionName, ValueNode } from './ast';
export { FilterSyntaxError } from './filter-syntax-error';
export { parseFilter } from './parser';
export { matchesFilter, type SeriesIdentity } from './matcher';
export { filterSelectors, type FilterSelectors } from './selectors';
export { valueText } from './value-text';
