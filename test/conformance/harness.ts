// The conformance harness: what to send for each operation (built from the spec's own examples),
// which statuses are documented, which Prefer: code asks Prism for a documented response, and
// the coverage accounting over the model (every operation, every documented response).
import { Buffer } from 'node:buffer';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { isObject } from '../../generator/core/pointer.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import type { ApiModel, Example, MediaType, Operation, Parameter, Response, SchemaNode } from '../../generator/model/types.ts';

export async function loadApi(spec: string): Promise<ApiModel> {
  const loaded = await loadSpec(spec);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`${spec} has ${errors.length} error(s): ${errors.slice(0, 3).map((d) => `${d.pointer ?? ''} ${d.message}`).join('; ')}`);
  return buildModel(loaded);
}

// --- example values -----------------------------------------------------------------------

type Obj = Record<string, unknown>;

/** A schema node with its `$ref` chain followed (one level of the model's workspace). */
export function derefSchema(model: ApiModel, node: SchemaNode | undefined): Obj | undefined {
  if (!node) return undefined;
  const r = model.workspace.deref(node.loc, node.value);
  return r.ok && isObject(r.target.value) ? r.target.value : undefined;
}

const none = Symbol('none');

/** The first value the spec offers for a schema: example, examples[0], default, const, enum[0]. */
export function schemaExample(model: ApiModel, node: SchemaNode | undefined): unknown {
  const s = derefSchema(model, node);
  if (!s) return none;
  if ('example' in s) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if ('default' in s) return s.default;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  return none;
}

export function parameterExample(model: ApiModel, p: Parameter): unknown {
  if (p.examples.length) return p.examples[0]!.value;
  const fromContent = p.content[0]?.examples[0];
  if (fromContent) return fromContent.value;
  return schemaExample(model, p.schema ?? p.content[0]?.schema);
}

/** The media type an example request uses: JSON first, then whatever comes first. */
export function requestMediaType(op: Operation): MediaType | undefined {
  const content = op.requestBody?.content ?? [];
  return content.find((c) => /^application\/([\w.+-]*\+)?json$/i.test(c.contentType)) ?? content[0];
}

export function mediaExamples(model: ApiModel, media: MediaType | undefined): Example[] {
  if (!media) return [];
  if (media.examples.length) return media.examples;
  const v = schemaExample(model, media.schema);
  return v === none ? [] : [{ value: v, loc: media.loc }];
}

// --- requests -------------------------------------------------------------------------------

export interface ExampleRequest {
  op: Operation;
  method: string;
  /** the path with its parameters filled in */
  path: string;
  /** declared parameters by name, as the spec's examples give them (for a client's typed call; credentials not included) */
  params: { path: Obj; query: Obj; header: Obj; cookie: Obj };
  /** the query string (no `?`), serialised form/explode as OpenAPI's defaults say */
  query: string;
  headers: Record<string, string>;
  contentType?: string;
  /** the body as the spec's example gives it (parsed JSON for JSON media types) */
  body?: unknown;
  /** the body as sent over the wire */
  rawBody?: string;
  /** the example used for the body, by name */
  exampleName?: string;
  /** required things the spec gives no example for: a request cannot be built honestly */
  missing: string[];
}

/** Credentials that satisfy a security scheme (Prism checks presence and form, not value). */
export const testCredentials = { user: 'oaskit-key', password: 'oaskit-secret', token: 'oaskit-token', apiKey: 'oaskit-api-key' };

export function exampleRequest(model: ApiModel, op: Operation, bodyExample = 0): ExampleRequest {
  const params: ExampleRequest['params'] = { path: {}, query: {}, header: {}, cookie: {} };
  const missing: string[] = [];
  for (const p of op.parameters) {
    const v = parameterExample(model, p);
    if (v === none) {
      if (p.required) missing.push(`${p.in} parameter ${p.name}`);
      continue;
    }
    params[p.in][p.name] = v;
  }
  const headers: Record<string, string> = {};
  const query = new URLSearchParams();
  const cookies: string[] = [];
  const credentialQuery: Obj = {};
  // the first alternative of the operation's security, satisfied with test credentials
  for (const req of op.security.slice(0, 1)) {
    for (const { scheme } of req) {
      const s = model.securitySchemes.find((x) => x.name === scheme);
      if (!s) continue;
      if (s.type === 'http' && s.scheme?.toLowerCase() === 'basic') headers.authorization = 'Basic ' + Buffer.from(`${testCredentials.user}:${testCredentials.password}`).toString('base64');
      else if (s.type === 'http') headers.authorization = `${s.scheme ?? 'Bearer'} ${testCredentials.token}`;
      else if (s.type === 'apiKey' && s.paramName) {
        if (s.in === 'header') headers[s.paramName.toLowerCase()] = testCredentials.apiKey;
        else if (s.in === 'query' && !(s.paramName in params.query)) credentialQuery[s.paramName] = testCredentials.apiKey;
        else if (s.in === 'cookie') cookies.push(`${s.paramName}=${testCredentials.apiKey}`);
      } else if (s.type === 'oauth2' || s.type === 'openIdConnect') headers.authorization = `Bearer ${testCredentials.token}`;
    }
  }
  let path = op.path;
  for (const [name, v] of Object.entries(params.path)) path = path.split(`{${name}}`).join(encodeURIComponent(String(v)));
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    if (!(p.name in params.query)) continue;
    serialiseQuery(query, p, params.query[p.name]);
  }
  for (const [name, v] of Object.entries(credentialQuery)) query.append(name, String(v));
  for (const [name, v] of Object.entries(params.header)) headers[name.toLowerCase()] = Array.isArray(v) ? v.join(',') : String(v);
  for (const [name, v] of Object.entries(params.cookie)) cookies.push(`${name}=${encodeURIComponent(String(v))}`);
  if (cookies.length) headers.cookie = cookies.join('; ');

  const result: ExampleRequest = { op, method: op.method.toUpperCase(), path, params, query: query.toString(), headers, missing };
  const media = requestMediaType(op);
  if (media) {
    const examples = mediaExamples(model, media);
    const ex = examples[bodyExample] ?? examples[0];
    if (!ex) {
      if (op.requestBody?.required) missing.push(`request body example (${media.contentType})`);
    } else {
      result.contentType = media.contentType;
      result.body = ex.value;
      result.exampleName = ex.name;
      result.rawBody = typeof ex.value === 'string' && !/json/i.test(media.contentType) ? ex.value : JSON.stringify(ex.value);
      headers['content-type'] = media.contentType;
    }
  }
  return result;
}

function serialiseQuery(query: URLSearchParams, p: Parameter, v: unknown): void {
  const style = p.style ?? 'form';
  const explode = p.explode ?? style === 'form';
  if (Array.isArray(v)) {
    if (explode) for (const item of v) query.append(p.name, String(item));
    else query.append(p.name, v.map(String).join(style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ','));
  } else if (isObject(v)) {
    if (style === 'deepObject') for (const [k, x] of Object.entries(v)) query.append(`${p.name}[${k}]`, String(x));
    else if (explode) for (const [k, x] of Object.entries(v)) query.append(k, String(x));
    else query.append(p.name, Object.entries(v).flat().map(String).join(','));
  } else query.append(p.name, String(v));
}

// --- statuses ---------------------------------------------------------------------------------

/** Does `status` fall under a documented response key ('200', '4XX', 'default')? */
export function statusMatches(key: string, status: number): boolean {
  if (key === 'default') return true;
  if (/^[1-5]XX$/i.test(key)) return Math.floor(status / 100) === Number(key[0]);
  return Number(key) === status;
}

/** The documented response a status answers to: the exact code first, then its range, then default. */
export function documentedResponse(op: Operation, status: number): Response | undefined {
  return op.responses.find((r) => r.status === String(status)) ?? op.responses.find((r) => /^[1-5]XX$/i.test(r.status) && statusMatches(r.status, status)) ?? op.responses.find((r) => r.status === 'default');
}

/** The status to ask Prism for (`Prefer: code=N`) to get a documented response. */
export function preferCode(op: Operation, key: string): number {
  if (/^\d{3}$/.test(key)) return Number(key);
  const taken = new Set(op.responses.map((r) => r.status));
  if (/^[1-5]XX$/i.test(key)) {
    const base = Number(key[0]) * 100;
    for (let n = base; n < base + 100; n++) if (!taken.has(String(n))) return n;
  }
  // default: a status no other response claims
  for (const n of [500, 599, 520, 418, 400]) if (!op.responses.some((r) => r.status !== 'default' && statusMatches(r.status, n))) return n;
  return 599;
}

export function isSuccess(key: string): boolean {
  return /^2/.test(key);
}

// --- coverage -------------------------------------------------------------------------------

/** What the suite exercised, against everything the model has. */
export class Coverage {
  private readonly ops = new Map<string, { op: Operation; done: boolean; responses: Map<string, boolean> }>();

  constructor(readonly model: ApiModel) {
    for (const op of model.operations) this.ops.set(op.id, { op, done: false, responses: new Map(op.responses.map((r) => [r.status, false])) });
  }

  operationDone(opId: string): void {
    const e = this.ops.get(opId);
    if (!e) throw new Error(`no operation ${opId} in ${this.model.name}`);
    e.done = true;
  }

  responseDone(opId: string, key: string): void {
    const e = this.ops.get(opId);
    if (!e || !e.responses.has(key)) throw new Error(`no response ${key} on ${opId} in ${this.model.name}`);
    e.responses.set(key, true);
  }

  counts(): { operations: number; operationsTotal: number; responses: number; responsesTotal: number } {
    let operations = 0;
    let responses = 0;
    let responsesTotal = 0;
    for (const e of this.ops.values()) {
      if (e.done) operations++;
      for (const done of e.responses.values()) {
        responsesTotal++;
        if (done) responses++;
      }
    }
    return { operations, operationsTotal: this.ops.size, responses, responsesTotal };
  }

  /** `conformance: operations X/Y, responses A/B` */
  summary(label = ''): string {
    const c = this.counts();
    return `conformance${label ? ` ${label}` : ''}: operations ${c.operations}/${c.operationsTotal}, responses ${c.responses}/${c.responsesTotal}`;
  }

  /** Everything not exercised: `opId` or `opId 404`. */
  missing(): string[] {
    const out: string[] = [];
    for (const [id, e] of this.ops) {
      if (!e.done) out.push(id);
      for (const [key, done] of e.responses) if (!done) out.push(`${id} ${key}`);
    }
    return out;
  }
}
