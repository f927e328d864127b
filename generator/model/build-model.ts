// Building the model from a loaded spec. The raw document is walked here and only here.
import SwaggerParser from '@apidevtools/swagger-parser';
import { basename, extname } from 'node:path';
import type { LoadedSpec } from '../load/load-spec.ts';
import { escapeSegment, isObject } from '../core/pointer.ts';
import { mendVersionSlips } from '../load/lenient.ts';
import { sandboxedResolve } from '../load/sandboxed-resolve.ts';
import { Workspace, type Loc } from '../load/workspace.ts';
import { deriveOperationId } from './names.ts';
import {
  httpMethods,
  type ApiModel,
  type Example,
  type Extensions,
  type Header,
  type MediaType,
  type Operation,
  type Parameter,
  type ParameterLocation,
  type RequestBody,
  type Response,
  type SchemaNode,
  type SecurityRequirement,
  type SecurityScheme,
  type Server,
  type Tag,
} from './types.ts';

type Obj = Record<string, unknown>;

export class ModelError extends Error {}

/** Build the model of a loaded spec that has no errors. Multi-file specs are bundled first. */
export async function buildModel(loaded: LoadedSpec, name?: string): Promise<ApiModel> {
  let ws = loaded.workspace;
  if (!isObject(ws.root.value) || !loaded.version) throw new ModelError(`${ws.root.path} is not an OpenAPI 3.0/3.1 document`);
  if (ws.loadedFiles().length > 1) {
    let bundled: unknown;
    try {
      bundled = await SwaggerParser.bundle(ws.root.path, mendVersionSlips(ws.root.value) as never, { resolve: sandboxedResolve(ws) } as never);
    } catch (error) {
      throw new ModelError(`cannot bundle the spec's files into one document: ${(error as Error).message}`);
    }
    const text = JSON.stringify(bundled, null, 2);
    ws = new Workspace(ws.root.path.replace(/(\.[^./\\]+)?$/, '.bundled.json'), { read: () => text });
  }
  return new ModelBuilder(ws, loaded.version, name ?? basename(ws.root.path, extname(ws.root.path)).replace(/\.bundled$/, '')).build();
}

class ModelBuilder {
  private readonly file: string;
  private readonly doc: Obj;

  constructor(
    private readonly ws: Workspace,
    private readonly version: '3.0' | '3.1',
    private readonly name: string,
  ) {
    this.file = ws.root.path;
    this.doc = ws.root.value as Obj;
  }

  build(): ApiModel {
    const doc = this.doc;
    const info = obj(doc.info);
    const components = obj(doc.components);
    const servers = this.servers(doc.servers);
    const security = this.security(doc.security) ?? [];
    const operations = this.operations(servers, security);
    const declaredTags: Tag[] = arr(doc.tags).filter(isObject).map((t) => ({
      name: String(t.name),
      description: str(t.description),
      externalDocs: this.externalDocs(t.externalDocs),
      extensions: extensions(t),
    }));
    const tagNames = new Set(declaredTags.map((t) => t.name));
    const usedTags = operations.flatMap((o) => o.tags).filter((t) => !tagNames.has(t) && (tagNames.add(t), true));
    return {
      name: this.name,
      openapi: this.version,
      info: { title: String(info.title ?? this.name), version: String(info.version ?? ''), summary: str(info.summary), description: str(info.description), extensions: extensions(info) },
      jsonSchemaDialect: str(doc.jsonSchemaDialect),
      servers,
      tags: [...declaredTags, ...usedTags.map((name) => ({ name }))],
      security,
      securitySchemes: Object.entries(obj(components.securitySchemes)).map(([name, raw]) => this.securityScheme(name, raw)),
      operations,
      schemas: Object.entries(obj(components.schemas)).map(([name, value]) => ({
        name,
        schema: this.schemaNode(value, this.at('/components/schemas/' + escapeSegment(name))),
      })),
      extensions: extensions(doc),
      document: doc,
      workspace: this.ws,
    };
  }

  private at(pointer: string): Loc {
    return { file: this.file, pointer };
  }

  /** Follow `$ref`s to the node they name; the returned loc is where that node is written. */
  private deref(value: unknown, loc: Loc): { value: Obj; loc: Loc; refName?: string } {
    const refName = isObject(value) && typeof value.$ref === 'string' ? value.$ref.split('/').pop() : undefined;
    const r = this.ws.deref(loc, value);
    if (!r.ok) throw new ModelError(`${loc.pointer}: ${r.message}`);
    return { value: obj(r.target.value), loc: r.target.loc, refName: refName && decodeSegment(refName) };
  }

  private operations(globalServers: Server[], globalSecurity: SecurityRequirement[]): Operation[] {
    const ops: Operation[] = [];
    const used = new Set<string>();
    for (const [path, rawItem] of Object.entries(obj(this.doc.paths))) {
      const itemLoc = this.at('/paths/' + escapeSegment(path));
      const item = this.deref(rawItem, itemLoc);
      const pathParams = this.parameters(item.value.parameters, item.loc.pointer + '/parameters');
      const pathServers = item.value.servers ? this.servers(item.value.servers) : globalServers;
      for (const method of httpMethods) {
        const raw = item.value[method];
        if (!isObject(raw)) continue;
        const loc = { file: item.loc.file, pointer: item.loc.pointer + '/' + method };
        const own = this.parameters(raw.parameters, loc.pointer + '/parameters');
        const parameters = [...pathParams.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
        const explicit = typeof raw.operationId === 'string' && raw.operationId !== '' ? raw.operationId : undefined;
        let id = explicit ?? deriveOperationId(method, path);
        if (!explicit) for (let n = 2; used.has(id); n++) id = deriveOperationId(method, path) + n;
        used.add(id);
        ops.push({
          id,
          derivedId: !explicit,
          method,
          path,
          summary: str(raw.summary) ?? str(item.value.summary),
          description: str(raw.description) ?? str(item.value.description),
          deprecated: raw.deprecated === true,
          tags: arr(raw.tags).map(String),
          security: this.security(raw.security) ?? globalSecurity,
          servers: raw.servers ? this.servers(raw.servers) : pathServers,
          parameters,
          requestBody: raw.requestBody === undefined ? undefined : this.requestBody(raw.requestBody, loc.pointer + '/requestBody'),
          responses: Object.entries(obj(raw.responses)).map(([status, r]) => this.response(status, r, loc.pointer + '/responses/' + escapeSegment(status))),
          externalDocs: this.externalDocs(raw.externalDocs),
          extensions: extensions(raw),
          loc,
        });
      }
    }
    return ops;
  }

  private parameters(raw: unknown, pointer: string): Parameter[] {
    return arr(raw).map((p, i) => {
      const { value, loc } = this.deref(p, this.at(pointer + '/' + i));
      return {
        name: String(value.name),
        in: String(value.in) as ParameterLocation,
        required: value.in === 'path' ? true : value.required === true,
        description: str(value.description),
        deprecated: value.deprecated === true,
        schema: value.schema === undefined ? undefined : this.schemaNode(value.schema, { file: loc.file, pointer: loc.pointer + '/schema' }),
        content: this.content(value.content, loc),
        style: str(value.style),
        explode: typeof value.explode === 'boolean' ? value.explode : undefined,
        examples: this.examples(value, loc),
        extensions: extensions(value),
        loc,
      };
    });
  }

  private requestBody(raw: unknown, pointer: string): RequestBody {
    const { value, loc, refName } = this.deref(raw, this.at(pointer));
    return { required: value.required === true, description: str(value.description), content: this.content(value.content, loc), refName, loc };
  }

  private response(status: string, raw: unknown, pointer: string): Response {
    const { value, loc, refName } = this.deref(raw, this.at(pointer));
    return {
      status,
      description: String(value.description ?? ''),
      headers: Object.entries(obj(value.headers)).map(([name, h]) => this.header(name, h, { file: loc.file, pointer: loc.pointer + '/headers/' + escapeSegment(name) })),
      content: this.content(value.content, loc),
      refName,
      extensions: extensions(value),
      loc,
    };
  }

  private header(name: string, raw: unknown, at: Loc): Header {
    const { value, loc } = this.deref(raw, at);
    return {
      name,
      description: str(value.description),
      required: value.required === true,
      deprecated: value.deprecated === true,
      schema: value.schema === undefined ? undefined : this.schemaNode(value.schema, { file: loc.file, pointer: loc.pointer + '/schema' }),
      examples: this.examples(value, loc),
      loc,
    };
  }

  private content(raw: unknown, parent: Loc): MediaType[] {
    return Object.entries(obj(raw)).map(([contentType, m]) => {
      const loc = { file: parent.file, pointer: parent.pointer + '/content/' + escapeSegment(contentType) };
      const media = obj(m);
      return {
        contentType,
        schema: media.schema === undefined ? undefined : this.schemaNode(media.schema, { file: loc.file, pointer: loc.pointer + '/schema' }),
        examples: this.examples(media, loc),
        encoding: isObject(media.encoding) ? media.encoding : undefined,
        loc,
      };
    });
  }

  /** `example` and every entry of `examples` (Example objects, refs resolved). */
  private examples(owner: Obj, loc: Loc): Example[] {
    const out: Example[] = [];
    if ('example' in owner) out.push({ value: owner.example, loc: { file: loc.file, pointer: loc.pointer + '/example' } });
    for (const [name, raw] of Object.entries(obj(owner.examples))) {
      const ex = this.deref(raw, { file: loc.file, pointer: loc.pointer + '/examples/' + escapeSegment(name) });
      if (!('value' in ex.value)) continue; // externalValue only: nothing to show or check here
      out.push({ name, summary: str(ex.value.summary), description: str(ex.value.description), value: ex.value.value, loc: { file: ex.loc.file, pointer: ex.loc.pointer + '/value' } });
    }
    return out;
  }

  private schemaNode(value: unknown, loc: Loc): SchemaNode {
    const ref = isObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
    const refName = ref?.startsWith('#/components/schemas/') && ref.split('/').length === 4 ? decodeSegment(ref.split('/')[3]!) : undefined;
    return { loc, value: typeof value === 'boolean' ? value : obj(value), refName };
  }

  private securityScheme(name: string, raw: unknown): SecurityScheme {
    const { value, loc } = this.deref(raw, this.at('/components/securitySchemes/' + escapeSegment(name)));
    return {
      name,
      type: String(value.type) as SecurityScheme['type'],
      description: str(value.description),
      scheme: str(value.scheme)?.toLowerCase(),
      bearerFormat: str(value.bearerFormat),
      in: value.in as SecurityScheme['in'],
      paramName: str(value.name),
      extensions: extensions(value),
      loc,
    };
  }

  private security(raw: unknown): SecurityRequirement[] | undefined {
    if (!Array.isArray(raw)) return undefined;
    return raw.filter(isObject).map((req) => Object.entries(req).map(([scheme, scopes]) => ({ scheme, scopes: arr(scopes).map(String) })));
  }

  private servers(raw: unknown): Server[] {
    return arr(raw)
      .filter(isObject)
      .map((s) => ({
        url: String(s.url ?? '/'),
        description: str(s.description),
        variables: Object.entries(obj(s.variables)).map(([name, v]) => {
          const o = obj(v);
          return { name, default: String(o.default ?? ''), enum: Array.isArray(o.enum) ? o.enum.map(String) : undefined, description: str(o.description) };
        }),
        extensions: extensions(s),
      }));
  }

  private externalDocs(raw: unknown): { url: string; description?: string } | undefined {
    return isObject(raw) && typeof raw.url === 'string' ? { url: raw.url, description: str(raw.description) } : undefined;
  }
}

function obj(v: unknown): Obj {
  return isObject(v) ? v : {};
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function extensions(o: Obj): Extensions {
  const out: Extensions = {};
  for (const k of Object.keys(o)) if (k.startsWith('x-')) out[k] = o[k];
  return out;
}
function decodeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
