// The one intermediate model between loading and emitting. Every emitter (types, client,
// validators, docs, package), the mock and the diff read this, never the document: refs are
// resolved, 3.0 is read as 3.1, schemas are nodes (schema.ts), and what a client needs to know
// about each operation is computed once (facts.ts). Nodes keep their location (file + JSON
// pointer) so any stage can report a problem where it is.
import type { Loc } from '../core/loc.ts';
import type { MediaKind } from '../runtime/media.ts';
import type { ApiFacts } from './facts.ts';
import type { NamePlan } from './naming.ts';
import type { Extensions, NamedSchema, Schema } from './schema.ts';

export type { Loc, Extensions, NamedSchema, Schema };
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export const httpMethods: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface Example {
  /** key in an `examples` map; undefined for a lone `example` */
  name?: string;
  summary?: string;
  description?: string;
  value: unknown;
  /** where the value is written (for diagnostics on the example itself) */
  loc: Loc;
}

export interface MediaType {
  contentType: string;
  schema?: Schema;
  examples: Example[];
  /** what the body is, for clients and docs alike (media.ts) */
  kind: MediaKind;
  /** multipart/form-data and urlencoded: per-property encoding */
  encoding: { property: string; contentType?: string; headers: Header[]; style?: string; explode?: boolean }[];
  extensions: Extensions;
  loc: Loc;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
  deprecated: boolean;
  schema?: Schema;
  /** the `content` form of a parameter (rare) */
  content: MediaType[];
  style?: string;
  explode?: boolean;
  examples: Example[];
  extensions: Extensions;
  loc: Loc;
}

export interface Header {
  name: string;
  description?: string;
  required: boolean;
  deprecated: boolean;
  schema?: Schema;
  examples: Example[];
  extensions: Extensions;
  loc: Loc;
}

export interface RequestBody {
  required: boolean;
  description?: string;
  content: MediaType[];
  /** the component name when the body is a `$ref` to `components/requestBodies` */
  refName?: string;
  extensions: Extensions;
  loc: Loc;
}

export interface Response {
  /** '200', '4XX', 'default' */
  status: string;
  description: string;
  headers: Header[];
  content: MediaType[];
  refName?: string;
  extensions: Extensions;
  loc: Loc;
}

/** All schemes of one requirement apply together; an operation's list is alternatives. */
export type SecurityRequirement = { scheme: string; scopes: string[] }[];

export interface SecurityScheme {
  name: string;
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  description?: string;
  /** http: 'basic', 'bearer', ... */
  scheme?: string;
  bearerFormat?: string;
  /** apiKey: where and under which name */
  in?: 'query' | 'header' | 'cookie';
  paramName?: string;
  extensions: Extensions;
  loc: Loc;
}

export interface Server {
  url: string;
  description?: string;
  variables: { name: string; default: string; enum?: string[]; description?: string }[];
  /** `x-*` members (the docs show `x-oaskit-note` / `x-oaskit-evidence`) */
  extensions: Extensions;
}

export interface Tag {
  name: string;
  description?: string;
  externalDocs?: { url: string; description?: string };
  /** `x-*` members of a declared tag */
  extensions: Extensions;
}

export interface Operation {
  /** the operationId, or one derived from method and path when the spec has none */
  id: string;
  /** true when `id` was derived */
  derivedId: boolean;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  /** effective: the operation's own, else the document's */
  security: SecurityRequirement[];
  servers: Server[];
  /** path-level and operation-level merged (operation wins), refs resolved, in spec order */
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: Response[];
  externalDocs?: { url: string; description?: string };
  extensions: Extensions;
  loc: Loc;
}

export interface ApiModel {
  /** short name, from the file name: `spec/petstore.yaml` -> 'petstore' */
  name: string;
  openapi: '3.0' | '3.1';
  info: { title: string; version: string; summary?: string; description?: string; extensions: Extensions };
  jsonSchemaDialect?: string;
  servers: Server[];
  tags: Tag[];
  security: SecurityRequirement[];
  securitySchemes: SecurityScheme[];
  operations: Operation[];
  /** the component schemas, in spec order */
  schemas: NamedSchema[];
  /** every schema node of the spec (components, inline schemas, schemas in other files), by id */
  schemaNodes: Schema[];
  /** other reusable components, as the spec names them (the docs list them; the diff compares them) */
  components: {
    responses: { name: string; response: Response }[];
    parameters: { name: string; parameter: Parameter }[];
    requestBodies: { name: string; requestBody: RequestBody }[];
    headers: { name: string; header: Header }[];
  };
  externalDocs?: { url: string; description?: string };
  extensions: Extensions;
  /** the root file the spec was loaded from */
  source: string;
  /** every file the spec was read from: the root first, then those its refs reach */
  files: string[];
  /** every name a generated artifact gives a spec element (client methods, types, validators, anchors) */
  names: NamePlan;
  /** what a client needs to know beyond the types, computed once (credentials, media, batches, jobs) */
  facts: ApiFacts;
}
