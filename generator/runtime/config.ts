// What every call needs besides its operation: credentials, base URL, fetch, time limits, the
// retry policy and hooks, resolved once by `createConfig` so that a call does no option merging.
import { clockOf, type Clock } from './clock.ts';
import type { RequestSummary } from './errors.ts';
import type { OperationMeta, ResponseMeta } from './meta.ts';
import type { Limiter } from './ratelimit.ts';
import type { Prepared, RawInput } from './request.ts';
import { retryPolicy, type RetryOptions, type RetryPolicy } from './retry.ts';

/** Before each attempt. */
export interface RequestEvent {
  operationId: string;
  method: string;
  /** the URL with credentials redacted */
  url: string;
  /** the request headers without credentials: set or delete entries to change what is sent */
  headers: Record<string, string>;
  /** 1 for the first attempt */
  attempt: number;
}

/** After each attempt that got a response (retried ones included). */
export interface ResponseEvent extends Omit<RequestEvent, 'headers'> {
  status: number;
  /** the response headers */
  headers: Headers;
  /** the attempt's duration, in ms (headers received) */
  ms: number;
}

/** When a call rejects, whatever the reason (after its retries). */
export interface ErrorEvent {
  operationId: string;
  error: unknown;
}

/**
 * Hooks to add headers, log and measure. They see no credential: `url` is redacted and the
 * credentials are added to the headers after `onRequest`. A hook that throws fails the call.
 */
export interface Hooks {
  onRequest?(event: RequestEvent): void | Promise<void>;
  onResponse?(event: ResponseEvent): void | Promise<void>;
  onError?(event: ErrorEvent): void | Promise<void>;
}

/** Validation of requests and responses against the spec (see validate.ts; optional). */
export interface Validation {
  /** throws a RequestValidationError; `pathDefaults` are the config's `pathParams` */
  request(op: OperationMeta, input: RawInput, request: Prepared, pathDefaults: Record<string, unknown> | undefined): void | Promise<void>;
  /** throws a ResponseValidationError */
  response(op: OperationMeta, documented: ResponseMeta, response: Response, payload: unknown, request: () => RequestSummary): void | Promise<void>;
}

/** Options of a config (credentials come on top, named after the spec's schemes). */
export interface ConfigOptions extends Hooks {
  /** Root URL of the API (default: the operation's first server). */
  baseUrl?: string;
  /** The fetch to use (default: the global one, called as `fetch(url, init)`). */
  fetch?: (input: Request) => Promise<Response>;
  /** Time limit of each attempt (headers and body), in ms; 0 for none (default 30 000). */
  timeoutMs?: number;
  /** Retry policy (see RetryOptions for what is retried); `false` for none. */
  retry?: RetryOptions | false;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Values for path parameters that calls leave out (for example an account id). */
  pathParams?: Record<string, string | number | undefined>;
  /** Time, waiting and randomness (tests inject a fake clock). */
  clock?: Partial<Clock>;
  /** The largest response body read, in bytes (default 64 MiB); a larger one fails the call with a ResponseBodyError. */
  maxResponseBytes?: number;
  /** Redirects within the API's origin followed per attempt (default 5); others are RedirectErrors. */
  maxRedirects?: number;
  /** Checks requests and/or responses (`validation(...)` of validate.ts); none by default. */
  validation?: Validation;
  /**
   * Pacing by the spec's budgets (`x-oaskit-rate-limit`): calls wait for a token of their bucket
   * instead of being sent to be rejected. `pacing()` (or `pacing({ buckets })` for other budgets)
   * of ratelimit.ts; none by default, so that a bundle of one operation carries no pacer unless
   * asked to (the client object installs one: its `rateLimit` option).
   */
  rateLimit?: Limiter | false;
}

/** A resolved config; `PD` names the path parameters it has defaults for. */
export interface Config<PD extends string = never> {
  /** the options as given (credentials are read from here by option name) */
  readonly options: Readonly<Record<string, unknown>> & ConfigOptions;
  readonly retry: RetryPolicy | undefined;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxRedirects: number;
  readonly clock: Clock;
  /** the buckets of this config (undefined: not paced) */
  readonly limiter: Limiter | undefined;
  /** never set: carries `PD` for the types */
  readonly pathDefaults?: PD;
}

/** Resolves options once, for any number of calls (standalone operations or a client). */
export function createConfig<const PD extends string = never>(options: ConfigOptions & { pathParams?: { [P in PD]: string | number } } & Record<string, unknown>): Config<PD> {
  const clock = clockOf(options.clock);
  return {
    options,
    retry: retryPolicy(options.retry, undefined),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxResponseBytes: options.maxResponseBytes ?? 2 ** 26, // 64 MiB
    maxRedirects: options.maxRedirects ?? 5,
    clock,
    limiter: options.rateLimit || undefined,
  };
}
