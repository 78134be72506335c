// The policies a simulation evaluates: the artifact model's alert policies (src/artifact), read
// from synthesized Terraform JSON (`resource.google_monitoring_alert_policy.<id>`) or from REST
// exports (one policy per file, a list, or `{alertPolicies: […]}`, in either spelling).
import { readAlertPolicy, type Policy } from '../../artifact/alert-policy';
import { isRecord } from '../../artifact/json';
import type { Slo } from '../../artifact/slos';
import type { LogMetricShape } from '../../artifact/log-metrics';
import { readTerraform, toApiSpelling } from '../../artifact/read/read-terraform';
import { LOG_BASED_METRIC_PREFIX } from '../../gcp/metric-catalog';

export type {
  AbsentCondition,
  Aggregation,
  Condition,
  MissingData,
  Policy,
  ThresholdCondition,
  Trigger,
  UnsupportedCondition,
} from '../../artifact/alert-policy';
export { DEFAULT_AUTO_CLOSE_SECONDS } from '../../artifact/alert-policy';
export type { LogMetricShape } from '../../artifact/log-metrics';

export interface StackModel {
  readonly source: string;
  readonly policies: readonly Policy[];
  /** Log-based metrics the stack defines, by metric type (`logging.googleapis.com/user/<name>`). */
  readonly logMetrics: ReadonlyMap<string, LogMetricShape>;
  /** SLOs the stack defines, by name (`projects/P/services/S/serviceLevelObjectives/ID`). */
  readonly slos: ReadonlyMap<string, Slo>;
}

function slosByName(slos: readonly Slo[] = []): Map<string, Slo> {
  return new Map(slos.flatMap((slo) => (slo.name ? [[slo.name, slo] as const] : [])));
}

function isTerraformDocument(document: unknown): document is Record<string, unknown> {
  return (
    typeof document === 'object' &&
    document !== null &&
    typeof (document as Record<string, unknown>).resource === 'object'
  );
}

function restPolicies(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  const body = toApiSpelling(document);
  return isRecord(body) && Array.isArray(body.alertPolicies) ? body.alertPolicies : [document];
}

/** The policies of one parsed JSON document; `source` names it in addresses and messages. */
export function stackModelFromJson(document: unknown, source: string): StackModel {
  if (isTerraformDocument(document)) {
    const unit = readTerraform(document, source);
    const policies = unit.resources
      .filter((resource) => resource.kind === 'alertPolicy')
      .map((resource) => readAlertPolicy(resource.body, resource.resource));
    const logMetrics = new Map<string, LogMetricShape>();
    for (const [name, shape] of unit.logMetrics ?? []) logMetrics.set(`${LOG_BASED_METRIC_PREFIX}${name}`, shape);
    return { source, policies, logMetrics, slos: slosByName(unit.slos) };
  }
  const list = restPolicies(document);
  const policies = list.map((raw, index) => {
    const body = toApiSpelling(raw);
    return readAlertPolicy(isRecord(body) ? body : {}, list.length === 1 ? source : `${source}[${index}]`);
  });
  return { source, policies, logMetrics: new Map(), slos: new Map() };
}

/** Joins the models of several REST export files into one. */
export function mergeStackModels(models: readonly StackModel[], source: string): StackModel {
  const logMetrics = new Map<string, LogMetricShape>();
  const slos = new Map<string, Slo>();
  for (const model of models) {
    for (const [type, shape] of model.logMetrics) logMetrics.set(type, shape);
    for (const [name, slo] of model.slos) slos.set(name, slo);
  }
  return { source, policies: models.flatMap((model) => model.policies), logMetrics, slos };
}

/** The logical id of a Terraform address (`google_monitoring_alert_policy.x` → `x`). */
export function logicalId(policy: Policy): string | undefined {
  const match = /^google_monitoring_alert_policy\.(.+)$/.exec(policy.address);
  return match ? match[1] : undefined;
}
