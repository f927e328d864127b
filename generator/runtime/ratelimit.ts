// Pacing: a token bucket per declared bucket (`x-oaskit-rate-limit`), shared by every operation
// that draws from it through one config. A spent token comes back one window after it was spent
// (plus a small margin for the time a request takes to arrive), so that no window of the server,
// fixed or sliding, sees more than the limit; once the server's headers tell where its window
// ends, tokens spent in it come back at that end. The server's own word corrects the count: each
// response's `X-RateLimit-Limit`, `-Remaining` and `-Reset` (or `RateLimit-*`; headers are read
// without regard to case), and a 429 closes the bucket until its reset or `Retry-After`. A call
// that would be rejected waits in line (first come, first served) instead of being sent.
//
// Pacing is installed into a config, not built in: the client object installs `pacing()` by
// default (`rateLimit: false` or other budgets per client); a standalone operation is paced when
// its config is given one (`createConfig({ rateLimit: pacing() })`). So a bundle of one standalone
// operation carries this module only when its caller asks for pacing.
import type { Clock } from './clock.ts';
import type { RateLimitMeta } from './meta.ts';
import { parseResetTime, parseRetryAfter } from './retry.ts';

export interface Budget {
  /** requests per window */
  limit: number;
  windowMs: number;
}

/** Pacing options (`pacing(options)`, a client's `rateLimit`): other budgets than the spec's, per bucket, and whether to follow the server's headers. */
export interface RateLimitOptions {
  /** budgets by bucket name, instead of the spec's; `false` leaves that bucket unpaced */
  buckets?: Record<string, Budget | false>;
  /** follow `X-RateLimit-Limit`, `-Remaining` and `-Reset` (default true) */
  headers?: boolean;
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** One bucket: its budget, the tokens in use, the calls waiting for one. */
export class Bucket {
  /** when each token in use comes back, soonest first (from `head`) */
  private spent: number[] = [];
  private head = 0;
  /** tokens the server says are gone until `heldUntil` */
  private held = 0;
  private heldUntil = 0;
  private waiters: Waiter[] = [];
  private timer = false;
  /** requests sent and not yet answered */
  inflight = 0;

  constructor(
    readonly name: string,
    public limit: number,
    public windowMs: number,
    private readonly clock: Clock,
    private readonly followHeaders: boolean,
  ) {}

  /** how long requests take to be answered, in ms (a moving average): they arrived within that time */
  private latency = 0;
  /** the server's window, as its headers tell it: its end, and the requests it still takes */
  private serverEnd = 0;
  private serverLeft = 0;

  /**
   * A token's time in use: the window. Until the server's headers say where its windows are, add
   * the time a request may take to arrive (the average answer time, at least 2 % of the window,
   * at most a quarter): a request sent just before a window ends may be counted in the next.
   */
  private get lifetime(): number {
    if (this.serverEnd > 0) return this.windowMs;
    return this.windowMs + Math.ceil(Math.min(this.windowMs / 4, Math.max(this.windowMs / 50, this.latency)));
  }

  /** Tokens free now. */
  available(now = this.clock.now()): number {
    while (this.head < this.spent.length && this.spent[this.head]! <= now) this.head++;
    if (this.head > 1024 && this.head * 2 > this.spent.length) {
      this.spent = this.spent.slice(this.head);
      this.head = 0;
    }
    if (this.heldUntil <= now) this.held = 0;
    const free = this.limit - (this.spent.length - this.head) - this.held;
    if (now < this.serverEnd) return Math.min(free, this.serverLeft);
    // past the end of the server's window, until it tells of the next: the requests still in
    // flight, sent before the end, may be counted in the next window
    return this.serverEnd > 0 ? Math.min(free, this.limit - this.inflight) : free;
  }

  /** Takes a token, waiting in line for one when there is none (rejects when `signal` aborts). */
  take(signal?: AbortSignal): Promise<void> | undefined {
    signal?.throwIfAborted();
    if (this.waiters.length === 0 && this.available() > 0) {
      this.spend();
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      this.schedule();
    });
  }

  private spend(): void {
    const now = this.clock.now();
    this.inflight++;
    // within a window the server told of, the token comes back when that window ends
    if (now < this.serverEnd) {
      this.serverLeft--;
      this.spent.push(this.serverEnd);
    } else this.spent.push(now + this.lifetime);
  }

  /** The request of a token got its answer (or failed). */
  done(): void {
    this.inflight--;
    // (past the server's window, the requests in flight hold tokens back: one fewer frees one)
    if (this.waiters.length) this.wake();
  }

  /** What the server said: the budget's headers, a 429 with its reset; `ms`: how long the answer took. */
  update(status: number, headers: Headers, ms = 0): void {
    const now = this.clock.now();
    this.latency += (ms - this.latency) / 20;
    const get = (name: string) => headers.get('x-ratelimit-' + name) ?? headers.get('ratelimit-' + name);
    const limitText = this.followHeaders ? get('limit') : null;
    const remaining = this.followHeaders ? get('remaining') : null;
    // (the responses of an API that sends none of these headers stop here)
    if (limitText !== null || remaining !== null) {
      const limit = Number(limitText);
      if (Number.isInteger(limit) && limit > 0 && limit !== this.limit) this.limit = limit;
      const reset = parseResetTime(get('reset'), now)?.getTime();
      if (remaining !== null && /^\d+$/.test(remaining.trim()) && reset !== undefined && reset > now && reset >= this.serverEnd) {
        // the other requests in flight may not be counted in `remaining` yet: they will be
        const left = Number(remaining) - Math.max(0, this.inflight - 1);
        if (reset > this.serverEnd) {
          // tokens spent since the last window ended were counted in this one: they come back at its end
          for (let i = this.spent.length - 1; i >= this.head && this.spent[i]! > reset; i--) this.spent[i] = reset;
          this.serverLeft = left;
        } else this.serverLeft = Math.min(this.serverLeft, left);
        this.serverEnd = reset;
      }
    }
    if (status === 429) {
      const wait = parseRetryAfter(headers.get('retry-after'), now) ?? (parseResetTime(get('reset'), now)?.getTime() ?? now + this.windowMs) - now;
      this.hold(this.limit, now + Math.max(0, wait));
    }
    this.wake();
  }

  private hold(count: number, until: number): void {
    if (count <= 0) return;
    if (until > this.heldUntil) {
      this.held = count;
      this.heldUntil = until;
    } else if (until === this.heldUntil) this.held = Math.max(this.held, count);
    // (an earlier reset is an answer from a window that has passed)
  }

  private wake(): void {
    let free = this.waiters.length ? this.available() : 0;
    while (free > 0 && this.waiters.length) {
      const w = this.waiters.shift()!;
      if (w.onAbort) w.signal!.removeEventListener('abort', w.onAbort);
      this.spend();
      free--;
      w.resolve();
    }
    if (this.waiters.length) this.schedule();
  }

  /** One timer per bucket, for the next time a token comes back. */
  private schedule(): void {
    if (this.timer) return;
    const now = this.clock.now();
    const free = this.available(now);
    let at = now;
    if (free <= 0) {
      // the oldest token in use comes back, or the server's window or hold ends
      const next = this.head < this.spent.length ? this.spent[this.head]! : Infinity;
      at = Math.min(next, this.held > 0 ? this.heldUntil : Infinity, this.serverEnd > now ? this.serverEnd : Infinity);
      if (at === Infinity) at = now + this.lifetime;
    }
    this.timer = true;
    void this.clock.sleep(Math.max(0, at - now)).then(() => {
      this.timer = false;
      this.wake();
    });
  }
}

/**
 * The buckets of one config (or of every config given the same limiter), made on first use from
 * the operations' budgets (or the options'), on the clock of the config that first uses them.
 */
export class Limiter {
  private readonly buckets = new Map<string, Bucket | null>();

  constructor(private readonly options: RateLimitOptions = {}) {}

  /** The bucket an operation draws from; undefined when it is not paced. */
  bucket(meta: RateLimitMeta, clock: Clock): Bucket | undefined {
    let b = this.buckets.get(meta.bucket);
    if (b === undefined) {
      const given = this.options.buckets?.[meta.bucket];
      const budget = given === undefined ? { limit: meta.limit, windowMs: meta.windowMs } : given;
      b = budget ? new Bucket(meta.bucket, budget.limit, budget.windowMs, clock, this.options.headers !== false) : null;
      this.buckets.set(meta.bucket, b);
    }
    return b ?? undefined;
  }
}

/**
 * Pacing by the spec's budgets, for a config: `createConfig({ ..., rateLimit: pacing() })`, or
 * `pacing({ buckets: { api: { limit, windowMs } } })` for other budgets. The client object
 * installs one by default.
 */
export function pacing(options?: RateLimitOptions): Limiter {
  return new Limiter(options);
}
