// One side (base or head) of a stack, with what the readers of its resources look up: other
// resources by address (channel names behind references) and the units of its log-based metrics.
import { LOG_BASED_METRIC_PREFIX } from '../../gcp/metric-catalog';
import type { TerraformJson } from './artifacts';
import { indexResources, isObject, LOGGING_METRIC, ResourceRecord } from './resources';

export interface StackSide {
  readonly resources: ReadonlyMap<string, ResourceRecord>;
  /** `logging.googleapis.com/user/NAME` → the unit in its metric descriptor (`1` when unset, as the API defaults). */
  readonly logMetricUnits: ReadonlyMap<string, string>;
}

export function stackSide(doc: TerraformJson | undefined): StackSide {
  const resources = indexResources(doc);
  const logMetricUnits = new Map<string, string>();
  for (const record of resources.values()) {
    if (record.type !== LOGGING_METRIC || typeof record.body.name !== 'string') continue;
    const descriptor = record.body.metric_descriptor;
    const unit = isObject(descriptor) && typeof descriptor.unit === 'string' && descriptor.unit !== '' ? descriptor.unit : '1';
    logMetricUnits.set(`${LOG_BASED_METRIC_PREFIX}${record.body.name}`, unit);
  }
  return { resources, logMetricUnits };
}
