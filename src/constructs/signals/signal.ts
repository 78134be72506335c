// What a signal construct exposes to the stack that composes it: its alert policies and the
// dashboard widgets it contributes to each section.
import type { AlertPolicyInfo } from '../alert-policy-factory';
import type { Widget } from '../dashboard/widgets';

export const DASHBOARD_SECTIONS = ['responseTimes', 'errorRates', 'utilization'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

export interface Signal {
  readonly alertPolicies: readonly AlertPolicyInfo[];
  readonly widgets: Readonly<Record<DashboardSection, readonly Widget[]>>;
}
