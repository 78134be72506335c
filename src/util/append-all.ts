// Appends a list to another in place. `target.push(...items)` passes every item as an argument,
// and a list of ~120k items overflows the stack (a lint run over a generated file crashed so).

export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
