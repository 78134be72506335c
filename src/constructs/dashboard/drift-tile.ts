// The dashboard's configuration-drift tile: what the monitoring assumes about the infrastructure.
// Drift itself is checked at plan time (see docs/drift.md); the tile tells a person where to look.
import type { Environment } from '../../config/environment';

export function driftTileMarkdown(environment: Environment): string {
  const redis = environment.redis;
  const connector = environment.vpcConnector;
  return [
    '**Configuration drift**',
    '',
    `- Redis \`${redis.instanceId}\`: ${redis.host}:${redis.port}, ${redis.tier}, ${redis.memorySizeGb} GB, ${redis.version}, AUTH ${redis.authEnabled ? 'required' : 'off'}`,
    `- VPC connector \`${connector.name}\` on \`${connector.network}\` (${connector.ipCidrRange}): READY, ${connector.minInstances}–${connector.maxInstances} instances`,
    `- Cloud Run ${environment.cloudRun.services.map((service) => `\`${service}\``).join(', ')}: egress ${environment.cloudRun.egress}`,
  ].join('\n');
}
