// The scenario a preview plots when none is given: the environment's outage, the incident its
// dashboards exist for. For staging that is the Redis AUTH outage replay (README, "Replay an
// incident"): the one scenario built from an incident's exports rather than written to test a rule.
export const OUTAGE_SCENARIOS: Readonly<Record<string, string>> = {
  staging: 'alert-tests/staging/replay-redis-auth/redis-auth-outage.yaml',
};
