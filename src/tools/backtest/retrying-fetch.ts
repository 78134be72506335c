// A fetch that tries again, with truncated exponential backoff and jitter, when the Monitoring API
// says "too many requests" (429) or fails on its side (5xx), or the connection drops; any other
// answer is returned as it is. The Monitoring API's troubleshooting guide ("Retrying API errors",
// cloud.google.com/monitoring/api/troubleshooting) names 503 UNAVAILABLE and 429
// RESOURCE_EXHAUSTED as the errors worth retrying after a delay; ASSUMPTION: other 5xx answers are
// transient too.
export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Waits; tests pass one that records the delays and returns at once. */
  readonly sleep: (milliseconds: number) => Promise<void>;
  readonly random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 32_000,
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
};

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

export function retryingFetch(inner: typeof fetch, policy: RetryPolicy): typeof fetch {
  const random = policy.random ?? Math.random;
  return async (input, init) => {
    for (let attempt = 1; ; attempt++) {
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await inner(input, init);
      } catch (error) {
        failure = error;
      }
      if (response && !retryable(response.status)) return response;
      if (attempt >= policy.attempts) {
        if (response) return response;
        throw failure;
      }
      if (response) await response.arrayBuffer().catch(() => undefined); // free the connection
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await policy.sleep(Math.round(ceiling / 2 + (random() * ceiling) / 2));
    }
  };
}
