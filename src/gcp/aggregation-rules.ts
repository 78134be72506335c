// Which aligners and reducers fit which series, and what they produce: the tables of
// google/monitoring/v3/common.proto (../shared/reference/gcp-monitoring-facts.md §2.3).
// Lint checks aggregations with them; simulate uses the output kind/type to evaluate.
import type { MetricKind, ValueType } from './metric-catalog';

export interface SeriesShape {
  readonly kind: MetricKind;
  readonly valueType: ValueType;
}

type ValueClass = 'numeric' | 'bool' | 'distribution' | 'string';

function valueClass(valueType: ValueType): ValueClass {
  switch (valueType) {
    case 'INT64':
    case 'DOUBLE':
    case 'MONEY':
      return 'numeric';
    case 'BOOL':
      return 'bool';
    case 'DISTRIBUTION':
      return 'distribution';
    case 'STRING':
      return 'string';
  }
}

interface Rule {
  readonly kinds: readonly MetricKind[];
  readonly values: readonly ValueClass[];
  /** Output: a fixed kind/type, or 'same' to keep the input's. */
  readonly outKind: MetricKind | 'same';
  readonly outType: ValueType | 'same';
  /** Words for a message: "DELTA or CUMULATIVE numeric series". */
  readonly accepts: string;
}

const GD: readonly MetricKind[] = ['GAUGE', 'DELTA'];
const DC: readonly MetricKind[] = ['DELTA', 'CUMULATIVE'];
const ALL: readonly MetricKind[] = ['GAUGE', 'DELTA', 'CUMULATIVE'];

function rule(
  kinds: readonly MetricKind[],
  values: readonly ValueClass[],
  outKind: Rule['outKind'],
  outType: Rule['outType'],
): Rule {
  return {
    kinds,
    values,
    outKind,
    outType,
    accepts: `${kinds.join(' or ')} series of ${values.map((v) => (v === 'bool' ? 'BOOL' : v === 'distribution' ? 'DISTRIBUTION' : v === 'string' ? 'STRING' : 'numeric (INT64/DOUBLE)')).join(' or ')} values`,
  };
}

const PERCENTILE_ALIGNER = rule(GD, ['distribution'], 'GAUGE', 'DOUBLE');

export const ALIGNER_RULES: Readonly<Record<string, Rule>> = {
  ALIGN_NONE: rule(ALL, ['numeric', 'bool', 'distribution', 'string'], 'same', 'same'),
  ALIGN_DELTA: rule(DC, ['numeric', 'distribution'], 'DELTA', 'same'),
  ALIGN_RATE: rule(DC, ['numeric'], 'GAUGE', 'DOUBLE'),
  ALIGN_INTERPOLATE: rule(['GAUGE'], ['numeric'], 'same', 'same'),
  ALIGN_NEXT_OLDER: rule(['GAUGE'], ['numeric', 'bool', 'distribution', 'string'], 'same', 'same'),
  ALIGN_MIN: rule(GD, ['numeric'], 'same', 'same'),
  ALIGN_MAX: rule(GD, ['numeric'], 'same', 'same'),
  ALIGN_MEAN: rule(GD, ['numeric'], 'same', 'DOUBLE'),
  ALIGN_COUNT: rule(GD, ['numeric', 'bool'], 'same', 'INT64'),
  ALIGN_SUM: rule(GD, ['numeric', 'distribution'], 'same', 'same'),
  ALIGN_STDDEV: rule(GD, ['numeric'], 'same', 'DOUBLE'),
  ALIGN_COUNT_TRUE: rule(['GAUGE'], ['bool'], 'same', 'INT64'),
  ALIGN_COUNT_FALSE: rule(['GAUGE'], ['bool'], 'same', 'INT64'),
  ALIGN_FRACTION_TRUE: rule(['GAUGE'], ['bool'], 'same', 'DOUBLE'),
  ALIGN_PERCENTILE_99: PERCENTILE_ALIGNER,
  ALIGN_PERCENTILE_95: PERCENTILE_ALIGNER,
  ALIGN_PERCENTILE_50: PERCENTILE_ALIGNER,
  ALIGN_PERCENTILE_05: PERCENTILE_ALIGNER,
  ALIGN_PERCENT_CHANGE: rule(GD, ['numeric'], 'GAUGE', 'DOUBLE'),
};

const PERCENTILE_REDUCER = rule(GD, ['numeric', 'distribution'], 'same', 'DOUBLE');

export const REDUCER_RULES: Readonly<Record<string, Rule>> = {
  REDUCE_NONE: rule(ALL, ['numeric', 'bool', 'distribution', 'string'], 'same', 'same'),
  REDUCE_MEAN: rule(GD, ['numeric', 'distribution'], 'same', 'DOUBLE'),
  REDUCE_MIN: rule(GD, ['numeric'], 'same', 'same'),
  REDUCE_MAX: rule(GD, ['numeric'], 'same', 'same'),
  REDUCE_SUM: rule(GD, ['numeric', 'distribution'], 'same', 'same'),
  REDUCE_STDDEV: rule(GD, ['numeric', 'distribution'], 'same', 'DOUBLE'),
  REDUCE_COUNT: rule(GD, ['numeric', 'bool', 'distribution', 'string'], 'same', 'INT64'),
  REDUCE_COUNT_TRUE: rule(GD, ['bool'], 'same', 'INT64'),
  REDUCE_COUNT_FALSE: rule(GD, ['bool'], 'same', 'INT64'),
  REDUCE_FRACTION_TRUE: rule(GD, ['bool'], 'same', 'DOUBLE'),
  REDUCE_PERCENTILE_99: PERCENTILE_REDUCER,
  REDUCE_PERCENTILE_95: PERCENTILE_REDUCER,
  REDUCE_PERCENTILE_50: PERCENTILE_REDUCER,
  REDUCE_PERCENTILE_05: PERCENTILE_REDUCER,
};

export type RuleCheck =
  | { readonly ok: true; readonly output: SeriesShape }
  | { readonly ok: false; readonly accepts: string }
  | { readonly ok: 'unknown' };

function apply(rules: Readonly<Record<string, Rule>>, name: string, input: SeriesShape): RuleCheck {
  const found = rules[name];
  if (!found) return { ok: 'unknown' };
  if (!found.kinds.includes(input.kind) || !found.values.includes(valueClass(input.valueType)))
    return { ok: false, accepts: found.accepts };
  return {
    ok: true,
    output: {
      kind: found.outKind === 'same' ? input.kind : found.outKind,
      valueType: found.outType === 'same' ? input.valueType : found.outType,
    },
  };
}

/** Whether `aligner` accepts `input`, and the aligned series' shape. `unknown`: not an aligner name. */
export function checkAligner(aligner: string, input: SeriesShape): RuleCheck {
  return apply(ALIGNER_RULES, aligner, input);
}

/** Whether `reducer` accepts the aligned series `input`, and the reduced series' shape. */
export function checkReducer(reducer: string, input: SeriesShape): RuleCheck {
  return apply(REDUCER_RULES, reducer, input);
}

export function isAligner(name: string): boolean {
  return name in ALIGNER_RULES;
}

export function isReducer(name: string): boolean {
  return name in REDUCER_RULES;
}
