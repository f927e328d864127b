// When to retry and how long to wait. A call is retried only when that cannot repeat work the
// server already did: a call safe to repeat (GET, HEAD, PUT, DELETE, OPTIONS, TRACE, an operation
// declared idempotent or carrying an idempotency key, or a caller's `unsafe: true`) after any
// retryable failure; any other call (POST, PATCH) only when the server certainly did not process
// it (429, 503, a connection refused before the request was written). Waits are exponential
// backoff with jitter, bounded in count and in total time, and the server's own word
// (`Retry-After`, `X-RateLimit-Reset`) when it gives one.

export interface RetryOptions {
  /** retries after the first attempt (default 3) */
  retries?: number;
  /**
   * statuses worth another attempt (default 429, 502, 503, 504). A call that is not safe to
   * repeat is retried only on 429 and 503 among them: the others may come after the work was done.
   */
  statuses?: number[];
  /** retry when no response came back: connection errors and timeouts (default true) */
  networkErrors?: boolean;
  /** HTTP methods safe to repeat, any case (default GET, HEAD, PUT, DELETE, OPTIONS, TRACE) */
  methods?: string[];
  /**
   * Retry this call as if it were safe to repeat, even after a failure that may come after the
   * server processed it (a timeout after sending, a 502, a dropped connection). Default false:
   * a POST that may have been processed is never sent twice.
   */
  unsafe?: boolean;
  /** first backoff delay (default 500 ms); doubles each retry */
  baseDelayMs?: number;
  /** longest single wait (default 30 s); a server asking for more ends the retries */
  maxDelayMs?: number;
  /** total time budget from the first attempt (default 2 min) */
  maxElapsedMs?: number;
  /** share of each backoff delay that is random, 0..1 (default 0.5) */
  jitter?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const defaultRetry: RetryPolicy = {
  retries: 3,
  statuses: [429, 502, 503, 504],
  networkErrors: true,
  methods: ['get', 'head', 'put', 'delete', 'options', 'trace'],
  unsafe: false,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxElapsedMs: 120_000,
  jitter: 0.5,
};

/** The client's policy, then the call's; `false` anywhere turns retries off. */
export function retryPolicy(client: RetryOptions | false | undefined, call: RetryOptions | false | undefined): RetryPolicy | undefined {
  if (client === false || call === false) return undefined;
  return { ...defaultRetry, ...client, ...call };
}

/** Backoff before retry number `retry` (0-based): base * 2^retry, capped, less a random share. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(exp * (1 - jitter * random()));
}

/** A time header: a number through `number`, else an HTTP date; NaN when unreadable. */
function timeOf(value: string | null | undefined, number: (n: number) => number): number {
  const text = value?.trim() ?? '';
  return /^\d+(\.\d+)?$/.test(text) ? number(Number(text)) : text ? Date.parse(text) : NaN;
}

/** `Retry-After` as a delay in ms: delta seconds or an HTTP date. Undefined when absent or bad. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const at = timeOf(value, (n) => now + n * 1000);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round(at - now));
}

/**
 * A rate-limit reset header as a Date: epoch seconds (the common form), epoch ms, seconds from
 * now (small numbers), or an HTTP date.
 */
export function parseResetTime(value: string | null | undefined, now: number): Date | undefined {
  const at = timeOf(value, (n) => (n >= 1e12 ? n : n >= 1e9 ? n * 1000 : now + n * 1000));
  return Number.isNaN(at) ? undefined : new Date(at);
}

/**
 * How long the server asks us to wait before the next attempt, if it says: `Retry-After`, else
 * (on 429, or when the allowance is used up) the rate-limit reset time.
 */
export function serverDelay(status: number, headers: Headers, now: number): number | undefined {
  const get = (name: string) => headers.get('x-' + name) ?? headers.get(name);
  const reset = status === 429 || Number(get('ratelimit-remaining') ?? 1) === 0 ? parseResetTime(get('ratelimit-reset'), now) : undefined;
  return parseRetryAfter(headers.get('retry-after'), now) ?? (reset && Math.max(0, reset.getTime() - now));
}

/**
 * The wait before retry number `retry` (0-based) after a failure, or undefined when there must be
 * no retry. The failure is a `status` (and its `headers`), or none: a network failure, `sent`
 * false when the connection was never made. A call that is safe to repeat (its `method` is one of
 * the policy's, or the caller said `unsafe`) is retried after any retryable failure; any other
 * call only after 429 or 503 or a connection never made, which say the server did not process it.
 * No retry either when the retries are used up, the server asks for longer than `maxDelayMs`, or
 * the wait would break the time budget.
 */
export function nextDelay(policy: RetryPolicy, method: string, retry: number, startedAt: number, now: number, random: () => number, status?: number, headers?: Headers, sent = true): number | undefined {
  const safe = policy.unsafe || policy.methods.some((m) => m.toLowerCase() === method);
  const allowed = status === undefined ? policy.networkErrors && (safe || !sent) : policy.statuses.includes(status) && (safe || status === 429 || status === 503);
  if (!allowed || retry >= policy.retries) return undefined;
  const server = headers && serverDelay(status!, headers, now);
  const delay = Math.max(backoffDelay(policy, retry, random), server ?? 0);
  return server! > policy.maxDelayMs || now + delay - startedAt > policy.maxElapsedMs ? undefined : delay;
}
