// What a signal construct exposes to the stack that composes it: its alert policies and the
// dashboard widgets it contributes to each section. The sections themselves, the signal's
// thresholds and its log-based metric names are declared below cdktf (src/config/signals/).
import type { Construct } from 'constructs';
import type { DashboardSection } from '../../config/signals/signal-definition';
import type { AlertPolicyInfo } from '../alert-policy-factory';
import type { Widget } from '../dashboard/widgets';
import type { MonitoringContext } from '../monitoring-context';

export { DASHBOARD_SECTIONS } from '../../config/signals/signal-definition';
export type { DashboardSection } from '../../config/signals/signal-definition';

export interface Signal {
  readonly alertPolicies: readonly AlertPolicyInfo[];
  readonly widgets: Readonly<Record<DashboardSection, readonly Widget[]>>;
}

export type SignalConstructor = new (scope: Construct, id: string, context: MonitoringContext) => Construct & Signal;
