// Errors a client call can raise. Each is a class (test with `instanceof`) carrying data, never
// only a message: the operation, the request that caused it, and what came back. None carries a
// credential: request summaries are redacted, and a response's URL is the redacted one.
// (Fields are declared and set with Object.assign: a standalone operation pays for few bytes.)
import type { FailureResult } from './types.ts';

/**
 * The request behind an error. Credential values are replaced by `[redacted]`: the query
 * parameters and headers credentials fill, `Authorization`, `Cookie`, and body properties marked
 * `x-oaskit-credential` (even when the caller gave them).
 */
export interface RequestSummary {
  operationId: string;
  method: string;
  url: string;
  /** lower-case names */
  headers: Record<string, string>;
  /** the body as the caller gave it (before credentials were added) */
  body?: unknown;
}

/** One validation problem (the shape of the generated validators' errors). */
export interface ValidationIssue {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/** Base class of every error the client raises itself. */
export class ClientError extends Error {
  /** the operation that failed */
  declare readonly operationId: string;

  /**
   * `name` is given, not read from the class: minifiers rename classes. A message about a request
   * (`fields.request`) starts with its method and (redacted) URL.
   */
  constructor(name: string, message: string, operationId: string, fields?: { request?: RequestSummary; [field: string]: unknown }, options?: { cause?: unknown }) {
    const request = fields?.request;
    super(request ? `${request.method} ${request.url} ${message}` : message, options);
    Object.assign(this, { name, operationId }, fields);
  }
}

/**
 * The server answered with an error status. `result` is the documented outcome (narrow it on
 * `status`); `documented` is false for a status the spec does not list.
 */
export class ApiError<R extends FailureResult = FailureResult> extends ClientError {
  declare readonly status: R['status'];
  /** the parsed body (JSON, else text) */
  declare readonly error: R['error'];
  /** the documented headers, parsed */
  declare readonly headers: R['headers'];
  declare readonly result: R;
  declare readonly request: RequestSummary;
  declare readonly documented: boolean;
  /** how many attempts were made (retries + 1) */
  declare readonly attempts: number;

  constructor(result: R, request: RequestSummary, options: { documented: boolean; attempts: number }) {
    super('ApiError', `failed with ${result.status}${options.documented ? '' : ' (undocumented)'}`, request.operationId, {
      status: result.status,
      error: result.error,
      headers: result.headers,
      result,
      request,
      ...options,
    });
  }
}

/** The request was invalid: it was not sent. `errors` lists every problem found. */
export class RequestValidationError extends ClientError {
  /** `location` is 'path' | 'query' | 'header' | 'cookie' | 'body' */
  declare readonly errors: (ValidationIssue & { location: string })[];

  constructor(operationId: string, errors: (ValidationIssue & { location: string })[]) {
    super('RequestValidationError', `invalid request for ${operationId}: ${errors.map((e) => `${e.location}${e.instancePath} ${e.message}`).join('; ')}`, operationId, { errors });
  }
}

/** The response did not match the spec. `payload` is what came back, as parsed. */
export class ResponseValidationError extends ClientError {
  declare readonly status: number;
  declare readonly errors: ValidationIssue[];
  declare readonly payload: unknown;
  declare readonly request: RequestSummary;

  constructor(operationId: string, status: number, errors: ValidationIssue[], payload: unknown, request: RequestSummary) {
    super('ResponseValidationError', `invalid ${status} response from ${operationId}: ${errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`, operationId, { status, errors, payload, request });
  }
}

/**
 * An attempt took longer than `timeoutMs`. A call that may have reached the server (a POST
 * without `x-oaskit-idempotent`, say) is not retried after a timeout; `attempts` tells how many
 * were made.
 */
export class TimeoutError extends ClientError {
  declare readonly timeoutMs: number;
  declare readonly request: RequestSummary;
  declare readonly attempts: number;

  constructor(operationId: string, timeoutMs: number, request: RequestSummary, attempts: number) {
    super('TimeoutError', `timed out after ${timeoutMs} ms`, operationId, { timeoutMs, request, attempts });
  }
}

/** The request could not be sent or no response came back (after retries, when they were allowed). */
export class NetworkError extends ClientError {
  declare readonly request: RequestSummary;
  declare readonly attempts: number;

  constructor(operationId: string, request: RequestSummary, attempts: number, cause: unknown) {
    super('NetworkError', `failed: ${(cause as Error)?.message ?? cause}`, operationId, { request, attempts }, { cause });
  }
}

/**
 * The server redirected the call to another origin (or too many times). The client follows
 * redirects within the API's origin itself; it never follows one elsewhere, because the request
 * carries the API's credential and body. `location` is the target (credentials redacted; '' when
 * the platform hides it, as browsers do).
 */
export class RedirectError extends ClientError {
  declare readonly status: number;
  declare readonly location: string;
  declare readonly request: RequestSummary;

  constructor(operationId: string, status: number, location: string, request: RequestSummary) {
    super('RedirectError', `redirected (${status}) to ${location || 'a hidden location'}: not followed`, operationId, { status, location, request });
  }
}

/**
 * A response body the client cannot hand back as the spec declares it: a 2XX declared (or
 * labelled) JSON that is not JSON (`reason: 'invalid'`), or a body larger than `maxResponseBytes`
 * (`reason: 'too-large'`, cut off as soon as the limit is passed).
 */
export class ResponseBodyError extends ClientError {
  declare readonly reason: 'invalid' | 'too-large';
  declare readonly status: number;
  /** the Content-Type the server sent ('' for none) */
  declare readonly contentType: string;
  declare readonly request: RequestSummary;
  /** the size limit, in bytes */
  declare readonly limit: number;

  constructor(operationId: string, reason: 'invalid' | 'too-large', status: number, contentType: string, request: RequestSummary, limit: number) {
    super('ResponseBodyError', `${status} body ${reason === 'invalid' ? `is not JSON (${contentType})` : `over ${limit} bytes`}`, operationId, { reason, status, contentType, request, limit });
  }
}

/** A credential the operation needs was not given to the client. */
export class MissingCredentialError extends ClientError {
  /** the client options that would satisfy it, one list per alternative */
  declare readonly options: string[][];

  constructor(operationId: string, options: string[][]) {
    super('MissingCredentialError', `${operationId} needs a credential: set ${options.map((o) => o.join(' and ')).join(', or ')}`, operationId, { options });
  }
}

/** `waitForJob` gave up before the job reached a terminal state. */
export class JobTimeoutError extends ClientError {
  declare readonly timeoutMs: number;
  /** the last status seen */
  declare readonly last: unknown;

  constructor(operationId: string, timeoutMs: number, last: unknown) {
    super('JobTimeoutError', `the job did not finish within ${timeoutMs} ms`, operationId, { timeoutMs, last });
  }
}

/**
 * A file could not be downloaded: the download URL answered `status` (undefined when there was
 * no URL to fetch). `url` is the URL without its query, which may carry a signature.
 */
export class DownloadError extends ClientError {
  declare readonly status: number | undefined;
  declare readonly url: string;

  constructor(operationId: string, status: number | undefined, url: string, message = `download of ${url} failed with ${status}`) {
    super('DownloadError', message, operationId, { status, url });
  }
}
