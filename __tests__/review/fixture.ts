// Test support: the small hand-written stack under fixtures/base, and heads made by editing a copy.
import * as fs from 'fs';
import * as path from 'path';
import type { StackArtifact, TerraformJson } from '../../src/tools/review';
import { review, renderMarkdown } from '../../src/tools/review';
import type { ReviewOptions } from '../../src/tools/review';

export const BASE_DIR = path.join(__dirname, 'fixtures', 'base');
export const BASE_FILE = path.join(BASE_DIR, 'stacks', 'monitoring-test', 'cdk.tf.json');

type Resources = Record<string, Record<string, Record<string, any>>>;

export function baseDoc(): TerraformJson & { resource: Resources } {
  return JSON.parse(fs.readFileSync(BASE_FILE, 'utf8'));
}

export function artifact(doc: TerraformJson, stack = 'monitoring-test'): StackArtifact {
  return { stack, file: `${stack}/cdk.tf.json`, doc, givenAsFile: false };
}

export function policy(doc: { resource: Resources }, id: string): Record<string, any> {
  return doc.resource.google_monitoring_alert_policy[id];
}

export function dashboardOf(doc: { resource: Resources }): Record<string, any> {
  return JSON.parse(doc.resource.google_monitoring_dashboard.infrastructure_dashboard.dashboard_json);
}

export function setDashboard(doc: { resource: Resources }, dashboard: Record<string, any>): void {
  doc.resource.google_monitoring_dashboard.infrastructure_dashboard.dashboard_json = JSON.stringify(dashboard);
}

/** Reviews the base fixture against a copy edited by `edit`. */
export function reviewEdit(edit: (doc: TerraformJson & { resource: Resources }) => void, options: ReviewOptions = {}) {
  const head = baseDoc();
  edit(head);
  const result = review([artifact(baseDoc())], [artifact(head)], options);
  return {
    result,
    markdown: renderMarkdown(result),
    stack: result.stacks[0],
    details: result.stacks[0].changes.flatMap((change) => change.details),
  };
}
