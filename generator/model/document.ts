// The model printed back as one OpenAPI 3.1 document: every `$ref` internal and of the form
// `#/components/schemas/<name>`, 3.0 forms already read as 3.1, nothing outside the spec's folder
// (the model was built through the sandboxed loader). Prism serves this document, never the file
// as written, and the validator compiler compiles from it; `pointerOf` says where each schema
// node was printed.
import { escapeSegment } from '../core/pointer.ts';
import { toIdentifier } from './names.ts';
import { childSchemas, type Schema } from './schema.ts';
import type { ApiModel, Example, Header, MediaType, Operation, Parameter, Response } from './types.ts';

type Obj = Record<string, unknown>;

export interface PrintedDocument {
  document: Obj;
  /** the JSON pointer of the place a schema node is printed (its definition) */
  pointerOf(schema: Schema): string | undefined;
  /** the object printed at `pointerOf(schema)` (undefined for a boolean schema) */
  objectOf(schema: Schema): Obj | undefined;
}

export interface PrintOptions {
  /** keep the examples of parameters, bodies and headers (Prism answers with them); default true. Schemas keep theirs. */
  examples?: boolean;
}

/**
 * Inline schemas nested deeper than this are printed as components, so printing never recurses
 * deeply, and no printed schema nests past what the validator compiler reads (MAX_SCHEMA_DEPTH,
 * 128, counting a member of `properties` as two levels).
 */
const maxInlineDepth = 32;

const printed = { withExamples: new WeakMap<ApiModel, PrintedDocument>(), withoutExamples: new WeakMap<ApiModel, PrintedDocument>() };

/** The printed document of a model (printed once per model and option: types, validators and the client share it). */
export function printDocument(model: ApiModel, options: PrintOptions = {}): PrintedDocument {
  const cache = options.examples === false ? printed.withoutExamples : printed.withExamples;
  let doc = cache.get(model);
  if (!doc) cache.set(model, (doc = new Printer(model, options.examples !== false).print()));
  return doc;
}

/**
 * The printed document for a caller that rewrites it in place (the types emitter): the cached
 * print, which leaves the cache (the next printDocument prints anew), else a fresh one. A large
 * document is then never copied; callers that only read it run first (emit/index.ts).
 */
export function takePrintedDocument(model: ApiModel, options: PrintOptions = {}): PrintedDocument {
  const cache = options.examples === false ? printed.withoutExamples : printed.withExamples;
  const doc = cache.get(model) ?? new Printer(model, options.examples !== false).print();
  cache.delete(model);
  return doc;
}

class Printer {
  /** nodes printed under components.schemas, with their name there */
  private readonly hoisted = new Map<Schema, string>();
  private readonly pointers = new Map<Schema, string>();
  private readonly objects = new Map<Schema, Obj>();
  private readonly queue: Schema[] = [];
  private readonly taken = new Set<string>();

  constructor(
    private readonly model: ApiModel,
    private readonly examples: boolean,
  ) {}

  print(): PrintedDocument {
    const m = this.model;
    for (const { name, schema } of m.schemas) {
      if (!this.hoisted.has(schema)) {
        this.hoisted.set(schema, name);
        this.taken.add(name);
      }
    }
    this.hoistShared();
    const doc: Obj = { openapi: '3.1.0', jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema' };
    doc.info = { title: m.info.title, version: m.info.version, ...opt('summary', m.info.summary), ...opt('description', m.info.description), ...m.info.extensions };
    if (m.externalDocs) doc.externalDocs = { ...m.externalDocs };
    if (m.servers.length) doc.servers = m.servers.map((s) => this.server(s));
    if (m.security.length) doc.security = this.securityOf(m.security);
    const tags = m.tags.filter((t) => t.description !== undefined || t.externalDocs || Object.keys(t.extensions).length);
    if (tags.length) doc.tags = tags.map((t) => ({ name: t.name, ...opt('description', t.description), ...(t.externalDocs ? { externalDocs: t.externalDocs } : {}), ...t.extensions }));
    const paths: Obj = {};
    for (const op of m.operations) {
      const item = (paths[op.path] ??= {}) as Obj;
      item[op.method] = this.operation(op, at(at(at('', 'paths'), op.path), op.method));
    }
    doc.paths = paths;
    // every component is printed, used or not; printing one may reach (and queue) others
    for (const { schema } of m.schemas) this.use(schema);
    const printed: Obj = {};
    for (let i = 0; i < this.queue.length; i++) {
      const node = this.queue[i]!;
      const name = this.hoisted.get(node)!;
      Object.defineProperty(printed, name, { value: this.definition(node, at('/components/schemas', name), 0), enumerable: true, writable: true, configurable: true });
    }
    // the spec's components in its order, then the hoisted ones in the order they were reached
    // own members only: a component called `toString` must not find Object.prototype's
    const ordered = named(m.schemas.map(({ name }) => [name, Object.prototype.hasOwnProperty.call(printed, name) ? printed[name] : undefined]));
    for (const name of Object.keys(printed)) if (!Object.prototype.hasOwnProperty.call(ordered, name)) Object.defineProperty(ordered, name, { value: printed[name], enumerable: true, writable: true, configurable: true });
    const components: Obj = {};
    if (Object.keys(ordered).length) components.schemas = ordered;
    if (m.securitySchemes.length) {
      components.securitySchemes = Object.fromEntries(
        m.securitySchemes.map((s) => [
          s.name,
          {
            type: s.type,
            ...opt('description', s.description),
            ...opt('scheme', s.scheme),
            ...opt('bearerFormat', s.bearerFormat),
            ...opt('in', s.in),
            ...opt('name', s.paramName),
            ...s.extensions,
          },
        ]),
      );
    }
    if (Object.keys(components).length) doc.components = components;
    Object.assign(doc, m.extensions);
    return { document: doc, pointerOf: (s) => this.pointers.get(s), objectOf: (s) => this.objects.get(s) };
  }

  /** Nodes used from more than one place, recursive ones and discriminator targets get a name of their own. */
  private hoistShared(): void {
    const uses = new Map<Schema, number>();
    const count = (s: Schema | undefined) => s && uses.set(s, (uses.get(s) ?? 0) + 1);
    for (const s of this.model.schemaNodes) {
      for (const sub of childSchemas(s)) count(sub);
      for (const m of s.discriminator?.mapping ?? []) uses.set(m.schema, 2);
    }
    for (const op of this.model.operations) {
      for (const p of op.parameters) count(p.schema), p.content.forEach((c) => count(c.schema));
      op.requestBody?.content.forEach((c) => count(c.schema));
      for (const r of op.responses) r.content.forEach((c) => count(c.schema)), r.headers.forEach((h) => count(h.schema));
    }
    for (const s of this.model.schemaNodes) {
      if (this.hoisted.has(s)) continue;
      if ((uses.get(s) ?? 0) > 1 || s.recursive) this.hoist(s);
    }
  }

  private hoist(s: Schema): string {
    let name = this.hoisted.get(s);
    if (name === undefined) {
      const base = toIdentifier(s.name, 'pascal');
      name = base;
      for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
      this.taken.add(name);
      this.hoisted.set(s, name);
    }
    return name;
  }

  /** A use of a schema: a `$ref` to its component, or the schema inline. */
  private use(s: Schema, where?: string, depth = 0): unknown {
    let name = this.hoisted.get(s);
    if (name === undefined && (depth > maxInlineDepth || where === undefined)) name = this.hoist(s);
    if (name !== undefined) {
      if (!this.pointers.has(s)) {
        this.pointers.set(s, at('/components/schemas', name));
        this.queue.push(s);
      }
      return { $ref: '#/components/schemas/' + encodeURIComponent(escapeSegment(name)).replace(/%2F/g, '/') };
    }
    return this.definition(s, where!, depth);
  }

  private definition(s: Schema, where: string, depth: number): unknown {
    if (!this.pointers.has(s)) this.pointers.set(s, where);
    if (s.bool !== undefined) return s.bool;
    const o: Obj = {};
    if (this.pointers.get(s) === where && !this.objects.has(s)) this.objects.set(s, o);
    const sub = (k: string, x: Schema) => this.use(x, at(where, k), depth + 1);
    if (s.ref) o.$ref = (this.use(s.ref) as Obj).$ref;
    if (s.type) o.type = s.type.length === 1 ? s.type[0] : [...s.type];
    if (s.enum) o.enum = s.enum;
    if (s.const) o.const = s.const.value;
    if (s.format !== undefined) o.format = s.format;
    for (const k of ['minLength', 'maxLength', 'pattern', 'contentMediaType', 'contentEncoding', 'multipleOf', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minContains', 'maxContains', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties'] as const) {
      if (s[k] !== undefined) o[k] = s[k];
    }
    if (s.items) o.items = sub('items', s.items);
    if (s.prefixItems) o.prefixItems = s.prefixItems.map((x, i) => this.use(x, at(at(where, 'prefixItems'), i), depth + 1));
    if (s.contains) o.contains = sub('contains', s.contains);
    if (s.unevaluatedItems) o.unevaluatedItems = sub('unevaluatedItems', s.unevaluatedItems);
    if (s.properties) o.properties = named(s.properties.map((p) => [p.name, this.use(p.schema, at(at(where, 'properties'), p.name), depth + 1)]));
    if (s.required) o.required = [...s.required];
    if (s.additionalProperties) o.additionalProperties = sub('additionalProperties', s.additionalProperties);
    if (s.patternProperties) o.patternProperties = named(s.patternProperties.map((p) => [p.pattern, this.use(p.schema, at(at(where, 'patternProperties'), p.pattern), depth + 1)]));
    if (s.propertyNames) o.propertyNames = sub('propertyNames', s.propertyNames);
    if (s.unevaluatedProperties) o.unevaluatedProperties = sub('unevaluatedProperties', s.unevaluatedProperties);
    if (s.dependentRequired) o.dependentRequired = named(s.dependentRequired.map((d) => [d.property, [...d.requires]]));
    if (s.dependentSchemas) o.dependentSchemas = named(s.dependentSchemas.map((p) => [p.name, this.use(p.schema, at(at(where, 'dependentSchemas'), p.name), depth + 1)]));
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const) if (s[k]) o[k] = s[k]!.map((x, i) => this.use(x, at(at(where, k), i), depth + 1));
    for (const k of ['not', 'if', 'then', 'else'] as const) if (s[k]) o[k] = sub(k, s[k]!);
    if (s.discriminator) {
      const mapping = s.discriminator.mapping.map(({ value, schema }): [string, unknown] => [value, (this.use(schema) as Obj).$ref]);
      o.discriminator = { propertyName: s.discriminator.propertyName, ...(mapping.length ? { mapping: named(mapping) } : {}) };
    }
    if (s.title !== undefined) o.title = s.title;
    if (s.description !== undefined) o.description = s.description;
    if (s.default) o.default = s.default.value;
    if (s.examples) o.examples = s.examples;
    if (s.deprecated) o.deprecated = true;
    if (s.readOnly) o.readOnly = true;
    if (s.writeOnly) o.writeOnly = true;
    for (const k of Object.keys(s.other ?? {})) if (k !== '$id' && k !== '$schema' && k !== '$anchor' && k !== '$dynamicAnchor') o[k] = s.other![k];
    Object.assign(o, s.extensions);
    return o;
  }

  private operation(op: Operation, where: string): Obj {
    const o: Obj = { operationId: op.id };
    if (op.tags.length) o.tags = [...op.tags];
    if (op.summary !== undefined) o.summary = op.summary;
    if (op.description !== undefined) o.description = op.description;
    if (op.externalDocs) o.externalDocs = { ...op.externalDocs };
    if (op.deprecated) o.deprecated = true;
    o.security = this.securityOf(op.security);
    if (op.servers !== this.model.servers && op.servers.length) o.servers = op.servers.map((s) => this.server(s));
    if (op.parameters.length) o.parameters = op.parameters.map((p, i) => this.parameter(p, at(at(where, 'parameters'), i)));
    if (op.requestBody) {
      const b = op.requestBody;
      o.requestBody = { ...opt('description', b.description), ...(b.required ? { required: true } : {}), content: this.content(b.content, at(where, 'requestBody') + '/content'), ...b.extensions };
    }
    o.responses = Object.fromEntries(op.responses.map((r) => [r.status, this.response(r, at(at(where, 'responses'), r.status))]));
    Object.assign(o, op.extensions);
    return o;
  }

  private parameter(p: Parameter, where: string): Obj {
    const o: Obj = { name: p.name, in: p.in };
    if (p.description !== undefined) o.description = p.description;
    if (p.required) o.required = true;
    if (p.deprecated) o.deprecated = true;
    if (p.style !== undefined) o.style = p.style;
    if (p.explode !== undefined) o.explode = p.explode;
    if (p.schema) o.schema = this.use(p.schema, where + '/schema');
    if (p.content.length) o.content = this.content(p.content, where + '/content');
    Object.assign(o, this.exampleFields(p.examples));
    Object.assign(o, p.extensions);
    return o;
  }

  private response(r: Response, where: string): Obj {
    const o: Obj = { description: r.description };
    if (r.headers.length) o.headers = named(r.headers.map((h) => [h.name, this.header(h, at(where + '/headers', h.name))]));
    if (r.content.length) o.content = this.content(r.content, where + '/content');
    Object.assign(o, r.extensions);
    return o;
  }

  private header(h: Header, where: string): Obj {
    const o: Obj = {};
    if (h.description !== undefined) o.description = h.description;
    if (h.required) o.required = true;
    if (h.deprecated) o.deprecated = true;
    if (h.schema) o.schema = this.use(h.schema, where + '/schema');
    Object.assign(o, this.exampleFields(h.examples), h.extensions);
    return o;
  }

  private content(content: MediaType[], where: string): Obj {
    return named(
      content.map((m) => {
        const o: Obj = {};
        if (m.schema) o.schema = this.use(m.schema, at(where, m.contentType) + '/schema');
        Object.assign(o, this.exampleFields(m.examples));
        if (m.encoding.length) {
          o.encoding = named(
            m.encoding.map((e) => [
              e.property,
              {
                ...opt('contentType', e.contentType),
                ...opt('style', e.style),
                ...(e.explode !== undefined ? { explode: e.explode } : {}),
                ...(e.headers.length ? { headers: named(e.headers.map((h) => [h.name, this.header(h, at(at(at(where, m.contentType) + '/encoding', e.property) + '/headers', h.name))])) } : {}),
              },
            ]),
          );
        }
        Object.assign(o, m.extensions);
        return [m.contentType, o];
      }),
    );
  }

  private exampleFields(examples: Example[]): Obj {
    if (!this.examples || examples.length === 0) return {};
    const lone = examples.find((e) => e.name === undefined);
    const named_ = examples.filter((e) => e.name !== undefined);
    if (named_.length) return { examples: named(named_.map((e) => [e.name!, { ...opt('summary', e.summary), ...opt('description', e.description), value: e.value }])) };
    return lone ? { example: lone.value } : {};
  }

  private server(s: ApiModel['servers'][number]): Obj {
    const o: Obj = { url: s.url };
    if (s.description !== undefined) o.description = s.description;
    if (s.variables.length) {
      o.variables = named(s.variables.map((v) => [v.name, { default: v.default, ...(v.enum ? { enum: v.enum } : {}), ...opt('description', v.description) }]));
    }
    return Object.assign(o, s.extensions);
  }

  private securityOf(reqs: ApiModel['security']): Obj[] {
    return reqs.map((req) => named(req.map((r) => [r.scheme, [...r.scopes]])));
  }
}

/** A pointer one segment deeper (pointers are built as strings: one per printed schema). */
function at(pointer: string, segment: string | number): string {
  return pointer + '/' + escapeSegment(segment);
}

/** An object from entries whose keys are data (`__proto__` stays an own property). */
function named(entries: [string, unknown][]): Obj {
  const o: Obj = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

function opt(key: string, value: unknown): Obj {
  return value === undefined ? {} : { [key]: value };
}
