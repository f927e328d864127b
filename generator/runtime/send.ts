// One call on the wire: attempts with a time limit each, redirects followed only within the API's
// origin, retries only when they cannot repeat work the server did (retry.ts), hooks, and the
// body read under a size limit.
//
// Transport: `fetch(url, init)` directly. openapi-fetch's client would add a Request object, its
// middleware machinery and 2.7 kB (gzip) to every call; what this runtime takes from it is its
// parameter serializers (params.ts), imported only by operations that have parameters.
import type { Config } from './config.ts';
import { ClientError, NetworkError, RedirectError, ResponseBodyError, TimeoutError } from './errors.ts';
import type { OperationMeta, ResponseMeta } from './meta.ts';
import { build, redact, safeUrl, summary, type Codec, type Prepared, type RawInput } from './request.ts';
import { matchResponse, readBody } from './response.ts';
import { nextDelay, retryPolicy } from './retry.ts';

/** What one call produced, with what results and errors need. */
export interface Outcome {
  op: OperationMeta;
  status: number;
  ok: boolean;
  /** the parsed body */
  payload: unknown;
  response: Response;
  documented: ResponseMeta | undefined;
  attempts: number;
  request: Prepared;
}

/**
 * Fetches, following redirects within the origin: a 303, or a 301/302 after a POST, becomes a GET
 * without a body. A redirect elsewhere is a RedirectError, not followed and not stripped: the
 * request carries the API's credentials and body, and resending it to another host (even without
 * them) would repeat the call where the caller did not send it. Browsers hide the target of a
 * manual redirect (an 'opaqueredirect'): it cannot be checked, so it is not followed either.
 */
async function fetchFollowing(config: Config<string>, op: OperationMeta, req: Prepared, signal: AbortSignal | undefined): Promise<Response> {
  const custom = config.options.fetch;
  const init: RequestInit = { method: req.method, headers: { ...req.headers, ...req.auth }, body: req.body, signal, redirect: 'manual' };
  for (let url = req.url, hop = 0; ; hop++) {
    const response = await (custom ? custom(new Request(url, init)) : fetch(url, init));
    const { status } = response;
    const location = status > 299 && status < 400 ? response.headers.get('location') : null;
    if (location === null && response.type !== 'opaqueredirect') return response;
    await response.body?.cancel();
    const target = location === null ? undefined : new URL(location, url);
    if (target?.origin !== new URL(url).origin || hop >= config.maxRedirects) throw new RedirectError(op.id, status, target ? redact(req, target.href) : '', summary(req));
    if (status === 303 || (status < 303 && init.method === 'POST')) {
      init.method = 'GET';
      init.body = undefined;
      delete (init.headers as Record<string, string>)['Content-Type'];
    }
    url = target.href;
  }
}

/**
 * A fetch failure that is the network's ('fetch failed' in Node, 'Failed to fetch' in Chromium,
 * 'NetworkError…' in Firefox, 'Load failed' in Safari, 'terminated' for a body cut off): 'unsent'
 * when the connection was never made (the request certainly did not reach the server), else
 * 'sent'; undefined for anything else (a bad header value, a URL fetch cannot parse).
 */
export function networkFailure(error: unknown): 'sent' | 'unsent' | undefined {
  if (!/fetch|network|load failed|terminated/i.test((error as Error)?.message)) return undefined;
  for (let e = error as { code?: unknown; cause?: unknown; socket?: { bytesWritten?: number } } | undefined, n = 0; e && n < 4; e = e.cause as typeof e, n++) {
    // no connection, or one closed before a byte of the request was written (undici says so)
    if (/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT)$/.test(String(e.code)) || e.socket?.bytesWritten === 0) return 'unsent';
  }
  return 'sent';
}

/** Sends one call (with retries) and returns its outcome; throws only for what has no usable response. */
export async function send(config: Config<string>, op: OperationMeta, input: RawInput = {}, codec?: Codec): Promise<Outcome> {
  const req = build(config, op, input, codec);
  const { options, clock } = config;
  const { signal } = input;
  const { validation } = options;
  if (validation) await validation.request(op, input, req, options.pathParams);
  const policy = input.retry === undefined ? config.retry : retryPolicy(options.retry, input.retry);
  const timeoutMs = input.timeoutMs ?? config.timeoutMs;
  const limit = input.maxResponseBytes ?? config.maxResponseBytes;
  const startedAt = clock.now();
  // an operation declared safe to repeat, or sending one idempotency key for every attempt of the
  // call (params.ts fills it), is retried like a GET
  const method = op.idempotent || op.idempotencyKey ? 'get' : op.method;
  const retry = (attempt: number, status?: number, headers?: Headers, sent?: boolean) =>
    policy && nextDelay(policy, method, attempt - 1, startedAt, clock.now(), clock.random, status, headers, sent);
  // the bucket this call is paced by (when the config paces): every attempt waits for a token
  const bucket = op.rateLimit && config.limiter?.bucket(op.rateLimit, clock);
  // one signal for the caller's abort and each attempt's time limit; none when there is neither
  // (a signal costs fetch a measurable share of a loopback request)
  const timed = timeoutMs > 0 && timeoutMs < 2 ** 31;

  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    // what both hooks are told about the attempt (the URL redacted)
    const event = { operationId: op.id, method: req.method, url: safeUrl(req), attempt };
    if (options.onRequest) await options.onRequest({ ...event, headers: req.headers });
    // (after the hook: a hook that throws spends no token)
    if (bucket) await bucket.take(signal);
    const controller = timed || signal ? new AbortController() : undefined;
    const abort = () => controller!.abort();
    signal?.addEventListener('abort', abort);
    const timer = timed ? setTimeout(abort, timeoutMs) : undefined;
    const began = performance.now();
    let delay: number | undefined;
    try {
      const response = await fetchFollowing(config, op, req, controller?.signal);
      const { status, headers } = response;
      const ms = performance.now() - began;
      bucket?.update(status, headers, ms);
      if (options.onResponse) await options.onResponse({ ...event, status, headers, ms });
      delay = retry(attempt, status, headers);
      if (delay === undefined) {
        const documented = matchResponse(op, status);
        // a file to stream (`.download()`): the body is left unread
        const unread = input.unread && response.ok;
        const payload = unread ? undefined : await readBody(response, documented, limit, (reason) => new ResponseBodyError(op.id, reason, status, headers.get('content-type') ?? '', summary(req), limit));
        if (documented && validation && !unread) await validation.response(op, documented, response, payload, () => summary(req));
        return { op, status, ok: response.ok, payload, response, documented, attempts: attempt, request: req };
      }
      await response.body?.cancel();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // a redirect elsewhere, an invalid response, a hook's own error: final
      if (error instanceof ClientError) throw error;
      const timedOut = !!controller?.signal.aborted;
      const failure = timedOut ? 'sent' : networkFailure(error);
      // (without credentials it may repeat: the auth codec's scrub)
      const shown = req.scrub ? req.scrub(error) : error;
      if (!failure) throw shown;
      delay = retry(attempt, undefined, undefined, failure === 'sent');
      if (delay === undefined) throw timedOut ? new TimeoutError(op.id, timeoutMs, summary(req), attempt) : new NetworkError(op.id, summary(req), attempt, shown);
    } finally {
      bucket?.done();
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
    await clock.sleep(delay, signal);
  }
}
