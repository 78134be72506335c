// The history of a backtest through the Monitoring API, for `vigil backtest` and
// `vigil review --backtest-days`: credentials, retries, the day-chunk cache, then the series.
import * as os from 'os';
import * as path from 'path';
import { VigilError } from '../errors/vigil-error';
import { type ApiHistoryRequest as ApiReadRequest, readApiHistory } from '../tools/backtest/api-history';
import { type History, historyFromFiles } from '../tools/backtest/load-history';
import { DEFAULT_RETRY, type RetryPolicy, retryingFetch } from '../tools/backtest/retrying-fetch';
import type { TokenProvider } from '../tools/export/credentials';
import type { MonitoringEndpoint } from '../tools/export/monitoring-rest';
import type { CliIo } from './command';

/** What reading through the API needs from outside; tests replace it with a local fake of the API. */
export interface BacktestDependencies {
  readonly baseUrl: string;
  readonly token: TokenProvider;
  readonly fetch?: typeof fetch;
  readonly retry?: RetryPolicy;
  /** Epoch seconds. */
  readonly now?: () => number;
}

/** The cache directory: --cache as given, or the user's cache directory. */
export function backtestCacheDirectory(given: string | undefined, io: Pick<CliIo, 'cwd' | 'env'>): string {
  if (given) return path.resolve(io.cwd, given);
  const base = io.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'vigil', 'backtest');
}

/** Now on a minute, as the dependencies tell it. */
export function backtestNow(dependencies: BacktestDependencies): number {
  return Math.floor((dependencies.now?.() ?? Date.now() / 1000) / 60) * 60;
}

export interface ApiHistoryRequest extends ApiReadRequest {
  /** Names the command in the message when there are no credentials. */
  readonly instead: string;
}

export async function historyThroughApi(
  dependencies: BacktestDependencies,
  request: ApiHistoryRequest,
  io: Pick<CliIo, 'stderr'>,
): Promise<{ history: History; endpoint: MonitoringEndpoint }> {
  const credentials = await dependencies.token();
  if ('missing' in credentials)
    throw new VigilError(
      `no Google Cloud credentials (${credentials.missing}); run \`gcloud auth application-default login\`, or ${request.instead}`,
    );
  const endpoint: MonitoringEndpoint = {
    baseUrl: dependencies.baseUrl,
    token: async () => credentials.token,
    fetch: retryingFetch(dependencies.fetch ?? fetch, dependencies.retry ?? DEFAULT_RETRY),
  };
  const read = await readApiHistory(endpoint, request);
  io.stderr(
    `read ${request.filters.length} filters over ${read.fetchedChunks + read.cachedChunks} day chunks: ${read.fetchedChunks} from the Monitoring API, ${read.cachedChunks} from the cache\n`,
  );
  return {
    history: historyFromFiles(read.files, { from: request.from, to: request.to }, 'the Monitoring API'),
    endpoint,
  };
}
