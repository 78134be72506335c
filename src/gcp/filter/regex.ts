// RE2 patterns (what the Monitoring API evaluates) as JavaScript RegExps. The two dialects agree on
// everything Google's filters use; the differences handled here are RE2's leading inline flags
// `(?i)`, `(?s)`, `(?m)`, which JavaScript spells as RegExp flags. Compiled patterns are cached.
const cache = new Map<string, RegExp>();

export function toJsRegExp(pattern: string, fullMatch: boolean): RegExp {
  const key = `${fullMatch ? 'F' : 'P'}${pattern}`;
  let compiled = cache.get(key);
  if (!compiled) {
    let source = pattern;
    let flags = '';
    const inline = /^\(\?([ims]+)\)/.exec(source);
    if (inline) {
      flags = [...new Set(inline[1])].join('');
      source = source.slice(inline[0].length);
    }
    compiled = new RegExp(fullMatch ? `^(?:${source})$` : source, flags);
    cache.set(key, compiled);
  }
  return compiled;
}

/** The reason a pattern does not compile, or undefined when it does. */
export function regexProblem(pattern: string): string | undefined {
  try {
    toJsRegExp(pattern, true);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
