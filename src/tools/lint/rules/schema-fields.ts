// */field-typo, */unknown-field, */field-type, dashboard/oneof: REST JSON checked against the
// official messages. Dashboards: the published dashboard protos lag behind the API (Google's own
// dashboards use names they lack, e.g. `apiSource`, `breakdowns`), so only a near miss of a known
// name — a likely typo, which the API answers with "Invalid JSON payload received. Unknown name …" —
// is reported as dashboard/field-typo (an error); other unknown names as dashboard/unknown-field (a
// warning). AlertPolicy exports match the published monitoring protos exactly, so there every
// unknown name is policy/unknown-field, an error. UptimeCheckConfig is treated like dashboards: the
// Terraform provider already sends fields (`log_check_failures`) the published uptime.proto lacks.
import { MAX_FINDINGS_PER_FILE } from '../finding';
import type { ResourceKind } from '../../../artifact/model';
import { alertPolicyMessage, dashboardMessage, uptimeCheckMessage } from '../proto/proto-schema';
import type { ProtoMessage } from '../proto/proto-types';
import { walkMessage, type ProtoIssue } from '../proto/walk-message';
import type { Rule } from '../rule-context';
import { ruleSeverity, type RuleId } from '../rule-ids';

interface Policy {
  readonly message: () => ProtoMessage;
  /** An unknown name within typo distance of a known one. */
  readonly typo: RuleId;
  /** Any other unknown name. */
  readonly unknown: RuleId;
  readonly type: RuleId;
  readonly oneof: RuleId;
}

// SLO resources are only read from Terraform JSON, which checks its own attribute names.
const POLICIES: Readonly<Partial<Record<ResourceKind, Policy>>> = {
  dashboard: {
    message: dashboardMessage,
    typo: 'dashboard/field-typo',
    unknown: 'dashboard/unknown-field',
    type: 'dashboard/field-type',
    oneof: 'dashboard/oneof',
  },
  alertPolicy: {
    message: alertPolicyMessage,
    typo: 'policy/unknown-field',
    unknown: 'policy/unknown-field',
    type: 'policy/field-type',
    oneof: 'policy/field-type',
  },
  uptimeCheck: {
    message: uptimeCheckMessage,
    typo: 'uptime/field-typo',
    unknown: 'uptime/unknown-field',
    type: 'uptime/field-type',
    oneof: 'uptime/field-type',
  },
};

/** Enum fields a dedicated rule already reports with its own id (aggregation/unknown-name, policy/severity, …). */
const ENUMS_CHECKED_ELSEWHERE = new Set([
  'perSeriesAligner',
  'crossSeriesReducer',
  'severity',
  'combiner',
  'selectedRegions',
]);

export const schemaFieldRules: Rule = (context) => {
  const resource = context.resource;
  // Terraform checks its own attribute names; the API's JSON is only inside dashboard_json.
  if (resource.format === 'terraform' && resource.kind !== 'dashboard') return;
  if (resource.parseProblem) return;
  const policy = POLICIES[resource.kind];
  if (!policy) return;
  const issues: ProtoIssue[] = [];
  // One more than the file can list: the summary then says that more were found.
  walkMessage(resource.body, policy.message(), [], issues, MAX_FINDINGS_PER_FILE + 1);
  for (const issue of issues) {
    const field = [...issue.path].reverse().find((segment) => typeof segment === 'string');
    if (issue.kind === 'unknown-enum' && typeof field === 'string' && ENUMS_CHECKED_ELSEWHERE.has(field)) continue;
    switch (issue.kind) {
      case 'unknown-field':
      case 'unknown-enum': {
        const what = issue.kind === 'unknown-field' ? 'field' : 'value';
        const ruleId = issue.suggestion ? policy.typo : policy.unknown;
        const severity = ruleSeverity(ruleId);
        const message = issue.suggestion
          ? `${issue.message} The API rejects it: "Invalid JSON payload received. Unknown name"${issue.kind === 'unknown-enum' ? ' / invalid enum value' : ''}`
          : severity === 'error'
            ? `${issue.message}; the API rejects unknown names`
            : `${issue.message}; the API may know it (the published protos lag behind), lint cannot check it`;
        context.report(
          ruleId,
          issue.path,
          message,
          issue.suggestion ? `use "${issue.suggestion}"` : severity === 'error' ? `remove the ${what}` : undefined,
        );
        break;
      }
      case 'type':
        context.report(policy.type, issue.path, issue.message);
        break;
      case 'oneof':
        context.report(policy.oneof, issue.path, issue.message, 'keep one of them');
        break;
    }
  }
};
