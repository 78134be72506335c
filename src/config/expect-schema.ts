// The `expect:` block of an environment: the settings of the infrastructure the monitoring depends
// on but does not manage (Memorystore Redis, the Serverless VPC Access connector, Cloud SQL, the
// Cloud Run services' VPC egress). The drift checks turn each value into a Terraform postcondition,
// so `terraform plan` fails when the real resource no longer matches.
//
// Each check is a sub-block; leaving it out means "not checked", and `enabled: false` turns it off
// while keeping the values in the file for the day it is turned on again. The values are spelt out
// in full (not inherited from `redis:` etc.) so the file reads as the contract it is;
// expectConflicts() reports where the two disagree.
import { CONNECTOR_MACHINE_TYPES } from '../gcp/vpc-connector-throughput';
import { z } from 'zod';
import {
  IPV4_ADDRESS,
  IPV4_CIDR_28,
  IdentifierFormat,
  NETWORK_NAME,
  VPC_CONNECTOR_NAME,
  CLOUD_RUN_SERVICE,
} from './identifiers';

const identifier = (format: IdentifierFormat) =>
  z.string({ error: `expected ${format.expected}` }).regex(format.pattern, { error: `expected ${format.expected}` });

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `expected ${what}` })
    .int({ error: `expected ${what} as a whole number` })
    .gte(min, { error: `expected ${what} of at least ${min}` })
    .lte(max, { error: `expected ${what} at most ${max}` });

const enabled = z
  .boolean({ error: 'expected true or false' })
  .default(true)
  .describe("false turns this block's drift checks off.");

// Values as the Memorystore API spells them (Instance.Tier, Instance.TransitEncryptionMode).
export const REDIS_TIERS = ['BASIC', 'STANDARD_HA'] as const;
export const TRANSIT_ENCRYPTION_MODES = ['DISABLED', 'SERVER_AUTHENTICATION'] as const;

const ExpectRedisSchema = z.strictObject({
  enabled,
  host: identifier(IPV4_ADDRESS).describe("The instance's expected IP address (must equal redis.host)."),
  port: wholeNumber('a TCP port', 1, 65535).describe("The instance's expected port (must equal redis.port)."),
  tier: z
    .enum(REDIS_TIERS, { error: `expected ${REDIS_TIERS.join(' or ')}` })
    .describe('The expected Memorystore tier.'),
  memorySizeGb: wholeNumber('a memory size in GB', 1, 300).describe('The expected memory size in GB.'),
  version: z
    .string({ error: 'expected a Memorystore version such as REDIS_7_2' })
    .regex(/^REDIS_\d+_\d+$/, { error: 'expected a Memorystore version such as REDIS_7_2' })
    .describe('The expected Redis version.'),
  authEnabled: z.boolean({ error: 'expected true or false' }).describe('Whether AUTH is expected to be required.'),
  transitEncryptionMode: z
    .enum(TRANSIT_ENCRYPTION_MODES, { error: `expected ${TRANSIT_ENCRYPTION_MODES.join(' or ')}` })
    .describe('The expected transit encryption mode.'),
});

const ExpectVpcConnectorSchema = z.strictObject({
  enabled,
  // The Connector API's states are READY, CREATING, DELETING, ERROR and UPDATING; only READY
  // carries traffic, so it is the only state worth expecting.
  state: z
    .literal('READY', { error: 'expected READY (the only state in which the connector carries traffic)' })
    .default('READY')
    .describe('The expected connector state: READY.'),
  network: identifier(NETWORK_NAME).describe("The connector's expected network."),
  ipCidrRange: identifier(IPV4_CIDR_28).describe("The connector's expected /28 range."),
  minInstances: wholeNumber('a minimum instance count', 2, 9).describe("The connector's expected minimum instances."),
  maxInstances: wholeNumber('a maximum instance count', 3, 10).describe("The connector's expected maximum instances."),
  // The connector's capacity, which its throughput alerts compare against, is maxInstances times
  // the throughput of one instance of this machine type.
  machineType: z
    .enum(CONNECTOR_MACHINE_TYPES, { error: `expected one of ${CONNECTOR_MACHINE_TYPES.join(', ')}` })
    .optional()
    .describe("The connector's expected machine type (the same as vpcConnector.machineType); checked when given."),
});

const ExpectCloudSqlSchema = z.strictObject({
  enabled,
  // Shared-core (db-f1-micro, db-g1-small), custom (db-custom-<vCPUs>-<MB>) and predefined
  // (db-perf-optimized-N-8 etc.) machine tiers.
  tier: z
    .string({ error: 'expected a Cloud SQL tier such as db-custom-1-3840' })
    .regex(/^db-[a-z0-9-]+$/, { error: 'expected a Cloud SQL tier such as db-custom-1-3840' })
    .describe("The instance's expected machine tier, such as db-custom-1-3840."),
  databaseVersion: z
    .string({ error: 'expected a Cloud SQL PostgreSQL version such as POSTGRES_15' })
    .regex(/^POSTGRES_\d+(_\d+)?$/, { error: 'expected a Cloud SQL PostgreSQL version such as POSTGRES_15' })
    .describe('The expected PostgreSQL version, such as POSTGRES_15.'),
  // The PostgreSQL latency alert reads Query Insights metrics: with insights off it is blind.
  queryInsightsEnabled: z
    .boolean({ error: 'expected true or false' })
    .describe('Whether Query Insights is expected on (the latency alert reads its metrics).'),
});

const ExpectCloudRunSchema = z.strictObject({
  enabled,
  // The services to check; every service of `cloudRun.services` when absent.
  services: z
    .array(identifier(CLOUD_RUN_SERVICE))
    .min(1, { error: 'expected at least one Cloud Run service' })
    .optional()
    .describe('Services expected to use the connector (default: every service of cloudRun.services).'),
  connector: identifier(VPC_CONNECTOR_NAME).describe('The connector the services are expected to use.'),
  egress: z
    .enum(['private-ranges-only', 'all-traffic'], { error: 'expected private-ranges-only or all-traffic' })
    .describe("The services' expected egress setting."),
});

export const ExpectSchema = z.strictObject({
  // Where the dashboard's drift tile links to: the scheduled drift workflow's page, e.g.
  // https://github.com/<owner>/<repo>/actions/workflows/drift.yml. The repository's URL is not
  // known to vigil; without it the tile names the workflow file instead of linking to it.
  driftWorkflowUrl: z
    .url({
      protocol: /^https$/,
      error: 'expected an https URL such as https://github.com/acme/vigil/actions/workflows/drift.yml',
    })
    .optional()
    .describe("Link to the drift workflow, shown on the dashboard's drift tile."),
  redis: ExpectRedisSchema.optional().describe('Expected Memorystore settings.'),
  vpcConnector: ExpectVpcConnectorSchema.optional().describe('Expected VPC connector settings.'),
  cloudSql: ExpectCloudSqlSchema.optional().describe('Expected Cloud SQL settings.'),
  cloudRun: ExpectCloudRunSchema.optional().describe('Expected Cloud Run settings.'),
});

export type Expect = z.output<typeof ExpectSchema>;
export type ExpectRedis = z.output<typeof ExpectRedisSchema>;
export type ExpectVpcConnector = z.output<typeof ExpectVpcConnectorSchema>;
export type ExpectCloudSql = z.output<typeof ExpectCloudSqlSchema>;
export type ExpectCloudRun = z.output<typeof ExpectCloudRunSchema>;
