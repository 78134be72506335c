// One time budget per check, covering connect and every command. The client libraries have their
// own timeouts (connect, command), but each covers one phase only; this one bounds the whole
// check, names the step that was waiting, and tears the socket down when it expires.
/** The step name for "waiting for the TCP connection": its timeout means the host is unreachable. */
export const CONNECTION_STEP = 'the TCP connection';

/** What a step waits for; a function when only the moment of expiry can tell (see check-postgres). */
export type Step = string | (() => string);

export class DeadlineExceeded extends Error {
  constructor(
    readonly step: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer within ${timeoutMs} ms while waiting for ${step}`);
    this.name = 'DeadlineExceeded';
  }
}

export class Deadline {
  private readonly expiresAt: number;
  private timer: NodeJS.Timeout | undefined;
  private step: Step = CONNECTION_STEP;
  private rejectCurrent: ((error: Error) => void) | undefined;
  private expired = false;

  /** `onExpire` must close the socket: a hung server would otherwise keep the process alive. */
  constructor(
    readonly timeoutMs: number,
    private readonly onExpire: () => void,
  ) {
    this.expiresAt = Date.now() + timeoutMs;
    this.timer = setTimeout(() => this.expire(), timeoutMs);
  }

  /** Waits for `work`, or rejects with DeadlineExceeded naming `step` when time runs out first. */
  async run<T>(step: Step, work: () => Promise<T>): Promise<T> {
    if (this.expired || Date.now() >= this.expiresAt) throw new DeadlineExceeded(describe(step), this.timeoutMs);
    this.step = step;
    const expiry = new Promise<never>((_, reject) => {
      this.rejectCurrent = reject;
    });
    try {
      return await Promise.race([work(), expiry]);
    } finally {
      this.rejectCurrent = undefined;
    }
  }

  /** Milliseconds left, at least 1: the libraries treat 0 as "no timeout". */
  remainingMs(): number {
    return Math.max(1, this.expiresAt - Date.now());
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private expire(): void {
    this.expired = true;
    this.timer = undefined;
    this.rejectCurrent?.(new DeadlineExceeded(describe(this.step), this.timeoutMs));
    this.onExpire();
  }
}

function describe(step: Step): string {
  return typeof step === 'string' ? step : step();
}
