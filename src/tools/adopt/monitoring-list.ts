// Listing a project's monitoring resources over REST for `vigil adopt`, with the endpoint and error
// wording of `vigil export`'s client (monitoring-rest.ts): every page by nextPageToken. The lists
// and their sources are in collections.ts. The Logging base URL is overridable too.
import { VigilError } from '../../errors/vigil-error';
import { apiErrorText, type MonitoringEndpoint } from '../export/monitoring-rest';
import { COLLECTIONS, type LiveKind } from './collections';
import { type LiveResource, listItems } from './live-inventory';

export const LOGGING_API = 'https://logging.googleapis.com';

const MAX_PAGES = 1000;

export async function listLiveResources(
  endpoint: MonitoringEndpoint & { readonly loggingBaseUrl: string },
  project: string,
): Promise<LiveResource[]> {
  const doFetch = endpoint.fetch ?? fetch;
  const resources: LiveResource[] = [];
  for (const kind of Object.keys(COLLECTIONS) as LiveKind[]) {
    const { api, path } = COLLECTIONS[kind];
    const base = (api === 'logging' ? endpoint.loggingBaseUrl : endpoint.baseUrl).replace(/\/+$/, '');
    const field = COLLECTIONS[kind].field;
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const url = new URL(`${base}/${path.replace('{p}', encodeURIComponent(project))}`);
      if (pageToken) url.searchParams.set('pageToken', pageToken);
      let response: Response;
      try {
        response = await doFetch(url.toString(), {
          headers: { authorization: `Bearer ${await endpoint.token()}`, accept: 'application/json' },
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new VigilError(`cannot reach ${base}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
      }
      if (!response.ok)
        throw new VigilError(`listing ${field} answered ${response.status}: ${await apiErrorText(response)}`);
      let page: unknown;
      try {
        page = await response.json();
      } catch {
        throw new VigilError(`listing ${field} at ${base} answered with something that is not JSON`);
      }
      listItems(page, field, `${field} page ${pages + 1}`).forEach((body, index) =>
        resources.push({ kind, name: typeof body.name === 'string' ? body.name : `${field}[${index}]`, body }),
      );
      const next = (page as { nextPageToken?: unknown }).nextPageToken;
      pageToken = typeof next === 'string' && next !== '' ? next : undefined;
      if (++pages >= MAX_PAGES && pageToken) throw new VigilError(`more than ${MAX_PAGES} pages of ${field}`);
    } while (pageToken);
  }
  return resources;
}
