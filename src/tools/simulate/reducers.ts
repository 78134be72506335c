// Cross-series reducers over the aligned values of one group at one instant
// (../shared/reference/alert-evaluation.md §2.3).
import { type AlignedValue, numeric } from './aligners';
import {
  Distribution,
  distributionMean,
  distributionPercentile,
  isDistribution,
  mergeDistributions,
  percentileOfNumbers,
} from './distribution';

export const SIMULATED_REDUCERS: ReadonlySet<string> = new Set([
  'REDUCE_NONE',
  'REDUCE_SUM',
  'REDUCE_MEAN',
  'REDUCE_MIN',
  'REDUCE_MAX',
  'REDUCE_COUNT',
  'REDUCE_STDDEV',
  'REDUCE_COUNT_TRUE',
  'REDUCE_COUNT_FALSE',
  'REDUCE_FRACTION_TRUE',
  'REDUCE_PERCENTILE_99',
  'REDUCE_PERCENTILE_95',
  'REDUCE_PERCENTILE_50',
  'REDUCE_PERCENTILE_05',
]);

/** Reduces the values of one group (never empty) with `reducer` (not REDUCE_NONE). */
export function reduce(reducer: string, values: readonly AlignedValue[]): AlignedValue | undefined {
  const distributions = isDistribution(values[0]);
  switch (reducer) {
    case 'REDUCE_SUM':
      return distributions
        ? mergeDistributions(values as Distribution[])
        : values.reduce<number>((sum, value) => sum + numeric(value), 0);
    case 'REDUCE_MEAN':
      if (distributions) return distributionMean(mergeDistributions(values as Distribution[]));
      return values.reduce<number>((sum, value) => sum + numeric(value), 0) / values.length;
    case 'REDUCE_MIN':
      return values.map(numeric).reduce((low, value) => Math.min(low, value), Infinity);
    case 'REDUCE_MAX':
      return values.map(numeric).reduce((high, value) => Math.max(high, value), -Infinity);
    case 'REDUCE_COUNT':
      return values.length;
    case 'REDUCE_STDDEV': {
      const numbers = values.map(numeric);
      const mean = numbers.reduce((a, b) => a + b, 0) / numbers.length;
      return Math.sqrt(numbers.reduce((sum, value) => sum + (value - mean) ** 2, 0) / numbers.length);
    }
    case 'REDUCE_COUNT_TRUE':
      return values.filter((value) => value === true).length;
    case 'REDUCE_COUNT_FALSE':
      return values.filter((value) => value === false).length;
    case 'REDUCE_FRACTION_TRUE':
      return values.filter((value) => value === true).length / values.length;
    case 'REDUCE_PERCENTILE_99':
    case 'REDUCE_PERCENTILE_95':
    case 'REDUCE_PERCENTILE_50':
    case 'REDUCE_PERCENTILE_05': {
      const p = Number(reducer.slice(-2));
      // Distributions: the percentile of all their values together; numbers: of the series' values.
      if (distributions) return distributionPercentile(mergeDistributions(values as Distribution[]), p);
      return percentileOfNumbers(values.map(numeric), p);
    }
    default:
      throw new Error(`reducer ${reducer} is not simulated`);
  }
}
