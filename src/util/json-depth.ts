// Parsed JSON (or YAML) is a tree of any depth, and the code that reads it recurses. Measuring the
// depth first, without recursion, bounds every walk behind it: a document nested 2,000 deep gets
// an error naming where, instead of "Maximum call stack size exceeded".

export type JsonPathSegment = string | number;

/** The path of the first value nested deeper than `max` levels of objects and arrays, or undefined. */
export function tooDeepAt(value: unknown, max: number): JsonPathSegment[] | undefined {
  const stack: { value: unknown; path: JsonPathSegment[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: JsonPathSegment[] };
    if (Array.isArray(current)) {
      if (current.length > 0 && path.length >= max) return path;
      current.forEach((child, index) => {
        if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, index] });
      });
    } else if (typeof current === 'object' && current !== null) {
      for (const key in current) {
        if (path.length >= max) return path;
        const child = (current as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return undefined;
}

/** `a.b[3].c`, shortened in the middle when long: a path 2,000 levels deep is not worth printing whole. */
export function describeDeepPath(path: readonly JsonPathSegment[]): string {
  const render = (parts: readonly JsonPathSegment[], first: boolean) =>
    parts
      .map((part, index) => (typeof part === 'number' ? `[${part}]` : first && index === 0 ? part : `.${part}`))
      .join('');
  if (path.length <= 12) return render(path, true);
  return `${render(path.slice(0, 8), true)}…(${path.length - 12} more levels)…${render(path.slice(-4), false)}`;
}
