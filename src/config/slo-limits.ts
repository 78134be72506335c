// SLO limits of the Cloud Monitoring API and the burn-rate table vigil alerts with, apart from the
// schema so that constructs and tools can use them without loading zod. Sources: docs/slo.md, Facts.

/** ServiceLevelObjective.goal: 0 < goal <= 0.9999 (the provider's validator). */
export const MAX_SLO_GOAL_PERCENT = 99.99;
/** rolling_period: a whole number of days, at most 30. */
export const MAX_SLO_WINDOW_DAYS = 30;

/** The burn rate that pages: 2% of a 30-day budget in one hour. */
export const FAST_BURN_RATE = 14.4;

export interface BurnRateAlert {
  /** Suffix of the policy's logical id. */
  readonly key: string;
  readonly burnRate: number;
  readonly longWindowSeconds: number;
  readonly shortWindowSeconds: number;
  /** A page (critical) or a ticket (warning, routed to no pager). */
  readonly severity: 'critical' | 'warning';
}

// The SRE workbook's multiwindow, multi-burn-rate table (ch. 5, Table 5-8): the short window is
// 1/12 of the long one. The workbook pages on the 6x pair; vigil tickets it, as the issue asks.
export const BURN_RATE_ALERTS: readonly BurnRateAlert[] = [
  {
    key: 'fast_burn',
    burnRate: FAST_BURN_RATE,
    longWindowSeconds: 3600,
    shortWindowSeconds: 300,
    severity: 'critical',
  },
  { key: 'slow_burn', burnRate: 6, longWindowSeconds: 6 * 3600, shortWindowSeconds: 1800, severity: 'warning' },
  { key: 'steady_burn', burnRate: 1, longWindowSeconds: 72 * 3600, shortWindowSeconds: 6 * 3600, severity: 'warning' },
];
