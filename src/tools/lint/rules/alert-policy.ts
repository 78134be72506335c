// policy/*: policy-level fields the AlertPolicy API checks (alert.proto; facts file §2.1), plus two
// warnings: a policy that notifies nobody, and MQL (deprecated since 2024-10-22, facts §2.4).
import {
  COMBINERS,
  DOCUMENTATION_MIME_TYPE,
  MAX_DOCUMENTATION_BYTES,
  MAX_DOCUMENTATION_CHARS,
  MAX_DOCUMENTATION_LINKS,
  MAX_DOCUMENTATION_SUBJECT_BYTES,
  MAX_POLICY_DISPLAY_NAME_CHARS,
  MIN_AUTO_CLOSE_SECONDS,
  SEVERITIES,
} from '../../../gcp/api-limits';
import { closestName } from '../../../util/closest-name';
import { readDurationField } from '../../../artifact/duration';
import { isOpaque, isRecord } from '../../../artifact/model';
import type { Rule } from '../rule-context';
import { checkUserLabels } from './user-labels';

export const alertPolicyRules: Rule = (context) => {
  const body = context.resource.body;
  if (typeof body.displayName === 'string' && [...body.displayName].length > MAX_POLICY_DISPLAY_NAME_CHARS) {
    context.report(
      'policy/display-name',
      ['displayName'],
      `the display name has ${[...body.displayName].length} characters; the API accepts at most ${MAX_POLICY_DISPLAY_NAME_CHARS}`,
      'shorten it; put the detail in the documentation',
    );
  }
  const documentation = body.documentation;
  if (isRecord(documentation)) {
    const content = typeof documentation.content === 'string' ? documentation.content : '';
    const chars = [...content].length;
    const bytes = Buffer.byteLength(content, 'utf8');
    if (chars > MAX_DOCUMENTATION_CHARS || bytes > MAX_DOCUMENTATION_BYTES) {
      context.report(
        'policy/documentation',
        ['documentation', 'content'],
        `documentation has ${chars} characters (${bytes} bytes UTF-8); the API accepts at most ${MAX_DOCUMENTATION_CHARS} characters and ${MAX_DOCUMENTATION_BYTES} bytes`,
        'shorten the runbook and link to the full text',
      );
    }
    const mimeType = documentation.mimeType;
    // An absent mime type is not flagged: the Terraform provider defaults it to text/markdown.
    if (mimeType !== undefined && mimeType !== DOCUMENTATION_MIME_TYPE && !isOpaque(mimeType)) {
      context.report(
        'policy/documentation',
        ['documentation', 'mimeType'],
        `documentation mime type is ${JSON.stringify(mimeType)}; the API supports only "${DOCUMENTATION_MIME_TYPE}"`,
        `set mime_type = "${DOCUMENTATION_MIME_TYPE}"`,
      );
    }
    if (
      typeof documentation.subject === 'string' &&
      Buffer.byteLength(documentation.subject, 'utf8') > MAX_DOCUMENTATION_SUBJECT_BYTES
    ) {
      context.report(
        'policy/documentation',
        ['documentation', 'subject'],
        `documentation subject has ${Buffer.byteLength(documentation.subject, 'utf8')} bytes; the API accepts at most ${MAX_DOCUMENTATION_SUBJECT_BYTES}`,
      );
    }
    if (Array.isArray(documentation.links) && documentation.links.length > MAX_DOCUMENTATION_LINKS) {
      context.report(
        'policy/documentation',
        ['documentation', 'links'],
        `documentation has ${documentation.links.length} links; the API accepts at most ${MAX_DOCUMENTATION_LINKS}`,
      );
    }
  }

  checkUserLabels(context, body.userLabels, ['userLabels'], 'policy/user-labels');

  const strategy = body.alertStrategy;
  if (isRecord(strategy) && strategy.autoClose !== undefined) {
    const parsed = readDurationField(strategy.autoClose);
    if ('seconds' in parsed && parsed.seconds < MIN_AUTO_CLOSE_SECONDS) {
      context.report(
        'policy/auto-close',
        ['alertStrategy', 'autoClose'],
        `auto close after ${parsed.seconds}s; the API requires at least ${MIN_AUTO_CLOSE_SECONDS}s (30 minutes)`,
        `use "${MIN_AUTO_CLOSE_SECONDS}s" or more`,
      );
    } else if ('invalid' in parsed) {
      context.report(
        'policy/auto-close',
        ['alertStrategy', 'autoClose'],
        `auto close ${parsed.invalid} is not a duration; expected seconds such as "1800s"`,
      );
    }
  }

  const severity = body.severity;
  if (typeof severity === 'string' && !isOpaque(severity) && !SEVERITIES.includes(severity)) {
    const suggestion = closestName(severity, SEVERITIES);
    context.report(
      'policy/severity',
      ['severity'],
      `severity ${JSON.stringify(severity)} is not one the API knows (${SEVERITIES.join(', ')})${suggestion ? `; did you mean ${suggestion}?` : ''}`,
      suggestion ? `use ${suggestion}` : undefined,
    );
  }

  const combiner = body.combiner;
  if (typeof combiner === 'string' && !isOpaque(combiner) && !COMBINERS.includes(combiner)) {
    const suggestion = closestName(combiner, COMBINERS);
    context.report(
      'policy/combiner',
      ['combiner'],
      `combiner ${JSON.stringify(combiner)} is not one the API knows (${COMBINERS.join(', ')})${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    );
  }

  const channels = body.notificationChannels;
  if (!Array.isArray(channels) || channels.length === 0) {
    context.report(
      'policy/no-channels',
      ['notificationChannels'],
      'the policy has no notification channels: when it fires, nobody is told',
      'add notification_channels',
    );
  }

  const conditions = Array.isArray(body.conditions) ? body.conditions : [];
  conditions.forEach((condition, index) => {
    if (isRecord(condition) && isRecord(condition.conditionMonitoringQueryLanguage)) {
      context.report(
        'policy/mql-deprecated',
        ['conditions', index, 'conditionMonitoringQueryLanguage'],
        'MQL is deprecated since 2024-10-22 (no longer in the console since 2025-07-22); existing MQL policies keep working',
        'rewrite the condition in PromQL (condition_prometheus_query_language) or as a threshold condition',
      );
    }
  });
};
