// The environment schema: the single source of the Environment type, of the JSON Schema that
// editors use for environments/*.yaml, and of the validation messages. Every field that names an
// identifier carries the words of what is expected; thresholds carry their unit in their name.
import { z } from 'zod';
import {
  CHANNEL_ID, CLOUD_RUN_SERVICE, CLOUD_SQL_INSTANCE, ENVIRONMENT_NAME, GCS_BUCKET, IPV4_ADDRESS, IPV4_CIDR_28, IdentifierFormat,
  NETWORK_NAME, PROJECT_ID, REDIS_INSTANCE_ID, REGION, VPC_CONNECTOR_NAME,
} from './identifiers';
import { ExpectSchema } from './expect-schema';

// vigil parses each environment once per process: zod's JIT-compiled object parsers cost more to
// compile (~15 ms on the first parse) than they save on a single parse.
z.config({ jitless: true });

const identifier = (format: IdentifierFormat) => z.string({ error: `expected ${format.expected}` }).regex(format.pattern, { error: `expected ${format.expected}` });

const positive = (what: string, max: number) =>
  z.number({ error: `expected ${what}` }).gt(0, { error: `expected ${what} greater than 0` }).lte(max, { error: `expected ${what} at most ${max}` });

const wholeNumber = (what: string, min: number, max: number) =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what} as a whole number` })
    .gte(min, { error: `expected ${what} of at least ${min}` }).lte(max, { error: `expected ${what} at most ${max}` });

// Alert durations must be whole minutes (the API rejects anything else, facts file §2.2).
const wholeMinutes = (what: string, min: number, max: number) =>
  wholeNumber(what, min, max).multipleOf(60, { error: `expected ${what} that is a whole number of minutes (a multiple of 60)` });

const httpsUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://api.example.com/health' });

export { SEVERITIES, type Severity } from './severities';

const EmailChannel = z.strictObject({
  id: identifier(CHANNEL_ID),
  type: z.literal('email'),
  address: z.email({ error: 'expected an email address' }),
  description: z.string().optional(),
});

// Slack and PagerDuty secrets are never in YAML: the stack declares a sensitive Terraform
// variable per channel (TF_VAR_<name>), so the strict schema rejects any token field here.
const SlackChannel = z.strictObject({
  id: identifier(CHANNEL_ID),
  type: z.literal('slack'),
  channel: z.string().regex(/^#[a-z0-9][a-z0-9._-]{0,79}$/, { error: 'expected a Slack channel name such as #staging-alerts' }),
  description: z.string().optional(),
});

const PagerDutyChannel = z.strictObject({
  id: identifier(CHANNEL_ID),
  type: z.literal('pagerduty'),
  description: z.string().optional(),
});

export const ChannelSchema = z.discriminatedUnion('type', [EmailChannel, SlackChannel, PagerDutyChannel], {
  error: 'expected a channel of type email, slack or pagerduty',
});

const channelIds = z.array(identifier(CHANNEL_ID));

const NotificationsSchema = z.strictObject({
  channels: z.array(ChannelSchema).min(1, { error: 'expected at least one notification channel' }),
  // Which channels each severity notifies. Critical alerts must reach somebody.
  routing: z.strictObject({
    critical: channelIds.min(1, { error: 'expected at least one channel for critical alerts' }),
    error: channelIds.optional(),
    warning: channelIds.optional(),
  }),
});

// HCP Terraform names (Workspaces API): letters, digits, "-" and "_".
const TERRAFORM_CLOUD_NAME = /^[A-Za-z0-9_-]+$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::\d{1,5})?$/;

const StateBackendSchema = z.union([
  z.strictObject({ local: z.strictObject({ path: z.string().min(1).optional() }) }),
  z.strictObject({ gcs: z.strictObject({ bucket: identifier(GCS_BUCKET), prefix: z.string().regex(/^[A-Za-z0-9._\/-]+$/).optional() }) }),
  // HCP Terraform / Terraform Enterprise, one workspace per stack (default vigil-monitoring-<env>).
  // There is deliberately no token field: terraform reads TF_TOKEN_<host> or `terraform login`'s credentials.
  z.strictObject({ cloud: z.strictObject({
    organization: z.string().regex(TERRAFORM_CLOUD_NAME, { error: 'expected an HCP Terraform organization name: letters, digits, "-" or "_"' }),
    hostname: z.string().regex(HOSTNAME, { error: 'expected a host name such as app.terraform.io (no scheme, no path)' }).optional(),
    workspace: z.string().regex(TERRAFORM_CLOUD_NAME, { error: 'expected a workspace name: letters, digits, "-" or "_"' }).optional(),
    project: z.string().min(1).optional(),
  }) }),
], { error: 'expected either local: {path}, gcs: {bucket, prefix} or cloud: {organization, hostname, workspace, project}' });

const RedisSchema = z.strictObject({
  instanceId: identifier(REDIS_INSTANCE_ID),
  host: identifier(IPV4_ADDRESS),
  port: wholeNumber('a TCP port', 1, 65535).default(6379),
  tier: z.enum(['BASIC', 'STANDARD_HA'], { error: 'expected BASIC or STANDARD_HA' }),
  memorySizeGb: positive('a memory size in GB', 300),
  version: z.string({ error: 'expected a Memorystore version such as REDIS_7_2' }).regex(/^REDIS_\d+_\d+$/, { error: 'expected a Memorystore version such as REDIS_7_2' }),
  authEnabled: z.boolean({ error: 'expected true or false' }),
  // Log filters of the log-based metrics behind the connection-failure ratio. Defaults read the
  // Cloud Run services' own logs; see src/config/default-log-filters.ts.
  logs: z.strictObject({
    connectionErrorFilter: z.string().min(1).optional(),
    operationFilter: z.string().min(1).optional(),
  }).optional(),
});

const PostgresSchema = z.strictObject({
  instance: identifier(CLOUD_SQL_INSTANCE),
  // The database name the Query Insights metrics are filtered on; all databases when absent.
  database: z.string().regex(/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/, { error: 'expected a PostgreSQL database name' }).optional(),
});

const VpcConnectorSchema = z.strictObject({
  name: identifier(VPC_CONNECTOR_NAME),
  network: identifier(NETWORK_NAME),
  ipCidrRange: identifier(IPV4_CIDR_28),
  minInstances: wholeNumber('a minimum instance count', 2, 9).default(2),
  maxInstances: wholeNumber('a maximum instance count', 3, 10).default(10),
});

const CloudRunSchema = z.strictObject({
  services: z.array(identifier(CLOUD_RUN_SERVICE)).min(1, { error: 'expected at least one Cloud Run service' }),
  egress: z.enum(['private-ranges-only', 'all-traffic'], { error: 'expected private-ranges-only or all-traffic' }),
});

export const CHECKER_REGIONS = ['USA', 'EUROPE', 'SOUTH_AMERICA', 'ASIA_PACIFIC', 'USA_OREGON', 'USA_IOWA', 'USA_VIRGINIA'] as const;

const UptimeSchema = z.strictObject({
  // The backend's health endpoint: JSON with redis and postgresql sections.
  backendHealthUrl: httpsUrl,
  authHealthUrl: httpsUrl,
  checkerRegions: z.array(z.enum(CHECKER_REGIONS, { error: `expected one of ${CHECKER_REGIONS.join(', ')}` }))
    .default(['USA', 'EUROPE', 'ASIA_PACIFIC']),
  periodSeconds: z.union([z.literal(60), z.literal(300), z.literal(600), z.literal(900)], { error: 'expected a check period of 60, 300, 600 or 900 seconds' }).default(60),
  timeoutSeconds: wholeNumber('a check timeout in seconds', 1, 60).default(10),
});

const AgentSchema = z.strictObject({
  // One log entry per finished agent execution, and one per execution that hit its timeout.
  executionFilter: z.string().min(1).optional(),
  timeoutFilter: z.string().min(1).optional(),
  // The field of the execution log entry that holds the execution time in seconds.
  durationField: z.string().regex(/^jsonPayload\.[A-Za-z0-9_.]+$/, { error: 'expected a jsonPayload field such as jsonPayload.duration_seconds' }).default('jsonPayload.duration_seconds'),
});

const ThresholdsSchema = z.strictObject({
  redis: z.strictObject({
    connectionFailurePercent: positive('a percentage', 100).default(1),
    windowSeconds: wholeMinutes('a window in seconds', 60, 3600).default(300),
    // Preflight calls Redis degraded above this.
    responseTimeMs: positive('a response time in ms', 60000).default(100),
  }).prefault({}),
  postgres: z.strictObject({
    p99LatencyMs: positive('a latency in ms', 600000).default(500),
    p99WarningLatencyMs: positive('a latency in ms', 600000).default(200),
    durationSeconds: wholeMinutes('a duration in seconds', 0, 86400).default(300),
    // Preflight calls PostgreSQL degraded above this.
    responseTimeMs: positive('a response time in ms', 60000).default(200),
  }).prefault({}),
  vpcConnector: z.strictObject({
    absentForSeconds: wholeMinutes('a duration in seconds', 120, 84600).default(600),
    durationSeconds: wholeMinutes('a duration in seconds', 0, 86400).default(300),
  }).prefault({}),
  agent: z.strictObject({
    timeoutRatePercent: positive('a percentage', 100).default(5),
    windowSeconds: wholeMinutes('a window in seconds', 60, 86400).default(600),
    minExecutionsPerWindow: wholeNumber('an execution count', 1, 1000000).default(20),
    executionBudgetSeconds: positive('a duration in seconds', 3600).default(30),
  }).prefault({}),
  uptime: z.strictObject({
    failingLocations: wholeNumber('a number of checker locations', 1, 7).default(2),
    durationSeconds: wholeMinutes('a duration in seconds', 0, 86400).default(60),
  }).prefault({}),
}).prefault({});

export const EnvironmentFileSchema = z.strictObject({
  // Inherit from another environment of the same directory: mappings merge, lists are replaced
  // whole, and identifiers are never inherited (src/config/resolve-extends.ts, docs/clone.md).
  extends: identifier(ENVIRONMENT_NAME).optional(),
  project: identifier(PROJECT_ID),
  region: identifier(REGION),
  stateBackend: StateBackendSchema.optional(),
  notifications: NotificationsSchema,
  redis: RedisSchema,
  postgres: PostgresSchema,
  vpcConnector: VpcConnectorSchema,
  cloudRun: CloudRunSchema,
  uptime: UptimeSchema,
  agent: AgentSchema.prefault({}),
  thresholds: ThresholdsSchema,
  expect: ExpectSchema.optional(),
});

export type EnvironmentFile = z.output<typeof EnvironmentFileSchema>;
export type Channel = z.output<typeof ChannelSchema>;
export type Thresholds = EnvironmentFile['thresholds'];
