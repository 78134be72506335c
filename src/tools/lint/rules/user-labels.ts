// user_labels of alert policies and uptime checks: at most 64; keys start with a lowercase letter;
// keys and values only lowercase letters, digits, `_` and `-`, at most 63 characters (facts §2.1, §3).
import { MAX_USER_LABELS, USER_LABEL_KEY, USER_LABEL_VALUE } from '../../../gcp/api-limits';
import { isOpaque, isRecord, type PathSegment } from '../../../artifact/model';
import type { RuleContext } from '../rule-context';
import type { RuleId } from '../rule-ids';

export function checkUserLabels(
  context: RuleContext,
  labels: unknown,
  path: readonly PathSegment[],
  ruleId: RuleId,
): void {
  if (!isRecord(labels)) return;
  const entries = Object.entries(labels);
  if (entries.length > MAX_USER_LABELS) {
    context.report(ruleId, path, `${entries.length} user labels; the API accepts at most ${MAX_USER_LABELS}`);
  }
  for (const [key, value] of entries) {
    if (!isOpaque(key) && !USER_LABEL_KEY.test(key)) {
      context.report(
        ruleId,
        [...path, key],
        `user label key ${JSON.stringify(key)} is not in the allowed form: a lowercase letter, then up to 62 lowercase letters, digits, "_" or "-"`,
        `use ${JSON.stringify(
          key
            .toLowerCase()
            .replace(/[^a-z0-9_-]/g, '_')
            .replace(/^[^a-z]+/, '') || 'label',
        )}`,
      );
    }
    if (typeof value !== 'string') {
      context.report(
        ruleId,
        [...path, key],
        `user label ${JSON.stringify(key)} has a ${typeof value} value; the API expects a string`,
      );
    } else if (!isOpaque(value) && !USER_LABEL_VALUE.test(value)) {
      context.report(
        ruleId,
        [...path, key],
        `user label value ${JSON.stringify(value)} is not in the allowed form: up to 63 lowercase letters, digits, "_" or "-"`,
        `use ${JSON.stringify(
          value
            .toLowerCase()
            .replace(/[^a-z0-9_-]/g, '-')
            .slice(0, 63),
        )}`,
      );
    }
  }
}
