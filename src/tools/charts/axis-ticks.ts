// Where a chart's axes put their ticks and what the ticks read. Values tick on round numbers in the
// unit a person reads (0.5%, 250 ms: round after conversion, not in the stored fraction or
// microseconds); times tick on round minutes, hours or days, never on a quarter of the window
// (44m 45s). The labels come from formatValue, the same words the reports use.
import { formatDuration } from '../simulate/durations';
import { formatValue, RATIO } from './chart-spec';

/** The factor from the stored unit to the display unit: ticks are chosen round in the latter. */
function displayFactor(unit: string): number {
  if (unit === RATIO || unit === '10^2.%') return 100;
  if (unit === 'us') return 1 / 1000;
  return 1;
}

/** Round tick values (1, 2 or 5 × 10^k in the display unit) covering 0 or the minimum to the maximum. */
export function valueTicks(min: number, max: number, unit: string): number[] {
  const factor = displayFactor(unit);
  const low = Math.min(0, min) * factor;
  // All values equal (a flat zero): one display unit of room rather than a range of 1e-9.
  const top = Math.max(0, max) * factor;
  const high = top - low > 1e-9 * Math.max(1, Math.abs(low)) ? top : low + 1;
  const rough = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((one) => one * power).find((one) => one >= rough * (1 - 1e-9)) ?? 10 * power;
  const ticks: number[] = [];
  const first = Math.floor(low / step + 1e-9);
  for (let index = first; ; index++) {
    // Multiplying the index (not adding steps) keeps 0.1 × 3 from drifting to 0.30000000000000004.
    const tick = Number((index * step).toPrecision(12));
    ticks.push(Number((tick / factor).toPrecision(12)));
    if (tick >= high - step * 1e-9) break;
  }
  return ticks;
}

/** Each tick value with its label, for the axis to look up (formatValue's words, exactly). */
export function valueLabels(ticks: readonly number[], unit: string): Record<string, string> {
  return Object.fromEntries(ticks.map((tick) => [String(tick), formatValue(tick, unit)]));
}

/** Steps between time ticks: round minutes, hours, days and weeks. */
const TIME_STEPS = [
  60,
  120,
  300,
  600,
  900,
  1800,
  3600,
  2 * 3600,
  3 * 3600,
  6 * 3600,
  12 * 3600,
  86400,
  2 * 86400,
  7 * 86400,
  14 * 86400,
  28 * 86400,
];

/** Tick times on round steps from `start` to `end` (seconds), at most `most` of them. */
export function timeTicks(start: number, end: number, most = 8): { times: number[]; step: number } {
  const step = TIME_STEPS.find((one) => (end - start) / one <= most) ?? Math.ceil((end - start) / most / 86400) * 86400;
  const times: number[] = [];
  for (let index = Math.ceil(start / step); index * step <= end; index++) times.push(index * step);
  return { times, step };
}

/** A tick on the clock (UTC): 14:00, a day's first tick with its date (11-08 00:00), days as 11-08. */
export function clockLabel(time: number, step: number): string {
  const iso = new Date(time * 1000).toISOString();
  if (step >= 86400) return iso.slice(5, 10);
  if (iso.slice(11, 16) === '00:00') return `${iso.slice(5, 10)} 00:00`;
  return iso.slice(11, 16);
}

/** A tick in time since the start of a scenario: 0, 45m, 1h, 1h 30m, 2d 6h (simulate's own durations). */
export function elapsedLabel(seconds: number): string {
  return seconds === 0 ? '0' : formatDuration(seconds);
}
