// The keys a mapping may hold at a field path of the schema, for "unknown key" messages.
import { z } from 'zod';

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable') && def.innerType) {
      current = def.innerType;
    } else {
      return current;
    }
  }
}

function children(schema: AnySchema, key: PropertyKey): AnySchema[] {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; options?: AnySchema[] };
  if (def.type === 'object' && def.shape && typeof key === 'string' && key in def.shape) return [def.shape[key]];
  if (def.type === 'array' && def.element && typeof key === 'number') return [def.element];
  if (def.type === 'union' && def.options) return def.options.flatMap((option) => children(option, key));
  return [];
}

function keysOf(schema: AnySchema): string[] {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; shape?: Record<string, AnySchema>; options?: AnySchema[] };
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'union' && def.options) return def.options.flatMap(keysOf);
  return [];
}

export function allowedKeysAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  let current: AnySchema[] = [root];
  for (const key of path) current = current.flatMap((schema) => children(schema, key));
  return [...new Set(current.flatMap(keysOf))];
}
