// The history of a backtest through the Monitoring API: the series of every filter the stack's
// policies read, one day at a time (a chunk), every page, with retries; each chunk that is
// complete is kept on disk, keyed by project, filter and interval, so that a second run, or a run
// for another revision of the stack that reads the same filters, sends no request for it again.
// A run that fails keeps the chunks it finished: the next run resumes from there.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { withFileErrors } from '../../errors/file-error';
import { listTimeSeriesPages, type MonitoringEndpoint } from '../export/monitoring-rest';
import { formatTimestamp } from '../simulate/time-points';

export const CHUNK_SECONDS = 86400;
/**
 * A chunk is cached once it ended this long ago: later points may still arrive (the catalog's
 * ingest delays reach 10 minutes for log-based metrics), so a recent chunk is read again next time.
 */
export const SETTLED_AFTER_SECONDS = 3600;

export interface ApiHistoryRequest {
  readonly project: string;
  readonly filters: readonly string[];
  /** Epoch seconds. */
  readonly from: number;
  readonly to: number;
  readonly cacheDirectory: string;
  /** Epoch seconds of now: decides which chunks are settled. */
  readonly now: number;
}

export interface ApiHistory {
  /** Export files (one per filter and chunk), cached or just fetched. */
  readonly files: readonly string[];
  readonly fetchedChunks: number;
  readonly cachedChunks: number;
}

function chunkFile(directory: string, project: string, filter: string, start: number, end: number): string {
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([project, filter, start, end]))
    .digest('hex');
  return path.join(directory, `${key.slice(0, 32)}.json`);
}

export async function readApiHistory(endpoint: MonitoringEndpoint, request: ApiHistoryRequest): Promise<ApiHistory> {
  withFileErrors('create the directory', request.cacheDirectory, () =>
    fs.mkdirSync(request.cacheDirectory, { recursive: true }),
  );
  const files: string[] = [];
  let fetchedChunks = 0;
  let cachedChunks = 0;
  // Chunks on whole days since the epoch, so that windows that overlap share their chunks.
  const firstChunk = Math.floor(request.from / CHUNK_SECONDS) * CHUNK_SECONDS;
  for (const filter of request.filters) {
    for (let start = firstChunk; start < request.to; start += CHUNK_SECONDS) {
      const end = start + CHUNK_SECONDS;
      const file = chunkFile(request.cacheDirectory, request.project, filter, start, end);
      if (fs.existsSync(file)) {
        cachedChunks++;
        files.push(file);
        continue;
      }
      const pages = await listTimeSeriesPages(endpoint, {
        project: request.project,
        filter,
        startTime: formatTimestamp(start),
        endTime: formatTimestamp(Math.min(end, request.now)),
      });
      fetchedChunks++;
      const text = `${JSON.stringify(pages)}\n`;
      if (end + SETTLED_AFTER_SECONDS <= request.now) {
        // Written whole, then renamed: an interrupted run never leaves half a chunk to be trusted.
        const partial = `${file}.${process.pid}.partial`;
        withFileErrors('write', partial, () => fs.writeFileSync(partial, text));
        withFileErrors('write', file, () => fs.renameSync(partial, file));
        files.push(file);
      } else {
        const unsettled = `${file}.unsettled.json`;
        withFileErrors('write', unsettled, () => fs.writeFileSync(unsettled, text));
        files.push(unsettled);
      }
    }
  }
  return { files, fetchedChunks, cachedChunks };
}
