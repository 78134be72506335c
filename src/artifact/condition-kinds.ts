// The kinds of alert condition, in the API's spelling (Terraform spells them in snake_case), with
// the words tools print for them. A condition sets exactly one of these fields.
import { snakeCase } from './json';

export interface ConditionKind {
  /** The field in REST JSON: `conditionThreshold`. */
  readonly field: string;
  /** The same field in Terraform JSON: `condition_threshold`. */
  readonly terraformField: string;
  /** How a person calls it: `threshold`, `log-match`. */
  readonly words: string;
}

function kind(field: string, words: string): ConditionKind {
  return { field, terraformField: snakeCase(field), words };
}

export const CONDITION_KINDS: readonly ConditionKind[] = [
  kind('conditionThreshold', 'threshold'),
  kind('conditionAbsent', 'absence'),
  kind('conditionMatchedLog', 'log-match'),
  kind('conditionMonitoringQueryLanguage', 'MQL'),
  kind('conditionPrometheusQueryLanguage', 'PromQL'),
  kind('conditionSql', 'SQL'),
];

export const CONDITION_FIELDS: readonly string[] = CONDITION_KINDS.map((entry) => entry.field);

/** The kind a condition object sets (in either spelling), by the first of its fields that is an object. */
export function conditionKindOf(condition: Record<string, unknown>): ConditionKind | undefined {
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  return CONDITION_KINDS.find((entry) => isObject(condition[entry.field]) || isObject(condition[entry.terraformField]));
}

/** `threshold` for `conditionThreshold` or `condition_threshold`; an unknown field is shown as written. */
export function conditionKindWords(field: string): string {
  return CONDITION_KINDS.find((entry) => entry.field === field || entry.terraformField === field)?.words ?? field;
}
