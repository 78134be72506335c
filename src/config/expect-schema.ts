// The `expect:` block of an environment: the settings of the infrastructure the monitoring depends
// on but does not manage (Memorystore Redis, the Serverless VPC Access connector, Cloud SQL, the
// Cloud Run services' VPC egress). The drift checks turn each value into a Terraform postcondition,
// so `terraform plan` fails when the real resource no longer matches.
//
// Each check is a sub-block; leaving it out means "not checked", and `enabled: false` turns it off
// while keeping the values in the file for the day it is turned on again. The values are spelt out
// in full (not inherited from `redis:` etc.) so the file reads as the contract it is;
// expectConflicts() reports where the two disagree.
import { z } from 'zod';
import { IPV4_ADDRESS, IPV4_CIDR_28, IdentifierFormat, NETWORK_NAME, VPC_CONNECTOR_NAME, CLOUD_RUN_SERVICE } from './identifiers';

const identifier = (format: IdentifierFormat) =>
  z.string({ error: `expected ${format.expected}` }).regex(format.pattern, { error: `expected ${format.expected}` });

const wholeNumber = (what: string, min: number, max: number) =>
  z.number({ error: `expected ${what}` }).int({ error: `expected ${what} as a whole number` })
    .gte(min, { error: `expected ${what} of at least ${min}` }).lte(max, { error: `expected ${what} at most ${max}` });

const enabled = z.boolean({ error: 'expected true or false' }).default(true);

// Values as the Memorystore API spells them (Instance.Tier, Instance.TransitEncryptionMode).
export const REDIS_TIERS = ['BASIC', 'STANDARD_HA'] as const;
export const TRANSIT_ENCRYPTION_MODES = ['DISABLED', 'SERVER_AUTHENTICATION'] as const;

const ExpectRedisSchema = z.strictObject({
  enabled,
  host: identifier(IPV4_ADDRESS),
  port: wholeNumber('a TCP port', 1, 65535),
  tier: z.enum(REDIS_TIERS, { error: `expected ${REDIS_TIERS.join(' or ')}` }),
  memorySizeGb: wholeNumber('a memory size in GB', 1, 300),
  version: z.string({ error: 'expected a Memorystore version such as REDIS_7_2' })
    .regex(/^REDIS_\d+_\d+$/, { error: 'expected a Memorystore version such as REDIS_7_2' }),
  authEnabled: z.boolean({ error: 'expected true or false' }),
  transitEncryptionMode: z.enum(TRANSIT_ENCRYPTION_MODES, { error: `expected ${TRANSIT_ENCRYPTION_MODES.join(' or ')}` }),
});

const ExpectVpcConnectorSchema = z.strictObject({
  enabled,
  // The Connector API's states are READY, CREATING, DELETING, ERROR and UPDATING; only READY
  // carries traffic, so it is the only state worth expecting.
  state: z.literal('READY', { error: 'expected READY (the only state in which the connector carries traffic)' }).default('READY'),
  network: identifier(NETWORK_NAME),
  ipCidrRange: identifier(IPV4_CIDR_28),
  minInstances: wholeNumber('a minimum instance count', 2, 9),
  maxInstances: wholeNumber('a maximum instance count', 3, 10),
});

const ExpectCloudSqlSchema = z.strictObject({
  enabled,
  // Shared-core (db-f1-micro, db-g1-small), custom (db-custom-<vCPUs>-<MB>) and predefined
  // (db-perf-optimized-N-8 etc.) machine tiers.
  tier: z.string({ error: 'expected a Cloud SQL tier such as db-custom-1-3840' })
    .regex(/^db-[a-z0-9-]+$/, { error: 'expected a Cloud SQL tier such as db-custom-1-3840' }),
  databaseVersion: z.string({ error: 'expected a Cloud SQL PostgreSQL version such as POSTGRES_15' })
    .regex(/^POSTGRES_\d+(_\d+)?$/, { error: 'expected a Cloud SQL PostgreSQL version such as POSTGRES_15' }),
  // The PostgreSQL latency alert reads Query Insights metrics: with insights off it is blind.
  queryInsightsEnabled: z.boolean({ error: 'expected true or false' }),
});

const ExpectCloudRunSchema = z.strictObject({
  enabled,
  // The services to check; every service of `cloudRun.services` when absent.
  services: z.array(identifier(CLOUD_RUN_SERVICE)).min(1, { error: 'expected at least one Cloud Run service' }).optional(),
  connector: identifier(VPC_CONNECTOR_NAME),
  egress: z.enum(['private-ranges-only', 'all-traffic'], { error: 'expected private-ranges-only or all-traffic' }),
});

export const ExpectSchema = z.strictObject({
  // Where the dashboard's drift tile links to: the scheduled drift workflow's page, e.g.
  // https://github.com/<owner>/<repo>/actions/workflows/drift.yml. The repository's URL is not
  // known to vigil; without it the tile names the workflow file instead of linking to it.
  driftWorkflowUrl: z.url({ protocol: /^https$/, error: 'expected an https URL such as https://github.com/acme/vigil/actions/workflows/drift.yml' }).optional(),
  redis: ExpectRedisSchema.optional(),
  vpcConnector: ExpectVpcConnectorSchema.optional(),
  cloudSql: ExpectCloudSqlSchema.optional(),
  cloudRun: ExpectCloudRunSchema.optional(),
});

export type Expect = z.output<typeof ExpectSchema>;
export type ExpectRedis = z.output<typeof ExpectRedisSchema>;
export type ExpectVpcConnector = z.output<typeof ExpectVpcConnectorSchema>;
export type ExpectCloudSql = z.output<typeof ExpectCloudSqlSchema>;
export type ExpectCloudRun = z.output<typeof ExpectCloudRunSchema>;

// Kept apart so that code comparing expectations (the drift checks) never loads zod.
export { expectConflicts, type ExpectContext } from './expect-conflicts';
