// A field's `type` in protos.json is written as in the .proto source: relative to the message that
// declares the field ("Aggregation", "XyChart.DataSet", "google.protobuf.Duration") or absolute
// with a leading dot. This applies protoc's scoping rule so lint finds the same message or enum
// the API's own parser does: the first name part is searched from the innermost enclosing scope
// outwards; once it names something that can contain types, the rest must resolve inside it (no
// further search outwards), and a lone name must be a message or enum to end the search.
import {
  childOf,
  isEnumJson,
  isExtensionJson,
  isMessageJson,
  type NamespaceJson,
  type NestedJson,
} from './descriptor-json';

/** The path from the root of the message or enum `name` refers to, or undefined if none. */
export function resolveTypeName(
  root: NamespaceJson,
  scope: readonly string[],
  name: string,
): readonly string[] | undefined {
  if (name.startsWith('.')) return typeAt(root, [], name.slice(1).split('.'));
  const parts = name.split('.');
  const scopes: NestedJson[] = [root];
  for (const segment of scope) {
    const inner = childOf(scopes[scopes.length - 1], segment);
    if (!inner) throw new Error(`protos.json has no ${scope.join('.')}`);
    scopes.push(inner);
  }
  for (let depth = scope.length; depth >= 0; depth--) {
    const first = childOf(scopes[depth], parts[0]);
    if (!first) continue;
    const path = [...scope.slice(0, depth), parts[0]];
    if (parts.length === 1) {
      if (isMessageJson(first) || isEnumJson(first)) return path;
    } else if (!isEnumJson(first) && !isExtensionJson(first)) {
      return typeAt(first, path, parts.slice(1));
    }
  }
  return undefined;
}

function typeAt(start: NestedJson, prefix: readonly string[], parts: readonly string[]): readonly string[] | undefined {
  let node: NestedJson | undefined = start;
  for (const part of parts) node = node && childOf(node, part);
  return node && (isMessageJson(node) || isEnumJson(node)) ? [...prefix, ...parts] : undefined;
}
