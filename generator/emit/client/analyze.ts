// What the client needs to know about each operation, read from the model once: where credentials
// go, which arrays are capped (batches), which parts are CSV, which headers are numbers or dates,
// how a success response names rejected items, the job-status and Segment-call operations.
import { camelCase, toIdentifier } from '../../model/names.ts';
import type { ApiModel, MediaType, Operation, SecurityScheme } from '../../model/types.ts';
import type {
  ApiMeta,
  BatchMeta,
  BodyMeta,
  HeaderKind,
  JobMeta,
  OperationMeta,
  ParamMeta,
  ResponseMeta,
  SchemeMeta,
  SegmentCallMeta,
} from '../../runtime/meta.ts';
import { clientLayout, credentialNames } from './naming.ts';
import { deref, isObject, properties, types } from './schema.ts';

/** Option names the runtime's own options use: credentials never take them. */

export interface CredentialOption {
  name: string;
  scheme: SecurityScheme;
  /** what it is, for its JSDoc */
  role: string;
  required: boolean;
}

export interface OperationFacts {
  op: Operation;
  meta: OperationMeta;
  group: string;
  method: string;
  /** the request media type a call uses when it names none */
  defaultMedia?: string;
  credQuery: string[];
  credHeader: string[];
  credCookie: string[];
  credBody: string[];
  /** header parameters the client fills itself (an idempotency key) */
  autoHeader: string[];
  dateHeaders: string[];
  /** the scheme names of `meta.security` and of the body's credential properties */
  securityNames: string[][];
  bodySchemes: string[];
}

export interface ApiFacts {
  meta: ApiMeta;
  operations: OperationFacts[];
  options: CredentialOption[];
  /** enum names of Segment-style track events (a component schema), if the spec has one */
  eventNamesSchema?: string;
  pathParamNames: string[];
}

export function isJsonMedia(media: string): boolean {
  return /^application\/([\w.-]+\+)?json(;|$)/i.test(media) || /\/json(;|$)/i.test(media);
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = base + n;
  taken.add(name);
  return name;
}

/** Client options for the security schemes (named in naming.ts, shared with the docs' samples). */
function schemeMetas(model: ApiModel): { schemes: SchemeMeta[]; options: CredentialOption[] } {
  const schemes: SchemeMeta[] = [];
  const options: CredentialOption[] = [];
  for (const { scheme: s, kind, options: names } of credentialNames(model)) {
    if (kind === 'apiKey') {
      schemes.push({ name: s.name, type: 'apiKey', in: s.in!, param: s.paramName!, option: names[0]! });
      options.push({ name: names[0]!, scheme: s, role: `the ${s.name} API key (sent as the ${s.in === 'header' ? 'header' : s.in === 'cookie' ? 'cookie' : 'query parameter'} \`${s.paramName}\`)`, required: false });
    } else if (kind === 'basic') {
      const [usernameOption, passwordOption] = names as [string, string];
      schemes.push({ name: s.name, type: 'basic', usernameOption, passwordOption });
      options.push({ name: usernameOption, scheme: s, role: `the user name of ${s.name} (HTTP basic auth)`, required: false });
      options.push({ name: passwordOption, scheme: s, role: `the password of ${s.name} (HTTP basic auth)`, required: false });
    } else if (kind === 'bearer') {
      schemes.push({ name: s.name, type: 'bearer', option: names[0]! });
      options.push({ name: names[0]!, scheme: s, role: `the bearer token of ${s.name} (sent as \`Authorization: Bearer …\`)`, required: false });
    } else {
      // mutual TLS and unknown http schemes are set up outside the client (custom fetch)
      schemes.push({ name: s.name, type: 'none' });
    }
  }
  return { schemes, options };
}

function headerKind(model: ApiModel, name: string, schema: unknown): HeaderKind {
  if (/(^|-)ratelimit-reset$/i.test(name)) return 'date';
  const s = deref(model, schema);
  const t = types(model, schema);
  if (s && (s.format === 'date-time' || s.format === 'date' || s.format === 'http-date')) return 'date';
  if (t.has('integer')) return 'integer';
  if (t.has('number')) return 'number';
  if (t.has('boolean')) return 'boolean';
  if (t.has('object') || t.has('array')) return 'json';
  return 'string';
}

function csvParts(model: ApiModel, media: MediaType): string[] {
  const out: string[] = [];
  for (const [name, prop] of properties(model, media.schema?.value)) {
    const enc = isObject(media.encoding) ? media.encoding[name] : undefined;
    const encType = isObject(enc) && typeof enc.contentType === 'string' ? enc.contentType : '';
    const own = typeof prop.contentMediaType === 'string' ? prop.contentMediaType : '';
    if (/text\/csv/i.test(encType) || /text\/csv/i.test(own)) out.push(name);
  }
  return out;
}

function batchMeta(model: ApiModel, op: Operation, media: MediaType | undefined): BatchMeta | undefined {
  if (!media?.schema) return undefined;
  const body = deref(model, media.schema.value);
  if (!body) return undefined;
  let meta: BatchMeta | undefined;
  if (types(model, body).has('array') && typeof body.maxItems === 'number' && body.maxItems >= 1) meta = { arrays: [], root: body.maxItems };
  else {
    const arrays: [string, number][] = [];
    for (const [name, prop] of properties(model, media.schema.value)) {
      if (types(model, prop).has('array') && typeof prop.maxItems === 'number' && prop.maxItems >= 1) arrays.push([name, prop.maxItems]);
    }
    if (arrays.length) meta = { arrays };
  }
  if (!meta) return undefined;
  // a body that comes back as the success response is a resource (createPet), not a list of items
  const sameSchema = (a: unknown, b: unknown) => deref(model, a) === deref(model, b);
  if (op.responses.some((r) => /^2/.test(r.status) && r.content.some((m) => m.schema && sameSchema(m.schema.value, media.schema!.value)))) return undefined;
  // non-fatal per-item errors in the success response: an array property named like "errors"
  const success = op.responses.find((r) => /^2/.test(r.status) && r.content.some((m) => isJsonMedia(m.contentType) && m.schema));
  const schema = success?.content.find((m) => isJsonMedia(m.contentType) && m.schema)?.schema;
  if (schema) {
    for (const [name, prop] of properties(model, schema.value)) {
      if (!/errors?$/i.test(name) || !types(model, prop).has('array')) continue;
      const item = properties(model, prop.items as never);
      const index = [...item].find(([k, v]) => /index/i.test(k) && (types(model, v).has('integer') || types(model, v).has('number')))?.[0];
      const array = [...item].find(([k, v]) => /array|field|input|property/i.test(k) && types(model, v).has('string'))?.[0];
      meta.errors = { property: name, ...(index ? { index } : {}), ...(array ? { array } : {}) };
      break;
    }
  }
  return meta;
}

function defaultMediaOf(content: MediaType[]): string | undefined {
  return (content.find((m) => isJsonMedia(m.contentType)) ?? content[0])?.contentType;
}

export function analyze(model: ApiModel, validators: Map<string, OperationMeta['validators']>): ApiFacts {
  const { schemes, options } = schemeMetas(model);
  const schemeByName = new Map(schemes.map((s) => [s.name, s]));
  const layout = clientLayout(model);
  const servers = model.servers.map(serverUrl);
  const operations: OperationFacts[] = [];
  // operations name credentials by the client option that holds them (runtime/meta.ts)
  const optionOf = (scheme: string) => {
    const s = schemeByName.get(scheme);
    return s?.type === 'apiKey' ? s.option : scheme;
  };
  const opIndex = new Map<Operation, number>();

  model.operations.forEach((op, index) => {
    opIndex.set(op, index);
    const where = layout.methodOf.get(op.id)!;
    const security = op.security
      .map((req) => req.map((r) => r.scheme))
      .filter((alt) => alt.every((n) => schemeByName.has(n)));
    const apiKeysHere = new Map<string, string>(); // "in\0name" -> scheme
    for (const alt of security) for (const n of alt) {
      const s = schemeByName.get(n)!;
      if (s.type === 'apiKey') apiKeysHere.set(`${s.in}\u0000${s.param}`, s.name);
    }
    const params: ParamMeta[] = op.parameters.map((p) => {
      const meta: ParamMeta = { name: p.name, in: p.in };
      if (p.required) meta.required = true;
      if (p.style !== undefined) meta.style = p.style;
      if (p.explode !== undefined) meta.explode = p.explode;
      const marked = typeof p.extensions['x-oaskit-credential'] === 'string' ? (p.extensions['x-oaskit-credential'] as string) : undefined;
      const credential = marked && schemeByName.get(marked)?.type === 'apiKey' ? marked : apiKeysHere.get(`${p.in}\u0000${p.name}`);
      if (credential && p.in !== 'path') meta.credential = optionOf(credential);
      return meta;
    });
    let body: BodyMeta | undefined;
    const content = op.requestBody?.content ?? [];
    const defaultMedia = defaultMediaOf(content);
    const credBody: string[] = [];
    const bodySchemes: string[] = [];
    if (op.requestBody && content.length) {
      const media = [defaultMedia!, ...content.map((m) => m.contentType).filter((m) => m !== defaultMedia)];
      body = { required: op.requestBody.required, media };
      const csv = [...new Set(content.filter((m) => /^multipart\/form-data/i.test(m.contentType)).flatMap((m) => csvParts(model, m)))];
      if (csv.length) body.csvParts = csv;
      const creds = new Map<string, string>();
      for (const m of content) {
        for (const [name, prop] of properties(model, m.schema?.value)) {
          const scheme = prop['x-oaskit-credential'];
          if (typeof scheme === 'string' && schemeByName.has(scheme) && schemeByName.get(scheme)!.type === 'apiKey') creds.set(name, scheme);
        }
      }
      if (creds.size) {
        body.credentials = [...creds].map(([name, scheme]) => [name, optionOf(scheme)]);
        credBody.push(...creds.keys());
        bodySchemes.push(...creds.values());
      }
    }
    const responses: ResponseMeta[] = op.responses.map((r) => ({
      status: r.status,
      media: r.content.map((m) => m.contentType),
      headers: r.headers.map((h) => ({ name: h.name, kind: headerKind(model, h.name, h.schema?.value) })),
    }));
    const meta: OperationMeta = { id: op.id, method: op.method, path: op.path, params, security: security.map((alt) => alt.map((n) => schemeByName.get(n)!)), responses };
    // every operation carries its servers: a standalone operation has no API table to read them from
    const ownServers = op.servers.map(serverUrl);
    if (ownServers.length || servers.length) meta.servers = ownServers.length ? ownServers : servers;
    if (body) meta.body = body;
    const batch = batchMeta(model, op, content.find((m) => m.contentType === defaultMedia && isJsonMedia(m.contentType)));
    if (batch) meta.batch = batch;
    const v = validators.get(op.id);
    if (v && Object.keys(v).length) meta.validators = v;
    // safe to repeat: declared idempotent, or carrying an idempotency key the client fills (EXTENSIONS.md)
    if (op.extensions['x-oaskit-idempotent'] === true) meta.idempotent = true;
    const keyParam = op.parameters.find((p) => p.in === 'header' && p.extensions['x-oaskit-idempotency-key'] === true);
    if (keyParam) meta.idempotencyKey = keyParam.name;
    operations.push({
      op,
      meta,
      group: where.group,
      method: where.method,
      defaultMedia,
      credQuery: params.filter((p) => p.credential && p.in === 'query').map((p) => p.name),
      credHeader: params.filter((p) => p.credential && p.in === 'header').map((p) => p.name),
      credCookie: params.filter((p) => p.credential && p.in === 'cookie').map((p) => p.name),
      credBody,
      autoHeader: keyParam ? [keyParam.name] : [],
      securityNames: security,
      bodySchemes,
      dateHeaders: [...new Set(responses.flatMap((r) => r.headers.filter((h) => h.kind === 'date').map((h) => h.name)))],
    });
  });

  // an option is required when every operation needs its scheme (and no alternative avoids it)
  for (const o of options) {
    o.required =
      operations.length > 0 &&
      operations.every(
        (f) =>
          (f.securityNames.length > 0 && f.securityNames.every((alt) => alt.includes(o.scheme.name))) ||
          f.bodySchemes.includes(o.scheme.name),
      );
  }

  const meta: ApiMeta = {
    name: model.name,
    servers,
    schemes,
    operations: operations.map((f) => f.meta),
    layout: layout.groups.map((g) => [g.name, g.methods.map((m) => [m.name, opIndex.get(m.op)!] as [string, number])]),
  };
  const taken = new Set(layout.groups.map((g) => g.name));
  const job = jobMeta(model, operations);
  if (job) meta.job = { ...job, helper: uniqueName('waitForJob', taken) };
  const identify = segmentCall(model, operations, 'identify');
  const track = segmentCall(model, operations, 'track');
  if (identify || track) {
    meta.segment = {};
    if (identify) meta.segment.identify = { ...identify, helper: uniqueName('identify', taken) };
    if (track) meta.segment.track = { ...track, helper: uniqueName('track', taken) };
  }
  const { readOnly, writeOnly } = onlyRequired(model);
  if (readOnly.length) meta.readOnlyRequired = readOnly;
  if (writeOnly.length) meta.writeOnlyRequired = writeOnly;
  const eventNamesSchema = track ? model.schemas.find((s) => /EventName$/.test(s.name) && Array.isArray(deref(model, s.schema.value)?.enum))?.name : undefined;
  const pathParamNames = [...new Set(model.operations.flatMap((o) => o.parameters.filter((p) => p.in === 'path').map((p) => p.name)))].sort();
  return { meta, operations, options, eventNamesSchema, pathParamNames };
}

function serverUrl(server: { url: string; variables: { name: string; default: string }[] }): string {
  let url = server.url;
  for (const v of server.variables) url = url.split(`{${v.name}}`).join(v.default);
  return url.replace(/\/+$/, '');
}

/** The operation marked `x-oaskit-job-status` and the state property of its 200 body. */
function jobMeta(model: ApiModel, operations: OperationFacts[]): JobMeta | undefined {
  const index = operations.findIndex((f) => f.op.extensions['x-oaskit-job-status'] === true);
  if (index < 0) return undefined;
  const op = operations[index]!.op;
  const schema = op.responses.find((r) => /^2/.test(r.status))?.content.find((m) => m.schema)?.schema;
  if (!schema) return undefined;
  const root = deref(model, schema.value);
  const props = properties(model, schema.value);
  const listed = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number') : undefined);
  // terminal states on the object schema (naming no property) or on the state property itself
  for (const [name, prop] of props) {
    const own = listed(prop['x-oaskit-terminal-states']);
    if (own?.length) return { operation: index, property: name, terminal: own };
  }
  const terminal = listed(root?.['x-oaskit-terminal-states']);
  if (!terminal?.length) return undefined;
  for (const [name, prop] of props) {
    const values = listed(deref(model, prop)?.enum) ?? [];
    if (terminal.every((t) => values.includes(t))) return { operation: index, property: name, terminal };
  }
  const fallback = props.has('status') ? 'status' : props.has('state') ? 'state' : undefined;
  return fallback ? { operation: index, property: fallback, terminal } : undefined;
}

/** The operation marked `x-oaskit-segment-call: <kind>` and where a call's arguments go. */
function segmentCall(model: ApiModel, operations: OperationFacts[], kind: 'identify' | 'track'): SegmentCallMeta | undefined {
  const index = operations.findIndex((f) => f.op.extensions['x-oaskit-segment-call'] === kind);
  if (index < 0) return undefined;
  const { op, defaultMedia } = operations[index]!;
  const userLike = (n: string) => /^user[_-]?id$/i.test(n);
  const param = op.parameters.find((p) => (p.in === 'path' || p.in === 'query') && userLike(p.name));
  const media = op.requestBody?.content.find((m) => m.contentType === defaultMedia);
  const props = properties(model, media?.schema?.value);
  const bodyUser = [...props.keys()].find(userLike);
  const userId: SegmentCallMeta['userId'] | undefined = param ? [param.in, param.name] : bodyUser ? ['body', bodyUser] : undefined;
  if (!userId) return undefined;
  const pick = (re: RegExp) => [...props.keys()].find((k) => re.test(k));
  if (kind === 'identify') {
    const traits = pick(/^(traits|profile_update|profile|properties|attributes)$/i);
    return { operation: index, userId, ...(traits ? { traits } : {}) };
  }
  const event = pick(/^(event|name|event_name)$/i);
  if (!event) return undefined;
  const properties_ = pick(/^(properties|attributes|props)$/i);
  const timestamp = pick(/^(timestamp|time|created_at)$/i);
  return { operation: index, userId, event, ...(properties_ ? { properties: properties_ } : {}), ...(timestamp ? { timestamp } : {}) };
}

/** Every `required` keyword of the document that names a readOnly or writeOnly property. */
function onlyRequired(model: ApiModel): { readOnly: [string, string][]; writeOnly: [string, string][] } {
  const readOnly: [string, string][] = [];
  const writeOnly: [string, string][] = [];
  const seen = new Set<object>();
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const walk = (node: unknown, pointer: string, depth: number) => {
    if (typeof node !== 'object' || node === null || seen.has(node) || depth > 200) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${pointer}/${i}`, depth + 1));
      return;
    }
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.required) && isObject(o.properties)) {
      for (const name of o.required) {
        if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(o.properties, name)) continue;
        const prop = deref(model, o.properties[name]);
        if (prop?.readOnly === true) readOnly.push([`${pointer}/required`, name]);
        if (prop?.writeOnly === true) writeOnly.push([`${pointer}/required`, name]);
      }
    }
    for (const key of Object.keys(o)) walk(o[key], `${pointer}/${escape(key)}`, depth + 1);
  };
  walk(model.document, '', 0);
  return { readOnly, writeOnly };
}
