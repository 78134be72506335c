// How long after sampling a point becomes visible to alerting: the metric catalog's figure (Google's
// list, or the catalog's documented assumption where the list states none), the sourced figure for
// log-based metrics, and 0 (stated as unknown) for anything else.
import {
  catalogIngestDelay,
  LOG_BASED_METRIC_INGEST_DELAY_SECONDS,
  LOG_BASED_METRIC_PREFIX,
  lookupMetric,
} from '../../gcp/metric-catalog';

export interface IngestDelay {
  readonly seconds: number;
  /** Where the figure comes from, for the report. */
  readonly source: 'catalog' | 'catalog assumption' | 'log-based metrics (troubleshooting page)' | 'unknown';
}

export function ingestDelayOf(metricType: string): IngestDelay {
  const known = lookupMetric(metricType);
  const delay = known ? catalogIngestDelay(known) : undefined;
  if (delay) return { seconds: delay.seconds, source: delay.basis === 'list' ? 'catalog' : 'catalog assumption' };
  if (metricType.startsWith(LOG_BASED_METRIC_PREFIX)) {
    return { seconds: LOG_BASED_METRIC_INGEST_DELAY_SECONDS, source: 'log-based metrics (troubleshooting page)' };
  }
  return { seconds: 0, source: 'unknown' };
}
