// The filters whose series a backtest reads: every condition's filter and denominator filter, and
// for a condition on an SLO selector the SLO's own filters (select_slo_* is no timeSeries filter).
// Filters with a Terraform reference (`${…}`, an uptime check id) exist only after apply: skipped.
import { sloIndicatorFilters } from '../../artifact/slos';
import { parseSloSelector } from '../../gcp/slo-selectors';
import type { StackModel } from '../simulate/policy-model';

export interface HistoryFilters {
  readonly filters: readonly string[];
  /** Conditions that select nothing the API can list, with why. */
  readonly skipped: ReadonlyArray<{ readonly policy: string; readonly reason: string }>;
}

export function historyFilters(stack: StackModel): HistoryFilters {
  const filters = new Set<string>();
  const skipped: Array<{ policy: string; reason: string }> = [];
  for (const policy of stack.policies) {
    for (const condition of policy.conditions) {
      if (condition.type === 'unsupported') continue; // the evaluator says why it is not simulated
      const selector = condition.type === 'threshold' ? parseSloSelector(condition.filter) : undefined;
      let wanted: string[];
      if (selector) {
        const slo = stack.slos.get(selector.name);
        wanted = slo ? sloIndicatorFilters(slo) : [];
      } else {
        wanted = [condition.filter];
        if (condition.type === 'threshold' && condition.denominatorFilter) wanted.push(condition.denominatorFilter);
      }
      for (const filter of wanted) {
        const reference = /\$\{[^}]*\}/.exec(filter);
        if (reference) {
          skipped.push({
            policy: policy.displayName,
            reason: `its filter refers to ${reference[0]}, known only after terraform apply`,
          });
        } else filters.add(filter);
      }
    }
  }
  return { filters: [...filters].sort(), skipped };
}
