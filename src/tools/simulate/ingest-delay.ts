// How long after sampling a point becomes visible to alerting: the metric catalog's figure, the
// project's assumption for log-based metrics, and 0 (stated as unknown) for anything else.
import { LOG_BASED_METRIC_INGEST_DELAY_SECONDS, LOG_BASED_METRIC_PREFIX, lookupMetric } from '../../gcp/metric-catalog';

export interface IngestDelay {
  readonly seconds: number;
  /** Where the figure comes from, for the report. */
  readonly source: 'catalog' | 'log-based assumption' | 'unknown';
}

export function ingestDelayOf(metricType: string): IngestDelay {
  const known = lookupMetric(metricType);
  if (known) return { seconds: known.ingestDelaySeconds, source: 'catalog' };
  if (metricType.startsWith(LOG_BASED_METRIC_PREFIX)) return { seconds: LOG_BASED_METRIC_INGEST_DELAY_SECONDS, source: 'log-based assumption' };
  return { seconds: 0, source: 'unknown' };
}
