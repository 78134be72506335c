// Reading a zod schema's structure: the field paths, keys and checks that the unknown-key hints
// and the identifier-field derivation both walk. zod keeps this in `_zod.def`.
import type { z } from 'zod';

export type AnySchema = z.core.$ZodType;

export interface Definition {
  type: string;
  innerType?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  values?: unknown[];
  format?: string;
  checks?: Array<{ _zod: { def: { format?: string; pattern?: RegExp } } }>;
}

export function definition(schema: AnySchema): Definition {
  return schema._zod.def as unknown as Definition;
}

/** The schema under optional, default, prefault and nullable wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = definition(current);
    if (['optional', 'default', 'prefault', 'nullable'].includes(def.type) && def.innerType) current = def.innerType;
    else return current;
  }
}
