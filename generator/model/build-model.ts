// Building the model of a loaded spec. The loaded files are read here and only here: `$ref`s are
// followed through the loader's sandboxed workspace (across files, nothing is bundled), every
// schema becomes a node (build-schema.ts), and what clients need to know is computed once
// (facts.ts) with the names every artifact uses (naming.ts).
import { basename, extname } from 'node:path';
import type { Loc } from '../core/loc.ts';
import { appendPointer, child, escapeSegment, isObject, parsePointer } from '../core/pointer.ts';
import type { LoadedSpec } from '../load/load-spec.ts';
import type { Workspace } from '../load/workspace.ts';
import { mediaKind } from '../runtime/media.ts';
import { extensionsOf, SchemaBuilder } from './build-schema.ts';
import { computeFacts } from './facts.ts';
import { ModelError } from './model-error.ts';
import { deriveOperationId } from './names.ts';
import { planNames } from './naming.ts';
import {
  httpMethods,
  type ApiModel,
  type Example,
  type Header,
  type MediaType,
  type Operation,
  type Parameter,
  type ParameterLocation,
  type RequestBody,
  type Response,
  type Schema,
  type SecurityRequirement,
  type SecurityScheme,
  type Server,
  type Tag,
} from './types.ts';

type Obj = Record<string, unknown>;

export { ModelError };

/** Build the model of a loaded spec that has no errors. Throws ModelError (with a location) when it cannot. */
export function buildModel(loaded: LoadedSpec, name?: string): ApiModel {
  const ws = loaded.workspace;
  if (!isObject(ws.root.value) || !loaded.version) throw new ModelError('not an OpenAPI 3.0/3.1 document', { file: ws.root.path, pointer: '' });
  return new ModelBuilder(ws, loaded.version, name ?? basename(ws.root.path, extname(ws.root.path))).build();
}

interface PathEntry {
  path: string;
  item: Obj;
  loc: Loc;
}

class ModelBuilder {
  private readonly file: string;
  private readonly doc: Obj;
  private readonly schemas: SchemaBuilder;
  /** operation ids by the `file#pointer` of the operation, for naming the schemas inside it */
  private readonly opAt = new Map<string, string>();

  constructor(
    private readonly ws: Workspace,
    private readonly version: '3.0' | '3.1',
    private readonly name: string,
  ) {
    this.file = ws.root.path;
    this.doc = ws.root.value as Obj;
    this.schemas = new SchemaBuilder(ws, version, (loc) => this.schemaName(loc));
  }

  build(): ApiModel {
    const doc = this.doc;
    const info = obj(doc.info);
    const components = obj(doc.components);
    const servers = this.servers(doc.servers, this.at('/servers'));
    const security = this.security(doc.security) ?? [];
    const paths = this.pathEntries();
    this.assignOperationIds(paths);
    // component schemas first: their nodes get their own names before anything refers to them
    const schemas = Object.keys(obj(components.schemas)).map((name) => ({
      name,
      schema: this.schemas.node(obj(components.schemas)[name], this.at('/components/schemas/' + escapeSegment(name))),
    }));
    const operations = this.operations(paths, servers, security);
    const declaredTags: Tag[] = arr(doc.tags).filter(isObject).map((t) => ({
      name: String(t.name),
      description: str(t.description),
      externalDocs: this.externalDocs(t.externalDocs),
      extensions: extensionsOf(t),
    }));
    const tagNames = new Set(declaredTags.map((t) => t.name));
    const usedTags = operations.flatMap((o) => o.tags).filter((t) => !tagNames.has(t) && (tagNames.add(t), true));
    const section = (key: string) => Object.keys(obj(components[key]));
    const model = {
      name: this.name,
      openapi: this.version,
      info: {
        title: String(info.title ?? this.name),
        version: String(info.version ?? ''),
        summary: str(info.summary),
        description: str(info.description),
        extensions: extensionsOf(info),
      },
      jsonSchemaDialect: str(doc.jsonSchemaDialect),
      servers,
      tags: [...declaredTags, ...usedTags.map((name): Tag => ({ name, extensions: {} }))],
      security,
      securitySchemes: section('securitySchemes').map((name) => this.securityScheme(name, obj(components.securitySchemes)[name])),
      operations,
      schemas,
      components: {
        responses: section('responses').map((n) => ({ name: n, response: this.response('', obj(components.responses)[n], this.at('/components/responses/' + escapeSegment(n))) })),
        parameters: section('parameters').map((n) => ({ name: n, parameter: this.parameter(obj(components.parameters)[n], this.at('/components/parameters/' + escapeSegment(n))) })),
        requestBodies: section('requestBodies').map((n) => ({ name: n, requestBody: this.requestBody(obj(components.requestBodies)[n], this.at('/components/requestBodies/' + escapeSegment(n))) })),
        headers: section('headers').map((n) => ({ name: n, header: this.header(n, obj(components.headers)[n], this.at('/components/headers/' + escapeSegment(n))) })),
      },
      externalDocs: this.externalDocs(doc.externalDocs),
      extensions: extensionsOf(doc),
      source: this.file,
      files: [this.file, ...this.ws.loadedFiles().map((f) => f.path).filter((f) => f !== this.file)],
      schemaNodes: this.schemas.nodes,
    };
    this.schemas.drain();
    this.schemas.markRecursion();
    const names = planNames(model);
    const withNames = { ...model, names, facts: undefined as never } satisfies Omit<ApiModel, 'facts'> & { facts: never };
    const built: ApiModel = { ...withNames, facts: computeFacts(withNames) };
    return built;
  }

  private at(pointer: string): Loc {
    return { file: this.file, pointer };
  }

  /** Follow `$ref`s to the object they name; the returned loc is where that object is written. */
  private deref(value: unknown, loc: Loc): { value: Obj; loc: Loc; refName?: string } {
    const ref = isObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
    const r = this.ws.deref(loc, value);
    if (!r.ok) throw new ModelError(r.message, ref === undefined ? loc : { file: loc.file, pointer: appendPointer(loc.pointer, '$ref') });
    if (!isObject(r.target.value)) throw new ModelError(`expected an object${ref ? ` at ${JSON.stringify(ref)}` : ''}`, ref === undefined ? loc : { file: loc.file, pointer: appendPointer(loc.pointer, '$ref') });
    const last = ref?.split('/').pop();
    return { value: r.target.value, loc: r.target.loc, refName: last === undefined || last.includes('#') ? undefined : unescape(last) };
  }

  private pathEntries(): PathEntry[] {
    const paths = obj(this.doc.paths);
    return Object.keys(paths).map((path) => {
      const { value, loc } = this.deref(paths[path], this.at('/paths/' + escapeSegment(path)));
      return { path, item: value, loc };
    });
  }

  /** operationId, or one derived from method and path (numbered when derived ids collide). */
  private assignOperationIds(paths: PathEntry[]): void {
    const used = new Set<string>();
    for (const { path, item, loc } of paths) {
      for (const method of httpMethods) {
        const raw = item[method];
        if (!isObject(raw)) continue;
        const explicit = typeof raw.operationId === 'string' && raw.operationId !== '' ? raw.operationId : undefined;
        let id = explicit ?? deriveOperationId(method, path);
        if (!explicit) for (let n = 2; used.has(id); n++) id = deriveOperationId(method, path) + n;
        used.add(id);
        this.opAt.set(loc.file + '#' + appendPointer(loc.pointer, method), id);
      }
    }
  }

  private operations(paths: PathEntry[], globalServers: Server[], globalSecurity: SecurityRequirement[]): Operation[] {
    const ops: Operation[] = [];
    for (const { path, item, loc: itemLoc } of paths) {
      const pathParams = this.parameters(item.parameters, itemLoc, 'parameters');
      const pathServers = item.servers ? this.servers(item.servers, { file: itemLoc.file, pointer: appendPointer(itemLoc.pointer, 'servers') }) : globalServers;
      for (const method of httpMethods) {
        const raw = item[method];
        if (!isObject(raw)) continue;
        const loc = { file: itemLoc.file, pointer: appendPointer(itemLoc.pointer, method) };
        const own = this.parameters(raw.parameters, loc, 'parameters');
        const parameters = [...pathParams.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
        const id = this.opAt.get(loc.file + '#' + loc.pointer)!;
        ops.push({
          id,
          derivedId: !(typeof raw.operationId === 'string' && raw.operationId !== ''),
          method,
          path,
          summary: str(raw.summary) ?? str(item.summary),
          description: str(raw.description) ?? str(item.description),
          deprecated: raw.deprecated === true,
          tags: arr(raw.tags).map(String),
          security: this.security(raw.security) ?? globalSecurity,
          servers: raw.servers ? this.servers(raw.servers, { file: loc.file, pointer: appendPointer(loc.pointer, 'servers') }) : pathServers,
          parameters,
          requestBody: raw.requestBody === undefined ? undefined : this.requestBody(raw.requestBody, { file: loc.file, pointer: appendPointer(loc.pointer, 'requestBody') }),
          responses: Object.keys(obj(raw.responses)).map((status) =>
            this.response(status, obj(raw.responses)[status], { file: loc.file, pointer: appendPointer(loc.pointer, 'responses', status) }),
          ),
          externalDocs: this.externalDocs(raw.externalDocs),
          extensions: extensionsOf(raw),
          loc,
        });
      }
    }
    return ops;
  }

  private parameters(raw: unknown, owner: Loc, key: string): Parameter[] {
    return arr(raw).map((p, i) => this.parameter(p, { file: owner.file, pointer: appendPointer(owner.pointer, key, i) }));
  }

  private parameter(raw: unknown, at: Loc): Parameter {
    const { value, loc } = this.deref(raw, at);
    const where = String(value.in) as ParameterLocation;
    return {
      name: String(value.name),
      in: where,
      required: where === 'path' ? true : value.required === true,
      description: str(value.description),
      deprecated: value.deprecated === true,
      schema: value.schema === undefined ? undefined : this.schemas.node(value.schema, { file: loc.file, pointer: appendPointer(loc.pointer, 'schema') }),
      content: this.content(value.content, loc),
      style: str(value.style),
      explode: typeof value.explode === 'boolean' ? value.explode : undefined,
      examples: this.examples(value, loc),
      extensions: extensionsOf(value),
      loc,
    };
  }

  private requestBody(raw: unknown, at: Loc): RequestBody {
    const { value, loc, refName } = this.deref(raw, at);
    return { required: value.required === true, description: str(value.description), content: this.content(value.content, loc), refName, extensions: extensionsOf(value), loc };
  }

  private response(status: string, raw: unknown, at: Loc): Response {
    const { value, loc, refName } = this.deref(raw, at);
    const headers = obj(value.headers);
    return {
      status,
      description: String(value.description ?? ''),
      headers: Object.keys(headers).map((name) => this.header(name, headers[name], { file: loc.file, pointer: appendPointer(loc.pointer, 'headers', name) })),
      content: this.content(value.content, loc),
      refName,
      extensions: extensionsOf(value),
      loc,
    };
  }

  private header(name: string, raw: unknown, at: Loc): Header {
    const { value, loc } = this.deref(raw, at);
    const content = this.content(value.content, loc);
    const schema = value.schema !== undefined ? this.schemas.node(value.schema, { file: loc.file, pointer: appendPointer(loc.pointer, 'schema') }) : content[0]?.schema;
    return { name, description: str(value.description), required: value.required === true, deprecated: value.deprecated === true, schema, examples: this.examples(value, loc), extensions: extensionsOf(value), loc };
  }

  private content(raw: unknown, parent: Loc): MediaType[] {
    const content = obj(raw);
    return Object.keys(content).map((contentType) => {
      const loc = { file: parent.file, pointer: appendPointer(parent.pointer, 'content', contentType) };
      const media = obj(content[contentType]);
      const encoding = obj(media.encoding);
      return {
        contentType,
        kind: mediaKind(contentType),
        schema: media.schema === undefined ? undefined : this.schemas.node(media.schema, { file: loc.file, pointer: appendPointer(loc.pointer, 'schema') }),
        examples: this.examples(media, loc),
        encoding: Object.keys(encoding).map((property) => {
          const e = obj(encoding[property]);
          const eLoc = { file: loc.file, pointer: appendPointer(loc.pointer, 'encoding', property) };
          const headers = obj(e.headers);
          return {
            property,
            contentType: str(e.contentType),
            headers: Object.keys(headers).map((h) => this.header(h, headers[h], { file: eLoc.file, pointer: appendPointer(eLoc.pointer, 'headers', h) })),
            style: str(e.style),
            explode: typeof e.explode === 'boolean' ? e.explode : undefined,
          };
        }),
        extensions: extensionsOf(media),
        loc,
      };
    });
  }

  /** `example` and every entry of `examples` (Example objects, refs resolved). */
  private examples(owner: Obj, loc: Loc): Example[] {
    const out: Example[] = [];
    if ('example' in owner) out.push({ value: owner.example, loc: { file: loc.file, pointer: appendPointer(loc.pointer, 'example') } });
    const examples = obj(owner.examples);
    for (const name of Object.keys(examples)) {
      const ex = this.deref(examples[name], { file: loc.file, pointer: appendPointer(loc.pointer, 'examples', name) });
      if (!('value' in ex.value)) continue; // externalValue only: nothing to show or check here
      out.push({ name, summary: str(ex.value.summary), description: str(ex.value.description), value: ex.value.value, loc: { file: ex.loc.file, pointer: appendPointer(ex.loc.pointer, 'value') } });
    }
    return out;
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
      extensions: extensionsOf(value),
      loc,
    };
  }

  private security(raw: unknown): SecurityRequirement[] | undefined {
    if (!Array.isArray(raw)) return undefined;
    return raw.filter(isObject).map((req) => Object.keys(req).map((scheme) => ({ scheme, scopes: arr(req[scheme]).map(String) })));
  }

  private servers(raw: unknown, _at: Loc): Server[] {
    return arr(raw)
      .filter(isObject)
      .map((s) => ({
        url: String(s.url ?? '/'),
        description: str(s.description),
        variables: Object.keys(obj(s.variables)).map((name) => {
          const o = obj(obj(s.variables)[name]);
          return { name, default: String(o.default ?? ''), enum: Array.isArray(o.enum) ? o.enum.map(String) : undefined, description: str(o.description) };
        }),
        extensions: extensionsOf(s),
      }));
  }

  private externalDocs(raw: unknown): { url: string; description?: string } | undefined {
    return isObject(raw) && typeof raw.url === 'string' ? { url: raw.url, description: str(raw.description) } : undefined;
  }

  /**
   * A readable name for a schema that is not a component, from where it is written:
   * `trackUsers.body`, `trackUsers.response200`, `Pet.tags.item`, `parameters.Limit`,
   * `common.Error` (a schema at the root of common.yaml).
   */
  private schemaName(loc: Loc): string {
    const segments = parsePointer(loc.pointer);
    let head: string[] = [];
    let from = 0;
    if (loc.file === this.file && segments[0] === 'components' && segments.length >= 3) {
      head = segments[1] === 'schemas' ? [segments[2]!] : [segments[2]!, segments[1]!.replace(/s$/, '').replace(/ie$/, 'y')];
      from = 3;
    } else {
      // the innermost operation holding it: the pointer's prefixes, longest first (pointers are
      // written escaped, so a prefix of the text is the pointer of the first segments)
      let end = loc.pointer.length;
      for (let i = segments.length; i > 0; i--) {
        const id = this.opAt.get(loc.file + '#' + loc.pointer.slice(0, end));
        if (id !== undefined) {
          head = [id];
          from = i;
          break;
        }
        end = loc.pointer.lastIndexOf('/', end - 1);
      }
      if (!head.length) {
        head = loc.file === this.file ? [] : [basename(loc.file, extname(loc.file))];
        if (loc.file === this.file && segments[0] === 'paths') from = 1;
      }
    }
    return [...head, ...this.tail(segments, from, loc)].filter(Boolean).join('.');
  }

  /** Schema-path words for a name from `segments[from..]`: `properties/x` -> `x`, `requestBody/content/…/schema` -> `body`. */
  private tail(segments: string[], from: number, loc: Loc): string[] {
    const out: string[] = [];
    for (let i = from; i < segments.length; i++) {
      const s = segments[i]!;
      const next = segments[i + 1];
      const skipNext = next !== undefined;
      if (s === 'properties' || s === 'patternProperties' || s === 'dependentSchemas' || s === '$defs' || s === 'definitions' || s === 'schema') continue;
      if (s === 'content' && skipNext) i++; // and the media type
      else if (s === 'requestBody') out.push('body');
      else if (s === 'responses' && skipNext) out.push('response' + next.replace(/[^A-Za-z0-9]/g, '')), i++;
      else if (s === 'parameters' && skipNext && /^\d+$/.test(next)) {
        const written = lookup(this.ws.get(loc.file)?.value, segments.slice(0, i + 2), this.ws, loc.file);
        out.push(isObject(written) && typeof written.name === 'string' ? written.name : 'param' + next);
        i++;
      } else if (s === 'headers' && skipNext) out.push(next), i++;
      else if (s === 'items') out.push('item');
      else if (s === 'additionalProperties') out.push('value');
      else if ((s === 'allOf' || s === 'anyOf' || s === 'oneOf' || s === 'prefixItems') && skipNext) out.push(s + next), i++;
      else out.push(s);
    }
    return out;
  }
}

/** The value at `segments` of a file, following refs on the way (for names only; never throws). */
function lookup(root: unknown, segments: string[], ws: Workspace, file: string): unknown {
  let node = root;
  for (const seg of segments) {
    if (isObject(node) && typeof node.$ref === 'string' && child(node, seg) === undefined) {
      const r = ws.resolveRef(file, node.$ref);
      node = r.ok ? r.target.value : undefined;
    }
    node = child(node, seg);
  }
  if (isObject(node) && typeof node.$ref === 'string') {
    const r = ws.resolveRef(file, node.$ref);
    return r.ok ? r.target.value : node;
  }
  return node;
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
function unescape(segment: string): string {
  try {
    return parsePointer('/' + decodeURIComponent(segment))[0]!;
  } catch {
    return segment;
  }
}

export type { Schema };
