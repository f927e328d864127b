// The one intermediate model between loading and emitting. Every emitter (types, client,
// validators, docs), the rules and the language server read this, never the raw YAML. Nodes
// keep their location (file + JSON pointer) so any stage can report a problem where it is.
import type { Loc, Workspace } from '../load/workspace.ts';

export type { Loc };
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export const httpMethods: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `x-*` members of a spec object, as written. */
export type Extensions = Record<string, unknown>;

/** A JSON Schema as written in the document (may be `{ $ref }`); `loc` is where it is written. */
export interface SchemaNode {
  loc: Loc;
  value: JsonSchema;
  /** when `value` is a `$ref` to a component schema, that component's name */
  refName?: string;
}

export type JsonSchema = boolean | { [keyword: string]: unknown };

export interface NamedSchema {
  name: string;
  schema: SchemaNode;
}

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
  schema?: SchemaNode;
  examples: Example[];
  /** multipart/form-data and urlencoded: per-property encoding, as written */
  encoding?: Record<string, unknown>;
  loc: Loc;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
  deprecated: boolean;
  schema?: SchemaNode;
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
  schema?: SchemaNode;
  examples: Example[];
  loc: Loc;
}

export interface RequestBody {
  required: boolean;
  description?: string;
  content: MediaType[];
  /** the component name when the body is a `$ref` to `components/requestBodies` */
  refName?: string;
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
  extensions?: Extensions;
}

export interface Tag {
  name: string;
  description?: string;
  externalDocs?: { url: string; description?: string };
  /** `x-*` members of a declared tag */
  extensions?: Extensions;
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
  /** short name, from the file name: `spec/appboy.yaml` -> 'appboy' */
  name: string;
  openapi: '3.0' | '3.1';
  info: { title: string; version: string; summary?: string; description?: string; extensions: Extensions };
  jsonSchemaDialect?: string;
  servers: Server[];
  tags: Tag[];
  security: SecurityRequirement[];
  securitySchemes: SecurityScheme[];
  operations: Operation[];
  schemas: NamedSchema[];
  extensions: Extensions;
  /** the document as one object, with every `$ref` internal (multi-file specs are bundled) */
  document: Record<string, unknown>;
  workspace: Workspace;
}
