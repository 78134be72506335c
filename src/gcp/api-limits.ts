// Limits the Cloud Monitoring API enforces, each with its source in
// ../shared/reference/gcp-monitoring-facts.md (section in brackets). Only verified limits live here;
// lint turns each into a check.

/** [§2.1] A policy holds 1 to 6 conditions. */
export const MAX_CONDITIONS_PER_POLICY = 6;
/** [§2.1] display name ≤ 512 Unicode characters. */
export const MAX_POLICY_DISPLAY_NAME_CHARS = 512;
/** [§2.1] documentation.content ≤ 8,192 Unicode characters and ≤ 10,240 bytes UTF-8. */
export const MAX_DOCUMENTATION_CHARS = 8192;
export const MAX_DOCUMENTATION_BYTES = 10240;
/** [§2.1] documentation.subject ≤ 10,240 bytes. */
export const MAX_DOCUMENTATION_SUBJECT_BYTES = 10240;
/** [§2.1] documentation.links ≤ 3. */
export const MAX_DOCUMENTATION_LINKS = 3;
/** [§2.1] the only documentation MIME type. */
export const DOCUMENTATION_MIME_TYPE = 'text/markdown';
/** [§2.1] user_labels: ≤ 64 entries; keys start with a lowercase letter; [a-z0-9_-]; ≤ 63 characters. */
export const MAX_USER_LABELS = 64;
export const USER_LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
export const USER_LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;
/** [§2.1] severities the API knows. */
export const SEVERITIES: readonly string[] = ['CRITICAL', 'ERROR', 'WARNING', 'SEVERITY_UNSPECIFIED'];
/** [§2.1] alertStrategy.autoClose at least 30 minutes. */
export const MIN_AUTO_CLOSE_SECONDS = 30 * 60;
/** [§2.1] combiners. */
export const COMBINERS: readonly string[] = ['AND', 'OR', 'AND_WITH_MATCHING_RESOURCE', 'COMBINE_UNSPECIFIED'];
/** [§2.2] threshold comparisons the API accepts (the Terraform enum lists more; the API rejects them). */
export const ACCEPTED_COMPARISONS: readonly string[] = ['COMPARISON_GT', 'COMPARISON_LT'];
/** [§2.2] filters ≤ 2,048 Unicode characters. */
export const MAX_FILTER_CHARS = 2048;
/** [§2.2] condition durations are whole minutes. */
export const DURATION_GRANULARITY_SECONDS = 60;
/** [§2.2] absence: at least 120 s; at most 23 h 30 min (sourcegraph PR #64502, third-party, the API's answer). */
export const MIN_ABSENCE_DURATION_SECONDS = 120;
export const MAX_ABSENCE_DURATION_SECONDS = 23 * 3600 + 30 * 60;
/** [§2.2] evaluation_missing_data requires a duration of at least 60 s. */
export const MIN_DURATION_WITH_MISSING_DATA_SECONDS = 60;
/** [§2.2] PromQL evaluation_interval is a positive multiple of 30 s. */
export const PROMQL_EVALUATION_INTERVAL_STEP_SECONDS = 30;
/** [§2.2] evaluation_missing_data values. */
export const EVALUATION_MISSING_DATA: readonly string[] = [
  'EVALUATION_MISSING_DATA_UNSPECIFIED',
  'EVALUATION_MISSING_DATA_INACTIVE',
  'EVALUATION_MISSING_DATA_ACTIVE',
  'EVALUATION_MISSING_DATA_NO_OP',
];
/** [§2.3] alignment period: at least 60 s; at most 25 h in alert policies, 104 weeks in charts. */
export const MIN_ALIGNMENT_PERIOD_SECONDS = 60;
export const MAX_ALERT_ALIGNMENT_PERIOD_SECONDS = 90000;
export const MAX_CHART_ALIGNMENT_PERIOD_SECONDS = 104 * 7 * 24 * 3600;
/** [§3] uptime check periods and timeout. */
export const UPTIME_PERIODS_SECONDS: readonly number[] = [60, 300, 600, 900];
export const MIN_UPTIME_TIMEOUT_SECONDS = 1;
export const MAX_UPTIME_TIMEOUT_SECONDS = 60;
/** [§3] checker locations per selectable region; a selection must cover at least 3. */
export const CHECKER_LOCATIONS_PER_REGION: Readonly<Record<string, number>> = {
  USA: 3,
  EUROPE: 1,
  SOUTH_AMERICA: 1,
  ASIA_PACIFIC: 1,
  USA_OREGON: 1,
  USA_IOWA: 1,
  USA_VIRGINIA: 1,
};
export const MIN_CHECKER_LOCATIONS = 3;
/** [§3] content matcher kinds; the JSON-path ones need json_path_matcher. */
export const CONTENT_MATCHER_OPTIONS: readonly string[] = [
  'CONTENT_MATCHER_OPTION_UNSPECIFIED',
  'CONTAINS_STRING',
  'NOT_CONTAINS_STRING',
  'MATCHES_REGEX',
  'NOT_MATCHES_REGEX',
  'MATCHES_JSON_PATH',
  'NOT_MATCHES_JSON_PATH',
];
export const MAX_CONTENT_MATCHER_BYTES = 1024;
/** [§2.2] forecastOptions.forecastHorizon: 1 h to 60 h. */
export const MIN_FORECAST_HORIZON_SECONDS = 3600;
export const MAX_FORECAST_HORIZON_SECONDS = 60 * 3600;
/** [§3] httpCheck: at most 100 headers; GET has no body and no content type; POST needs a content type. */
export const MAX_UPTIME_HEADERS = 100;
/** [§4] at most 100 tiles on a dashboard. */
export const MAX_DASHBOARD_TILES = 100;
/**
 * A notification channel's description: "This may not exceed 1024 Unicode characters"; its display
 * name "is limited to 512 Unicode characters". Source: the NotificationChannel reference,
 * https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.notificationChannels#NotificationChannel
 */
export const MAX_CHANNEL_DESCRIPTION_CHARS = 1024;
export const MAX_CHANNEL_DISPLAY_NAME_CHARS = 512;
/**
 * A log-based metric's filter: "The maximum length of the filter is 20000 characters" (facts file
 * §1.6, [LOGMETRIC.proto]). Source: https://cloud.google.com/logging/docs/reference/v2/rest/v2/projects.metrics#LogMetric
 */
export const MAX_LOG_METRIC_FILTER_CHARS = 20000;
/**
 * An email address: at most 254 characters (RFC 5321 §4.5.3.1.3 path limit of 256 octets less the
 * angle brackets), https://www.rfc-editor.org/rfc/rfc5321#section-4.5.3.1.3
 */
export const MAX_EMAIL_ADDRESS_CHARS = 254;
