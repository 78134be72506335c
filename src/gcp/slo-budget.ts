// Error-budget arithmetic shared by the SLO construct's runbooks, the README table and simulate:
// the budget is the share of the window allowed to be bad; a burn rate b spends it b times as fast
// as a steady pace that would use it up exactly at the end of the window (SRE workbook, ch. 5).

/** The error budget as time at a total outage: (1 − goal) × window, in seconds. */
export function errorBudgetSeconds(goalPercent: number, windowDays: number): number {
  return ((100 - goalPercent) / 100) * windowDays * 86400;
}

/** The share of the window's budget a burn rate spends over a lookback: burn × lookback / window. */
export function budgetSpentFraction(burnRate: number, lookbackSeconds: number, windowDays: number): number {
  return (burnRate * lookbackSeconds) / (windowDays * 86400);
}

/** How long the whole budget lasts at a burn rate: window / burn. */
export function budgetExhaustedAfterSeconds(burnRate: number, windowDays: number): number {
  return (windowDays * 86400) / burnRate;
}

/** The largest burn rate an SLO can show (every event bad): 1 / (1 − goal). */
export function maxBurnRate(goalPercent: number): number {
  return 100 / (100 - goalPercent);
}

/** "3 d 4 h", "7 h 18 min", "43 min", "26 s": a budget in words, to the minute above an hour. */
export function budgetWords(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
