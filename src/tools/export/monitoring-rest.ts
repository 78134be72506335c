// projects.timeSeries.list over plain REST (fetch): raw series, no aggregation, every page by
// nextPageToken. The base URL and the token are injected, so that tests talk to a local fake of the
// API and the command does not depend on the gapic client's version.
// (GET https://monitoring.googleapis.com/v3/{name}/timeSeries; filter, interval.startTime,
// interval.endTime, view=FULL, pageSize ≤ 100,000 points, pageToken: the REST reference of
// projects.timeSeries.list.)
import { VigilError } from '../../errors/vigil-error';
import { EXPORT_LIMITS } from '../simulate/time-series-export';

export const MONITORING_API = 'https://monitoring.googleapis.com';

/** A read-only OAuth scope of the Monitoring API. */
export const MONITORING_READ_SCOPE = 'https://www.googleapis.com/auth/monitoring.read';

/** Where the API is and how to authorize: `token` is called once per request. */
export interface MonitoringEndpoint {
  readonly baseUrl: string;
  readonly token: () => Promise<string>;
  readonly fetch?: typeof fetch;
}

export interface TimeSeriesQuery {
  readonly project: string;
  readonly filter: string;
  /** RFC 3339. */
  readonly startTime: string;
  readonly endTime: string;
}

/** A ListTimeSeriesResponse as the API sent it. */
export type TimeSeriesPage = Record<string, unknown> & { timeSeries?: unknown[]; nextPageToken?: string };

const MAX_PAGES = 1000;

function pointCount(page: TimeSeriesPage): number {
  return (page.timeSeries ?? []).reduce<number>(
    (sum, series) => sum + ((series as { points?: unknown[] }).points?.length ?? 0),
    0,
  );
}

export function timeSeriesListUrl(baseUrl: string, query: TimeSeriesQuery, pageToken?: string): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/v3/projects/${encodeURIComponent(query.project)}/timeSeries`);
  url.searchParams.set('filter', query.filter);
  url.searchParams.set('interval.startTime', query.startTime);
  url.searchParams.set('interval.endTime', query.endTime);
  url.searchParams.set('view', 'FULL');
  url.searchParams.set('pageSize', '100000');
  if (pageToken) url.searchParams.set('pageToken', pageToken);
  return url.toString();
}

export async function apiErrorText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const error = (JSON.parse(text) as { error?: { message?: string; status?: string } }).error;
    if (error?.message) return `${error.status ? `${error.status}: ` : ''}${error.message}`;
  } catch {
    // not JSON: the status line says enough
  }
  return text.slice(0, 200) || response.statusText;
}

/** Every page of the query, in order. Errors are VigilErrors in words (HTTP status, the API's message). */
export async function listTimeSeriesPages(
  endpoint: MonitoringEndpoint,
  query: TimeSeriesQuery,
): Promise<TimeSeriesPage[]> {
  const doFetch = endpoint.fetch ?? fetch;
  const pages: TimeSeriesPage[] = [];
  let points = 0;
  let pageToken: string | undefined;
  do {
    const url = timeSeriesListUrl(endpoint.baseUrl, query, pageToken);
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { authorization: `Bearer ${await endpoint.token()}`, accept: 'application/json' },
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new VigilError(
        `cannot reach the Monitoring API at ${endpoint.baseUrl}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      );
    }
    if (!response.ok) {
      const why = await apiErrorText(response);
      const hint =
        response.status === 401 || response.status === 403
          ? ' (the credentials were refused: they need monitoring.timeSeries.list on the project)'
          : '';
      throw new VigilError(`the Monitoring API answered ${response.status} for filter ${query.filter}: ${why}${hint}`);
    }
    let page: TimeSeriesPage;
    try {
      page = (await response.json()) as TimeSeriesPage;
    } catch {
      throw new VigilError(`the Monitoring API at ${endpoint.baseUrl} answered with something that is not JSON`);
    }
    if (typeof page !== 'object' || page === null || Array.isArray(page))
      throw new VigilError(
        `the Monitoring API at ${endpoint.baseUrl} answered with JSON that is not a ListTimeSeriesResponse`,
      );
    pages.push(page);
    points += pointCount(page);
    if (points > EXPORT_LIMITS.points) {
      throw new VigilError(
        `more than ${EXPORT_LIMITS.points} points for filter ${query.filter}; export a shorter time range (--from/--to)`,
      );
    }
    if (pages.length >= MAX_PAGES && page.nextPageToken) {
      throw new VigilError(
        `more than ${MAX_PAGES} pages for filter ${query.filter}; export a shorter time range (--from/--to)`,
      );
    }
    pageToken = typeof page.nextPageToken === 'string' && page.nextPageToken !== '' ? page.nextPageToken : undefined;
  } while (pageToken);
  return pages;
}
