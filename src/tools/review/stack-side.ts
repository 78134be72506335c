// One side (base or head) of a stack, with what the readers of its resources look up: other
// resources by address (channel names behind references) and the units of its log-based metrics
// (read through the artifact model, with its defaults).
import { LOG_BASED_METRIC_PREFIX } from '../../gcp/metric-catalog';
import type { TerraformJson } from './artifacts';
import { readTerraform } from '../../artifact/read/read-terraform';
import { indexResources, ResourceRecord } from './resources';

export interface StackSide {
  readonly resources: ReadonlyMap<string, ResourceRecord>;
  /** `logging.googleapis.com/user/NAME` → the unit in its metric descriptor (`1` when unset, as the API defaults). */
  readonly logMetricUnits: ReadonlyMap<string, string>;
}

export function stackSide(doc: TerraformJson | undefined): StackSide {
  const resources = indexResources(doc);
  const logMetricUnits = new Map<string, string>();
  const logMetrics = doc ? readTerraform(doc, 'stack').logMetrics : undefined;
  // An empty unit reads as the default too.
  for (const [name, shape] of logMetrics ?? [])
    logMetricUnits.set(`${LOG_BASED_METRIC_PREFIX}${name}`, shape.unit || '1');
  return { resources, logMetricUnits };
}
