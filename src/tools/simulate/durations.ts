// Durations in simulate's output: "1h 5m", "4m 30s". (Parsing, of policies and scenario files
// alike, is the artifact model's: src/artifact/duration.ts.)

/** "1h 5m", "4m 30s", "0s": the shortest exact form a person reads at a glance. */
export function formatDuration(totalSeconds: number): string {
  if (totalSeconds === 0) return '0s';
  const sign = totalSeconds < 0 ? '-' : '';
  let rest = Math.abs(Math.round(totalSeconds));
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return sign + parts.join(' ');
}
