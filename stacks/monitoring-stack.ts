// One environment's monitoring: a TerraformStack named monitoring-<env> that composes the
// notification channels, one construct per registered signal, the dashboard and the drift checks.
// Composition only.
import { applyAdoptions } from './adoptions';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Environment } from '../src/config/environment';
import { stackName } from '../src/config/environment';
import { InfrastructureDashboard } from '../src/constructs/dashboard/infrastructure-dashboard';
import { DriftChecks } from '../src/constructs/drift/drift-checks';
import { GoldenPathMonitor } from '../src/constructs/golden-path/golden-path-monitor';
import { dashboardTitle, dashboardUrl, MonitoringContext } from '../src/constructs/monitoring-context';
import { NotificationChannels } from '../src/constructs/notification-channels';
import { createSignals } from '../src/constructs/signals/registry';
import { ServiceLevelObjectives } from '../src/constructs/slo/service-level-objectives';
import type { Signal } from '../src/constructs/signals/signal';
import { addStateBackend } from './state-backend';

export class MonitoringStack extends TerraformStack {
  readonly signals: readonly Signal[];
  readonly serviceLevelObjectives: ServiceLevelObjectives;
  readonly goldenPath: GoldenPathMonitor | undefined;

  /** `goldenPathSource`: the golden-path function's source folder (the repository's golden-path/ by default). */
  constructor(scope: Construct, environment: Environment, options: { readonly goldenPathSource?: string } = {}) {
    super(scope, stackName(environment.name));
    new GoogleProvider(this, 'google', { project: environment.project, region: environment.region });
    addStateBackend(this, environment);

    const channels = new NotificationChannels(this, 'channels', environment);
    const context: MonitoringContext = {
      environment,
      channelsBySeverity: channels.bySeverity,
      dashboardTitle: dashboardTitle(environment),
      dashboardUrl: dashboardUrl(environment),
    };
    // Built first: its section opens the dashboard.
    this.goldenPath = environment.goldenPath?.enabled
      ? new GoldenPathMonitor(this, 'golden-path', context, environment.goldenPath, options.goldenPathSource)
      : undefined;
    this.signals = createSignals(this, context);
    this.serviceLevelObjectives = new ServiceLevelObjectives(this, 'slos', context);
    new InfrastructureDashboard(
      this,
      'dashboard',
      context,
      this.signals,
      this.serviceLevelObjectives.slos,
      this.goldenPath,
    );
    new DriftChecks(this, 'drift', { environment });
    applyAdoptions(this, environment);
  }
}
