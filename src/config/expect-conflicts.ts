// Where an environment's `expect:` block contradicts the settings the monitoring is built from.
// Without zod: the drift checks call it during synthesis, after validation (or its cache).
import type { ConfigProblem } from './config-error';
import type { Expect } from './expect-schema';

/** The parts of an environment the expectations are compared with (structural, to avoid a cycle with schema.ts). */
export interface ExpectContext {
  readonly redis: {
    readonly host: string;
    readonly port: number;
    readonly tier: string;
    readonly memorySizeGb: number;
    readonly version: string;
    readonly authEnabled: boolean;
  };
  readonly vpcConnector: {
    readonly name: string;
    readonly network: string;
    readonly ipCidrRange: string;
    readonly minInstances: number;
    readonly maxInstances: number;
    readonly machineType: string;
  };
  readonly cloudRun: { readonly services: readonly string[]; readonly egress: string };
  readonly expect?: Expect;
}

/**
 * Where `expect:` contradicts the settings the alerts and preflight are built from: both cannot be
 * right, and a drift check against a value the monitoring itself does not use would mislead.
 */
export function expectConflicts(file: string, env: ExpectContext): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const compare = (section: string, field: string, expected: unknown, configured: unknown, configuredPath: string) => {
    if (expected !== configured) {
      problems.push({
        file,
        path: `expect.${section}.${field}`,
        message: `expected the same value as ${configuredPath} (${JSON.stringify(configured)}), found ${JSON.stringify(expected)}; change one of them`,
      });
    }
  };
  const redis = env.expect?.redis;
  if (redis) {
    for (const field of ['host', 'port', 'tier', 'memorySizeGb', 'version', 'authEnabled'] as const) {
      compare('redis', field, redis[field], env.redis[field], `redis.${field}`);
    }
  }
  const connector = env.expect?.vpcConnector;
  if (connector) {
    for (const field of ['network', 'ipCidrRange', 'minInstances', 'maxInstances'] as const) {
      compare('vpcConnector', field, connector[field], env.vpcConnector[field], `vpcConnector.${field}`);
    }
    if (connector.machineType !== undefined)
      compare(
        'vpcConnector',
        'machineType',
        connector.machineType,
        env.vpcConnector.machineType,
        'vpcConnector.machineType',
      );
  }
  const cloudRun = env.expect?.cloudRun;
  if (cloudRun) {
    compare('cloudRun', 'connector', cloudRun.connector, env.vpcConnector.name, 'vpcConnector.name');
    compare('cloudRun', 'egress', cloudRun.egress, env.cloudRun.egress, 'cloudRun.egress');
    (cloudRun.services ?? []).forEach((service, index) => {
      if (!env.cloudRun.services.includes(service)) {
        problems.push({
          file,
          path: `expect.cloudRun.services[${index}]`,
          message: `expected one of the services of cloudRun.services (${env.cloudRun.services.join(', ')}), found ${JSON.stringify(service)}`,
        });
      }
    });
  }
  return problems;
}
