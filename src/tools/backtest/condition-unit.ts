// The unit a threshold condition compares in, so that reports read 90% and 500 ms rather than 0.9
// and 500000: a ratio of two filters is a fraction (RATIO); otherwise the catalog unit of the
// condition's metric (a log-based metric's from the stack, when given), undefined when unknown.
import { readingUnit } from '../../gcp/metric-catalog';
import type { Policy } from '../simulate/policy-model';
import { RATIO } from '../charts/chart-spec';

export function conditionUnit(
  condition: Policy['conditions'][number] | undefined,
  logMetrics?: ReadonlyMap<string, { unit: string }>,
): string | undefined {
  if (condition?.type !== 'threshold') return undefined;
  if (condition.denominatorFilter) return RATIO;
  const type = /metric\.type\s*=\s*"([^"]+)"/.exec(condition.filter)?.[1];
  return type ? (readingUnit(type) ?? logMetrics?.get(type)?.unit) : undefined;
}
