// What a signal declares below cdktf: the thresholds block of the environment schema (with its
// defaults), the words it adds to each dashboard section's subtitle, and the log-based metrics its
// stack creates. The config layer (schema, collision check) and the docs read these; the signal's
// construct (src/constructs/signals/) reads the same definition for its metric names.
import type { z } from 'zod';
import type { ThresholdFields } from '../schema-fields';

export const DASHBOARD_SECTIONS = ['responseTimes', 'errorRates', 'utilization'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

export interface SignalDefinition<Key extends string = string, Thresholds extends z.ZodObject = z.ZodObject> {
  /** The signal's key under `thresholds:` in the environment file. */
  readonly key: Key;
  /** The signal's name in documentation: `Redis connectivity`. */
  readonly title: string;
  /** One sentence: what the signal watches and why. */
  readonly summary: string;
  /**
   * The `thresholds.<key>` block: every field with its unit in its name and a default. Built on
   * demand from the zod and field builders it is handed, so that loading a definition (the stack
   * does, for metric names and dashboard words) does not load zod: a synthesis whose environments
   * come from the validated cache never needs it.
   */
  readonly thresholds: (fields: ThresholdFields) => Thresholds;
  /** What the signal charts in each dashboard section, in the section's subtitle. */
  readonly sections: Readonly<Partial<Record<DashboardSection, string>>>;
  /** The log-based metrics the signal creates, by the name after `vigil-<env>-`. */
  readonly logBasedMetrics: Readonly<Record<string, string>>;
}

/** Keeps the key and the thresholds' type literal, so the schema and `Environment` stay typed. */
export function defineSignal<Key extends string, Thresholds extends z.ZodObject>(
  definition: SignalDefinition<Key, Thresholds>,
): SignalDefinition<Key, Thresholds> {
  return definition;
}
