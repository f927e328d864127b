// When to retry and how long to wait: exponential backoff with jitter, bounded in count and in
// total time, and the server's own word (`Retry-After`, `X-RateLimit-Reset`) when it gives one.

export interface RetryOptions {
  /** retries after the first attempt (default 3) */
  retries?: number;
  /** statuses worth another attempt (default 429, 502, 503, 504) */
  statuses?: number[];
  /** retry when no response came back: connection errors and timeouts (default true) */
  networkErrors?: boolean;
  /** HTTP methods that may be retried (default: all) */
  methods?: string[];
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
  methods: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'],
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxElapsedMs: 120_000,
  jitter: 0.5,
};

/** The client's policy, then the call's; `false` anywhere turns retries off. */
export function retryPolicy(client: RetryOptions | false | undefined, call: RetryOptions | false | undefined): RetryPolicy | undefined {
  if (client === false || call === false) return undefined;
  const p = { ...defaultRetry, ...client, ...call };
  return { ...p, methods: p.methods.map((m) => m.toLowerCase()) };
}

/** Backoff before retry number `retry` (0-based): base * 2^retry, capped, less a random share. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(exp * (1 - jitter * random()));
}

/** `Retry-After` as a delay in ms: delta seconds or an HTTP date. Undefined when absent or bad. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * A rate-limit reset header as a Date: epoch seconds (the common form), epoch ms, seconds from
 * now (small numbers), or an HTTP date.
 */
export function parseResetTime(value: string | null | undefined, now: number): Date | undefined {
  if (value == null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (n >= 1e12) return new Date(n);
    if (n >= 1e9) return new Date(n * 1000);
    return new Date(now + n * 1000);
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/**
 * How long the server asks us to wait before the next attempt, if it says: `Retry-After`, else
 * (when the allowance is used up, or on 429) the rate-limit reset time.
 */
export function serverDelay(status: number, headers: Headers, now: number): number | undefined {
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) return retryAfter;
  const remaining = headers.get('x-ratelimit-remaining') ?? headers.get('ratelimit-remaining');
  if (status === 429 || (remaining !== null && Number(remaining) === 0)) {
    const reset = parseResetTime(headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset'), now);
    if (reset) return Math.max(0, reset.getTime() - now);
  }
  return undefined;
}

/**
 * The wait before retry number `retry`, or undefined when no retry should happen: out of retries,
 * the wait would break the time budget, or the server asks for longer than `maxDelayMs`.
 */
export function nextDelay(
  policy: RetryPolicy,
  retry: number,
  startedAt: number,
  now: number,
  random: () => number,
  server: number | undefined,
): number | undefined {
  if (retry >= policy.retries) return undefined;
  let delay = backoffDelay(policy, retry, random);
  if (server !== undefined) {
    if (server > policy.maxDelayMs) return undefined;
    delay = Math.max(delay, server);
  }
  if (now + delay - startedAt > policy.maxElapsedMs) return undefined;
  return delay;
}
