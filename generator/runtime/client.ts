// The engine behind every generated client: credentials, defaults, validation, serialization,
// timeouts, retries and typed results, driven by the operation table the generator writes.
// openapi-fetch does the transport (URL, query and headers, fetch, body reading).
import createFetchClient, { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from 'openapi-fetch';
import { runBatch } from './batch.ts';
import { clockOf, type Clock } from './clock.ts';
import { encodeCsv, type CsvRows } from './csv.ts';
import {
  ApiError,
  MissingCredentialError,
  NetworkError,
  RequestValidationError,
  ResponseValidationError,
  TimeoutError,
  type RequestSummary,
  type ValidationIssue,
} from './errors.ts';
import { parseHeaders } from './headers.ts';
import { waitForJob } from './jobs.ts';
import type { ApiMeta, OperationMeta, ParamLocation, ParamMeta, ResponseMeta, SchemeMeta } from './meta.ts';
import { nextDelay, retryPolicy, serverDelay, type RetryOptions } from './retry.ts';
import type { FailureResult } from './types.ts';

/** Options every generated client takes (credentials come on top, named after the spec's schemes). */
export interface ClientOptions {
  /** Root URL of the API (default: the spec's first server). */
  baseUrl?: string;
  /** The fetch to use (default: the global one). */
  fetch?: (input: Request) => Promise<Response>;
  /** Time limit of each attempt, in ms; 0 for none (default 30 000). */
  timeoutMs?: number;
  /** Retry policy (default: 3 retries on 429, 502, 503, 504 and network errors); `false` for none. */
  retry?: RetryOptions | false;
  /** Check requests and/or responses against the spec (default 'off'). */
  validate?: 'off' | 'request' | 'response' | 'both';
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Values for path parameters that calls leave out (for example an account id). */
  pathParams?: Record<string, string | number | undefined>;
  /** Time, waiting and randomness (tests inject a fake clock). */
  clock?: Partial<Clock>;
}

/** A call's input, as the runtime sees it. */
export interface RawInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  cookie?: Record<string, unknown>;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions | false;
}

export interface RawResult {
  ok: boolean;
  status: number;
  data?: unknown;
  error?: unknown;
  headers: Record<string, unknown>;
  response: Response;
}

/** What one call produced, with what the errors need. */
export interface Outcome {
  result: RawResult;
  request: RequestSummary;
  attempts: number;
  documented: boolean;
}

type Validator = (value: unknown) => { ok: true } | { ok: false; errors: ValidationIssue[] };
type RawClient = {
  request(method: string, url: string, init: Record<string, unknown>): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

const REDACTED = '[redacted]';

export class Engine {
  readonly clock: Clock;
  private readonly raw: RawClient;
  private readonly schemes = new Map<string, SchemeMeta>();
  private readonly validateRequests: boolean;
  private readonly readOnlyRequired: Set<string>;
  private readonly writeOnlyRequired: Set<string>;
  private readonly validateResponses: boolean;

  constructor(
    readonly options: ClientOptions,
    readonly api: ApiMeta,
    private readonly validators: Record<string, unknown> = {},
  ) {
    this.clock = clockOf(options.clock);
    const fetchImpl = options.fetch ?? ((input: Request) => globalThis.fetch(input));
    this.raw = createFetchClient({ baseUrl: '', fetch: fetchImpl }) as unknown as RawClient;
    for (const s of api.schemes) this.schemes.set(s.name, s);
    this.readOnlyRequired = new Set((api.readOnlyRequired ?? []).map(([at, name]) => `${at}\u0000${name}`));
    this.writeOnlyRequired = new Set((api.writeOnlyRequired ?? []).map(([at, name]) => `${at}\u0000${name}`));
    const validate = options.validate ?? 'off';
    this.validateRequests = validate === 'request' || validate === 'both';
    this.validateResponses = validate === 'response' || validate === 'both';
    if (validate !== 'off' && !Object.values(validators).some((v) => typeof v === 'function')) {
      throw new Error(`validate: '${validate}' needs validators, but this ${api.name} client was generated without them`);
    }
  }

  /** Sends one call (with retries) and returns its outcome; throws only for what has no response. */
  async execute(index: number, input: RawInput = {}): Promise<Outcome> {
    const op = this.api.operations[index]!;
    const media = input.contentType ?? op.body?.media[0];
    const params = this.params(op, input);
    const redact = this.credentials(op, params);
    this.cookieHeader(params);
    const body = input.body === undefined ? undefined : this.bodyCredentials(op, input.body);
    if (this.validateRequests) this.checkRequest(op, params, body, media);
    const serialized = body === undefined ? undefined : serializeBody(media ?? 'application/json', body, op.body?.csvParts ?? []);

    const policy = retryPolicy(this.options.retry, input.retry);
    const retryMethod = policy?.methods.includes(op.method) ?? false;
    const timeoutMs = input.timeoutMs ?? this.options.timeoutMs ?? 30_000;
    const startedAt = this.clock.now();
    const baseUrl = trimSlash(this.options.baseUrl ?? op.servers?.[0] ?? this.api.servers[0] ?? '');
    const fallback: RequestSummary = { operationId: op.id, method: op.method.toUpperCase(), url: baseUrl + op.path, headers: {}, body: input.body };

    for (let attempt = 1; ; attempt++) {
      let sent: Request | undefined;
      const controller = new AbortController();
      const onAbort = () => controller.abort(input.signal!.reason);
      if (input.signal?.aborted) throw input.signal.reason;
      input.signal?.addEventListener('abort', onAbort, { once: true });
      let timedOut = false;
      const timer =
        timeoutMs > 0 && Number.isFinite(timeoutMs)
          ? setTimeout(() => {
              timedOut = true;
              controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
            }, timeoutMs)
          : undefined;
      let response: Response;
      let payload: unknown;
      try {
        const res = await this.raw.request(op.method, op.path, {
          baseUrl,
          params: { path: params.path, query: params.query, header: params.header },
          headers: { ...this.options.headers, ...serialized?.headers, ...params.extraHeaders },
          body: serialized?.body,
          bodySerializer: (b: unknown) => b,
          querySerializer: (q: Record<string, unknown>) => serializeQuery(op.params, q),
          pathSerializer: (p: string, values: Record<string, unknown>) => serializePath(p, op.params, values),
          parseAs: 'stream',
          signal: controller.signal,
          fetch: (request: Request) => {
            sent = request;
            return (this.options.fetch ?? globalThis.fetch)(request);
          },
        });
        response = res.response;
        payload = response.ok ? (res.data === undefined || res.data === null ? undefined : await readBody(response, op, response.status)) : res.error;
      } catch (error) {
        if (input.signal?.aborted) throw input.signal.reason;
        // nothing was sent: the request could not be built (an invalid header, say); no retry
        if (!sent) throw error;
        const request = summarize(sent, op.id, input.body, redact);
        const delay = policy?.networkErrors && retryMethod ? nextDelay(policy, attempt - 1, startedAt, this.clock.now(), this.clock.random, undefined) : undefined;
        if (delay === undefined) {
          if (timedOut) throw new TimeoutError(op.id, timeoutMs, request, attempt);
          throw new NetworkError(op.id, request, attempt, error);
        }
        await this.clock.sleep(delay, input.signal);
        continue;
      } finally {
        clearTimeout(timer);
        input.signal?.removeEventListener('abort', onAbort);
      }

      const status = response.status;
      if (policy && retryMethod && policy.statuses.includes(status)) {
        const now = this.clock.now();
        const delay = nextDelay(policy, attempt - 1, startedAt, now, this.clock.random, serverDelay(status, response.headers, now));
        if (delay !== undefined) {
          await this.clock.sleep(delay, input.signal);
          continue;
        }
      }
      const request = sent ? summarize(sent, op.id, input.body, redact) : fallback;
      const documentedAs = matchResponse(op, status);
      const ok = status >= 200 && status < 300;
      const headers = parseHeaders(response.headers, documentedAs?.headers ?? [], this.clock.now());
      if (this.validateResponses && documentedAs) this.checkResponse(op, documentedAs, response, payload, request);
      const result: RawResult = ok ? { ok, status, data: payload, headers, response } : { ok, status, error: payload, headers, response };
      return { result, request, attempts: attempt, documented: documentedAs !== undefined || (ok && !op.responses.some((r) => r.status.startsWith('2'))) };
    }
  }

  /** Result style: every documented outcome; an undocumented error status throws. */
  async result(index: number, input?: RawInput): Promise<RawResult> {
    const outcome = await this.execute(index, input);
    if (!outcome.documented && !outcome.result.ok) throw toApiError(outcome);
    return outcome.result;
  }

  /** Throwing style: the success body; any error status throws an ApiError. */
  async data(index: number, input?: RawInput): Promise<unknown> {
    const outcome = await this.execute(index, input);
    if (!outcome.result.ok) throw toApiError(outcome);
    return outcome.result.data;
  }

  private params(op: OperationMeta, input: RawInput) {
    const path: Record<string, unknown> = {};
    for (const p of op.params) {
      if (p.in !== 'path') continue;
      const value = input.path?.[p.name] ?? this.options.pathParams?.[p.name];
      if (value !== undefined) path[p.name] = value;
    }
    const problems: RequestValidationError['errors'] = [];
    for (const p of op.params) {
      if (p.in !== 'path') continue;
      const value = path[p.name];
      if (value === undefined) {
        problems.push({ location: 'path', instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: p.name }, message: `must have required property '${p.name}'` });
      } else if (typeof value !== 'object' && /^\.{0,2}$/.test(scalar(value))) {
        // '', '.' and '..' would name another resource once the URL is normalised
        problems.push({ location: 'path', instancePath: '/' + p.name, schemaPath: '#/path', keyword: 'segment', params: { value }, message: `cannot be ${JSON.stringify(scalar(value))}: it would change the path` });
      }
    }
    if (problems.length) throw new RequestValidationError(op.id, problems);
    return {
      path,
      query: { ...input.query } as Record<string, unknown>,
      header: { ...input.header } as Record<string, unknown>,
      cookie: { ...input.cookie } as Record<string, unknown>,
      extraHeaders: {} as Record<string, string>,
    };
  }

  /** Puts the credentials of the first satisfiable security alternative in place. Returns what to redact. */
  private credentials(op: OperationMeta, params: ReturnType<Engine['params']>): { query: string[]; headers: string[] } {
    const redact = { query: [] as string[], headers: [] as string[] };
    for (const p of op.params) {
      // a parameter a credential fills: the scheme's value unless the call gives one
      if (!p.credential) continue;
      const scheme = this.schemes.get(p.credential);
      const value = scheme?.type === 'apiKey' ? this.option(scheme.option) : undefined;
      const bag = params[p.in === 'path' ? 'path' : p.in];
      if (bag[p.name] === undefined && value !== undefined) bag[p.name] = value;
      if (p.in === 'query') redact.query.push(p.name);
      if (p.in === 'header') redact.headers.push(p.name.toLowerCase());
    }
    if (op.security.length === 0) return redact;
    for (const alternative of op.security) {
      const schemes = alternative.map((n) => this.schemes.get(n));
      if (schemes.some((s) => s === undefined || !this.has(s))) continue;
      for (const s of schemes as SchemeMeta[]) this.apply(s, params, redact);
      return redact;
    }
    throw new MissingCredentialError(
      op.id,
      op.security.map((alt) => alt.flatMap((n) => optionNames(this.schemes.get(n)))),
    );
  }

  private option(name: string): string | undefined {
    const v = (this.options as Record<string, unknown>)[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  }

  private has(s: SchemeMeta): boolean {
    switch (s.type) {
      case 'apiKey':
      case 'bearer':
        return this.option(s.option) !== undefined;
      case 'basic':
        return this.option(s.usernameOption) !== undefined && this.option(s.passwordOption) !== undefined;
      default:
        return true;
    }
  }

  private apply(s: SchemeMeta, params: ReturnType<Engine['params']>, redact: { query: string[]; headers: string[] }): void {
    if (s.type === 'apiKey') {
      const value = this.option(s.option)!;
      if (s.in === 'query') {
        if (params.query[s.param] === undefined) params.query[s.param] = value;
        redact.query.push(s.param);
      } else if (s.in === 'header') {
        if (params.header[s.param] === undefined) params.extraHeaders[s.param] = value;
        redact.headers.push(s.param.toLowerCase());
      } else if (params.cookie[s.param] === undefined) params.cookie[s.param] = value;
    } else if (s.type === 'basic') {
      params.extraHeaders['Authorization'] = 'Basic ' + base64(`${this.option(s.usernameOption)}:${this.option(s.passwordOption)}`);
    } else if (s.type === 'bearer') {
      params.extraHeaders['Authorization'] = 'Bearer ' + this.option(s.option);
    }
  }

  private cookieHeader(params: ReturnType<Engine['params']>): void {
    const pairs = Object.entries(params.cookie).filter(([, v]) => v !== undefined);
    if (pairs.length) params.extraHeaders['Cookie'] = pairs.map(([k, v]) => `${k}=${encodeURIComponent(scalar(v))}`).join('; ');
  }

  /** Body properties a credential fills, when the body leaves them out. */
  private bodyCredentials(op: OperationMeta, body: unknown): unknown {
    const creds = op.body?.credentials;
    if (!creds?.length || !isPlainObject(body)) return body;
    let out: Record<string, unknown> | undefined;
    for (const [property, schemeName] of creds) {
      if (body[property] !== undefined) continue;
      const scheme = this.schemes.get(schemeName);
      const value = scheme && scheme.type !== 'basic' && scheme.type !== 'none' ? this.option(scheme.option) : undefined;
      if (value === undefined) throw new MissingCredentialError(op.id, [optionNames(scheme)]);
      out ??= { ...body };
      Object.defineProperty(out, property, { value, enumerable: true, writable: true, configurable: true });
    }
    return out ?? body;
  }

  private validator(name: string | undefined): Validator | undefined {
    if (name === undefined || !Object.prototype.hasOwnProperty.call(this.validators, name)) return undefined;
    const fn = this.validators[name];
    return typeof fn === 'function' ? (fn as Validator) : undefined;
  }

  private checkRequest(op: OperationMeta, params: ReturnType<Engine['params']>, body: unknown, media: string | undefined): void {
    const errors: RequestValidationError['errors'] = [];
    const run = (location: string, name: string | undefined, value: unknown) => {
      const r = this.validator(name)?.(value);
      if (r && !r.ok) for (const e of r.errors) if (!onlyRequiredElsewhere(e, this.readOnlyRequired)) errors.push({ ...e, location });
    };
    const headerValues: Record<string, unknown> = {};
    for (const p of op.params) if (p.in === 'header' && params.header[p.name] !== undefined) headerValues[p.name] = params.header[p.name];
    run('path', op.validators?.path, params.path);
    run('query', op.validators?.query, params.query);
    run('header', op.validators?.header, headerValues);
    run('cookie', op.validators?.cookie, params.cookie);
    if (op.body?.required && body === undefined) {
      errors.push({ location: 'body', instancePath: '', schemaPath: '#/requestBody/required', keyword: 'required', params: {}, message: 'a body is required' });
    } else if (body !== undefined && media !== undefined) {
      const validator = op.validators?.body?.find(([m]) => m === media)?.[1];
      // CSV rows and files are checked by their encoder, not by the JSON schema
      if (isJsonMedia(media)) run('body', validator, body);
    }
    if (errors.length) throw new RequestValidationError(op.id, errors);
  }

  private checkResponse(op: OperationMeta, documented: ResponseMeta, response: Response, payload: unknown, request: RequestSummary): void {
    const entries = op.validators?.responses?.filter(([s]) => s === documented.status) ?? [];
    if (!entries.length) return;
    const type = mediaOf(response.headers.get('content-type'));
    const entry = entries.find(([, m]) => m === type) ?? (type === undefined ? entries[0] : undefined);
    if (!entry) {
      if (documented.media.length && payload !== undefined) {
        throw new ResponseValidationError(op.id, response.status, [{ instancePath: '', schemaPath: '#/content', keyword: 'contentType', params: { contentType: type, allowed: documented.media }, message: `content type ${type} is not documented` }], payload, request);
      }
      return;
    }
    const r = this.validator(entry[2])?.(payload);
    const errors = r && !r.ok ? r.errors.filter((e) => !onlyRequiredElsewhere(e, this.writeOnlyRequired)) : [];
    if (errors.length) throw new ResponseValidationError(op.id, response.status, errors, payload, request);
  }
}

/** A `required` error about a property the spec marks readOnly (in a request) or writeOnly (in a response). */
function onlyRequiredElsewhere(error: ValidationIssue, keys: Set<string>): boolean {
  if (error.keyword !== 'required' || keys.size === 0) return false;
  const property = error.params.missingProperty;
  if (typeof property !== 'string') return false;
  let at: string;
  try {
    at = error.schemaPath.replace(/^#/, '').split('/').map((s) => decodeURIComponent(s)).join('/');
  } catch {
    return false;
  }
  return keys.has(`${at}\u0000${property}`);
}

export function toApiError(outcome: Outcome): ApiError {
  return new ApiError(outcome.result as FailureResult, outcome.request, { documented: outcome.documented, attempts: outcome.attempts });
}

function optionNames(s: SchemeMeta | undefined): string[] {
  if (!s) return [];
  if (s.type === 'basic') return [s.usernameOption, s.passwordOption];
  if (s.type === 'none') return [];
  return [s.option];
}

/** The documented response for a status: exact, then its class (4XX), then default (errors only). */
export function matchResponse(op: OperationMeta, status: number): ResponseMeta | undefined {
  const exact = op.responses.find((r) => r.status === String(status));
  if (exact) return exact;
  const range = op.responses.find((r) => r.status.toUpperCase() === `${Math.floor(status / 100)}XX`);
  if (range) return range;
  if (status >= 200 && status < 300) return undefined;
  return op.responses.find((r) => r.status === 'default');
}

// ---------------------------------------------------------------------------------------------
// serialization

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isJsonMedia(media: string): boolean {
  return /json/i.test(media);
}

function mediaOf(header: string | null): string | undefined {
  return header ? header.split(';')[0]!.trim().toLowerCase() : undefined;
}

function scalar(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Query parameters by their style (form, spaceDelimited, pipeDelimited, deepObject). */
export function serializeQuery(params: readonly ParamMeta[], query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const p = params.find((q) => q.in === 'query' && q.name === name);
    const style = p?.style ?? 'form';
    const explode = p?.explode ?? style === 'form';
    if (Array.isArray(value)) {
      if (value.length) parts.push(serializeArrayParam(name, value.map(scalar), { style: style as 'form', explode }));
    } else if (typeof value === 'object' && !(value instanceof Date)) {
      parts.push(serializeObjectParam(name, value as Record<string, unknown>, { style: style === 'deepObject' ? 'deepObject' : 'form', explode }));
    } else parts.push(serializePrimitiveParam(name, scalar(value)));
  }
  return parts.join('&');
}

/** Path parameters into the template, percent-encoded (`.`, `..` and '' are refused before this). */
export function serializePath(url: string, params: readonly ParamMeta[], values: Record<string, unknown>): string {
  return url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) return whole;
    const value = values[name];
    const p = params.find((q) => q.in === 'path' && q.name === name);
    const style = p?.style ?? 'simple';
    const explode = p?.explode ?? false;
    if (Array.isArray(value)) return serializeArrayParam(name, value.map(scalar), { style: style as 'simple', explode });
    if (typeof value === 'object' && value !== null && !(value instanceof Date)) return serializeObjectParam(name, value as Record<string, unknown>, { style: style as 'simple', explode });
    const text = encodeURIComponent(scalar(value));
    return style === 'label' ? '.' + text : style === 'matrix' ? `;${name}=${text}` : text;
  });
}

function appendPart(form: FormData, name: string, value: unknown, csv: boolean): void {
  if (value === undefined || value === null) return;
  if (csv) {
    const text = typeof value === 'string' ? value : value instanceof Blob ? value : encodeCsv(value as CsvRows);
    form.append(name, typeof text === 'string' ? new Blob([text], { type: 'text/csv' }) : text, `${name}.csv`);
  } else if (value instanceof Blob) form.append(name, value, typeof (value as { name?: unknown }).name === 'string' ? (value as File).name : name);
  else if (Array.isArray(value)) for (const v of value) appendPart(form, name, v, false);
  else if (typeof value === 'object' && !(value instanceof Date)) form.append(name, new Blob([JSON.stringify(value)], { type: 'application/json' }));
  else form.append(name, scalar(value));
}

/** A body for its media type: JSON, multipart (files, CSV parts from rows), urlencoded, CSV, text or bytes. */
export function serializeBody(media: string, body: unknown, csvParts: readonly string[]): { body: BodyInit; headers: Record<string, string> } {
  const type = media.toLowerCase();
  if (type === 'multipart/form-data') {
    if (body instanceof FormData) return { body, headers: {} };
    const form = new FormData();
    if (isPlainObject(body)) for (const key of Object.keys(body)) appendPart(form, key, body[key], csvParts.includes(key));
    return { body: form, headers: {} };
  }
  if (type === 'application/x-www-form-urlencoded') {
    const search = new URLSearchParams();
    if (isPlainObject(body)) {
      for (const key of Object.keys(body)) {
        const v = body[key];
        if (v === undefined || v === null) continue;
        for (const item of Array.isArray(v) ? v : [v]) search.append(key, typeof item === 'object' && !(item instanceof Date) ? JSON.stringify(item) : scalar(item));
      }
    }
    return { body: search.toString(), headers: { 'Content-Type': media } };
  }
  if (isJsonMedia(type)) return { body: JSON.stringify(body), headers: { 'Content-Type': media } };
  if (body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof ReadableStream) {
    return { body: body as BodyInit, headers: { 'Content-Type': media } };
  }
  if (type.startsWith('text/csv') && Array.isArray(body)) return { body: encodeCsv(body as CsvRows), headers: { 'Content-Type': media } };
  return { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': media } };
}

/** The body of a successful response by its Content-Type: JSON parsed, text as text, else a Blob. */
async function readBody(response: Response, op: OperationMeta, status: number): Promise<unknown> {
  const type = mediaOf(response.headers.get('content-type')) ?? matchResponse(op, status)?.media[0];
  if (type === undefined || isJsonMedia(type)) {
    const text = await response.text();
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (type.startsWith('text/') || type === 'application/xml' || type === 'application/x-www-form-urlencoded') return response.text();
  return response.blob();
}

function summarize(request: Request, operationId: string, body: unknown, redact: { query: string[]; headers: string[] }): RequestSummary {
  const url = new URL(request.url);
  for (const name of redact.query) if (url.searchParams.has(name)) url.searchParams.set(name, REDACTED);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = key === 'authorization' || key === 'cookie' || redact.headers.includes(key) ? REDACTED : value;
  });
  return { operationId, method: request.method, url: url.toString(), headers, body };
}

// ---------------------------------------------------------------------------------------------
// the client object

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: false });
}

/** Builds a client object from the API table: `client.<group>.<method>(...)`, `.result`, `.batch`, helpers. */
export function buildClient(options: ClientOptions | (ClientOptions & Record<string, unknown>), api: ApiMeta, validators?: Record<string, unknown>): unknown {
  const engine = new Engine(options, api, validators);
  const client = {};
  for (const [group, methods] of api.layout) {
    // '' holds the untagged operations: methods of the client itself
    const target = group === '' ? client : {};
    for (const [name, index] of methods) define(target, name, methodOf(engine, index));
    if (group !== '') define(client, group, target);
  }
  if (api.job) {
    const job = api.job;
    define(client, job.helper, (value: unknown, opts?: Parameters<typeof waitForJob>[3]) => waitForJob(engine, job, value, opts));
  }
  const identify = api.segment?.identify;
  if (identify) {
    define(client, identify.helper, (userId: string, traits: unknown, input: RawInput = {}) =>
      engine.data(identify.operation, withUserId(input, identify.userId, userId, identify.traits ? { [identify.traits]: traits } : traits)),
    );
  }
  const track = api.segment?.track;
  if (track) {
    define(client, track.helper, (userId: string, event: string, properties?: unknown, input: RawInput = {}) => {
      const body: Record<string, unknown> = {};
      if (track.event) body[track.event] = event;
      if (track.properties && properties !== undefined) body[track.properties] = properties;
      if (track.timestamp) body[track.timestamp] = new Date(engine.clock.now()).toISOString();
      return engine.data(track.operation, withUserId(input, track.userId, userId, body));
    });
  }
  return client;
}

function withUserId(input: RawInput, [location, name]: [ParamLocation | 'body', string], userId: string, body: unknown): RawInput {
  if (location === 'body') return { ...input, body: { ...(body as object), [name]: userId } };
  return { ...input, [location]: { ...input[location], [name]: userId }, body };
}

function methodOf(engine: Engine, index: number) {
  const op = engine.api.operations[index]!;
  const method = (input?: RawInput) => engine.data(index, input);
  define(method, 'result', (input?: RawInput) => engine.result(index, input));
  define(method, 'isError', (error: unknown) => error instanceof ApiError && error.operationId === op.id);
  define(method, 'operationId', op.id);
  if (op.batch) {
    const batch = op.batch;
    define(method, 'batch', (body: unknown, options: RawInput & { concurrency?: number } = {}) => runBatch(engine, index, batch, body, options));
  }
  return method;
}
