// Types of index.js for vigil's TypeScript tests (the function is plain JavaScript).
import type { GoldenPathResult } from './src/run-golden-path';

export interface SyntheticResult {
  synthetic_generic_result_v1: {
    ok: boolean;
    generic_error?: { error_type: string; error_message: string; function_name: string; file_path: string };
  };
  start_time: string;
  end_time: string;
}

export function goldenPath(
  request: unknown,
  response: { status: (code: number) => unknown; send: (body: unknown) => void },
  io?: { env?: NodeJS.ProcessEnv; log?: (line: string) => void; WebSocket?: unknown },
): Promise<GoldenPathResult>;

export function syntheticResult(result: GoldenPathResult, startTime: string, endTime: string): SyntheticResult;
