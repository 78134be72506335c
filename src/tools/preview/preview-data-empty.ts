// Data for a preview that has none (a review of an environment without an outage scenario): every
// chart then says "No data", and the layout, titles, thresholds and placeholders still show.
import { evaluatePolicy, type PolicyRun } from '../simulate/evaluate-policy';
import type { StackModel } from '../simulate/policy-model';
import type { PreviewData } from './preview-data';

export function emptyPreviewData(stack: StackModel, description: string): PreviewData {
  const runs = new Map<string, PolicyRun>();
  for (const policy of stack.policies)
    runs.set(policy.address, evaluatePolicy(policy, [], { until: 0, slos: stack.slos }));
  return { description, series: [], prepared: [], origin: 0, from: 0, until: 3600, runs };
}
