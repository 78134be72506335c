// The environment schema: the single source of the Environment type, of the JSON Schema that
// editors use for environments/*.yaml, and of the validation messages. Every field that names an
// identifier carries the words of what is expected; thresholds carry their unit in their name.
import { AdoptSchema } from './adopt-schema';
import { z } from 'zod';
import {
  CHANNEL_ID,
  CLOUD_RUN_SERVICE,
  CLOUD_SQL_INSTANCE,
  ENVIRONMENT_NAME,
  GCS_BUCKET,
  IPV4_ADDRESS,
  IPV4_CIDR_28,
  NETWORK_NAME,
  PROJECT_ID,
  REDIS_INSTANCE_ID,
  REGION,
  VPC_CONNECTOR_NAME,
} from './identifiers';
import { ExpectSchema } from './expect-schema';
import { GoldenPathSchema } from './golden-path-schema';
import { boundedText, LogFilter } from './free-text';
import { MAX_CHANNEL_DESCRIPTION_CHARS, MAX_EMAIL_ADDRESS_CHARS } from '../gcp/api-limits';
import { httpsUrl, identifier, positive, thresholdsSchema, wholeNumber } from './schema-fields';
import { SIGNAL_DEFINITIONS } from './signals/registry';
import { SlosSchema } from './slo-schema';
import { CONNECTOR_MACHINE_TYPES } from '../gcp/vpc-connector-throughput';
import type { SignalDefinition } from './signals/signal-definition';

// vigil parses each environment once per process: zod's JIT-compiled object parsers cost more to
// compile (~15 ms on the first parse) than they save on a single parse.
z.config({ jitless: true });

export { SEVERITIES, type Severity } from './severities';

const channelDescription = boundedText('a channel description', MAX_CHANNEL_DESCRIPTION_CHARS);

const EmailChannel = z.strictObject({
  id: identifier(CHANNEL_ID).describe(
    "The channel's id, used in notifications.routing and in the Terraform resource name.",
  ),
  type: z.literal('email').describe('email: a mailbox.'),
  address: z
    .email({ error: 'expected an email address' })
    .max(MAX_EMAIL_ADDRESS_CHARS, {
      error: `expected an email address of at most ${MAX_EMAIL_ADDRESS_CHARS} characters`,
    })
    .describe('The email address alerts are sent to.'),
  description: channelDescription
    .optional()
    .describe('Free text shown on the notification channel in Cloud Monitoring.'),
});

// Slack and PagerDuty secrets are never in YAML: the stack declares a sensitive Terraform
// variable per channel (TF_VAR_<name>), so the strict schema rejects any token field here.
const SlackChannel = z.strictObject({
  id: identifier(CHANNEL_ID).describe(
    "The channel's id, used in notifications.routing; its token comes from TF_VAR_slack_auth_token_<id with _>.",
  ),
  type: z
    .literal('slack')
    .describe('slack: a Slack channel; the token is a sensitive Terraform variable, never in YAML.'),
  channel: z
    .string()
    .regex(/^#[a-z0-9][a-z0-9._-]{0,79}$/, { error: 'expected a Slack channel name such as #staging-alerts' })
    .describe('The Slack channel name, with its #.'),
  description: channelDescription
    .optional()
    .describe('Free text shown on the notification channel in Cloud Monitoring.'),
});

const PagerDutyChannel = z.strictObject({
  id: identifier(CHANNEL_ID).describe(
    "The channel's id, used in notifications.routing; its service key comes from TF_VAR_pagerduty_service_key_<id with _>.",
  ),
  type: z
    .literal('pagerduty')
    .describe('pagerduty: a PagerDuty service; the key is a sensitive Terraform variable, never in YAML.'),
  description: channelDescription
    .optional()
    .describe('Free text shown on the notification channel in Cloud Monitoring.'),
});

export const ChannelSchema = z.discriminatedUnion('type', [EmailChannel, SlackChannel, PagerDutyChannel], {
  error: 'expected a channel of type email, slack or pagerduty',
});

const channelIds = z.array(identifier(CHANNEL_ID));

const NotificationsSchema = z.strictObject({
  channels: z
    .array(ChannelSchema)
    .min(1, { error: 'expected at least one notification channel' })
    .describe('Where alerts can go: email, Slack or PagerDuty channels.'),
  // Which channels each severity notifies. Critical alerts must reach somebody.
  routing: z
    .strictObject({
      critical: channelIds
        .min(1, { error: 'expected at least one channel for critical alerts' })
        .describe('Channel ids notified by critical alerts (at least one).'),
      error: channelIds.optional().describe('Channel ids notified by error alerts.'),
      warning: channelIds.optional().describe('Channel ids notified by warning alerts.'),
    })
    .describe('Which channels each alert severity notifies.'),
});

// HCP Terraform names (Workspaces API): letters, digits, "-" and "_".
const TERRAFORM_CLOUD_NAME = /^[A-Za-z0-9_-]+$/;
const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::\d{1,5})?$/;

const StateBackendSchema = z.union(
  [
    z.strictObject({
      local: z
        .strictObject({
          path: z
            .string()
            .min(1)
            .optional()
            .describe(
              'The state file, relative to the directory holding cdktf.out (default state/terraform.monitoring-<env>.tfstate).',
            ),
        })
        .describe('Terraform state in a local file.'),
    }),
    z.strictObject({
      gcs: z
        .strictObject({
          bucket: identifier(GCS_BUCKET).describe('The Cloud Storage bucket that holds the state.'),
          prefix: z
            .string()
            .regex(/^[A-Za-z0-9._\/-]+$/)
            .optional()
            .describe('The object prefix of the state in the bucket (default vigil/monitoring-<env>).'),
        })
        .describe('Terraform state in a Cloud Storage bucket.'),
    }),
    // HCP Terraform / Terraform Enterprise, one workspace per stack (default vigil-monitoring-<env>).
    // There is deliberately no token field: terraform reads TF_TOKEN_<host> or `terraform login`'s credentials.
    z.strictObject({
      cloud: z
        .strictObject({
          organization: z
            .string()
            .regex(TERRAFORM_CLOUD_NAME, {
              error: 'expected an HCP Terraform organization name: letters, digits, "-" or "_"',
            })
            .describe('The HCP Terraform / Terraform Enterprise organization.'),
          hostname: z
            .string()
            .regex(HOSTNAME, { error: 'expected a host name such as app.terraform.io (no scheme, no path)' })
            .optional()
            .describe(
              'The HCP Terraform or Terraform Enterprise host (default app.terraform.io); the token comes from TF_TOKEN_<host>.',
            ),
          workspace: z
            .string()
            .regex(TERRAFORM_CLOUD_NAME, { error: 'expected a workspace name: letters, digits, "-" or "_"' })
            .optional()
            .describe('The workspace of this stack (default vigil-monitoring-<env>).'),
          project: z.string().min(1).optional().describe('The HCP Terraform project the workspace belongs to.'),
        })
        .describe('Terraform state in an HCP Terraform / Terraform Enterprise workspace.'),
    }),
  ],
  {
    error:
      'expected either local: {path}, gcs: {bucket, prefix} or cloud: {organization, hostname, workspace, project}',
  },
);

const RedisSchema = z.strictObject({
  instanceId: identifier(REDIS_INSTANCE_ID).describe('The Memorystore for Redis instance id.'),
  host: identifier(IPV4_ADDRESS).describe("The instance's private IP address, as the services connect to it."),
  port: wholeNumber('a TCP port', 1, 65535).default(6379).describe("The instance's port."),
  tier: z.enum(['BASIC', 'STANDARD_HA'], { error: 'expected BASIC or STANDARD_HA' }).describe('The Memorystore tier.'),
  memorySizeGb: positive('a memory size in GB', 300).describe("The instance's memory size in GB."),
  version: z
    .string({ error: 'expected a Memorystore version such as REDIS_7_2' })
    .regex(/^REDIS_\d+_\d+$/, { error: 'expected a Memorystore version such as REDIS_7_2' })
    .describe('The Memorystore Redis version, such as REDIS_7_2.'),
  authEnabled: z
    .boolean({ error: 'expected true or false' })
    .describe('Whether the instance requires AUTH (the password the staging outage lacked).'),
  // Log filters of the log-based metrics behind the connection-failure ratio. Defaults read the
  // Cloud Run services' own logs; see src/config/default-log-filters.ts.
  logs: z
    .strictObject({
      connectionErrorFilter: LogFilter.optional().describe(
        'Cloud Logging filter matching one entry per Redis connection error.',
      ),
      operationFilter: LogFilter.optional().describe(
        "Cloud Logging filter matching one entry per request that uses Redis (the ratio's denominator).",
      ),
    })
    .optional()
    .describe(
      "Log filters of the log-based metrics behind the connection-failure ratio; defaults read the Cloud Run services' logs.",
    ),
});

const PostgresSchema = z.strictObject({
  instance: identifier(CLOUD_SQL_INSTANCE).describe('The Cloud SQL for PostgreSQL instance name.'),
  // The database name the Query Insights metrics are filtered on; all databases when absent.
  database: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/, { error: 'expected a PostgreSQL database name' })
    .optional()
    .describe('The database the Query Insights metrics are filtered on; all databases when absent.'),
});

const VpcConnectorSchema = z.strictObject({
  name: identifier(VPC_CONNECTOR_NAME).describe('The Serverless VPC Access connector the services use.'),
  network: identifier(NETWORK_NAME).describe('The VPC network of the connector.'),
  ipCidrRange: identifier(IPV4_CIDR_28).describe("The connector's /28 IP range."),
  minInstances: wholeNumber('a minimum instance count', 2, 9)
    .default(2)
    .describe("The connector's minimum instance count; fewer serving instances raise an alert."),
  maxInstances: wholeNumber('a maximum instance count', 3, 10)
    .default(10)
    .describe("The connector's maximum instance count; at it the connector cannot grow and a warning is raised."),
  // The machine type sets each instance's throughput (src/gcp/vpc-connector-throughput.ts); the
  // API's default is e2-micro (Serverless VPC Access API, Connector.machineType).
  machineType: z
    .enum(CONNECTOR_MACHINE_TYPES, { error: `expected one of ${CONNECTOR_MACHINE_TYPES.join(', ')}` })
    .default('e2-micro')
    .describe(
      "The connector's machine type (default e2-micro, the API's default); its throughput per instance times maxInstances is the connector's capacity.",
    ),
});

const CloudRunSchema = z.strictObject({
  services: z
    .array(identifier(CLOUD_RUN_SERVICE))
    .min(1, { error: 'expected at least one Cloud Run service' })
    .describe('The Cloud Run services monitored (request metrics, log-based metrics, runbook commands).'),
  egress: z
    .enum(['private-ranges-only', 'all-traffic'], { error: 'expected private-ranges-only or all-traffic' })
    .describe("The services' VPC egress setting."),
  // Google's page on maximum instances gave 100 as the services' default (stored copy of
  // cloud.google.com/run/docs/configuring/max-instances-limits); its newer wording derives the
  // default from regional quotas, so set the value the services are deployed with.
  maxInstances: wholeNumber('a maximum instance count', 1, 1000)
    .default(100)
    .describe(
      "Each service's maximum instances (--max-instances; default 100): a revision at it cannot scale further and new requests are rejected.",
    ),
});

export const CHECKER_REGIONS = [
  'USA',
  'EUROPE',
  'SOUTH_AMERICA',
  'ASIA_PACIFIC',
  'USA_OREGON',
  'USA_IOWA',
  'USA_VIRGINIA',
] as const;

const UptimeSchema = z.strictObject({
  // The backend's health endpoint: JSON with redis and postgresql sections.
  backendHealthUrl: httpsUrl.describe("The backend's health endpoint: JSON with redis and postgresql sections."),
  authHealthUrl: httpsUrl.describe("The auth service's health endpoint."),
  checkerRegions: z
    .array(z.enum(CHECKER_REGIONS, { error: `expected one of ${CHECKER_REGIONS.join(', ')}` }))
    .default(['USA', 'EUROPE', 'ASIA_PACIFIC'])
    .describe('Uptime checker regions (at least three).'),
  periodSeconds: z
    .union([z.literal(60), z.literal(300), z.literal(600), z.literal(900)], {
      error: 'expected a check period of 60, 300, 600 or 900 seconds',
    })
    .default(60)
    .describe('How often each uptime check runs, in seconds.'),
  timeoutSeconds: wholeNumber('a check timeout in seconds', 1, 60)
    .default(10)
    .describe('How long an uptime check waits for an answer, in seconds.'),
});

const AgentSchema = z.strictObject({
  // One log entry per finished agent execution, and one per execution that hit its timeout.
  executionFilter: LogFilter.optional().describe(
    'Cloud Logging filter matching one entry per finished agent execution.',
  ),
  timeoutFilter: LogFilter.optional().describe(
    'Cloud Logging filter matching one entry per agent execution that hit its timeout.',
  ),
  // The field of the execution log entry that holds the execution time in seconds.
  durationField: z
    .string()
    .regex(/^jsonPayload\.[A-Za-z0-9_.]+$/, {
      error: 'expected a jsonPayload field such as jsonPayload.duration_seconds',
    })
    .default('jsonPayload.duration_seconds')
    .describe('The field of the execution log entry that holds the execution time in seconds.'),
});

// One block per signal, from the signal registry: each signal declares its own thresholds and
// defaults (src/config/signals/).
type SignalDefinitions = (typeof SIGNAL_DEFINITIONS)[number];
type ThresholdsShape = { [D in SignalDefinitions as D['key']]: z.ZodPrefault<ReturnType<D['thresholds']>> };

function thresholdsShape(): ThresholdsShape {
  return Object.fromEntries(
    SIGNAL_DEFINITIONS.map((signal) => [
      signal.key,
      thresholdsSchema(signal as SignalDefinition)
        .prefault({})
        .describe(`${signal.title}: ${signal.summary}`),
    ]),
  ) as ThresholdsShape;
}

const ThresholdsSchema = z.strictObject(thresholdsShape()).prefault({});

export const EnvironmentFileSchema = z.strictObject({
  // Inherit from another environment of the same directory: mappings merge, lists are replaced
  // whole, and identifiers are never inherited (src/config/resolve-extends.ts, docs/clone.md).
  extends: identifier(ENVIRONMENT_NAME)
    .optional()
    .describe(
      'Inherit from another environment of the same directory (mappings merge, lists are replaced, identifiers are never inherited).',
    ),
  project: identifier(PROJECT_ID).describe('The Google Cloud project the monitoring is created in.'),
  region: identifier(REGION).describe("The region of the environment's resources."),
  stateBackend: StateBackendSchema.optional().describe(
    "Where Terraform keeps this stack's state (local file by default).",
  ),
  notifications: NotificationsSchema.describe('Notification channels and which severities they receive.'),
  redis: RedisSchema.describe('The Memorystore for Redis instance the services use.'),
  postgres: PostgresSchema.describe('The Cloud SQL for PostgreSQL instance the services use.'),
  vpcConnector: VpcConnectorSchema.describe(
    'The Serverless VPC Access connector between Cloud Run and the private services.',
  ),
  cloudRun: CloudRunSchema.describe('The Cloud Run services of the environment.'),
  uptime: UptimeSchema.describe('Uptime checks of the health endpoints.'),
  agent: AgentSchema.prefault({}).describe('Where the agent execution signal finds its log entries.'),
  goldenPath: GoldenPathSchema.optional().describe(
    'A synthetic monitor running a real chat turn end to end: token, WebSocket, agent events in order, deadline (docs/golden-path.md).',
  ),
  thresholds: ThresholdsSchema.describe('Alert thresholds per signal; every name carries its unit.'),
  slos: SlosSchema.describe('Service level objectives with burn-rate alerts: goals and rolling windows (docs/slo.md).'),
  adopt: AdoptSchema.optional().describe(
    'Live resources the stack takes over with Terraform import blocks (docs/adopt.md).',
  ),
  expect: ExpectSchema.optional().describe(
    'What the monitoring assumes about infrastructure it does not manage, checked at every terraform plan (docs/drift.md).',
  ),
});

export type EnvironmentFile = z.output<typeof EnvironmentFileSchema>;
export type Channel = z.output<typeof ChannelSchema>;
export type Thresholds = EnvironmentFile['thresholds'];
