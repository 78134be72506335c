// What the first apply changes on a live resource that the stack adopts (imports), in review's
// words: the live resource is the "before", the stack's resource the "after", compared by the same
// readers as any change (thresholds in the metric's unit, durations in seconds, channels by name).
// Kinds without a domain reader are compared on the attributes the stack sets; secret labels
// (tokens, keys, passwords) are left out on both sides, since the API never returns them.
import { comparePolicies } from './alert-policies';
import { describeLeafChange, leafChanges } from './json-changes';
import { ALERT_POLICY, isObject, type Json, type ResourceRecord, UPTIME_CHECK } from './resources';
import { isSecretKey } from './secrets';
import type { StackSide } from './stack-side';
import { compareUptimeChecks } from './uptime-checks';

/**
 * `value` restricted to the keys `shape` has, at every level of objects; secret keys dropped.
 * User labels stay whole: Terraform sets the whole map, so a live label the stack lacks is removed.
 */
function restricted(value: Json | undefined, shape: Json | undefined, key = ''): Json | undefined {
  if (!isObject(value) || !isObject(shape) || key === 'user_labels') return value;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(shape)) {
    if (isSecretKey(key) || !(key in value)) continue;
    const kept = restricted(value[key], shape[key], key);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

export function adoptedDifferences(live: ResourceRecord, stack: ResourceRecord, side: StackSide): string[] {
  if (stack.type === ALERT_POLICY) return comparePolicies(live, stack, { base: side, head: side }).details;
  if (stack.type === UPTIME_CHECK) return compareUptimeChecks(live, stack).details;
  const before = restricted(live.body, stack.body);
  const after = restricted(stack.body, stack.body);
  return leafChanges(before, after).map(describeLeafChange);
}
