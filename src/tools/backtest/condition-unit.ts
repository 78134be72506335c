// The unit a threshold condition compares in, so that reports read 90% and 500 ms rather than 0.9
// and 500000: a ratio of two filters is a fraction (RATIO); otherwise the catalog unit of the
// condition's metric, undefined when the metric is not in the catalog (a log-based metric).
import { lookupMetric } from '../../gcp/metric-catalog';
import type { Policy } from '../simulate/policy-model';
import { RATIO } from './chart-svg';

export function conditionUnit(condition: Policy['conditions'][number] | undefined): string | undefined {
  if (condition?.type !== 'threshold') return undefined;
  if (condition.denominatorFilter) return RATIO;
  const type = /metric\.type\s*=\s*"([^"]+)"/.exec(condition.filter)?.[1];
  return type ? lookupMetric(type)?.unit : undefined;
}
