// The README's table of service level objectives, generated from a synthesized stack: each SLO's
// goal, window and error budget, and each burn-rate policy on it with the share of the budget it
// has seen spent when its long window first holds the burn (burn × long lookback / window).
import { readAlertPolicy } from '../../artifact/alert-policy';
import { durationWords } from '../../artifact/duration';
import { readTerraform } from '../../artifact/read/read-terraform';
import type { Slo } from '../../artifact/slos';
import { budgetSpentFraction, budgetWords, errorBudgetSeconds } from '../../gcp/slo-budget';
import { lookbackSeconds, parseSloSelector } from '../../gcp/slo-selectors';

export interface SloTableRow {
  readonly slo: string;
  readonly goal: string;
  readonly budget: string;
  readonly alert: string;
  readonly severity: string;
  readonly burn: string;
  readonly spent: string;
}

interface BurnPolicy {
  readonly displayName: string;
  readonly severity: string;
  readonly burnRate: number;
  readonly lookbacks: number[];
}

function burnPolicies(stackJson: Record<string, unknown>, slo: Slo): BurnPolicy[] {
  const unit = readTerraform(stackJson, 'stack');
  return unit.resources
    .filter((resource) => resource.kind === 'alertPolicy')
    .map((resource) => readAlertPolicy(resource.body, resource.resource))
    .flatMap((policy) => {
      const burns = policy.conditions.flatMap((condition) => {
        if (condition.type !== 'threshold') return [];
        const selector = parseSloSelector(condition.filter);
        const lookback = selector?.lookback === undefined ? undefined : lookbackSeconds(selector.lookback);
        return selector?.selector === 'select_slo_burn_rate' && selector.name === slo.name && lookback
          ? [{ burnRate: condition.thresholdValue, lookback }]
          : [];
      });
      if (burns.length === 0) return [];
      return [
        {
          displayName: policy.displayName,
          severity: (policy.severity ?? '').toLowerCase(),
          burnRate: Math.min(...burns.map((one) => one.burnRate)),
          lookbacks: burns.map((one) => one.lookback).sort((a, b) => b - a),
        },
      ];
    });
}

/** One row per burn-rate policy of each SLO of a synthesized stack (Terraform JSON). */
export function sloTableRows(stackJson: Record<string, unknown>): SloTableRow[] {
  const resources = (stackJson.resource ?? {}) as Record<string, Record<string, { display_name?: string }>>;
  const slos = readTerraform(stackJson, 'stack').slos ?? [];
  return slos.flatMap((slo) => {
    const goalPercent = Number((slo.goal * 100).toPrecision(6));
    const days = slo.rollingPeriodDays;
    const id = slo.address.replace(/^google_monitoring_slo\./, '');
    const name = resources.google_monitoring_slo?.[id]?.display_name ?? slo.address;
    const window = days === undefined ? (slo.calendarPeriod ?? '') : `${days} days`;
    return burnPolicies(stackJson, slo).map((policy) => ({
      slo: name.replace(/: .*$/, ''),
      goal: `${goalPercent}% over ${window}`,
      budget: days === undefined ? '—' : budgetWords(errorBudgetSeconds(goalPercent, days)),
      alert: policy.displayName,
      severity: policy.severity,
      burn: `> ${policy.burnRate}x over ${policy.lookbacks.map(durationWords).join(' and ')}`,
      spent:
        days === undefined
          ? '—'
          : `${Number((budgetSpentFraction(policy.burnRate, policy.lookbacks[0], days) * 100).toPrecision(3))}%`,
    }));
  });
}

export function sloTableMarkdown(stackJson: Record<string, unknown>): string {
  const lines = [
    '| SLO | Goal | Error budget (total outage) | Burn-rate alert | Severity | Fires at | Budget spent over the long window |',
    '| --- | --- | ---: | --- | --- | --- | ---: |',
  ];
  for (const row of sloTableRows(stackJson)) {
    lines.push(
      `| ${row.slo} | ${row.goal} | ${row.budget} | ${row.alert} | ${row.severity} | ${row.burn} | ${row.spent} |`,
    );
  }
  return lines.join('\n');
}
