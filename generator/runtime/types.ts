// The static side of the client: every method's input, result and error types are computed here
// from an operation type of openapi-typescript's `paths` (like openapi-fetch does), plus a small
// per-operation config the generator writes. Nothing here exists at run time.
import type { Config } from './config.ts';
import type { ApiError } from './errors.ts';
import type { OperationMeta } from './meta.ts';
import type { Codec } from './request.ts';
import type { RetryOptions } from './retry.ts';
import type { CsvRows } from './csv.ts';
import type { DownloadOptions, DownloadResult } from './download.ts';

// ---------------------------------------------------------------------------------------------
// readOnly / writeOnly (openapi-typescript's `readWriteMarkers`)

type ReadMarker = { readonly $read: unknown };
type WriteMarker = { readonly $write: unknown };

/** A response value: writeOnly properties removed, readOnly markers unwrapped. */
export type Readable<T> = T extends WriteMarker
  ? never
  : T extends { readonly $read: infer U }
    ? Readable<U>
    : T extends (infer E)[]
      ? Readable<E>[]
      : T extends Blob | Date
        ? T
        : T extends object
          ? { [K in keyof T as NonNullable<T[K]> extends WriteMarker ? never : K]: Readable<T[K]> }
          : T;

/** A request value: readOnly properties removed (and forbidden), writeOnly markers unwrapped. */
export type Writable<T> = T extends ReadMarker
  ? never
  : T extends { readonly $write: infer U }
    ? Writable<U>
    : T extends (infer E)[]
      ? Writable<E>[]
      : T extends Blob | Date
        ? T
        : T extends object
          ? Simplify<
              { [K in keyof T as NonNullable<T[K]> extends ReadMarker ? never : K]: Writable<T[K]> } & {
                [K in keyof T as NonNullable<T[K]> extends ReadMarker ? K : never]?: never;
              }
            >
          : T;

/** A value as JSON carries it: both markers unwrapped, nothing removed (for validators). */
export type Plain<T> = T extends { readonly $read: infer U }
  ? Plain<U>
  : T extends { readonly $write: infer U }
    ? Plain<U>
    : T extends (infer E)[]
      ? Plain<E>[]
      : T extends object
        ? { [K in keyof T]: Plain<T[K]> }
        : T;

// ---------------------------------------------------------------------------------------------
// helpers

export type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Get<C, K extends string> = C extends { [P in K]: infer V extends string } ? V : never;
/** `T` with the keys `K` optional (distributes over unions; leaves non-objects alone). */
type OptionalKeys<T, K extends PropertyKey> = [K] extends [never]
  ? T
  : T extends readonly unknown[] | Blob
    ? T
    : T extends object
      ? [K & keyof T] extends [never]
        ? T
        : Simplify<Omit<T, K & keyof T> & { [P in K & keyof T]?: T[P] }>
      : T;

/**
 * What the generator knows about one operation beyond its `paths` type:
 * - `ct`: the default request media type;
 * - `credQuery` / `credHeader` / `credCookie` / `credBody`: parameters and body properties a
 *   credential fills (optional in the input);
 * - `autoHeader`: header parameters the client fills itself (an idempotency key; optional in the input);
 * - `csv`: multipart parts sent as CSV files;
 * - `dates`: response headers parsed into a `Date`.
 */
export interface OpConfig {
  ct?: string;
  credQuery?: string;
  credHeader?: string;
  credCookie?: string;
  credBody?: string;
  autoHeader?: string;
  csv?: string;
  dates?: string;
}

// ---------------------------------------------------------------------------------------------
// input

/** Options of one call (any method, any style). */
export interface CallOptions {
  /** Aborts the call (and its retries). */
  signal?: AbortSignal;
  /** Time limit of each attempt, in ms (default: the client's). */
  timeoutMs?: number;
  /** Retry policy of this call; `false` sends once; `{ unsafe: true }` retries even what the server may have processed. */
  retry?: RetryOptions | false;
  /** The largest response body read for this call, in bytes (default: the client's). */
  maxResponseBytes?: number;
}

type ParamsIn<Op, L extends string> = Op extends { parameters: infer P }
  ? L extends keyof P
    ? NonNullable<P[L]>
    : never
  : never;
type ParamPart<L extends string, T> = [T] extends [never]
  ? { [P in L]?: never }
  : {} extends T
    ? { [P in L]?: T }
    : { [P in L]: T };

type BodyContent<Op> = Op extends { requestBody?: infer B }
  ? [NonNullable<B>] extends [never]
    ? never
    : NonNullable<B> extends { content: infer C }
      ? C
      : never
  : never;
type BodyRequired<Op> = Op extends { requestBody: { content: unknown } } ? true : false;

/** A multipart body: parts may be files (`Blob`); CSV parts also take rows. */
export type MultipartBody<T, Csv extends string> = T extends object
  ? Simplify<{
      [K in keyof T]: K extends Csv
        ? CsvRows | Blob | string
        : T[K] extends string | undefined
          ? T[K] | Blob
          : T[K] extends (infer E)[] | undefined
            ? (E | Blob)[]
            : T[K];
    }>
  : T;

type BodyValue<C, CT extends keyof C, Cfg> = CT extends 'multipart/form-data'
  ? MultipartBody<OptionalKeys<Writable<C[CT]>, Get<Cfg, 'credBody'>>, Get<Cfg, 'csv'>>
  : CT extends `text/csv${string}`
    ? string | Blob | CsvRows
    : OptionalKeys<Writable<C[CT]>, Get<Cfg, 'credBody'>>;

type BodyPart<Op, Cfg> = [BodyContent<Op>] extends [never]
  ? { body?: never; contentType?: never }
  : {
      [CT in keyof BodyContent<Op> & string]: (CT extends Get<Cfg, 'ct'> ? { contentType?: CT } : { contentType: CT }) &
        (BodyRequired<Op> extends true
          ? { body: BodyValue<BodyContent<Op>, CT, Cfg> }
          : { body?: BodyValue<BodyContent<Op>, CT, Cfg> });
    }[keyof BodyContent<Op> & string];

/** The input of a method: parameters by location, the body, and call options. */
export type Input<Op, Cfg extends OpConfig = {}, PD extends string = never> = ParamPart<'path', OptionalKeys<ParamsIn<Op, 'path'>, PD>> &
  ParamPart<'query', OptionalKeys<ParamsIn<Op, 'query'>, Get<Cfg, 'credQuery'>>> &
  ParamPart<'header', OptionalKeys<ParamsIn<Op, 'header'>, Get<Cfg, 'credHeader'> | Get<Cfg, 'autoHeader'>>> &
  ParamPart<'cookie', OptionalKeys<ParamsIn<Op, 'cookie'>, Get<Cfg, 'credCookie'>>> &
  BodyPart<Op, Cfg> &
  CallOptions;

/** The JSON body of an operation as a method takes it (for batches). */
export type JsonBody<Op, Cfg extends OpConfig = {}> = BodyContent<Op> extends infer C
  ? Get<Cfg, 'ct'> extends infer CT extends keyof C
    ? OptionalKeys<Writable<C[CT]>, Get<Cfg, 'credBody'>>
    : never
  : never;

/** `[input]` when every input key is optional, else `[input]` required. */
export type Args<I> = {} extends I ? [input?: I] : [input: I];

// ---------------------------------------------------------------------------------------------
// results

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type NumOf<S> = S extends `${infer N extends number}` ? N : never;
/** `'5'` -> 500 | 501 | ... | 599 */
export type StatusRange<C extends string> = NumOf<`${C}${Digit}${Digit}`>;
type Responses<Op> = Op extends { responses: infer R } ? R : {};
type Explicit<R> = Extract<keyof R, number> | NumOf<Extract<keyof R, string>>;
type RangeOfKey<K> = K extends `${infer C extends '1' | '2' | '3' | '4' | '5'}XX` ? StatusRange<C> : never;
type Covered<R> = Explicit<R> | RangeOfKey<keyof R>;
type StatusOf<R, K> = K extends number
  ? K
  : K extends `${infer N extends number}`
    ? N
    : K extends `${infer C extends '1' | '2' | '3' | '4' | '5'}XX`
      ? Exclude<StatusRange<C>, Explicit<R>>
      : K extends 'default'
        ? Exclude<StatusRange<'1' | '3' | '4' | '5'>, Covered<R>>
        : never;
type IsOk<K> = K extends number ? (`${K}` extends `2${string}` ? true : false) : K extends `2${string}` ? true : false;

type MediaValue<C, M extends keyof C> = M extends `${string}json${string}`
  ? Readable<C[M]>
  : M extends `text/${string}`
    ? string
    : M extends '*/*'
      ? unknown
      : Blob;
/** The parsed body of one documented response: JSON parsed, text as string, anything else a Blob. */
export type BodyOf<Resp> = Resp extends { content: infer C }
  ? [keyof C] extends [never]
    ? undefined
    : { [M in keyof C]: MediaValue<C, M> }[keyof C]
  : undefined;

type HeaderValue<V> = V extends string | number | boolean ? V : V extends undefined ? never : unknown;
/** The documented headers of one response, parsed (absent ones are undefined). */
export type HeadersOf<Resp, Cfg> = Resp extends { headers: infer H }
  ? Simplify<{
      [K in keyof H as string extends K ? never : number extends K ? never : K]?: K extends Get<Cfg, 'dates'>
        ? Date
        : HeaderValue<H[K]>;
    }>
  : {};

type Member<R, K, Cfg> = K extends keyof R
  ? IsOk<K> extends true
    ? { ok: true; status: StatusOf<R, K>; data: BodyOf<R[K]>; headers: HeadersOf<R[K], Cfg>; response: Response }
    : { ok: false; status: StatusOf<R, K>; error: BodyOf<R[K]>; headers: HeadersOf<R[K], Cfg>; response: Response }
  : never;
type HasOk<R> = true extends IsOk<keyof R> ? true : false;

/**
 * Every outcome a call can have, discriminated by `status` (and `ok`): `data` for 2XX, `error`
 * for the rest, each with that response's body and parsed headers.
 */
export type Result<Op, Cfg extends OpConfig = {}> =
  | Member<Responses<Op>, keyof Responses<Op>, Cfg>
  | (HasOk<Responses<Op>> extends true
      ? never
      : { ok: true; status: StatusRange<'2'>; data: unknown; headers: {}; response: Response });

export type Success<Op, Cfg extends OpConfig = {}> = Extract<Result<Op, Cfg>, { ok: true }>;
export type Failure<Op, Cfg extends OpConfig = {}> = Extract<Result<Op, Cfg>, { ok: false }>;
/** What the throwing style resolves to. */
export type SuccessData<Op, Cfg extends OpConfig = {}> = Success<Op, Cfg>['data'];
/** The result of a failed call without its `ok` flag. */
export type FailureResult = { ok: false; status: number; error: unknown; headers: object; response?: Response };

// ---------------------------------------------------------------------------------------------
// methods

/**
 * One operation, typed by what it takes and gives rather than by its `paths` entry, so that an
 * editor shows a call as `(input: DeleteUsersInput) => Promise<{ deleted: number } | …>`:
 * `I` the input, `O` the success body, `R` every documented outcome, `F` the documented failures
 * (the generated client names `I`, `R` and `F` per operation: `DeleteUsersInput`, …).
 * Call it to get the success body (a documented error throws a typed `ApiError`);
 * `.result(...)` returns every documented outcome instead, discriminated by `status`.
 */
export interface Method<I, O, R = Result<{}>, F extends FailureResult = FailureResult> {
  (...args: Args<I>): Promise<O>;
  /** Every documented outcome, discriminated by `status`; never throws for a documented status. */
  result(...args: Args<I>): Promise<R>;
  /** True when `error` is an `ApiError` thrown by this operation (typed by its documented statuses). */
  isError(error: unknown): error is ApiError<F>;
  readonly operationId: string;
}

type ArrayItem<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;

/** One item of a batch: where it came from and what happened to it. */
export type BatchOutcome<Item = unknown, A extends string = string> = {
  /** the array it came from (`''` when the body is the array) */
  array: A;
  /** its index in that array, as given */
  index: number;
  item: Item;
  /** which request carried it */
  chunk: number;
} & (
  | { status: 'delivered' }
  | { status: 'rejected'; reason: unknown }
  | { status: 'failed'; error: unknown }
  | { status: 'unconfirmed'; errors: unknown[] }
);

export interface BatchChunk<Data = unknown> {
  index: number;
  /** [array, first index, count] for each array of the body */
  ranges: [string, number, number][];
  ok: boolean;
  data?: Data;
  error?: unknown;
}

export interface BatchReport<Outcome, Data = unknown> {
  /** one per item given, arrays in the order of the body's properties, items in order */
  outcomes: Outcome[];
  chunks: BatchChunk<Data>[];
  delivered: number;
  rejected: number;
  failed: number;
  unconfirmed: number;
  /** true when every item was delivered */
  ok: boolean;
}

export interface BatchOptions {
  /** requests in flight at once (default 4) */
  concurrency?: number;
}

type Outcomes<B, A extends string> = { [K in A]: BatchOutcome<ArrayItem<K extends keyof B ? B[K] : never>, K> }[A];

/** An operation whose JSON body `B` has capped arrays `A`: `.batch()` takes any number of items. */
export interface BatchMethod<I, O, R, F extends FailureResult, B, A extends string> extends Method<I, O, R, F> {
  /**
   * Sends every item of the capped arrays, split into as many requests as the caps need, with
   * bounded concurrency. Resolves with one outcome per item; never rejects for a failed chunk.
   */
  batch(body: B, options?: BatchOptions & Omit<I, 'body' | 'contentType'>): Promise<BatchReport<Outcomes<B, A>, O>>;
}

/** An operation whose JSON body `B` is a capped array. */
export interface ArrayBatchMethod<I, O, R, F extends FailureResult, B> extends Method<I, O, R, F> {
  batch(items: B, options?: BatchOptions & Omit<I, 'body' | 'contentType'>): Promise<BatchReport<BatchOutcome<ArrayItem<B>, ''>, O>>;
}

/** The element type of the array at `Path` in `T` (`[]`: `T` is the array). */
export type ItemsAt<T, Path extends readonly string[]> = Path extends readonly [infer K extends string, ...infer Rest extends string[]]
  ? ItemsAt<K extends keyof NonNullable<T> ? NonNullable<T>[K] : never, Rest>
  : NonNullable<T> extends readonly (infer E)[]
    ? E
    : never;

/** One page of a paginated operation: its items and the whole success body. */
export interface Page<Item, Data> {
  items: Item[];
  data: Data;
}

/**
 * An operation whose pages the client walks (`x-oaskit-pagination`): `.all()` yields every item,
 * `.pages()` every page, from the first (or the page `query` names). Each page is one call with
 * the retry policy; `signal` stops the walk.
 */
export interface Paginated<Op, Cfg extends OpConfig, PD extends string, Path extends readonly string[]> {
  all(...args: Args<Input<Op, Cfg, PD>>): AsyncGenerator<ItemsAt<SuccessData<Op, Cfg>, Path>, void, undefined>;
  pages(...args: Args<Input<Op, Cfg, PD>>): AsyncGenerator<Page<ItemsAt<SuccessData<Op, Cfg>, Path>, SuccessData<Op, Cfg>>, void, undefined>;
}

/**
 * An operation that hands back a file (`x-oaskit-download`): `.download(input, { to })` calls it and
 * streams the file (its body, or the file at the URL its body names, fetched without credentials)
 * to a WritableStream or a file path.
 */
export interface Downloadable<Op, Cfg extends OpConfig, PD extends string> {
  download(input: Input<Op, Cfg, PD> | undefined, options: DownloadOptions): Promise<DownloadResult>;
}

/** Path parameter names the client was given defaults for (never when unknown). */
export type DefaultedKeys<P> = string extends keyof P ? never : keyof P & string;

// ---------------------------------------------------------------------------------------------
// helpers: jobs and Segment-style calls

export interface WaitForJobOptions {
  /** give up after this long (default 10 minutes) */
  timeoutMs?: number;
  /** between polls (default 2 s) */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** `identify(userId, traits, options?)` */
export type IdentifyHelper<Op, Cfg extends OpConfig, PD extends string, UserKey extends string, Traits> = (
  userId: string,
  traits: Traits,
  ...options: Args<Omit<Input<Op, Cfg, PD | UserKey>, 'body' | 'contentType'>>
) => Promise<SuccessData<Op, Cfg>>;

/** `track(userId, event, properties?, options?)` */
export type TrackHelper<Op, Cfg extends OpConfig, PD extends string, UserKey extends string, EventName, Properties> = (
  userId: string,
  event: EventName,
  properties?: Properties,
  ...options: Args<Omit<Input<Op, Cfg, PD | UserKey>, 'body' | 'contentType'>>
) => Promise<SuccessData<Op, Cfg>>;

/** The type of a body property (for helper signatures). */
export type BodyProp<Op, Cfg extends OpConfig, K extends string> = JsonBody<Op, Cfg> extends infer B ? (K extends keyof B ? B[K] : never) : never;
/** The success body of an operation (for helper signatures). */
export type DataOf<Op, Cfg extends OpConfig = {}> = SuccessData<Op, Cfg>;

// ---------------------------------------------------------------------------------------------
// standalone operations

/**
 * One operation as a standalone, tree-shakable function: `op(config, input)` resolves with the
 * success body (a documented error throws a typed `ApiError`); `op.result(config, input)` returns
 * every documented outcome. `config` comes from `createConfig(...)`; its path defaults type `K`.
 */
export interface Operation<Op, Cfg extends OpConfig = {}> {
  <K extends string = never>(config: Config<K>, ...args: Args<Input<Op, Cfg, K>>): Promise<SuccessData<Op, Cfg>>;
  result<K extends string = never>(config: Config<K>, ...args: Args<Input<Op, Cfg, K>>): Promise<Result<Op, Cfg>>;
  isError(error: unknown): error is ApiError<Failure<Op, Cfg>>;
  readonly operationId: string;
  readonly meta: OperationMeta;
  readonly codec?: Codec;
}
