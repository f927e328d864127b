// Errors a client call can raise. Each is a class (test with `instanceof`) carrying data, never
// only a message: the operation, the request that caused it, and what came back.
import type { FailureResult } from './types.ts';

/** The request behind an error. Credential values are replaced by `[redacted]`. */
export interface RequestSummary {
  operationId: string;
  method: string;
  url: string;
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
  constructor(
    message: string,
    /** the operation that failed */
    readonly operationId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The server answered with an error status. `result` is the documented outcome (narrow it on
 * `status`); `documented` is false for a status the spec does not list.
 */
export class ApiError<R extends FailureResult = FailureResult> extends ClientError {
  readonly status: R['status'];
  /** the parsed body (JSON, else text) */
  readonly error: R['error'];
  /** the documented headers, parsed */
  readonly headers: R['headers'];
  readonly result: R;
  readonly request: RequestSummary;
  readonly documented: boolean;
  /** how many attempts were made (retries + 1) */
  readonly attempts: number;

  constructor(result: R, request: RequestSummary, options: { documented: boolean; attempts: number }) {
    super(`${request.method} ${request.url} failed with ${result.status}${options.documented ? '' : ' (not a documented status)'}`, request.operationId);
    this.status = result.status;
    this.error = result.error;
    this.headers = result.headers;
    this.result = result;
    this.request = request;
    this.documented = options.documented;
    this.attempts = options.attempts;
  }
}

/** The request was invalid: it was not sent. `errors` lists every problem found. */
export class RequestValidationError extends ClientError {
  constructor(
    operationId: string,
    /** `location` is 'path' | 'query' | 'header' | 'cookie' | 'body' */
    readonly errors: (ValidationIssue & { location: string })[],
  ) {
    super(`invalid request for ${operationId}: ${errors.map((e) => `${e.location}${e.instancePath} ${e.message}`).join('; ')}`, operationId);
  }
}

/** The response did not match the spec. `payload` is what came back, as parsed. */
export class ResponseValidationError extends ClientError {
  constructor(
    operationId: string,
    readonly status: number,
    readonly errors: ValidationIssue[],
    readonly payload: unknown,
    readonly request: RequestSummary,
  ) {
    super(`invalid ${status} response from ${operationId}: ${errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`, operationId);
  }
}

/** An attempt took longer than `timeoutMs` (after retries, when retries were allowed). */
export class TimeoutError extends ClientError {
  constructor(
    operationId: string,
    readonly timeoutMs: number,
    readonly request: RequestSummary,
    readonly attempts: number,
  ) {
    super(`${request.method} ${request.url} timed out after ${timeoutMs} ms`, operationId);
  }
}

/** The request could not be sent or no response came back (after retries). */
export class NetworkError extends ClientError {
  constructor(
    operationId: string,
    readonly request: RequestSummary,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`${request.method} ${request.url} failed: ${cause instanceof Error ? cause.message : String(cause)}`, operationId, { cause });
  }
}

/** A credential the operation needs was not given to the client. */
export class MissingCredentialError extends ClientError {
  constructor(
    operationId: string,
    /** the client options that would satisfy it, one list per alternative */
    readonly options: string[][],
  ) {
    super(`${operationId} needs a credential: set ${options.map((o) => o.join(' and ')).join(', or ')} in the client options`, operationId);
  }
}

/** `waitForJob` gave up before the job reached a terminal state. */
export class JobTimeoutError extends ClientError {
  constructor(
    operationId: string,
    readonly timeoutMs: number,
    /** the last status seen */
    readonly last: unknown,
  ) {
    super(`the job did not finish within ${timeoutMs} ms`, operationId);
  }
}
