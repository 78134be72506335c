// SLOs in the words of their error budget: a goal or window change says what the budget becomes
// ("goal 99% → 95%: the 30-day error budget grows from 7 h 12 min to 1 d 12 h"), and a lowered goal
// or a longer window (more unreliability allowed before the SLO is missed) is a risk.
import { budgetWords, errorBudgetSeconds } from '../../gcp/slo-budget';
import { describeLeafChange, leafChanges } from './json-changes';
import type { FoundRisk } from './alert-policies';
import type { JsonObject, ResourceRecord } from './resources';

export const SLO = 'google_monitoring_slo';

const percent = (goal: number) => Number((goal * 100).toPrecision(6));

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** "the 30-day error budget is 7 h 12 min" for a goal and a rolling window; undefined for a calendar period. */
function budget(goal: number | undefined, days: number | undefined): number | undefined {
  return goal === undefined || days === undefined ? undefined : errorBudgetSeconds(percent(goal), days);
}

export function compareSlos(before: ResourceRecord, after: ResourceRecord): { details: string[]; risks: FoundRisk[] } {
  const details: string[] = [];
  const risks: FoundRisk[] = [];
  const label = String(after.body.display_name ?? after.address);
  const [goalBefore, goalAfter] = [numberOf(before.body.goal), numberOf(after.body.goal)];
  const [daysBefore, daysAfter] = [numberOf(before.body.rolling_period_days), numberOf(after.body.rolling_period_days)];
  const [budgetBefore, budgetAfter] = [budget(goalBefore, daysBefore), budget(goalAfter, daysAfter)];
  const parts: string[] = [];
  if (goalBefore !== goalAfter && goalBefore !== undefined && goalAfter !== undefined)
    parts.push(`goal ${percent(goalBefore)}% → ${percent(goalAfter)}%`);
  if (daysBefore !== daysAfter && daysBefore !== undefined && daysAfter !== undefined)
    parts.push(`window ${daysBefore} → ${daysAfter} days`);
  if (parts.length > 0 && budgetBefore !== undefined && budgetAfter !== undefined) {
    const grows = budgetAfter > budgetBefore;
    details.push(
      `${parts.join(', ')}: the error budget (total outage) ${grows ? 'grows' : 'shrinks'} from ` +
        `${budgetWords(budgetBefore)} to ${budgetWords(budgetAfter)} per ${daysAfter} days`,
    );
  } else if (parts.length > 0) {
    details.push(parts.join(', '));
  }
  if (goalBefore !== undefined && goalAfter !== undefined && goalAfter < goalBefore) {
    risks.push({
      kind: 'slo-loosened',
      message:
        `SLO **${label}**: goal lowered ${percent(goalBefore)}% → ${percent(goalAfter)}%` +
        (budgetBefore !== undefined && budgetAfter !== undefined
          ? `: the error budget grows from ${budgetWords(budgetBefore)} to ${budgetWords(budgetAfter)}, ` +
            'and every burn-rate alert on it fires later'
          : ''),
    });
  }
  const rest = (body: JsonObject) =>
    Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'goal' && key !== 'rolling_period_days'));
  for (const change of leafChanges(rest(before.body), rest(after.body))) details.push(describeLeafChange(change));
  return { details, risks };
}

export function sloRemovalRisk(record: ResourceRecord): FoundRisk {
  return {
    kind: 'slo-removed',
    message: `SLO **${String(record.body.display_name ?? record.address)}** is removed, with its burn-rate alerts' data`,
  };
}
