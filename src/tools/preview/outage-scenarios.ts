// The scenario a preview plots when none is given: the environment's outage, the incident its
// dashboards exist for. For staging that is the Redis AUTH outage as the failure-mode catalog writes
// it (failure-modes/staging.yaml, redis-noauth): the whole stack's healthy baseline (Redis,
// PostgreSQL, the connector, uptime checks, agents) and then every Redis command failing, so most
// tiles have data. The replay of the outage's exports (alert-tests/staging/replay-redis-auth/) holds
// only the Redis series; `--scenario` draws it.
export const OUTAGE_SCENARIOS: Readonly<Record<string, string>> = {
  staging: 'alert-tests/staging/failure-modes/redis-noauth.yaml',
};
