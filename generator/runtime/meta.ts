// The contract between the emitter and the runtime: what a generated package tells the runtime
// about each operation. Plain data, written by the generator as literals; the runtime never reads
// the spec. Two forms use it:
//
// - one standalone function per operation, tree-shakable:
//     export const trackUsers = /*#__PURE__*/ defineOperation<Operation<…>>({ id: 'trackUsers', … }, codec);
//   called as `trackUsers(config, input)` with `config = createConfig({ appGroupId, … })`. Each
//   operation's meta is self-contained (its servers and security schemes are inline), so importing
//   one operation pulls in that operation's meta and the core runtime only. The core sends JSON
//   bodies and fills body credentials; what else an operation needs comes as `codec`, and
//   `codecFor(meta)` (request.ts) says which parts: `params: styledParams` (params.ts) when it has
//   parameters, `auth: authenticate` (auth.ts) when it has security schemes or credential
//   parameters, `body: encodeBody` (encode.ts) when a request media type is not JSON. The emitter
//   must pass every part codecFor names: without them the request would go out without its
//   parameters or credentials. Validation comes through the config (`validation(...)`, validate.ts),
//   with the validator functions named in `validators` below (for a standalone operation, in the
//   validators module's `operationValidators`: its meta leaves them out), passed in or loaded lazily.
// - the client object (`createXClient(options).group.method(input)`), built by `buildClient`
//   from the `ApiMeta` table below with every codec.
//
// Every field is documented here; a new one is optional unless stated, so older tables still load.

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParamMeta {
  name: string;
  in: ParamLocation;
  required?: boolean;
  /** serialization, when not the location's default (form for query, simple for path) */
  style?: string;
  explode?: boolean;
  /**
   * The client option (a credential) that fills this parameter when the call leaves it out, e.g.
   * `'appGroupId'`. Its value is redacted in every error, hook event and log line.
   */
  credential?: string;
}

/**
 * How a security scheme's credential reaches a request, and which client option holds it. Inline
 * in each operation's `security`, so that an operation needs no API-wide table.
 */
export type SchemeMeta =
  | { name: string; type: 'apiKey'; in: 'query' | 'header' | 'cookie'; param: string; option: string }
  | { name: string; type: 'basic'; usernameOption: string; passwordOption: string }
  | { name: string; type: 'bearer'; option: string }
  /** handled outside the client (mutual TLS): always satisfied */
  | { name: string; type: 'none' };

export type HeaderKind = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'json';

export interface HeaderMeta {
  /** as the spec spells it; the parsed headers object uses this key */
  name: string;
  kind: HeaderKind;
}

export interface ResponseMeta {
  /** '200', '4XX', 'default' */
  status: string;
  /**
   * The documented media types. A 2XX whose media types are all JSON must carry JSON: any other
   * body rejects the call with a `ResponseBodyError` (it never resolves with text typed as an object).
   */
  media: string[];
  headers: HeaderMeta[];
}

export interface BodyMeta {
  required: boolean;
  /** the request media types; the first is the default */
  media: string[];
  /** multipart parts sent as CSV files (encoded from rows when given rows) */
  csvParts?: string[];
  /**
   * Top-level body properties a credential fills when the body leaves them out: [property, client
   * option]. Their values are redacted from the request summaries of errors.
   */
  credentials?: [string, string][];
}

export interface BatchMeta {
  /** top-level array properties of the JSON body and their `maxItems` */
  arrays: [string, number][];
  /** the body itself is an array with this `maxItems` */
  root?: number;
  /** the success response lists non-fatal per-item errors in this array property */
  errors?: { property: string; index?: string; array?: string };
}

/** Names of the validator functions (exports of the package's validators module) of one operation. */
export interface ValidatorsMeta {
  path?: string;
  query?: string;
  header?: string;
  cookie?: string;
  /** [media type, validator] */
  body?: [string, string][];
  /** [status, media type, validator] */
  responses?: [string, string, string][];
}

/** The budget an operation draws from (`x-oaskit-rate-limit`), inline so a standalone operation needs no table. */
export interface RateLimitMeta {
  /** operations naming the same bucket share its tokens (per config) */
  bucket: string;
  /** requests per window */
  limit: number;
  windowMs: number;
}

/** How to walk an operation's pages (`x-oaskit-pagination`). */
export interface PaginationMeta {
  /** page: a page number; offset: the items skipped; cursor: a cursor from the last page; link: the `Link` header's rel="next" */
  style: 'page' | 'offset' | 'cursor' | 'link';
  /** the query parameter that carries the page, offset or cursor */
  param?: string;
  /** page and offset: the first value */
  start?: number;
  /** path to the items in the success body ([] when the body is the array) */
  items: string[];
  /** cursor: path to the next cursor in the success body */
  next?: string[];
  /** page and offset: a full page's item count (a shorter page is the last) */
  size?: number;
}

/** A file the operation hands back (`x-oaskit-download`). */
export interface DownloadMeta {
  /** path to the download URL in the success body; absent: the success body is the file */
  url?: string[];
}

export interface OperationMeta {
  id: string;
  method: HttpMethod;
  path: string;
  /**
   * The servers of this operation (its own, else the API's); the first is the base URL when the
   * config names none. Required for a standalone operation, which has no API table to fall back on.
   */
  servers?: string[];
  params: ParamMeta[];
  /**
   * The security alternatives, schemes inline: the first alternative whose credentials the config
   * holds is used. [] = no credential; an empty alternative ([[]] or [[X], []]) = optional.
   */
  security: SchemeMeta[][];
  body?: BodyMeta;
  responses: ResponseMeta[];
  batch?: BatchMeta;
  validators?: ValidatorsMeta;
  /**
   * The operation is safe to repeat (`x-oaskit-idempotent: true`): a call that may already have
   * been processed (a timeout after sending, a 500, 502 or 504, a connection dropped mid-response)
   * is retried like a GET. Without it a POST or PATCH is retried only when the server certainly did
   * not process it (429, 503, a refused connection).
   */
  idempotent?: boolean;
  /**
   * The header parameter that carries an idempotency key (`x-oaskit-idempotency-key: true` on the
   * parameter). The client fills it once per call with a random UUID when the caller leaves it out
   * and sends the same key on every attempt, so the call is retried like an idempotent one.
   */
  idempotencyKey?: string;
  /** the bucket the call's attempts are paced by (the config's limiter) */
  rateLimit?: RateLimitMeta;
  /** `.all()` and `.pages()` walk the pages */
  pagination?: PaginationMeta;
  /** `.download()` streams the file */
  download?: DownloadMeta;
}

export interface JobMeta {
  /** index of the status operation */
  operation: number;
  /** the property of the status body that holds the state */
  property: string;
  terminal: (string | number)[];
}

export interface SegmentCallMeta {
  operation: number;
  /** where the user id goes */
  userId: [ParamLocation | 'body', string];
  /** identify: the traits are the whole body (undefined) or one body property */
  traits?: string;
  /** track: body properties for the event name, its properties and the time of the call */
  event?: string;
  properties?: string;
  timestamp?: string;
}

/** The table of the client object. */
export interface ApiMeta {
  name: string;
  /** the API's servers (the runtime reads each operation's own `servers` first) */
  servers: string[];
  /** every scheme of the API, for the emitter's options and docs (operations carry theirs inline) */
  schemes: SchemeMeta[];
  operations: OperationMeta[];
  /** [group, [method, operation index][]][]; the group '' holds methods of the client itself */
  layout: [string, [string, number][]][];
  job?: JobMeta & { helper: string };
  /**
   * `required` keywords that name a readOnly (writeOnly) property: [schema pointer of the keyword,
   * property]. Such a property is required in responses (requests) only, so a validation error
   * about it is dropped for requests (responses).
   */
  readOnlyRequired?: [string, string][];
  writeOnlyRequired?: [string, string][];
  segment?: { identify?: SegmentCallMeta & { helper: string }; track?: SegmentCallMeta & { helper: string } };
}
