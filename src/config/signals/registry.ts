// The signals, in the order the stack builds them and the dashboard shows them. Adding a signal is
// one definition file here, its construct in src/constructs/signals/, and one line in each
// registry (docs/architecture.md, "Add a signal"). The thresholds schema, the dashboard's section
// subtitles, the collision check and the README's signal table all derive from this list.
import { agentExecutionSignal } from './agent-execution';
import { cloudRunCapacitySignal } from './cloud-run-capacity';
import { cloudSqlHealthSignal } from './cloudsql-health';
import { postgresSignal } from './postgres';
import { redisSignal } from './redis';
import { uptimeSignal } from './uptime';
import { vpcConnectorSignal } from './vpc-connector';

export const SIGNAL_DEFINITIONS = [
  redisSignal,
  postgresSignal,
  vpcConnectorSignal,
  agentExecutionSignal,
  uptimeSignal,
  cloudSqlHealthSignal,
  cloudRunCapacitySignal,
] as const;

export type SignalKey = (typeof SIGNAL_DEFINITIONS)[number]['key'];
