// The README's table of signals, from the signal registry: each signal, what it watches, and its
// `thresholds.<key>` block with the defaults, so the documentation of a new signal is generated.
import { z } from 'zod';
import { thresholdsSchema } from '../../config/schema-fields';
import type { SignalDefinition } from '../../config/signals/signal-definition';

function defaultOf(schema: z.ZodType): unknown {
  const parsed = schema.safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}

function thresholdList(definition: SignalDefinition): string {
  return Object.entries(thresholdsSchema(definition).shape)
    .map(([name, field]) => {
      const value = defaultOf(field as z.ZodType);
      return value === undefined ? `\`${name}\` (optional)` : `\`${name}: ${String(value)}\``;
    })
    .join(', ');
}

export function signalTableMarkdown(definitions: readonly SignalDefinition[]): string {
  const rows = definitions.map(
    (definition) =>
      `| ${definition.title} | \`thresholds.${definition.key}\` | ${definition.summary} | ${thresholdList(definition)} |`,
  );
  return ['| Signal | Settings | What it watches | Thresholds (defaults) |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}
