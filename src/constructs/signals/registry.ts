// The construct of every signal in the registry (src/config/signals/registry.ts), by the
// signal's key. The mapped type makes a registered signal without a construct a compile error, so
// the stack can build every signal from the one list.
import type { Construct } from 'constructs';
import type { SignalKey } from '../../config/signals/registry';
import { SIGNAL_DEFINITIONS } from '../../config/signals/registry';
import type { MonitoringContext } from '../monitoring-context';
import { AgentExecution } from './agent-execution';
import { CloudRunCapacity } from './cloud-run-capacity';
import { CloudSqlHealth } from './cloudsql-health';
import { PostgresLatency } from './postgres-latency';
import { RedisConnectivity } from './redis-connectivity';
import type { Signal, SignalConstructor } from './signal';
import { Uptime } from './uptime';
import { VpcConnector } from './vpc-connector';

/** The construct class, and its construct id (part of each resource's path in the synthesized JSON). */
export const SIGNAL_CONSTRUCTS: { readonly [Key in SignalKey]: readonly [id: string, construct: SignalConstructor] } = {
  redis: ['redis', RedisConnectivity],
  postgres: ['postgresql', PostgresLatency],
  vpcConnector: ['vpc-connector', VpcConnector],
  agent: ['agent-execution', AgentExecution],
  uptime: ['uptime', Uptime],
  cloudSql: ['cloudsql-health', CloudSqlHealth],
  cloudRun: ['cloud-run-capacity', CloudRunCapacity],
};

/** Every registered signal, built in the registry's order. */
export function createSignals(scope: Construct, context: MonitoringContext): Signal[] {
  return SIGNAL_DEFINITIONS.map((definition) => {
    const [id, SignalConstruct] = SIGNAL_CONSTRUCTS[definition.key];
    return new SignalConstruct(scope, id, context);
  });
}
