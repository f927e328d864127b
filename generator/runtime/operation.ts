// An operation as a function: `defineOperation(meta)` is what a generated package exports per
// operation (`trackUsers(config, input)`), and what the client object is built from. It pulls in
// the core (request.ts, send.ts, response.ts, retry.ts, errors.ts) and nothing else: parameter
// styles and non-JSON bodies come through the `codec` argument, validation through the config.
import type { Config } from './config.ts';
import { ApiError } from './errors.ts';
import { parseHeaders } from './headers.ts';
import type { OperationMeta } from './meta.ts';
import { safeUrl, summary, type Codec, type RawInput } from './request.ts';
import { send, type Outcome } from './send.ts';
import type { FailureResult } from './types.ts';

export interface RawResult {
  ok: boolean;
  status: number;
  data?: unknown;
  error?: unknown;
  headers: Record<string, unknown>;
  response: Response;
}

/** An operation, untyped (a generated package types it with `Operation<…>` of types.ts). */
export interface RawOperation {
  (config: Config<string>, input?: RawInput): Promise<unknown>;
  result(config: Config<string>, input?: RawInput): Promise<RawResult>;
  isError(error: unknown): boolean;
  readonly operationId: string;
  readonly meta: OperationMeta;
  readonly codec?: Codec;
}

/**
 * The response a result or an error hands out: a copy of its status and headers, with the
 * redacted URL. The original keeps the real URL (a credential may be in its query) in its internal
 * state, where logging or a careless `clone()` would find it; the copy holds none.
 */
function exposed(outcome: Outcome): Response {
  const { response } = outcome;
  const { status } = response;
  // (a status the Response constructor refuses, from a server outside HTTP's range: the original)
  const copy = status < 200 || status > 599 ? response : new Response(null, { status, statusText: response.statusText, headers: response.headers });
  return Object.defineProperty(copy, 'url', { value: safeUrl(outcome.request) });
}

/** The outcome as a result: success or failure, its documented headers parsed. */
function resultOf(config: Config<string>, outcome: Outcome): RawResult {
  const { ok, status, payload } = outcome;
  const headers = parseHeaders(outcome.response.headers, outcome.documented?.headers ?? [], config.clock.now());
  return { ok, status, [ok ? 'data' : 'error']: payload, headers, response: exposed(outcome) };
}

/** A status the spec lists (a 2XX counts when the spec lists none). */
function isDocumented(outcome: Outcome): boolean {
  return outcome.documented !== undefined || (outcome.ok && !outcome.op.responses.some((r) => r.status[0] === '2'));
}

export function toApiError(config: Config<string>, outcome: Outcome): ApiError {
  return new ApiError(resultOf(config, outcome) as FailureResult, summary(outcome.request), { documented: isDocumented(outcome), attempts: outcome.attempts });
}

/**
 * One call, in the throwing style (the success body; an error status throws an ApiError) or the
 * result style (every documented outcome, discriminated by status; an undocumented error status
 * throws). `onError` hears of every rejection.
 */
export async function call(config: Config<string>, op: OperationMeta, input: RawInput | undefined, codec: Codec | undefined, asResult?: boolean): Promise<unknown> {
  try {
    const outcome = await send(config, op, input, codec);
    if (outcome.ok && !asResult) return outcome.payload;
    if (!outcome.ok && !(asResult && isDocumented(outcome))) throw toApiError(config, outcome);
    return resultOf(config, outcome);
  } catch (error) {
    await config.options.onError?.({ operationId: op.id, error });
    throw error;
  }
}

/**
 * One operation as a standalone function: `op(config, input)` resolves with the success body,
 * `op.result(config, input)` with every documented outcome. `codec` adds what the operation needs
 * beyond JSON and primitive parameters (`styledParams`, `encodeBody`).
 */
export function defineOperation<T = RawOperation>(meta: OperationMeta, codec?: Codec): T {
  const op = (config: Config<string>, input?: RawInput) => call(config, meta, input, codec);
  op.result = (config: Config<string>, input?: RawInput) => call(config, meta, input, codec, true);
  op.isError = (error: unknown) => error instanceof ApiError && error.operationId === meta.id;
  op.operationId = meta.id;
  op.meta = meta;
  op.codec = codec;
  return op as T;
}
