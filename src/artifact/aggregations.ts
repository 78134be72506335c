// One aggregation step of a condition or chart, read from the API's spelling.
import { lenientDurationSeconds } from './duration';
import { isRecord } from './json';

export interface Aggregation {
  /** Seconds; undefined when the aggregation sets none. */
  readonly alignmentPeriod?: number;
  readonly aligner: string;
  readonly reducer: string;
  readonly groupByFields: readonly string[];
}

export function readAggregations(value: unknown): Aggregation[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => {
    const fields = isRecord(entry) ? entry : {};
    return {
      alignmentPeriod:
        fields.alignmentPeriod === undefined ? undefined : lenientDurationSeconds(fields.alignmentPeriod, 60),
      aligner: typeof fields.perSeriesAligner === 'string' ? fields.perSeriesAligner : 'ALIGN_NONE',
      reducer: typeof fields.crossSeriesReducer === 'string' ? fields.crossSeriesReducer : 'REDUCE_NONE',
      groupByFields: (Array.isArray(fields.groupByFields) ? fields.groupByFields : []).map(String),
    };
  });
}
