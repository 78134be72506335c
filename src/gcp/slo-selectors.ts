// Names and time-series selectors of service level objectives (docs/slo.md, Facts): an SLO's name
// is projects/P/services/S/serviceLevelObjectives/ID, and selectors take it with an optional
// lookback such as "3600s". Built from the ids vigil chooses, so the text is known at synthesis
// and lint and simulate can read it without Terraform.
import { quote } from './filter-builder';
import { durationText } from './units';

export function sloName(project: string, serviceId: string, sloId: string): string {
  return `projects/${project}/services/${serviceId}/serviceLevelObjectives/${sloId}`;
}

export function sloBurnRateFilter(name: string, lookbackSeconds: number): string {
  return `select_slo_burn_rate(${quote(name)}, ${quote(durationText(lookbackSeconds))})`;
}

export function sloBudgetFractionFilter(name: string): string {
  return `select_slo_budget_fraction(${quote(name)})`;
}

export function sloHealthFilter(name: string): string {
  return `select_slo_health(${quote(name)})`;
}

/** The selectors Cloud Monitoring documents for SLO time series (docs/slo.md, Facts). */
export const SLO_SELECTORS = [
  'select_slo_burn_rate',
  'select_slo_health',
  'select_slo_budget_fraction',
  'select_slo_budget',
  'select_slo_budget_total',
  'select_slo_compliance',
  'select_slo_counts',
  'select_slo_good_fraction',
] as const;

export interface SloSelector {
  readonly selector: string;
  readonly name: string;
  /** The second argument as written ("3600s", "60m"), when present. */
  readonly lookback?: string;
}

const SELECTOR = /^\s*(select_slo_[a-z_]+)\s*\(\s*"((?:[^"\\]|\\.)*)"\s*(?:,\s*"((?:[^"\\]|\\.)*)"\s*)?\)\s*$/;

/** A filter that is one SLO selector call, read; undefined for any other filter. */
export function parseSloSelector(filter: string): SloSelector | undefined {
  const match = SELECTOR.exec(filter);
  if (!match) return undefined;
  return { selector: match[1], name: match[2], ...(match[3] !== undefined ? { lookback: match[3] } : {}) };
}

// Lookback units of the selectors: ns, us, ms, s, m, h (no days: three days is "72h").
const LOOKBACK = /^(\d+)(ns|us|ms|s|m|h)$/;
const LOOKBACK_UNIT_SECONDS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Seconds of a selector's lookback ("3600s", "60m", "72h"), or undefined when it is not one. */
export function lookbackSeconds(text: string): number | undefined {
  const match = LOOKBACK.exec(text.trim());
  return match ? Number(match[1]) * LOOKBACK_UNIT_SECONDS[match[2]] : undefined;
}

/** A well-formed SLO name: projects/P/services/S/serviceLevelObjectives/ID. */
export const SLO_NAME = /^projects\/[^/]+\/services\/[^/]+\/serviceLevelObjectives\/[^/]+$/;
