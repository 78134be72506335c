// Threshold conversion: thresholds are written in the unit their name carries (`p99LatencyMs`,
// `errorRatePercent`) and converted here, once, to the unit of the metric they are compared with.

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { us: 1e-6, ms: 1e-3, s: 1, min: 60, h: 3600, d: 86400 };

/** Converts a duration in milliseconds into the metric's time unit (Query Insights latencies are in `us`). */
export function millisecondsIn(unit: string, milliseconds: number): number {
  const factor = SECONDS_PER_UNIT[unit];
  if (factor === undefined) throw new Error(`unit "${unit}" is not a time unit`);
  return roundHalfEven(milliseconds / 1000 / factor);
}

/** A percentage as the 0–1 fraction that ratio conditions and `10^2.%` metrics compare against. */
export function percentAsFraction(percent: number): number {
  return roundHalfEven(percent / 100);
}

// Float noise (0.07 / 100 = 0.0007000000000000001) would show in the artifact and in PR diffs.
function roundHalfEven(value: number): number {
  return Number(value.toPrecision(12));
}

/** Terraform/API duration text for whole seconds: `300s`. */
export function durationText(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0)
    throw new Error(`duration ${seconds} s is not a whole, non-negative number of seconds`);
  return `${seconds}s`;
}
