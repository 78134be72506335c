// Distribution values: either the explicit values observed, or bucket counts over bucket bounds
// (explicit buckets: bucket i holds values in [bounds[i-1], bounds[i]), the first from -inf, the
// last to +inf, as in google.api.Distribution). Aligners and reducers merge them and read
// percentiles, means and counts.

export interface Distribution {
  /** Observed values, when known exactly. */
  readonly values?: readonly number[];
  /** Bucket bounds (ascending) and counts (bounds.length + 1 of them), when only buckets are known. */
  readonly bounds?: readonly number[];
  readonly counts?: readonly number[];
}

export function isDistribution(value: unknown): value is Distribution {
  return typeof value === 'object' && value !== null && ('values' in value || 'counts' in value);
}

export function distributionCount(d: Distribution): number {
  if (d.values) return d.values.length;
  return (d.counts ?? []).reduce((sum, count) => sum + count, 0);
}

/** Merges distributions (the sum of DELTA points, or of series). Bucketed ones need equal bounds. */
export function mergeDistributions(parts: readonly Distribution[]): Distribution {
  if (parts.every((part) => part.values)) return { values: parts.flatMap((part) => part.values!) };
  const bounds = parts.find((part) => part.bounds)!.bounds!;
  const counts = new Array<number>(bounds.length + 1).fill(0);
  for (const part of parts) {
    const asBuckets = part.values ? toBuckets(part.values, bounds) : part;
    if (!sameBounds(asBuckets.bounds!, bounds)) {
      throw new Error(
        `cannot merge distributions with different bucket bounds [${asBuckets.bounds!.join(', ')}] and [${bounds.join(', ')}]`,
      );
    }
    asBuckets.counts!.forEach((count, index) => {
      counts[index] += count;
    });
  }
  return { bounds, counts };
}

/** Subtracts an earlier cumulative distribution from a later one (ALIGN_DELTA on CUMULATIVE). */
export function subtractDistribution(later: Distribution, earlier: Distribution): Distribution {
  if (later.values && earlier.values) {
    // Cumulative explicit values only grow: the new ones are those past the earlier length.
    return { values: later.values.slice(earlier.values.length) };
  }
  const bounds = (later.bounds ?? earlier.bounds)!;
  const a = later.values ? toBuckets(later.values, bounds) : later;
  const b = earlier.values ? toBuckets(earlier.values, bounds) : earlier;
  return { bounds, counts: a.counts!.map((count, index) => Math.max(0, count - (b.counts![index] ?? 0))) };
}

function sameBounds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((bound, index) => bound === b[index]);
}

function toBuckets(values: readonly number[], bounds: readonly number[]): Distribution {
  const counts = new Array<number>(bounds.length + 1).fill(0);
  for (const value of values) {
    let index = 0;
    while (index < bounds.length && value >= bounds[index]) index++;
    counts[index]++;
  }
  return { bounds, counts };
}

/**
 * The p-th percentile (0–100). ASSUMPTION (Google documents no method): explicit values use linear
 * interpolation between closest ranks (rank = p/100 × (n − 1)); bucket counts interpolate linearly
 * inside the bucket holding rank p/100 × count, the open first and last buckets answering their
 * finite bound. Empty: undefined.
 */
export function distributionPercentile(d: Distribution, p: number): number | undefined {
  if (d.values) return percentileOfNumbers(d.values, p);
  const bounds = d.bounds!;
  const counts = d.counts!;
  const total = distributionCount(d);
  if (total === 0) return undefined;
  const rank = (p / 100) * total;
  let seen = 0;
  for (let index = 0; index < counts.length; index++) {
    const count = counts[index];
    if (count === 0) continue;
    if (seen + count >= rank) {
      if (index === 0) return bounds[0];
      if (index === bounds.length) return bounds[bounds.length - 1];
      const lower = bounds[index - 1];
      const upper = bounds[index];
      return lower + ((upper - lower) * (rank - seen)) / count;
    }
    seen += count;
  }
  return bounds[bounds.length - 1];
}

/** Mean of a distribution; buckets count at their midpoints (the open ones at their finite bound). */
export function distributionMean(d: Distribution): number | undefined {
  if (d.values) return d.values.length === 0 ? undefined : d.values.reduce((a, b) => a + b, 0) / d.values.length;
  const bounds = d.bounds!;
  const total = distributionCount(d);
  if (total === 0) return undefined;
  let sum = 0;
  d.counts!.forEach((count, index) => {
    const middle =
      index === 0
        ? bounds[0]
        : index === bounds.length
          ? bounds[bounds.length - 1]
          : (bounds[index - 1] + bounds[index]) / 2;
    sum += count * middle;
  });
  return sum / total;
}

/** Linear interpolation between closest ranks: rank = p/100 × (n − 1). */
export function percentileOfNumbers(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}
