// An incidentList tile: the incidents simulate's evaluation opened in the window for the policies
// the tile names (every policy when it names none), newest first, as the console lists them.
import { isRecord } from '../../artifact/json';
import type { StackModel } from '../simulate/policy-model';
import { findAlertPolicy } from './alert-chart';
import type { PreviewData } from './preview-data';

export interface ListedIncident {
  readonly policy: string;
  /** Epoch seconds. */
  readonly opened: number;
  readonly closed?: number;
}

export function listedIncidents(widget: unknown, data: PreviewData, stack: StackModel): ListedIncident[] {
  const names = isRecord(widget) && Array.isArray(widget.policyNames) ? widget.policyNames.map(String) : [];
  const policies =
    names.length === 0
      ? stack.policies
      : names.flatMap((name) => {
          const policy = findAlertPolicy(name, stack);
          return policy ? [policy] : [];
        });
  return policies
    .flatMap((policy) => {
      const run = data.runs.get(policy.address);
      if (run?.status !== 'evaluated') return [];
      return run.incidents.map((incident) => ({
        policy: policy.displayName,
        opened: data.origin + incident.openedAt,
        ...(incident.closedAt !== undefined ? { closed: data.origin + incident.closedAt } : {}),
      }));
    })
    .sort((a, b) => b.opened - a.opened || a.policy.localeCompare(b.policy));
}

/** 14:14 UTC (or t=… for a scenario on relative time). */
export function clockTime(epoch: number, origin: number): string {
  return origin > 0 ? new Date(epoch * 1000).toISOString().slice(11, 16) : `t=${Math.round(epoch / 60)}m`;
}
