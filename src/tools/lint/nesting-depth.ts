// How deeply lint walks: its rules walk bodies recursively, as the protos nest, so a body nested
// deeper than this gets one finding instead (measured by util/json-depth, without recursion). Real
// alert policies and dashboards nest about 10 levels.

/** The deepest nesting of objects and arrays lint checks; deeper input gets one finding instead. */
export const MAX_LINT_NESTING = 64;
