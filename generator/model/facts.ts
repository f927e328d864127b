// What a client needs to know about each operation beyond its types, computed once from the
// model for every emitter (the client's operation table, the docs' samples, the README): where
// each credential goes, the request media a call uses by default, CSV parts, capped arrays a
// batch splits, how a success response reports rejected items, which response headers are
// numbers or dates, the job-status and Segment-call operations. Everything comes from standard
// OpenAPI or from documented `x-oaskit-*` extensions (EXTENSIONS.md); nothing from names.
import { isObject, parsePointer } from '../core/pointer.ts';
import { readDownload, readPagination, readRateLimit, type PaginationStyle, type RateLimitValue } from './client-extensions.ts';
import { ModelError } from './model-error.ts';
import type { CredentialNames, NamePlan } from './naming.ts';
import { allowsType, objectProperties, propertyOf, typesOf, unwrap, type Schema } from './schema.ts';
import type { ApiModel, MediaType, Operation, Parameter, ParameterLocation, Response } from './types.ts';

export type HeaderKind = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'json';

export interface CredentialOption {
  name: string;
  scheme: CredentialNames;
  /** what it is, for its JSDoc */
  role: string;
  /** every operation needs it */
  required: boolean;
}

export interface OperationFacts {
  /** usable security alternatives (schemes the spec defines), each a list applied together */
  security: string[][];
  /** parameters a credential fills when the call leaves them out */
  credentialParams: { name: string; in: ParameterLocation; scheme: string }[];
  /** top-level body properties a credential fills (`x-oaskit-credential`) */
  credentialBody: { property: string; scheme: string }[];
  /** the request media type a call uses when it names none: the first JSON one, else the first */
  defaultMedia?: string;
  /** multipart parts sent as CSV files */
  csvParts: string[];
  /** capped arrays of the default (JSON) body that `.batch()` splits */
  batch?: { arrays: [string, number][]; root?: number; errors?: { property: string; index?: string; array?: string } };
  /** per documented response: header kinds */
  headers: Map<Response, { name: string; kind: HeaderKind }[]>;
  /** `x-oaskit-idempotent: true`: safe to repeat */
  idempotent: boolean;
  /** the header parameter marked `x-oaskit-idempotency-key: true`: the client fills it once per call */
  idempotencyKey?: string;
  /** the budget the operation draws from (`x-oaskit-rate-limit` on it, its tag or the root) */
  rateLimit?: RateLimitFacts;
  /** how to walk its pages (`x-oaskit-pagination`) */
  pagination?: PaginationFacts;
  /** the file it hands back (`x-oaskit-download`) */
  download?: DownloadFacts;
}

export interface RateLimitFacts {
  bucket: string;
  limit: number;
  /** seconds */
  window: number;
}

export interface PaginationFacts {
  style: PaginationStyle;
  param?: string;
  start?: number;
  /** path to the items in the success body ([] when the body is the array) */
  items: string[];
  /** cursor: path to the next cursor */
  next?: string[];
  size?: number;
  /** the success body's item schema, when the path leads to one */
  itemSchema?: Schema;
}

export interface DownloadFacts {
  /** path to the download URL in the success body; undefined: the body is the file */
  url?: string[];
}

export interface JobFacts {
  operation: Operation;
  property: string;
  terminal: (string | number)[];
}

export interface SegmentCallFacts {
  operation: Operation;
  userId: [ParameterLocation | 'body', string];
  /** identify: the traits are one body property (undefined: the whole body) */
  traits?: string;
  /** track */
  event?: string;
  properties?: string;
  timestamp?: string;
  /** the component schema marked `x-oaskit-event-names: true`: its enum lists the known event names */
  eventNames?: Schema;
}

export interface ApiFacts {
  options: CredentialOption[];
  operations: Map<Operation, OperationFacts>;
  job?: JobFacts;
  segment: { identify?: SegmentCallFacts; track?: SegmentCallFacts };
  /** `required` properties that are readOnly (writeOnly): required in responses (requests) only */
  readOnlyRequired: [Schema, string][];
  writeOnlyRequired: [Schema, string][];
  /** every path parameter name, sorted (a client may be given them once) */
  pathParamNames: string[];
}

type ModelForFacts = Omit<ApiModel, 'facts'> & { names: NamePlan };

export function computeFacts(model: ModelForFacts): ApiFacts {
  const options = credentialOptions(model.names.credentials);
  const schemeByName = new Map(model.names.credentials.map((c) => [c.scheme.name, c]));
  const operations = new Map<Operation, OperationFacts>();
  for (const op of model.operations) operations.set(op, operationFacts(op, schemeByName));
  const budgets = rateLimits(model);
  for (const op of model.operations) {
    const f = operations.get(op)!;
    const budget = budgets.get(op);
    if (budget) f.rateLimit = budget;
    const pagination = paginationFacts(op);
    if (pagination) f.pagination = pagination;
    const download = downloadFacts(op);
    if (download) f.download = download;
  }
  for (const o of options) {
    o.required =
      model.operations.length > 0 &&
      model.operations.every((op) => {
        const f = operations.get(op)!;
        return (f.security.length > 0 && f.security.every((alt) => alt.includes(o.scheme.scheme.name))) || f.credentialBody.some((c) => c.scheme === o.scheme.scheme.name);
      });
  }
  const readOnlyRequired: [Schema, string][] = [];
  const writeOnlyRequired: [Schema, string][] = [];
  for (const s of model.schemaNodes) {
    for (const name of s.required ?? []) {
      const p = propertyOf(s, name);
      if (!p) continue;
      if (p.readOnly || unwrap(p).readOnly) readOnlyRequired.push([s, name]);
      if (p.writeOnly || unwrap(p).writeOnly) writeOnlyRequired.push([s, name]);
    }
  }
  return {
    options,
    operations,
    job: jobFacts(model.operations),
    segment: { identify: segmentCall(model.operations, 'identify'), track: segmentCall(model.operations, 'track', model.schemas.find((s) => s.schema.extensions['x-oaskit-event-names'] === true)?.schema) },
    readOnlyRequired,
    writeOnlyRequired,
    pathParamNames: [...new Set(model.operations.flatMap((o) => o.parameters.filter((p) => p.in === 'path').map((p) => p.name)))].sort(),
  };
}

function credentialOptions(credentials: CredentialNames[]): CredentialOption[] {
  const out: CredentialOption[] = [];
  for (const c of credentials) {
    const s = c.scheme;
    if (c.kind === 'apiKey') {
      const where = s.in === 'header' ? 'header' : s.in === 'cookie' ? 'cookie' : 'query parameter';
      out.push({ name: c.options[0]!, scheme: c, role: `the ${s.name} API key (sent as the ${where} \`${s.paramName}\`)`, required: false });
    } else if (c.kind === 'basic') {
      out.push({ name: c.options[0]!, scheme: c, role: `the user name of ${s.name} (HTTP basic auth)`, required: false });
      out.push({ name: c.options[1]!, scheme: c, role: `the password of ${s.name} (HTTP basic auth)`, required: false });
    } else if (c.kind === 'bearer') {
      out.push({ name: c.options[0]!, scheme: c, role: `the bearer token of ${s.name} (sent as \`Authorization: Bearer …\`)`, required: false });
    }
  }
  return out;
}

function operationFacts(op: Operation, schemes: Map<string, CredentialNames>): OperationFacts {
  const security = op.security.map((req) => req.map((r) => r.scheme)).filter((alt) => alt.every((n) => schemes.has(n)));
  const apiKeysHere = new Map<string, string>(); // "in\0name" -> scheme
  for (const alt of security) {
    for (const n of alt) {
      const s = schemes.get(n)!;
      if (s.kind === 'apiKey') apiKeysHere.set(`${s.scheme.in}\u0000${s.scheme.paramName}`, n);
    }
  }
  const credentialParams: OperationFacts['credentialParams'] = [];
  for (const p of op.parameters) {
    const marked = typeof p.extensions['x-oaskit-credential'] === 'string' ? (p.extensions['x-oaskit-credential'] as string) : undefined;
    const scheme = marked && schemes.get(marked)?.kind === 'apiKey' ? marked : apiKeysHere.get(`${p.in}\u0000${p.name}`);
    if (scheme && p.in !== 'path') credentialParams.push({ name: p.name, in: p.in, scheme });
  }
  const content = op.requestBody?.content ?? [];
  const defaultMedia = (content.find((m) => m.kind === 'json') ?? content[0])?.contentType;
  const credentialBody: OperationFacts['credentialBody'] = [];
  for (const m of content) {
    if (!m.schema) continue;
    for (const [property, p] of objectProperties(m.schema)) {
      const scheme = p.schema.extensions['x-oaskit-credential'] ?? unwrap(p.schema).extensions['x-oaskit-credential'];
      if (typeof scheme === 'string' && schemes.get(scheme)?.kind === 'apiKey' && !credentialBody.some((c) => c.property === property)) {
        credentialBody.push({ property, scheme });
      }
    }
  }
  const csvParts = [...new Set(content.filter((m) => m.kind === 'multipart').flatMap(csvPartsOf))];
  const headers = new Map<Response, { name: string; kind: HeaderKind }[]>();
  for (const r of op.responses) headers.set(r, r.headers.map((h) => ({ name: h.name, kind: headerKind(h.schema) })));
  const facts: OperationFacts = { security, credentialParams, credentialBody, defaultMedia, csvParts, headers, idempotent: op.extensions['x-oaskit-idempotent'] === true };
  const key = op.parameters.find((p) => p.in === 'header' && p.extensions['x-oaskit-idempotency-key'] === true);
  if (key) facts.idempotencyKey = key.name;
  const json = content.find((m) => m.contentType === defaultMedia && m.kind === 'json');
  const batch = json && batchFacts(op, json);
  if (batch) facts.batch = batch;
  return facts;
}

/** Dates: the `date-time`, `date` and `http-date` formats, and `x-oaskit-date: epoch-seconds`. */
function headerKind(schema: Schema | undefined): HeaderKind {
  if (!schema) return 'string';
  const s = unwrap(schema);
  if (s.format === 'date-time' || s.format === 'date' || s.format === 'http-date' || s.extensions['x-oaskit-date'] === 'epoch-seconds') return 'date';
  const t = typesOf(s);
  if (!t) return 'string';
  if (t.has('integer')) return 'integer';
  if (t.has('number')) return 'number';
  if (t.has('boolean')) return 'boolean';
  if (t.has('object') || t.has('array')) return 'json';
  return 'string';
}

function csvPartsOf(media: MediaType): string[] {
  if (!media.schema) return [];
  const out: string[] = [];
  for (const [name, p] of objectProperties(media.schema)) {
    const enc = media.encoding.find((e) => e.property === name)?.contentType ?? '';
    const own = unwrap(p.schema).contentMediaType ?? '';
    if (/^text\/csv\b/i.test(enc) || /^text\/csv\b/i.test(own)) out.push(name);
  }
  return out;
}

/**
 * Arrays of the JSON body capped by `maxItems` (or a capped array body). Not for a body that comes
 * back as the success response: that is one resource (createPet), not a list of items. Per-item
 * errors of the success response: the property marked `x-oaskit-item-errors`.
 */
function batchFacts(op: Operation, media: MediaType): OperationFacts['batch'] {
  const body = media.schema && unwrap(media.schema);
  if (!body) return undefined;
  let batch: NonNullable<OperationFacts['batch']> | undefined;
  if (typesOf(body)?.has('array') && typeof body.maxItems === 'number' && body.maxItems >= 1) batch = { arrays: [], root: body.maxItems };
  else {
    const arrays: [string, number][] = [];
    for (const [name, p] of objectProperties(body)) {
      const s = unwrap(p.schema);
      if (allowsType(s, 'array') && s.type && typeof s.maxItems === 'number' && s.maxItems >= 1) arrays.push([name, s.maxItems]);
    }
    if (arrays.length) batch = { arrays };
  }
  if (!batch) return undefined;
  const successes = op.responses.filter((r) => /^2/.test(r.status));
  if (successes.some((r) => r.content.some((m) => m.schema && unwrap(m.schema) === body))) return undefined;
  for (const r of successes) {
    const schema = r.content.find((m) => m.kind === 'json' && m.schema)?.schema;
    if (!schema) continue;
    for (const [property, p] of objectProperties(schema)) {
      const marker = p.schema.extensions['x-oaskit-item-errors'] ?? unwrap(p.schema).extensions['x-oaskit-item-errors'];
      if (marker === undefined || marker === false) continue;
      const fields = isObject(marker) ? marker : {};
      batch.errors = { property, ...(typeof fields.index === 'string' ? { index: fields.index } : {}), ...(typeof fields.array === 'string' ? { array: fields.array } : {}) };
      return batch;
    }
  }
  return batch;
}

/**
 * The operation marked `x-oaskit-job-status: { property, terminal? }`, or `true` with the terminal
 * states in `x-oaskit-terminal-states` on the state property, or on its object when exactly one
 * property's enum lists them all: polled until the state property holds a terminal value.
 */
function jobFacts(operations: readonly Operation[]): JobFacts | undefined {
  const op = operations.find((o) => o.extensions['x-oaskit-job-status'] !== undefined && o.extensions['x-oaskit-job-status'] !== false);
  if (!op) return undefined;
  const marker = op.extensions['x-oaskit-job-status'];
  const schema = op.responses.find((r) => /^2/.test(r.status))?.content.find((m) => m.schema)?.schema;
  const fail = (why: string): never => {
    throw new ModelError(`x-oaskit-job-status: ${why}`, { file: op.loc.file, pointer: op.loc.pointer + '/x-oaskit-job-status' });
  };
  if (!schema) return fail('the operation has no success response body to read the state from');
  const props = objectProperties(schema);
  const listed = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number') : undefined);
  let property = isObject(marker) && typeof marker.property === 'string' ? marker.property : undefined;
  let terminal = isObject(marker) ? listed(marker.terminal) : undefined;
  if (!property) property = [...props].find(([, p]) => listed(unwrap(p.schema).extensions['x-oaskit-terminal-states'])?.length)?.[0];
  // terminal states on the object: the one property whose enum lists them all holds the state
  const onObject = listed(unwrap(schema).extensions['x-oaskit-terminal-states']);
  if (!property && onObject?.length) {
    const candidates = [...props].filter(([, p]) => onObject.every((t) => unwrap(p.schema).enum?.includes(t)));
    if (candidates.length === 1) property = candidates[0]![0];
  }
  if (!property) return fail('name the state property: `x-oaskit-job-status: { property: <name> }`');
  const state = props.get(property);
  if (!state) return fail(`the success body has no property ${JSON.stringify(property)}`);
  terminal ??= listed(unwrap(state.schema).extensions['x-oaskit-terminal-states']) ?? listed(unwrap(schema).extensions['x-oaskit-terminal-states']);
  if (!terminal?.length) return fail('list the terminal states (`terminal`, or `x-oaskit-terminal-states` on the state property or its object)');
  return { operation: op, property, terminal };
}

/**
 * The operation marked `x-oaskit-segment-call` (an object: `call: identify|track`, `userId`, and
 * `traits` / `event`, `properties`, `timestamp`, `eventNames`), and where each argument goes.
 */
function segmentCall(operations: readonly Operation[], call: 'identify' | 'track', eventNames?: Schema): SegmentCallFacts | undefined {
  const op = operations.find((o) => {
    const m = o.extensions['x-oaskit-segment-call'];
    return isObject(m) && m.call === call;
  });
  if (!op) return undefined;
  const m = op.extensions['x-oaskit-segment-call'] as Record<string, unknown>;
  const at = { file: op.loc.file, pointer: op.loc.pointer + '/x-oaskit-segment-call' };
  const body = op.requestBody?.content.find((x) => x.kind === 'json')?.schema;
  const bodyProps = body ? objectProperties(body) : new Map();
  const field = (key: string, required: boolean): string | undefined => {
    const v = m[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || !bodyProps.has(v)) throw new ModelError(`x-oaskit-segment-call: \`${key}\` must name a property of the JSON body`, at);
    return v;
  };
  const user = m.userId;
  let userId: SegmentCallFacts['userId'];
  const param = typeof user === 'string' ? op.parameters.find((p: Parameter) => p.name === user && (p.in === 'path' || p.in === 'query')) : undefined;
  if (param) userId = [param.in, param.name];
  else if (typeof user === 'string' && bodyProps.has(user)) userId = ['body', user];
  else throw new ModelError('x-oaskit-segment-call: `userId` must name a path or query parameter or a body property', at);
  if (call === 'identify') return { operation: op, userId, ...(m.traits !== undefined ? { traits: field('traits', false) } : {}) };
  const facts: SegmentCallFacts = { operation: op, userId, event: field('event', true) };
  const properties = field('properties', false);
  const timestamp = field('timestamp', false);
  if (properties) facts.properties = properties;
  if (timestamp) facts.timestamp = timestamp;
  if (eventNames) facts.eventNames = eventNames;
  return facts;
}

/** A model error at a member of an extension (the rules report shape problems first, with positions). */
function extensionError(loc: { file: string; pointer: string }, name: string, message: string, member = ''): never {
  throw new ModelError(message, { file: loc.file, pointer: `${loc.pointer}/${name}${member}` });
}

/**
 * Each operation's budget: its own `x-oaskit-rate-limit`, else that of its first tag that declares
 * one, else the root's; `false` at the nearest place means none. An unnamed budget is its own
 * bucket, named `default` at the root, after the tag, or after the operation. A bucket is declared
 * (limit and window) once, or the same everywhere; `{ bucket }` alone joins one declared elsewhere.
 */
function rateLimits(model: ModelForFacts): Map<Operation, RateLimitFacts> {
  const name = 'x-oaskit-rate-limit';
  type Place = { value: RateLimitValue; fallback: string; loc: { file: string; pointer: string } };
  const read = (extensions: Record<string, unknown>, fallback: string, loc: Place['loc']): Place | undefined => {
    if (extensions[name] === undefined) return undefined;
    const r = readRateLimit(extensions[name]);
    if (r.value === undefined) return extensionError(loc, name, r.problems[0]!.message, r.problems[0]!.pointer);
    return { value: r.value, fallback, loc };
  };
  const root = read(model.extensions, 'default', { file: model.source, pointer: '' });
  const tags = new Map<string, Place>();
  model.tags.forEach((t, i) => {
    const place = read(t.extensions, t.name, { file: model.source, pointer: `/tags/${i}` });
    if (place) tags.set(t.name, place);
  });
  const ops = new Map<Operation, Place>();
  for (const op of model.operations) {
    const place = read(op.extensions, op.id, op.loc) ?? op.tags.map((t) => tags.get(t)).find((p) => p) ?? root;
    if (place) ops.set(op, place);
  }
  // the declared buckets, from every place (declared but unused ones are checked too)
  const declared = new Map<string, RateLimitFacts>();
  const places = [...(root ? [root] : []), ...tags.values(), ...model.operations.map((op) => read(op.extensions, op.id, op.loc)).filter((p): p is Place => !!p)];
  for (const p of places) {
    if (p.value === false || p.value.limit === undefined) continue;
    const bucket = p.value.bucket ?? p.fallback;
    const seen = declared.get(bucket);
    if (seen && (seen.limit !== p.value.limit || seen.window !== p.value.window)) {
      extensionError(p.loc, name, `${name}: bucket ${JSON.stringify(bucket)} is declared twice with different budgets (${seen.limit} per ${seen.window} s and ${p.value.limit} per ${p.value.window} s)`);
    }
    declared.set(bucket, { bucket, limit: p.value.limit, window: p.value.window! });
  }
  const out = new Map<Operation, RateLimitFacts>();
  for (const p of places) {
    if (p.value === false || p.value.limit !== undefined) continue;
    if (!declared.has(p.value.bucket!)) extensionError(p.loc, name, `${name}: bucket ${JSON.stringify(p.value.bucket)} is not declared anywhere (give its \`limit\` and \`window\` once)`, '/bucket');
  }
  for (const [op, p] of ops) {
    if (p.value === false) continue;
    out.set(op, declared.get(p.value.bucket ?? p.fallback)!);
  }
  return out;
}

/** The schema at `path` in `schema` (object properties, then array items), or undefined. */
function schemaAt(schema: Schema | undefined, path: readonly string[]): Schema | undefined {
  let s = schema;
  for (const segment of path) {
    if (!s) return undefined;
    const u = unwrap(s);
    s = objectProperties(u).get(segment)?.schema ?? (/^\d+$/.test(segment) && u.items ? u.items : undefined);
  }
  return s;
}

/** `x-oaskit-pagination`: the query parameter it names must exist, and the items must be an array of the success body. */
function paginationFacts(op: Operation): PaginationFacts | undefined {
  const name = 'x-oaskit-pagination';
  const raw = op.extensions[name];
  if (raw === undefined) return undefined;
  const r = readPagination(raw);
  if (!r.value) return extensionError(op.loc, name, r.problems[0]!.message, r.problems[0]!.pointer);
  const decl = r.value;
  const facts: PaginationFacts = { style: decl.style, items: parsePointer(decl.items) };
  if (decl.param !== undefined) {
    const param = op.parameters.find((p) => p.in === 'query' && p.name === decl.param);
    if (!param) return extensionError(op.loc, name, `${name}: ${op.id} has no query parameter ${JSON.stringify(decl.param)}`, '/param');
    facts.param = decl.param;
    const fallback = param.schema && (param.schema.default ?? unwrap(param.schema).default)?.value;
    if (decl.start !== undefined) facts.start = decl.start;
    else if (decl.style === 'offset') facts.start = 0;
    else if (decl.style === 'page') {
      if (typeof fallback !== 'number') return extensionError(op.loc, name, `${name}: say which page comes first: \`start\`, or a \`default\` on the parameter ${JSON.stringify(decl.param)}`);
      facts.start = fallback;
    }
  }
  if (decl.next !== undefined) facts.next = parsePointer(decl.next);
  if (decl.size !== undefined) facts.size = decl.size;
  const body = op.responses.find((x) => /^2/.test(x.status))?.content.find((m) => m.kind === 'json' && m.schema)?.schema;
  if (!body) return extensionError(op.loc, name, `${name}: ${op.id} has no JSON success body to read the items from`);
  const items = schemaAt(body, facts.items);
  if (!items || !(typesOf(unwrap(items))?.has('array') ?? unwrap(items).items !== undefined)) {
    return extensionError(op.loc, name, `${name}: \`items\` (${JSON.stringify(decl.items)}) is not an array of the success body`, '/items');
  }
  const item = unwrap(items).items;
  if (item) facts.itemSchema = item;
  if (facts.next && !schemaAt(body, facts.next)) return extensionError(op.loc, name, `${name}: \`next\` (${JSON.stringify(decl.next)}) is not a property of the success body`, '/next');
  return facts;
}

/** `x-oaskit-download`: the URL must be a property of the success body. */
function downloadFacts(op: Operation): DownloadFacts | undefined {
  const name = 'x-oaskit-download';
  const raw = op.extensions[name];
  if (raw === undefined) return undefined;
  const r = readDownload(raw);
  if (!r.value) return extensionError(op.loc, name, r.problems[0]!.message, r.problems[0]!.pointer);
  if (r.value.url === undefined) return {};
  const url = parsePointer(r.value.url);
  const body = op.responses.find((x) => /^2/.test(x.status))?.content.find((m) => m.kind === 'json' && m.schema)?.schema;
  if (!schemaAt(body, url)) return extensionError(op.loc, name, `${name}: \`url\` (${JSON.stringify(r.value.url)}) is not a property of the JSON success body`, '/url');
  return { url };
}
