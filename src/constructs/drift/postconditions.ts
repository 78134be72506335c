// The drift checks as Terraform postconditions: for each expected setting, a condition over the
// data source's attributes (`self.…`) and an error message that names the resource, the field,
// the expected and the actual value, and what to do. Pure functions of the expectations, so the
// exact expressions are testable without synthesizing.
//
// Attribute names and shapes are those of the google provider 6.x data sources
// (@cdktf/provider-google 16.12.1 bindings): nested blocks are lists, so settings are read as
// `settings[0].tier`, wrapped in try() because a block the API omits is an empty list and
// indexing it would fail the plan with "Invalid index" instead of reporting the drift.
import type { ExpectCloudRun, ExpectCloudSql, ExpectRedis, ExpectVpcConnector } from '../../config/expect-schema';
import { actualValue, hclLiteral, hclString, templateText } from './hcl';

export interface DriftCondition {
  /** The setting checked, as named in the error message (the data source's attribute). */
  readonly field: string;
  readonly condition: string;
  readonly errorMessage: string;
}

interface Check {
  readonly field: string;
  /** The attribute expression, relative to the data source (`self.host`). */
  readonly attribute: string;
  readonly expected: string | number | boolean;
  /** What to do when the actual value differs. */
  readonly action: string;
  /** The full condition when plain equality is not enough (resource names in several forms). */
  readonly condition?: string;
}

function toCondition(resource: string, check: Check): DriftCondition {
  const condition = check.condition ?? `${check.attribute} == ${hclLiteral(check.expected)}`;
  return {
    field: check.field,
    condition: `\${${condition}}`,
    errorMessage: `${templateText(resource)} has ${check.field} = ${actualValue(check.attribute)}, expected ${templateText(String(check.expected))}: ${templateText(check.action)}`,
  };
}

/** Matches a resource reference given either as a bare name or as a path ending in `/<collection>/<name>`. */
function nameOrPath(attribute: string, pathSuffix: string, name: string): string {
  return `${attribute} == ${hclString(name)} || endswith(${attribute}, ${hclString(`${pathSuffix}/${name}`)})`;
}

export function redisConditions(instanceId: string, file: string, expect: ExpectRedis): DriftCondition[] {
  const resource = `Redis ${instanceId}`;
  const changed = (what: string) =>
    `${what} — if the change was intended, update expect.redis in ${file}; otherwise find who changed the instance in the Cloud Audit Logs and restore it.`;
  const checks: Check[] = [
    {
      field: 'host',
      attribute: 'self.host',
      expected: expect.host,
      action: changed(
        `the services' REDIS_HOST and the monitoring point at ${expect.host}, so the backend cannot connect`,
      ),
    },
    {
      field: 'port',
      attribute: 'self.port',
      expected: expect.port,
      action: changed(`the services' REDIS_PORT points at ${expect.port}`),
    },
    {
      field: 'tier',
      attribute: 'self.tier',
      expected: expect.tier,
      action: changed('availability and failover behaviour differ from what the alerts assume'),
    },
    {
      field: 'memory_size_gb',
      attribute: 'self.memory_size_gb',
      expected: expect.memorySizeGb,
      action: changed('memory alerts and eviction behaviour assume the expected size'),
    },
    {
      field: 'redis_version',
      attribute: 'self.redis_version',
      expected: expect.version,
      action: changed('check the client library supports the running version'),
    },
    {
      field: 'auth_enabled',
      attribute: 'self.auth_enabled',
      expected: expect.authEnabled,
      action: expect.authEnabled
        ? 'AUTH is off, so anyone on the VPC can use the instance — re-enable it (gcloud redis instances update --enable-auth) or, if intended, set expect.redis.authEnabled and redis.authEnabled to false.'
        : 'the backend must send REDIS_PASSWORD — check the connection handler passes the password from the redis-password secret, or set expect.redis.authEnabled and redis.authEnabled to true.',
    },
    {
      field: 'transit_encryption_mode',
      attribute: 'self.transit_encryption_mode',
      expected: expect.transitEncryptionMode,
      action:
        expect.transitEncryptionMode === 'DISABLED'
          ? "the clients must connect with TLS and trust the instance's server CA — check the connection handler, then update expect.redis.transitEncryptionMode."
          : 'traffic to Redis is unencrypted — if intended, update expect.redis.transitEncryptionMode; otherwise recreate the instance with transit encryption (it cannot be changed in place).',
    },
  ];
  return checks.map((check) => toCondition(resource, check));
}

export function vpcConnectorConditions(name: string, file: string, expect: ExpectVpcConnector): DriftCondition[] {
  const resource = `VPC connector ${name}`;
  const changed = `if the change was intended, update expect.vpcConnector in ${file}; otherwise restore the connector's settings.`;
  const checks: Check[] = [
    {
      field: 'state',
      attribute: 'self.state',
      expected: expect.state,
      action:
        "Cloud Run cannot reach Redis or Cloud SQL through it — follow the VPC connector alert's runbook; a connector in ERROR must be deleted and recreated.",
    },
    // The API may return the network as a name or as a path; both forms are accepted.
    {
      field: 'network',
      attribute: 'self.network',
      expected: expect.network,
      condition: nameOrPath('self.network', '/networks', expect.network),
      action: `the services would reach another network than the one Redis and Cloud SQL are on — ${changed}`,
    },
    {
      field: 'ip_cidr_range',
      attribute: 'self.ip_cidr_range',
      expected: expect.ipCidrRange,
      action: `firewall rules and the Redis authorized network assume the expected range — ${changed}`,
    },
    {
      field: 'min_instances',
      attribute: 'self.min_instances',
      expected: expect.minInstances,
      action: `the connector's throughput alerts assume the expected scaling — ${changed}`,
    },
    {
      field: 'max_instances',
      attribute: 'self.max_instances',
      expected: expect.maxInstances,
      action: `the connector's throughput alerts assume the expected scaling — ${changed}`,
    },
  ];
  if (expect.machineType !== undefined) {
    checks.push({
      field: 'machine_type',
      attribute: 'self.machine_type',
      expected: expect.machineType,
      action: `the connector's capacity alerts assume ${expect.machineType} instances — ${changed}`,
    });
  }
  return checks.map((check) => toCondition(resource, check));
}

export function cloudSqlConditions(instance: string, file: string, expect: ExpectCloudSql): DriftCondition[] {
  const resource = `Cloud SQL ${instance}`;
  const changed = `if the change was intended, update expect.cloudSql in ${file}.`;
  const insights = 'try(self.settings[0].insights_config[0].query_insights_enabled, false)';
  const checks: Check[] = [
    {
      field: 'settings[0].tier',
      attribute: 'try(self.settings[0].tier, "")',
      expected: expect.tier,
      action: `latency alerts were tuned for the expected machine; the plan's rollback is gcloud sql instances patch ${instance} --tier=${expect.tier} — ${changed}`,
    },
    {
      field: 'database_version',
      attribute: 'self.database_version',
      expected: expect.databaseVersion,
      action: `check the PostgreSQL alerts and the application's driver against the running version — ${changed}`,
    },
    {
      field: 'settings[0].insights_config[0].query_insights_enabled',
      attribute: insights,
      expected: expect.queryInsightsEnabled,
      action: expect.queryInsightsEnabled
        ? `the PostgreSQL latency alert reads Query Insights metrics and is blind without them — re-enable it (gcloud sql instances patch ${instance} --insights-config-query-insights-enabled).`
        : `Query Insights is on although the environment says it is off — ${changed}`,
    },
  ];
  return checks.map((check) => toCondition(resource, check));
}

/** The v2 API's spelling of the egress settings (VpcAccess.VpcEgress). */
export const CLOUD_RUN_EGRESS = { 'private-ranges-only': 'PRIVATE_RANGES_ONLY', 'all-traffic': 'ALL_TRAFFIC' } as const;

export function cloudRunConditions(
  service: string,
  region: string,
  file: string,
  expect: ExpectCloudRun,
): DriftCondition[] {
  const resource = `Cloud Run service ${service}`;
  const connector = 'try(self.template[0].vpc_access[0].connector, "")';
  const egress = CLOUD_RUN_EGRESS[expect.egress];
  const checks: Check[] = [
    {
      // The v2 API names the connector projects/{project}/locations/{region}/connectors/{name},
      // where {project} may be the id or the number; the name alone is accepted as well.
      field: 'template[0].vpc_access[0].connector',
      attribute: connector,
      expected: expect.connector,
      condition: nameOrPath(connector, `/locations/${region}/connectors`, expect.connector),
      action: `without the connector the service cannot reach Redis or Cloud SQL on private IPs — redeploy it with --vpc-connector=${expect.connector}, or update expect.cloudRun in ${file}.`,
    },
    {
      field: 'template[0].vpc_access[0].egress',
      attribute: 'try(self.template[0].vpc_access[0].egress, "")',
      expected: egress,
      action: `the monitoring assumes ${expect.egress} egress — redeploy the service with --vpc-egress=${expect.egress}, or update expect.cloudRun.egress in ${file}.`,
    },
  ];
  return checks.map((check) => toCondition(resource, check));
}
