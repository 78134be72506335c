// Durations as the three sources write them: Terraform and REST give "300s" (REST may also give
// {seconds: "300"}), scenario files give "5m", "1h30m", "90s" or a number of seconds.

const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;

/** Seconds in `text`, or undefined when it is not a duration. */
export function parseDurationText(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === '') return undefined;
  let seconds = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const start = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (!match || match.index !== start) return undefined;
    seconds += Number(match[1]) * UNIT_SECONDS[match[2]];
  }
  return seconds;
}

/** A duration field of a policy: "300s", {seconds: "300", nanos: 0}, 300; absent gives `fallback`. */
export function policyDurationSeconds(value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseDurationText(value) ?? fallback;
  if (typeof value === 'object') {
    const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
    return Number(seconds ?? 0) + Number(nanos ?? 0) / 1e9;
  }
  return fallback;
}

/** "1h 5m", "4m 30s", "0s": the shortest exact form a person reads at a glance. */
export function formatDuration(totalSeconds: number): string {
  if (totalSeconds === 0) return '0s';
  const sign = totalSeconds < 0 ? '-' : '';
  let rest = Math.abs(Math.round(totalSeconds));
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return sign + parts.join(' ');
}
