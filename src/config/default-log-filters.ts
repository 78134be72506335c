// Default Cloud Logging filters of the log-based metrics, derived from the environment's own
// services. They assume what the chat backend logs today (see README "Log-based metrics"); an
// environment whose services log differently sets its own filters in YAML.

function servicesClause(services: readonly string[]): string {
  const quoted = services.map((service) => `"${service}"`);
  const value = quoted.length === 1 ? quoted[0] : `(${quoted.join(' OR ')})`;
  return `resource.type="cloud_run_revision" AND resource.labels.service_name=${value}`;
}

// The backend's Redis client errors, as Python's redis library words them
// ("Error -3 connecting to 10.166.204.83:6379", "NOAUTH Authentication required", timeouts).
const REDIS_ERROR_PATTERN = '(?i)(redis.*(error|refused|timed? ?out|unreachable)|NOAUTH|Error -?[0-9]+ connecting to)';

export function defaultRedisConnectionErrorFilter(services: readonly string[]): string {
  return `${servicesClause(services)} AND severity>=WARNING AND (textPayload=~"${REDIS_ERROR_PATTERN}" OR jsonPayload.message=~"${REDIS_ERROR_PATTERN}")`;
}

// Every request the services serve touches Redis (sessions, rate limits, the health probe), so
// the request log is the denominator of the connection-failure ratio.
export function defaultRedisOperationFilter(services: readonly string[]): string {
  return `${servicesClause(services)} AND log_id("run.googleapis.com/requests")`;
}

export function defaultAgentExecutionFilter(services: readonly string[]): string {
  return `${servicesClause(services)} AND jsonPayload.event="agent_execution_finished"`;
}

export function defaultAgentTimeoutFilter(services: readonly string[]): string {
  return `${defaultAgentExecutionFilter(services)} AND jsonPayload.outcome="timeout"`;
}
