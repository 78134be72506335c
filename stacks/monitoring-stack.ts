// One environment's monitoring: a TerraformStack named monitoring-<env> that composes the
// notification channels, one construct per signal, the dashboard and the drift checks.
// Composition only.
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GcsBackend, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Environment } from '../src/config/environment';
import { stackName } from '../src/config/environment';
import { InfrastructureDashboard } from '../src/constructs/dashboard/infrastructure-dashboard';
import { DriftChecks } from '../src/constructs/drift/drift-checks';
import { consoleUrl, dashboardTitle, MonitoringContext } from '../src/constructs/monitoring-context';
import { NotificationChannels } from '../src/constructs/notification-channels';
import { AgentExecution } from '../src/constructs/signals/agent-execution';
import { PostgresLatency } from '../src/constructs/signals/postgres-latency';
import { RedisConnectivity } from '../src/constructs/signals/redis-connectivity';
import type { Signal } from '../src/constructs/signals/signal';
import { Uptime } from '../src/constructs/signals/uptime';
import { VpcConnector } from '../src/constructs/signals/vpc-connector';
import { cloudBackend } from './cloud-backend';

export class MonitoringStack extends TerraformStack {
  readonly signals: readonly Signal[];

  constructor(scope: Construct, environment: Environment) {
    super(scope, stackName(environment.name));
    new GoogleProvider(this, 'google', { project: environment.project, region: environment.region });
    const backend = environment.stateBackend;
    if (cloudBackend(this, environment)) {
      // HCP Terraform: stacks/cloud-backend.ts
    } else if (backend && 'gcs' in backend) {
      new GcsBackend(this, { bucket: backend.gcs.bucket, prefix: backend.gcs.prefix ?? `vigil/${stackName(environment.name)}` });
    } else {
      new LocalBackend(this, { path: (backend && 'local' in backend ? backend.local.path : undefined) ?? `terraform.${stackName(environment.name)}.tfstate` });
    }

    const channels = new NotificationChannels(this, 'channels', environment);
    const context: MonitoringContext = {
      environment,
      channelsBySeverity: channels.bySeverity,
      dashboardTitle: dashboardTitle(environment),
      dashboardsUrl: consoleUrl(environment, 'monitoring/dashboards'),
    };
    this.signals = [
      new RedisConnectivity(this, 'redis', context),
      new PostgresLatency(this, 'postgresql', context),
      new VpcConnector(this, 'vpc-connector', context),
      new AgentExecution(this, 'agent-execution', context),
      new Uptime(this, 'uptime', context),
    ];
    new InfrastructureDashboard(this, 'dashboard', context, this.signals);
    new DriftChecks(this, 'drift', { environment });
  }
}
