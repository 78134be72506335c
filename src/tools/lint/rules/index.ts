// Which rule families apply to which kind of resource.
import type { ResourceKind } from '../../../artifact/model';
import type { Rule } from '../rule-context';
import { alertConditionRules } from './alert-conditions';
import { alertPolicyRules } from './alert-policy';
import { dashboardChartRules } from './dashboard-charts';
import { dashboardLayoutRules } from './dashboard-layout';
import { schemaFieldRules } from './schema-fields';
import { sloRules } from './slo';
import { syntheticMonitorRules } from './synthetic-monitor';
import { uptimeCheckRules } from './uptime-check';

export const RULES_BY_KIND: Readonly<Record<ResourceKind, readonly Rule[]>> = {
  alertPolicy: [schemaFieldRules, alertPolicyRules, alertConditionRules],
  uptimeCheck: [schemaFieldRules, uptimeCheckRules, syntheticMonitorRules],
  dashboard: [dashboardLayoutRules, schemaFieldRules, dashboardChartRules],
  slo: [sloRules],
};
