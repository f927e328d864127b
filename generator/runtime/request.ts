// One call's request, built from the operation's meta, the call's input and the config: the URL,
// headers, credentials and body. The core handles JSON bodies and body credentials; parameters,
// security schemes and other media types come from codecs (params.ts, auth.ts, encode.ts), so an
// operation bundles only what it uses. Credentials are kept apart from everything a person may
// see (hooks, errors, logs): `safeUrl()`, `redact()` and `summary()` leave them out, and the auth
// codec scrubs them from the text of errors fetch raises.
import type { Config } from './config.ts';
import { MissingCredentialError, type RequestSummary } from './errors.ts';
import type { OperationMeta, ParamLocation } from './meta.ts';
import type { RetryOptions } from './retry.ts';

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
  /** the largest response body read for this call, in bytes (default: the config's) */
  maxResponseBytes?: number;
  /** internal (`.download()`): a success response's body is left unread, to be streamed */
  unread?: boolean;
}

/** The call's path, query, header and cookie parameters by their styles (params.ts); returns the path. */
export type ParamSerializer = (op: OperationMeta, input: RawInput, defaults: Record<string, unknown> | undefined, parts: Parts) => string;
/** The operation's security schemes and credential parameters (auth.ts). */
export type Authenticator = (op: OperationMeta, input: RawInput, options: object, parts: Parts) => void;
/** Encodes a body of a media type that is not JSON; `type` is the Content-Type to send (encode.ts). */
export type BodyEncoder = (media: string, body: unknown, csvParts: readonly string[]) => { body: BodyInit; type?: string };

/**
 * Code an operation needs beyond the core (see `codecFor`): `params` when it has parameters,
 * `auth` when it has security schemes or credential parameters, `body` when a request media type
 * is not JSON.
 */
export interface Codec {
  params?: ParamSerializer;
  auth?: Authenticator;
  body?: BodyEncoder;
}

/** Which codecs an operation needs (the emitter passes these to `defineOperation`). */
export function codecFor(op: OperationMeta): (keyof Codec)[] {
  const out: (keyof Codec)[] = [];
  if (op.params.some((p) => !p.credential) || op.path.includes('{')) out.push('params');
  if (op.security.length || op.params.some((p) => p.credential)) out.push('auth');
  if (op.body?.media.some((m) => !isJsonMedia(m))) out.push('body');
  return out;
}

export const REDACTED = '[redacted]';
const hasOwn = Object.prototype.hasOwnProperty;

/** An own property (never one of Object.prototype's: a parameter may be called `constructor`). */
export function own(o: object | null | undefined, key: string): unknown {
  return o && hasOwn.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** Sets a property even when it is called `__proto__`. */
export function put(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  const proto = typeof v === 'object' && v !== null && Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function isJsonMedia(media: string): boolean {
  return /json/i.test(media);
}

export function scalar(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

/** `body` with each credential property set to `value(option, given)` (a copy; the caller's object stays as it is). */
function withCredentials(op: OperationMeta, body: unknown, value: (option: string, given: unknown) => unknown): unknown {
  for (const [property, option] of op.body?.credentials ?? []) {
    if (!isPlainObject(body)) break;
    const v = value(option, own(body, property));
    put((body = { ...body }), property, v);
  }
  return body;
}

/** A client option as text (a credential), or undefined. */
export function optionValue(options: object, name: string): string | undefined {
  const v = own(options, name);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** One call's request as the codecs and the core build it (`build`): plain data, read by the functions below. */
export interface Prepared {
  query: string[];
  /** headers but credentials (hooks may change them) */
  headers: Record<string, string>;
  /** credential headers */
  auth: Record<string, string>;
  cookies: string[];
  /** a cookie holds a credential: the Cookie header is one */
  secretCookie?: boolean;
  /** names of the query parameters that hold credentials */
  hidden: string[];
  /** the credential values this request carries */
  secrets: string[];
  /** the credential parameters the client filled in: [location, name, value] */
  filled: [ParamLocation, string, string][];
  method: string;
  url: string;
  body?: BodyInit;
  media?: string;
  /** the body with its credential properties filled */
  filledBody: unknown;
  readonly op: OperationMeta;
  readonly input: RawInput;
  /**
   * An error as it may be shown: without the credential values this request carries. Set by the
   * auth codec: without it the only credentials are body properties, which no fetch error repeats.
   */
  scrub?(error: unknown): unknown;
}

/**
 * Any URL (a redirect's target) with the request's credential query parameters, and any query
 * value equal to one of its credentials (a server may echo one), redacted.
 */
export function redact(req: Prepared, url: string): string {
  return redactUrl(url, req.hidden, req.secrets);
}

/** The request's URL with its credentials redacted. */
export function safeUrl(req: Prepared): string {
  return redact(req, req.url);
}

/** The request as errors show it: credentials redacted. */
export function summary(req: Prepared): RequestSummary {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...req.headers, ...req.auth })) headers[key.toLowerCase()] = key in req.auth ? REDACTED : value;
  return { operationId: req.op.id, method: req.method, url: safeUrl(req), headers, body: withCredentials(req.op, req.input.body, () => REDACTED) };
}

/** What the codecs add to a request. */
export type Parts = Prepared;

/**
 * The Cookie header of the cookies the codecs collected: with the other headers, or with the
 * credentials when one of them is a credential (each codec that adds cookies sets it again).
 */
export function setCookies(parts: Parts): void {
  if (!parts.cookies.length) return;
  delete parts.headers.Cookie;
  (parts.secretCookie ? parts.auth : parts.headers).Cookie = parts.cookies.join('; ');
}

export function build(config: Config<string>, op: OperationMeta, input: RawInput, codec: Codec = {}): Prepared {
  const { options } = config;
  const req: Prepared = { query: [], headers: { ...options.headers }, auth: {}, cookies: [], hidden: [], secrets: [], filled: [], method: op.method.toUpperCase(), url: '', filledBody: input.body, op, input };
  const path = codec.params ? codec.params(op, input, options.pathParams, req) : op.path;
  codec.auth?.(op, input, options, req);

  // the body, its credential properties filled when the call leaves them out
  if (input.body !== undefined) {
    const body = (req.filledBody = withCredentials(op, input.body, (name, given) => {
      const value = given ?? optionValue(options, name);
      if (value === undefined) throw new MissingCredentialError(op.id, [[name]]);
      req.secrets.push(scalar(value));
      return value;
    }));
    const media = (req.media = input.contentType ?? op.body?.media[0] ?? 'application/json');
    // without the body codec, a body of another media type is sent as the caller encoded it
    const out = isJsonMedia(media) ? { body: JSON.stringify(body), type: media } : codec.body ? codec.body(media, body, op.body?.csvParts ?? []) : { body: body as BodyInit, type: media };
    req.body = out.body;
    if (out.type) req.headers['Content-Type'] = out.type;
  }

  req.url = (options.baseUrl ?? op.servers?.[0] ?? '').replace(/\/$/, '') + path + (req.query.length ? '?' + req.query.join('&') : '');
  return req;
}

/** `url` with the query parameters named `names`, or whose value is one of `values`, redacted. */
export function redactUrl(url: string, names: readonly string[], values: readonly string[]): string {
  if (!url.includes('?')) return url;
  try {
    const u = new URL(url);
    // forEach, not iteration: a consumer's `lib` need not include DOM.Iterable
    const hidden: string[] = [];
    u.searchParams.forEach((value, name) => {
      if (names.includes(name) || values.includes(value)) hidden.push(name);
    });
    for (const name of hidden) u.searchParams.set(name, REDACTED);
    return u.href;
  } catch {
    // not a URL fetch can reach; still, never show the query
    return url.slice(0, url.indexOf('?') + 1) + REDACTED;
  }
}
