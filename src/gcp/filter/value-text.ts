// A filter value as text: `"redis_instance"`, `starts_with("netra-")`, `("a" OR "b")`. Lint's
// selector summaries print it as written; adopt's canonical form sorts a group's values, so that
// `("b" OR "a")` and `("a" OR "b")` read the same.
import type { ValueNode } from './ast';

export function valueText(value: ValueNode, options: { readonly sorted?: boolean } = {}): string {
  switch (value.kind) {
    case 'literal':
      return JSON.stringify(value.value);
    case 'function':
      return `${value.name}(${value.args.map((arg) => JSON.stringify(arg)).join(', ')})`;
    case 'group': {
      const values = value.values.map((one) => valueText(one, options));
      return `(${(options.sorted ? values.sort() : values).join(` ${value.combiner} `)})`;
    }
  }
}
