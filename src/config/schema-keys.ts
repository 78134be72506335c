// The keys a mapping may hold at a field path of the schema, for "unknown key" messages. The data
// is walked alongside, so that in a discriminated union (channels by `type`) only the keys of the
// option the data chose are offered.
import { AnySchema, Definition, definition, unwrap } from './zod-introspection';

/** The options of a union that the data can belong to. */
function matchingOptions(def: Definition, data: unknown): AnySchema[] {
  const options = def.options ?? [];
  if (!def.discriminator || data === null || typeof data !== 'object') return options;
  const value = (data as Record<string, unknown>)[def.discriminator];
  const chosen = options.filter((option) => {
    const field = definition(unwrap(option)).shape?.[def.discriminator!];
    return field !== undefined && (definition(unwrap(field)).values ?? []).includes(value);
  });
  return chosen.length > 0 ? chosen : options;
}

function branches(schema: AnySchema, data: unknown): AnySchema[] {
  const inner = unwrap(schema);
  const def = definition(inner);
  return def.type === 'union' ? matchingOptions(def, data).flatMap((option) => branches(option, data)) : [inner];
}

function child(schema: AnySchema, key: PropertyKey): AnySchema | undefined {
  const def = definition(schema);
  if (def.type === 'object' && def.shape && typeof key === 'string') return def.shape[key];
  if (def.type === 'array' && typeof key === 'number') return def.element;
  return undefined;
}

export function allowedKeysAt(root: AnySchema, path: readonly PropertyKey[], data: unknown): string[] {
  let level: Array<{ schema: AnySchema; data: unknown }> = [{ schema: root, data }];
  for (const key of path) {
    level = level.flatMap(({ schema, data: value }) => {
      const next =
        value !== null && typeof value === 'object'
          ? (value as Record<PropertyKey, unknown>)[key as string]
          : undefined;
      return branches(schema, value).flatMap((branch) => {
        const found = child(branch, key);
        return found ? [{ schema: found, data: next }] : [];
      });
    });
  }
  const keys = level.flatMap(({ schema, data: value }) =>
    branches(schema, value).flatMap((branch) => Object.keys(definition(branch).shape ?? {})),
  );
  return [...new Set(keys)];
}
