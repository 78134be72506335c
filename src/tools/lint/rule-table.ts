// docs/lint.md's rule table, generated from the registry (`npm run docs`; a test fails when stale).
import { RULES, ruleAnchor } from './rule-ids';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function lintRuleTableMarkdown(): string {
  const lines = ['| Rule | Severity | What |', '|---|---|---|'];
  for (const rule of RULES) {
    lines.push(`| <a id="${ruleAnchor(rule.id)}"></a>\`${rule.id}\` | ${rule.severity} | ${cell(rule.description)} |`);
  }
  return lines.join('\n');
}
