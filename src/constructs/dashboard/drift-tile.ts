// The dashboard's configuration-drift tile: the settings the monitoring assumes about the
// infrastructure it does not manage (the environment's `expect:` block), and where drift is
// reported. Drift itself is detected by the postconditions of src/constructs/drift at every
// `terraform plan` and daily by .github/workflows/drift.yml (docs/drift.md); a dashboard cannot
// evaluate it, so the tile states the contract and links to the place that checks it.
import type { Environment } from '../../config/environment';

/** The drift workflow, relative to the repository root. */
export const DRIFT_WORKFLOW_PATH = '.github/workflows/drift.yml';

const code = (text: string | number) => `\`${text}\``;

function workflowLink(environment: Environment): string {
  const url = environment.expect?.driftWorkflowUrl;
  return url
    ? `[drift workflow](${url})`
    : `drift workflow (${code(DRIFT_WORKFLOW_PATH)} in the monitoring repository)`;
}

function checkLine(label: string, enabled: boolean, settings: string, section: string): string {
  return enabled ? `- ${label}: ${settings}` : `- ${label}: not checked (${code(`expect.${section}.enabled: false`)})`;
}

export function driftTileMarkdown(environment: Environment): string {
  const expect = environment.expect;
  const file = `environments/${environment.name}.yaml`;
  if (!expect || (!expect.redis && !expect.vpcConnector && !expect.cloudSql && !expect.cloudRun)) {
    return [
      '**Configuration drift: not checked**',
      '',
      `${file} has no ${code('expect:')} block, so no plan compares Redis, the VPC connector, Cloud SQL or Cloud Run with what the alerts assume. See docs/drift.md.`,
    ].join('\n');
  }
  const lines = [
    '**Configuration drift**',
    '',
    `Expected settings (${code('expect:')} in ${code(file)}), checked at every ${code('terraform plan')} and daily by the ${workflowLink(environment)}, which opens an issue on drift. Check now: ${code(`npm run drift -- ${environment.name}`)}.`,
    '',
  ];
  if (expect.redis) {
    const redis = expect.redis;
    lines.push(
      checkLine(
        `Redis ${code(environment.redis.instanceId)}`,
        redis.enabled,
        `${redis.host}:${redis.port}, ${redis.tier}, ${redis.memorySizeGb} GB, ${redis.version}, AUTH ${redis.authEnabled ? 'required' : 'off'}, transit encryption ${redis.transitEncryptionMode}`,
        'redis',
      ),
    );
  }
  if (expect.vpcConnector) {
    const connector = expect.vpcConnector;
    lines.push(
      checkLine(
        `VPC connector ${code(environment.vpcConnector.name)}`,
        connector.enabled,
        `${connector.state} on ${code(connector.network)} (${connector.ipCidrRange}), ${connector.minInstances}–${connector.maxInstances} instances${connector.machineType ? ` of ${connector.machineType}` : ''}`,
        'vpcConnector',
      ),
    );
  }
  if (expect.cloudSql) {
    const sql = expect.cloudSql;
    lines.push(
      checkLine(
        `Cloud SQL ${code(environment.postgres.instance)}`,
        sql.enabled,
        `${sql.tier}, ${sql.databaseVersion}, Query Insights ${sql.queryInsightsEnabled ? 'on (the latency alert depends on it)' : 'off'}`,
        'cloudSql',
      ),
    );
  }
  if (expect.cloudRun) {
    const run = expect.cloudRun;
    const services = (run.services ?? environment.cloudRun.services).map((service) => code(service)).join(', ');
    lines.push(
      checkLine(
        `Cloud Run ${services}`,
        run.enabled,
        `connector ${code(run.connector)}, egress ${run.egress}`,
        'cloudRun',
      ),
    );
  }
  return lines.join('\n');
}
