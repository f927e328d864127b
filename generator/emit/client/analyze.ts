// The client's operation table (runtime/meta.ts) from the model: the facts (model/facts.ts) and
// the names (model/naming.ts) written as the plain data the runtime reads.
import { printDocument } from '../../model/document.ts';
import type { CredentialOption, OperationFacts } from '../../model/facts.ts';
import type { ApiModel, Operation } from '../../model/types.ts';
import type { ApiMeta, OperationMeta, ParamMeta, ResponseMeta, SchemeMeta } from '../../runtime/meta.ts';
import { validatorNames } from '../validators/plan.ts';

export interface OperationEntry {
  op: Operation;
  facts: OperationFacts;
  meta: OperationMeta;
  /** undefined: a method of the client itself */
  group?: string;
  method: string;
}

export interface ClientTable {
  meta: ApiMeta;
  operations: OperationEntry[];
  options: CredentialOption[];
}

export function serverUrl(server: { url: string; variables: { name: string; default: string }[] }): string {
  let url = server.url;
  for (const v of server.variables) url = url.split(`{${v.name}}`).join(v.default);
  return url.replace(/\/+$/, '');
}

function schemeMetas(model: ApiModel): SchemeMeta[] {
  return model.names.credentials.map(({ scheme: s, kind, options }): SchemeMeta => {
    if (kind === 'apiKey') return { name: s.name, type: 'apiKey', in: s.in!, param: s.paramName!, option: options[0]! };
    if (kind === 'basic') return { name: s.name, type: 'basic', usernameOption: options[0]!, passwordOption: options[1]! };
    if (kind === 'bearer') return { name: s.name, type: 'bearer', option: options[0]! };
    // mutual TLS and unknown http schemes are set up outside the client (custom fetch)
    return { name: s.name, type: 'none' };
  });
}

/** `validators: false` leaves the validator names out (a package generated without validators). */
export function clientTable(model: ApiModel, options: { validators?: boolean } = {}): ClientTable {
  const servers = model.servers.map(serverUrl);
  const schemes = schemeMetas(model);
  const schemeByName = new Map(schemes.map((s) => [s.name, s]));
  // operations name credentials by the client option that holds them (runtime/meta.ts)
  const optionOf = (scheme: string) => {
    const s = schemeByName.get(scheme);
    return s?.type === 'apiKey' ? s.option : scheme;
  };
  const index = new Map(model.operations.map((op, i) => [op, i]));
  const operations: OperationEntry[] = model.operations.map((op) => {
    const facts = model.facts.operations.get(op)!;
    const names = model.names.operations.get(op)!;
    const params: ParamMeta[] = op.parameters.map((p) => {
      const meta: ParamMeta = { name: p.name, in: p.in };
      if (p.required) meta.required = true;
      if (p.style !== undefined) meta.style = p.style;
      if (p.explode !== undefined) meta.explode = p.explode;
      const credential = facts.credentialParams.find((c) => c.name === p.name && c.in === p.in);
      if (credential) meta.credential = optionOf(credential.scheme);
      return meta;
    });
    const responses: ResponseMeta[] = op.responses.map((r) => ({ status: r.status, media: r.content.map((m) => m.contentType), headers: facts.headers.get(r)! }));
    const meta: OperationMeta = { id: op.id, method: op.method, path: op.path, params, security: facts.security.map((alt) => alt.map((n) => schemeByName.get(n)!)), responses };
    // every operation carries its servers: a standalone operation has no API table to read them from
    const ownServers = op.servers.map(serverUrl);
    if (ownServers.length || servers.length) meta.servers = ownServers.length ? ownServers : servers;
    const content = op.requestBody?.content ?? [];
    if (op.requestBody && content.length) {
      meta.body = { required: op.requestBody.required, media: [facts.defaultMedia!, ...content.map((m) => m.contentType).filter((m) => m !== facts.defaultMedia)] };
      if (facts.csvParts.length) meta.body.csvParts = facts.csvParts;
      if (facts.credentialBody.length) meta.body.credentials = facts.credentialBody.map((c) => [c.property, optionOf(c.scheme)]);
    }
    if (facts.batch) meta.batch = facts.batch;
    // safe to repeat: declared idempotent, or carrying an idempotency key the client fills (EXTENSIONS.md)
    if (facts.idempotent) meta.idempotent = true;
    if (facts.idempotencyKey !== undefined) meta.idempotencyKey = facts.idempotencyKey;
    // pacing, pages and files (x-oaskit-rate-limit, x-oaskit-pagination, x-oaskit-download)
    if (facts.rateLimit) meta.rateLimit = { bucket: facts.rateLimit.bucket, limit: facts.rateLimit.limit, windowMs: Math.round(facts.rateLimit.window * 1000) };
    if (facts.pagination) {
      const { style, param, start, items, next, size } = facts.pagination;
      meta.pagination = { style, items };
      if (param !== undefined) meta.pagination.param = param;
      if (start !== undefined) meta.pagination.start = start;
      if (next !== undefined) meta.pagination.next = next;
      if (size !== undefined) meta.pagination.size = size;
    }
    if (facts.download) meta.download = facts.download.url ? { url: facts.download.url } : {};
    if (options.validators !== false) {
      const v = validatorNames(model, op);
      if (v) meta.validators = v;
    }
    return { op, facts, meta, group: names.group, method: names.method };
  });

  const meta: ApiMeta = {
    name: model.name,
    servers,
    schemes,
    operations: operations.map((e) => e.meta),
    layout: model.names.groups.map((g) => [g.name ?? '', g.operations.map((op) => [model.names.operations.get(op)!.method, index.get(op)!] as [string, number])]),
  };
  const job = model.facts.job;
  if (job) meta.job = { operation: index.get(job.operation)!, property: job.property, terminal: job.terminal, helper: 'waitForJob' };
  const { identify, track } = model.facts.segment;
  if (identify || track) {
    meta.segment = {};
    for (const [kind, call] of [['identify', identify], ['track', track]] as const) {
      if (!call) continue;
      const entry = { operation: index.get(call.operation)!, userId: call.userId, helper: kind } as NonNullable<ApiMeta['segment']>['identify'] & object;
      for (const k of ['traits', 'event', 'properties', 'timestamp'] as const) if (call[k] !== undefined) entry[k] = call[k];
      meta.segment[kind] = entry;
    }
  }
  if (options.validators !== false) {
    const printed = printDocument(model, { examples: false });
    const at = ([schema, name]: [Parameters<typeof printed.pointerOf>[0], string]): [string, string] => [printed.pointerOf(schema)! + '/required', name];
    if (model.facts.readOnlyRequired.length) meta.readOnlyRequired = model.facts.readOnlyRequired.map(at);
    if (model.facts.writeOnlyRequired.length) meta.writeOnlyRequired = model.facts.writeOnlyRequired.map(at);
  }
  return { meta, operations, options: model.facts.options };
}
