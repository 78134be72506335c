// Types of run-golden-path.js for vigil's TypeScript (the function itself is plain JavaScript, so
// the deployed source is the source; see ../README.md).
export type Step =
  | 'token'
  | 'connect'
  | 'handshake'
  | 'send'
  | 'event_missing'
  | 'out_of_order'
  | 'error_event'
  | 'deadline'
  | 'connection_closed'
  | 'malformed_frame';

export interface GoldenPathConfig {
  url: string;
  auth: 'token' | 'login';
  token?: string;
  loginUrl?: string;
  username?: string;
  password?: string;
  tokenField?: string;
  placement: 'header' | 'subprotocol';
  events: string[];
  deadlineMs: number;
  connectTimeoutMs: number;
  message: string;
}

export interface GoldenPathResult {
  outcome: 'passed' | 'failed';
  failedStep?: Step;
  reason?: string;
  httpStatus?: number;
  latencyMs: Record<string, number>;
  threadId: string;
}

export interface GoldenPathLogEntry {
  severity: 'INFO' | 'ERROR';
  message: string;
  goldenPath: {
    outcome: 'passed' | 'failed';
    failedStep?: Step;
    httpStatus?: number;
    latencyMs: Record<string, number>;
  };
}

export const DEFAULT_EVENTS: readonly string[];
export function runGoldenPath(
  config: GoldenPathConfig,
  io: { WebSocket: unknown; fetch?: typeof fetch; now?: () => number },
): Promise<GoldenPathResult>;
export function configFromEnvironment(env: NodeJS.ProcessEnv): GoldenPathConfig;
export function logEntry(result: GoldenPathResult): GoldenPathLogEntry;
