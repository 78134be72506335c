// The one place alert policies are built. Every convention lives here: the display name
// (`[staging] Redis: connection failures > 1%`), user_labels (env, component, severity), the
// severity, the markdown runbook, auto-close and channels by severity. Signals describe what to
// alert on; they never construct a MonitoringAlertPolicy themselves.
import {
  MonitoringAlertPolicy,
  MonitoringAlertPolicyConditions,
} from '@cdktf/provider-google/lib/monitoring-alert-policy';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { Severity } from '../config/schema';
import type { ChartThreshold } from './dashboard/widgets';
import { displayName, MonitoringContext } from './monitoring-context';
import { Runbook, runbookMarkdown } from './runbook';

/**
 * Incidents of a policy whose data stops close after a day. Long enough that a metric going
 * silent during an outage does not close the incident before anyone looks; the API's minimum is
 * 30 minutes (facts file §2.1).
 */
export const AUTO_CLOSE_SECONDS = 86400;

export interface AlertSpec {
  /** Terraform logical id: the resource address. Changing it destroys the policy and its incident history. */
  readonly id: string;
  readonly component: string;
  readonly severity: Severity;
  /** The display name after the environment prefix, with the threshold in words. */
  readonly title: string;
  readonly combiner?: 'OR' | 'AND' | 'AND_WITH_MATCHING_RESOURCE';
  readonly conditions: MonitoringAlertPolicyConditions[];
  readonly runbook: Runbook;
  /** How a chart labels the first condition's threshold (`alert: 1%`); charts then draw it from the policy. */
  readonly chartLabel?: string;
  /** Resources the conditions name by text rather than by reference (an SLO in `select_slo_burn_rate`). */
  readonly dependsOn?: ITerraformDependable[];
}

export interface AlertPolicyInfo {
  readonly id: string;
  readonly displayName: string;
  readonly component: string;
  readonly severity: Severity;
  /** Terraform reference to the policy's API name (`projects/P/alertPolicies/ID`), for dashboard alert charts. */
  readonly nameReference: string;
  /** The first condition's threshold as a chart line, in the metric's unit, when the spec names a chart label. */
  readonly thresholdLine?: ChartThreshold;
}

export function createAlertPolicy(scope: Construct, spec: AlertSpec, context: MonitoringContext): AlertPolicyInfo {
  const environment = context.environment;
  const name = displayName(environment, spec.title);
  const policy = new MonitoringAlertPolicy(scope, spec.id, {
    project: environment.project,
    displayName: name,
    combiner: spec.combiner ?? 'OR',
    enabled: true,
    severity: spec.severity.toUpperCase(),
    userLabels: { env: environment.name, component: spec.component, severity: spec.severity },
    conditions: spec.conditions,
    notificationChannels: [...context.channelsBySeverity[spec.severity]],
    alertStrategy: { autoClose: `${AUTO_CLOSE_SECONDS}s` },
    documentation: {
      mimeType: 'text/markdown',
      subject: `${name} (${spec.severity})`,
      content: runbookMarkdown(spec.runbook, {
        dashboardTitle: context.dashboardTitle,
        dashboardUrl: context.dashboardUrl,
      }),
    },
    dependsOn: spec.dependsOn,
  });
  policy.overrideLogicalId(spec.id);
  return {
    id: spec.id,
    displayName: name,
    component: spec.component,
    severity: spec.severity,
    nameReference: policy.name,
    thresholdLine: thresholdLine(spec),
  };
}

function thresholdLine(spec: AlertSpec): ChartThreshold | undefined {
  const value = spec.conditions[0]?.conditionThreshold?.thresholdValue;
  return spec.chartLabel === undefined || value === undefined ? undefined : { value, label: spec.chartLabel };
}
