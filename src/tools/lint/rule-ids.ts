// The registry of lint rules: every id with its family, default severity, one-line description,
// documentation anchor and fixture. A rule reports an id and never chooses a severity: the id
// decides it, so one id is always one severity (a check that can be an error or a warning reports
// two ids). docs/lint.md's rule table is generated from this list (`npm run docs`).
//
// One registry file rather than metadata beside each check: several ids come out of one pass
// (one filter parse yields filter/syntax, filter/unknown-metric, …), so checks stay grouped by
// family in rules/*.ts while their metadata is read in one place by lint, its tests and the docs.
import type { Severity } from './finding';

interface RuleEntry {
  readonly severity: Severity;
  /** One line for docs/lint.md; [§n] points into the shared facts file. */
  readonly description: string;
}

const FILTER = {
  'filter/syntax': {
    severity: 'error',
    description:
      'the filter does not parse (a real parser: comparisons `= != < > <= >= : =~ !~`, `AND`/`OR`/`NOT` in any case, ' +
      'implicit AND, parentheses, value groups `("a" OR "b")`, `starts_with`, `ends_with`, `has_substring`, `one_of`, ' +
      '`monitoring.regex.full_match` (regex must compile), quoted keys, `${…}` opaque)',
  },
  'filter/too-long': { severity: 'error', description: 'over 2,048 characters [§2.2]' },
  'filter/metric-type-required': {
    severity: 'error',
    description:
      'a threshold/absence filter, ratio denominator or chart filter without `metric.type` ' +
      '(SLO selectors such as `select_slo_burn_rate(…)` exempt in alert thresholds and single chart filters, ' +
      'not in ratios) [§2.2]',
  },
  'filter/resource-type-mismatch': {
    severity: 'error',
    description: '`resource.type` not one the metric is written against (catalog)',
  },
  'filter/metric-typo': {
    severity: 'error',
    description:
      "a metric type one small edit away from a metric in Google's list (compared without the shared prefix), or under a " +
      'misspelt catalogued prefix, with "did you mean"',
  },
  'filter/unknown-metric': {
    severity: 'warning',
    description:
      "a metric type under a catalogued prefix that is not in Google's list and is no near miss of one: " +
      '"not in Google\'s list of <date>; new or misspelt?"',
  },
  'filter/deprecated-metric': {
    severity: 'warning',
    description: 'a metric Google lists as DEPRECATED, with its replacement where Google names one',
  },
  'filter/label-typo': {
    severity: 'error',
    description:
      'a metric or resource label (in a filter or `group_by_fields`) one small edit away from a listed label',
  },
  'filter/unknown-label': {
    severity: 'warning',
    description:
      "a metric or resource label (in a filter or `group_by_fields`) not in Google's list and no near miss of one",
  },
  'filter/unknown-metric-prefix': {
    severity: 'warning',
    description: 'a prefix the catalog does not cover: name, kind and value type cannot be checked',
  },
  'filter/log-metric-undefined': {
    severity: 'error',
    description:
      '`logging.googleapis.com/user/NAME` without a `google_logging_metric` named NAME in the stack, with did-you-mean',
  },
  'filter/log-metric-unchecked': {
    severity: 'warning',
    description: '`logging.googleapis.com/user/NAME` in a lone REST export: whether NAME exists cannot be checked',
  },
} as const satisfies Record<string, RuleEntry>;

const AGGREGATION = {
  'aggregation/unknown-name': { severity: 'error', description: 'an aligner or reducer name the API does not know' },
  'aggregation/aligner-kind': {
    severity: 'error',
    description:
      "the aligner does not fit the metric's kind and value type (e.g. `ALIGN_RATE` only on DELTA/CUMULATIVE numbers, " +
      'percentiles only on distributions, `ALIGN_FRACTION_TRUE` only on BOOL) [§2.3]',
  },
  'aggregation/reducer-kind': {
    severity: 'error',
    description: 'the reducer does not fit the aligned series (e.g. `REDUCE_COUNT_FALSE` only on BOOL) [§2.3]',
  },
  'aggregation/reducer-needs-aligner': {
    severity: 'error',
    description: 'a reducer with no aligner or `ALIGN_NONE`, or (alerts) without an alignment period [§2.3]',
  },
  'aggregation/alignment-period': {
    severity: 'error',
    description:
      'below 60 s; above 25 h in alert policies, 104 weeks in charts; missing with an aligner in alert policies [§2.3]',
  },
  'aggregation/ratio-periods': {
    severity: 'error',
    description: 'numerator and denominator of a ratio with different alignment periods [§2.2]',
  },
} as const satisfies Record<string, RuleEntry>;

const CONDITION = {
  'condition/count': { severity: 'error', description: '0 or more than 6 conditions [§2.1]' },
  'condition/exclusive': {
    severity: 'error',
    description: 'an MQL or log-match condition that is not alone [§2.1, §2.2]',
  },
  'condition/missing-type': { severity: 'error', description: 'a condition with no condition type' },
  'condition/duration-whole-minutes': {
    severity: 'error',
    description: 'threshold, absence, MQL duration not a whole minute [§2.2]',
  },
  'condition/absence-duration': {
    severity: 'error',
    description: 'absence duration below 120 s or above 23 h 30 min [§2.2]',
  },
  'condition/missing-data-duration': {
    severity: 'error',
    description: '`evaluation_missing_data` with a duration below 60 s [§2.2]',
  },
  'condition/log-match-rate-limit': {
    severity: 'error',
    description: 'log-match policy without `alert_strategy.notification_rate_limit` [§2.1]',
  },
  'condition/promql-interval': {
    severity: 'error',
    description: 'PromQL `evaluation_interval` not a positive multiple of 30 s [§2.2]',
  },
  'condition/forecast-horizon': {
    severity: 'error',
    description: '`forecast_options.forecast_horizon` outside 1 h to 60 h [§2.2]',
  },
  'condition/comparison': {
    severity: 'error',
    description: 'comparison other than `COMPARISON_GT`/`COMPARISON_LT` (the API rejects GE/LE/EQ/NE) [§2.2]',
  },
} as const satisfies Record<string, RuleEntry>;

const USER_LABELS = 'over 64 labels; key not `^[a-z][a-z0-9_-]{0,62}$`; value not `^[a-z0-9_-]{0,63}$` [§2.1]';

const POLICY = {
  'policy/display-name': { severity: 'error', description: 'display name over 512 characters [§2.1]' },
  'policy/documentation': {
    severity: 'error',
    description:
      'content over 8,192 characters or 10,240 bytes, subject over 10,240 bytes, over 3 links, mime type not `text/markdown` [§2.1]',
  },
  'policy/user-labels': { severity: 'error', description: USER_LABELS },
  'policy/auto-close': { severity: 'error', description: '`auto_close` under 30 min [§2.1]' },
  'policy/severity': { severity: 'error', description: 'a severity the API does not know' },
  'policy/combiner': { severity: 'error', description: 'a combiner the API does not know' },
  'policy/no-channels': { severity: 'warning', description: 'nobody is notified' },
  'policy/mql-deprecated': { severity: 'warning', description: 'MQL is deprecated since 2024-10-22 [§2.4]' },
  'policy/unknown-field': {
    severity: 'error',
    description:
      'REST AlertPolicy checked against the `@google-cloud/monitoring` protos: every unknown name is an error ' +
      "(Google's exports match the published protos exactly)",
  },
  'policy/field-type': {
    severity: 'error',
    description: 'REST AlertPolicy field with the wrong JSON type, or two members of a oneof',
  },
} as const satisfies Record<string, RuleEntry>;

const UPTIME = {
  'uptime/period': { severity: 'error', description: 'period not 60s, 300s, 600s or 900s [§3]' },
  'uptime/timeout': { severity: 'error', description: 'missing or outside 1–60 s [§3]' },
  'uptime/regions': {
    severity: 'error',
    description:
      'selected regions covering fewer than 3 checker locations (USA = 3, EUROPE/SOUTH_AMERICA/ASIA_PACIFIC = 1 each) [§3]',
  },
  'uptime/content-matchers': {
    severity: 'error',
    description:
      'more than one matcher; content over 1,024 bytes; `MATCHES_JSON_PATH`/`NOT_MATCHES_JSON_PATH` without `json_path_matcher` [§3]',
  },
  'uptime/http-check': {
    severity: 'error',
    description:
      'GET with a body or a content type; POST without a content type; over 100 headers; ' +
      'both `auth_info` and `service_agent_authentication` [§3]',
  },
  'uptime/validate-ssl': { severity: 'warning', description: '`validate_ssl` without `use_ssl` [§3]' },
  'uptime/synthetic-timeout': {
    severity: 'error',
    description: 'a synthetic monitor whose timeout is longer than its period (runs would overlap)',
  },
  'uptime/synthetic-function': {
    severity: 'error',
    description:
      'a synthetic monitor without `cloud_function_v2.name`, referencing a `google_cloudfunctions2_function` the stack does not define, ' +
      'or naming one that is not `projects/…/locations/…/functions/…`',
  },
  'uptime/synthetic-no-alert': {
    severity: 'warning',
    description:
      'a synthetic monitor (Terraform stack) that no alert policy reads by its check_id: its failures page nobody',
  },
  'uptime/user-labels': { severity: 'error', description: USER_LABELS },
  'uptime/field-typo': {
    severity: 'error',
    description: 'REST UptimeCheckConfig: a name within typo distance of a known one, with "did you mean"',
  },
  'uptime/unknown-field': {
    severity: 'warning',
    description:
      'REST UptimeCheckConfig: any other name the published uptime.proto lacks (the provider already sends ' +
      '`log_check_failures`, which it does not have)',
  },
  'uptime/field-type': {
    severity: 'error',
    description: 'REST UptimeCheckConfig field with the wrong JSON type, or two members of a oneof',
  },
} as const satisfies Record<string, RuleEntry>;

const DASHBOARD = {
  'dashboard/invalid-json': { severity: 'error', description: '`dashboard_json` not a JSON object' },
  'dashboard/field-typo': {
    severity: 'error',
    description:
      'a name (field or enum value) within typo distance of a known one (`xyCharts`, `LINES`), with "did you mean", ' +
      'as the API answers "Invalid JSON payload received. Unknown name …"',
  },
  'dashboard/unknown-field': {
    severity: 'warning',
    description: 'any other name the published dashboard protos lack (they lag behind the API), naming the message',
  },
  'dashboard/field-type': {
    severity: 'error',
    description: 'wrong JSON type for a known field (string for an object, word for an integer, malformed duration)',
  },
  'dashboard/oneof': {
    severity: 'error',
    description: 'two members of one oneof (e.g. `text` and `blank` on one widget)',
  },
  'dashboard/tile-bounds': {
    severity: 'error',
    description: 'negative position, size below 1, or `xPos + width` past `columns`',
  },
  'dashboard/tile-overlap': {
    severity: 'error',
    description:
      'two mosaic tiles overlapping (group tiles, and the tiles stacked inside one single-view group, are exempt: ' +
      'that is how groups work)',
  },
  'dashboard/too-many-tiles': { severity: 'error', description: 'more than 100 tiles [§4]' },
} as const satisfies Record<string, RuleEntry>;

const SLO = {
  'slo/goal': { severity: 'error', description: 'an SLO goal outside 0 < goal <= 0.9999 (docs/slo.md, Facts)' },
  'slo/period': {
    severity: 'error',
    description:
      'no period, both periods, a rolling period not a whole 1–30 days, or a calendar period not DAY/WEEK/FORTNIGHT/MONTH',
  },
  'slo/ratio-filters': {
    severity: 'error',
    description: 'a good_total_ratio without exactly two of the good, bad and total filters',
  },
  'slo/ratio-metric-kind': {
    severity: 'error',
    description:
      'a ratio filter selecting a GAUGE or a non-numeric metric (the API counts DELTA/CUMULATIVE INT64 or DOUBLE)',
  },
  'slo/distribution-cut-kind': {
    severity: 'error',
    description: 'a distribution cut on a metric that is not a DELTA or CUMULATIVE DISTRIBUTION',
  },
  'slo/unknown-selector': {
    severity: 'error',
    description: 'a `select_slo_*` call that is not one of the documented SLO selectors',
  },
  'slo/lookback': {
    severity: 'error',
    description: '`select_slo_burn_rate` without a lookback, or one not in ns, us, ms, s, m or h (no days)',
  },
  'slo/unknown-slo': {
    severity: 'error',
    description:
      'an SLO selector naming an SLO the stack does not define (Terraform JSON only; REST exports cannot tell)',
  },
} as const satisfies Record<string, RuleEntry>;

const INPUT = {
  'input/unreadable': { severity: 'error', description: 'a named file that is not JSON' },
  'input/unknown-format': { severity: 'warning', description: 'a named file that is neither format' },
  'input/not-terraform-json': {
    severity: 'error',
    description: 'a document handed to the synth gate (`lintTerraformJson`) that is not Terraform JSON',
  },
  'input/too-deep': { severity: 'error', description: 'a resource nested deeper than 64 levels (not checked further)' },
  'input/too-many-findings': {
    severity: 'warning',
    description:
      'more than 1,000 findings in one file, all warnings past the first 1,000: the rest are counted, not listed',
  },
  'input/too-many-errors': {
    severity: 'error',
    description:
      'more than 1,000 findings in one file, errors among those past the first 1,000: the rest are counted, not listed',
  },
} as const satisfies Record<string, RuleEntry>;

const ENTRIES = { ...FILTER, ...AGGREGATION, ...CONDITION, ...POLICY, ...UPTIME, ...DASHBOARD, ...SLO, ...INPUT };

export type RuleId = keyof typeof ENTRIES;

export interface RuleMetadata {
  readonly id: RuleId;
  /** The part before the slash: filter, aggregation, condition, policy, uptime, dashboard, input. */
  readonly family: string;
  readonly severity: Severity;
  readonly description: string;
  /** Where docs/lint.md documents the rule: `docs/lint.md#rule-filter-syntax`. */
  readonly documentation: string;
  /** The rule's failing and passing fixture, relative to the repository; input rules use files in fixtures/input. */
  readonly fixture: string;
}

export function ruleAnchor(id: string): string {
  return `rule-${id.replace('/', '-')}`;
}

function metadata(id: RuleId, entry: RuleEntry): RuleMetadata {
  const family = id.slice(0, id.indexOf('/'));
  const fixture =
    family === 'input'
      ? '__tests__/lint/fixtures/input'
      : `__tests__/lint/fixtures/rules/${id.replace('/', '--')}.json`;
  return {
    id,
    family,
    severity: entry.severity,
    description: entry.description,
    documentation: `docs/lint.md#${ruleAnchor(id)}`,
    fixture,
  };
}

/** Every rule, in the order docs/lint.md lists them. */
export const RULES: readonly RuleMetadata[] = Object.entries(ENTRIES).map(([id, entry]) =>
  metadata(id as RuleId, entry),
);

const BY_ID = new Map<string, RuleMetadata>(RULES.map((rule) => [rule.id, rule]));

export function ruleMetadata(id: RuleId): RuleMetadata {
  return BY_ID.get(id)!;
}

export function ruleSeverity(id: RuleId): Severity {
  return ruleMetadata(id).severity;
}

/** Every rule id with its description (the stable list tools and CI filter on). */
export const RULE_IDS: Readonly<Record<RuleId, string>> = Object.fromEntries(
  RULES.map((rule) => [rule.id, rule.description]),
) as Record<RuleId, string>;
