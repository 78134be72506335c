// How deeply a JSON value nests, measured without recursion, so that lint's rules (which walk
// bodies recursively, as the protos nest) only ever see bodies they can walk without overflowing
// the stack. Real alert policies and dashboards nest about 10 levels.
import { isRecord, type PathSegment } from '../../artifact/model';

/** The deepest nesting of objects and arrays lint checks; deeper input gets one finding instead. */
export const MAX_LINT_NESTING = 64;

/** The path of the first value nested deeper than `max` levels, or undefined. */
export function tooDeepAt(value: unknown, max = MAX_LINT_NESTING): PathSegment[] | undefined {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (Array.isArray(current)) {
      if (current.length > 0 && path.length >= max) return path;
      current.forEach((child, index) => {
        if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, index] });
      });
    } else if (isRecord(current)) {
      for (const key in current) {
        if (path.length >= max) return path;
        const child = current[key];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return undefined;
}
