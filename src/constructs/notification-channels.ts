// Notification channels of an environment. Secrets (Slack token, PagerDuty service key) come from
// sensitive Terraform variables, set with TF_VAR_<name> at deploy time: they never appear in YAML,
// snapshots or the synthesized JSON.
import { MonitoringNotificationChannel } from '@cdktf/provider-google/lib/monitoring-notification-channel';
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import type { Environment } from '../config/environment';
import type { Channel } from '../config/schema';
import { SEVERITIES, type Severity } from '../config/severities';
import { displayName } from './monitoring-context';

/** The Terraform variable that holds a channel's secret: `slack_auth_token_staging_slack`. */
export function secretVariableName(channel: Channel): string | undefined {
  const suffix = channel.id.replace(/-/g, '_');
  if (channel.type === 'slack') return `slack_auth_token_${suffix}`;
  if (channel.type === 'pagerduty') return `pagerduty_service_key_${suffix}`;
  return undefined;
}

function channelLogicalId(channel: Channel): string {
  return `channel_${channel.id.replace(/-/g, '_')}`;
}

export class NotificationChannels extends Construct {
  /** Terraform references to each channel's API name, by severity. */
  readonly bySeverity: Readonly<Record<Severity, readonly string[]>>;

  constructor(scope: Construct, id: string, environment: Environment) {
    super(scope, id);
    const names = new Map<string, string>();
    for (const channel of environment.notifications.channels) {
      names.set(channel.id, this.createChannel(environment, channel));
    }
    const routing = environment.notifications.routing;
    // A severity without its own routing goes where the next more severe one goes.
    const error = routing.error ?? routing.critical;
    const warning = routing.warning ?? error;
    const ids: Record<Severity, readonly string[]> = { critical: routing.critical, error, warning };
    const bySeverity = {} as Record<Severity, readonly string[]>;
    for (const severity of SEVERITIES) bySeverity[severity] = ids[severity].map((channelId) => names.get(channelId)!);
    this.bySeverity = bySeverity;
  }

  private createChannel(environment: Environment, channel: Channel): string {
    const common = {
      project: environment.project,
      displayName: displayName(environment, channel.id),
      description: channel.description,
      userLabels: { env: environment.name },
      forceDelete: false,
    };
    const variableName = secretVariableName(channel);
    const secret = variableName ? this.secretVariable(variableName, channel) : undefined;
    let resource: MonitoringNotificationChannel;
    if (channel.type === 'email') {
      resource = new MonitoringNotificationChannel(this, channelLogicalId(channel), {
        ...common,
        type: 'email',
        labels: { email_address: channel.address },
      });
    } else if (channel.type === 'slack') {
      resource = new MonitoringNotificationChannel(this, channelLogicalId(channel), {
        ...common,
        type: 'slack',
        labels: { channel_name: channel.channel },
        sensitiveLabels: { authToken: secret!.stringValue },
      });
    } else {
      resource = new MonitoringNotificationChannel(this, channelLogicalId(channel), {
        ...common,
        type: 'pagerduty',
        sensitiveLabels: { serviceKey: secret!.stringValue },
      });
    }
    resource.overrideLogicalId(channelLogicalId(channel));
    return resource.name;
  }

  private secretVariable(name: string, channel: Channel): TerraformVariable {
    const variable = new TerraformVariable(this, name, {
      type: 'string',
      sensitive: true,
      nullable: false,
      description: `Secret of notification channel ${channel.id} (${channel.type}); set TF_VAR_${name}.`,
    });
    // Before any reference is taken: the reference fixes the id, and TF_VAR_<name> must match it.
    variable.overrideLogicalId(name);
    return variable;
  }
}
