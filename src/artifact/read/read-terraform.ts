// Synthesized Terraform JSON (cdk.tf.json) → artifact model. Terraform spells the API's fields in
// snake_case; bodies are converted to the API's camelCase so rules are written once, and paths are
// converted back so findings name the Terraform attribute.
import { MAX_JSON_DEPTH } from './artifact-limits';
import { camelCase, snakeCase } from '../json';
import { logMetricShape, type LogMetricShape } from '../log-metrics';
import { readTerraformSlos } from '../slos';
import {
  isRecord,
  renderPath,
  type ArtifactResource,
  type ArtifactUnit,
  type PathSegment,
  type ResourceKind,
} from '../model';

const KINDS: Readonly<Record<string, ResourceKind>> = {
  google_monitoring_alert_policy: 'alertPolicy',
  google_monitoring_uptime_check_config: 'uptimeCheck',
  google_monitoring_dashboard: 'dashboard',
  google_monitoring_slo: 'slo',
};

/** Attributes whose value is a map of user-chosen keys: their keys are kept as written. */
const MAP_ATTRIBUTES = new Set([
  'user_labels',
  'labels',
  'headers',
  'label_extractors',
  'userLabels',
  'labelExtractors',
]);

export function isTerraformJson(doc: unknown): doc is Record<string, unknown> {
  return (
    isRecord(doc) &&
    (isRecord(doc.resource) || isRecord(doc.terraform)) &&
    !('conditions' in doc) &&
    !('mosaicLayout' in doc)
  );
}

/**
 * A Terraform (or snake_case REST) body in the API's camelCase spelling; map keys kept as written.
 * Below MAX_JSON_DEPTH levels the value is kept as it is rather than recursed into: no real body
 * nests that deep, and lint reports such a body as too deep without walking it.
 */
export function toApiSpelling(value: unknown, keepKeys = false, depth = 0): unknown {
  if (depth >= MAX_JSON_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => toApiSpelling(item, false, depth + 1));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '//') continue;
    const restKey = keepKeys ? key : camelCase(key);
    out[restKey] = toApiSpelling(child, !keepKeys && MAP_ATTRIBUTES.has(key) && isRecord(child), depth + 1);
  }
  return out;
}

/**
 * The reverse of toApiSpelling: a REST body (camelCase) in Terraform's snake_case, map keys (label
 * names, headers) kept as written. Used to compare a live resource with the stack's attributes.
 */
export function toTerraformSpelling(value: unknown, keepKeys = false, depth = 0): unknown {
  if (depth >= MAX_JSON_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => toTerraformSpelling(item, false, depth + 1));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const terraformKey = keepKeys ? key : snakeCase(key);
    out[terraformKey] = toTerraformSpelling(child, !keepKeys && MAP_ATTRIBUTES.has(key) && isRecord(child), depth + 1);
  }
  return out;
}

/** Spells a REST path the Terraform way, leaving map keys (label names) alone. */
function terraformSegments(segments: readonly PathSegment[]): PathSegment[] {
  return segments.map((segment, index) => {
    if (typeof segment === 'number') return segment;
    const previous = segments[index - 1];
    return typeof previous === 'string' && MAP_ATTRIBUTES.has(previous) ? segment : snakeCase(segment);
  });
}

export function readTerraform(doc: Record<string, unknown>, file: string): ArtifactUnit {
  const resources: ArtifactResource[] = [];
  const logMetrics = new Map<string, LogMetricShape>();
  const cloudFunctions = new Set<string>();
  const blocks = isRecord(doc.resource) ? doc.resource : {};
  for (const [type, instances] of Object.entries(blocks)) {
    if (!isRecord(instances)) continue;
    if (type === 'google_cloudfunctions2_function') {
      for (const name of Object.keys(instances)) cloudFunctions.add(name);
      continue;
    }
    if (type === 'google_logging_metric') {
      for (const metric of Object.values(instances)) {
        if (!isRecord(metric) || typeof metric.name !== 'string') continue;
        logMetrics.set(metric.name, logMetricShape(toApiSpelling(metric.metric_descriptor)));
      }
      continue;
    }
    const kind = KINDS[type];
    if (!kind) continue;
    for (const [name, instance] of Object.entries(instances)) {
      if (!isRecord(instance)) continue;
      const address = `${type}.${name}`;
      const prefix = renderPath('', ['resource', type, name]);
      if (kind === 'dashboard') {
        resources.push(dashboardResource(instance, file, address, prefix, ['resource', type, name]));
        continue;
      }
      resources.push({
        kind,
        format: 'terraform',
        file,
        resource: address,
        body: toApiSpelling(instance) as Record<string, unknown>,
        pathOf: (segments) => renderPath(prefix, terraformSegments(segments)),
        documentPathOf: (segments) => ['resource', type, name, ...terraformSegments(segments)],
      });
    }
  }
  return { file, format: 'terraform', resources, logMetrics, slos: readTerraformSlos(blocks), cloudFunctions };
}

/** dashboard_json is a JSON string already in the API's spelling; paths point inside it after `#`. */
function dashboardResource(
  instance: Record<string, unknown>,
  file: string,
  address: string,
  prefix: string,
  at: PathSegment[],
): ArtifactResource {
  const attribute = `${prefix}.dashboard_json`;
  let body: Record<string, unknown>;
  let parseProblem: string | undefined;
  const raw = instance.dashboard_json;
  if (typeof raw !== 'string') {
    body = {};
    parseProblem = `dashboard_json is ${raw === undefined ? 'missing' : `a ${typeof raw}`}; expected a string of Dashboard JSON`;
  } else if (raw.includes('${') && !raw.trimStart().startsWith('{')) {
    body = {};
  } else {
    try {
      const parsed: unknown = JSON.parse(raw);
      body = isRecord(parsed) ? parsed : {};
      if (!isRecord(parsed)) parseProblem = 'dashboard_json is JSON but not an object; expected a Dashboard object';
    } catch (error) {
      body = {};
      parseProblem = `dashboard_json is not valid JSON (${(error as Error).message})`;
    }
  }
  return {
    kind: 'dashboard',
    format: 'terraform',
    file,
    resource: address,
    body,
    pathOf: (segments) => (segments.length === 0 ? attribute : `${attribute}#${renderPath('', segments)}`),
    // Inside the dashboard_json string the file has no positions of its own: the attribute stands for it.
    documentPathOf: () => [...at, 'dashboard_json'],
    ...(parseProblem ? { parseProblem } : {}),
  };
}
