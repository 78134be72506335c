// vigil lint: what the Cloud Monitoring API would reject, before deploy. Public in-process API.
export { lintDocument, lintFiles, lintInputs, lintTerraformJson, type LintRun } from './lint-files';
export { MissingPathError } from './collect-files';
export { findingLocation, hasFailures, type Finding, type Severity } from './finding';
export { formatFindingsText } from './format-text';
export { RULE_IDS, RULES, ruleMetadata, type RuleId, type RuleMetadata } from './rule-ids';
