// What the generated client tells the runtime about each operation: plain data, written by the
// generator as a JSON literal. Everything the runtime does per operation is driven by this table
// (and the `paths` types drive the static side), so generated code stays a table and one call.

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParamMeta {
  name: string;
  in: ParamLocation;
  required?: boolean;
  /** serialization, when not the location's default */
  style?: string;
  explode?: boolean;
  /** a credential fills this parameter when the call leaves it out (the scheme's name) */
  credential?: string;
}

/** How a security scheme's credential reaches a request, and which client option holds it. */
export type SchemeMeta =
  | { name: string; type: 'apiKey'; in: 'query' | 'header' | 'cookie'; param: string; option: string }
  | { name: string; type: 'basic'; usernameOption: string; passwordOption: string }
  | { name: string; type: 'bearer'; option: string }
  /** handled outside the client (mutual TLS): always satisfied */
  | { name: string; type: 'none' };

export type HeaderKind = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'json';

export interface HeaderMeta {
  /** as the spec spells it; the parsed headers object uses this key */
  name: string;
  kind: HeaderKind;
}

export interface ResponseMeta {
  /** '200', '4XX', 'default' */
  status: string;
  media: string[];
  headers: HeaderMeta[];
}

export interface BodyMeta {
  required: boolean;
  /** the request media types; the first is the default */
  media: string[];
  /** multipart parts sent as CSV files (encoded from rows when given rows) */
  csvParts?: string[];
  /** top-level body properties a credential fills: [property, scheme] */
  credentials?: [string, string][];
}

export interface BatchMeta {
  /** top-level array properties of the JSON body and their `maxItems` */
  arrays: [string, number][];
  /** the body itself is an array with this `maxItems` */
  root?: number;
  /** the success response lists non-fatal per-item errors in this array property */
  errors?: { property: string; index?: string; array?: string };
}

export interface ValidatorsMeta {
  path?: string;
  query?: string;
  header?: string;
  cookie?: string;
  /** [media type, validator] */
  body?: [string, string][];
  /** [status, media type, validator] */
  responses?: [string, string, string][];
}

export interface OperationMeta {
  id: string;
  method: HttpMethod;
  path: string;
  /** the operation's own servers, when they differ from the API's */
  servers?: string[];
  params: ParamMeta[];
  /** alternatives; each lists the schemes that apply together. [] = no credential; [[]] = optional */
  security: string[][];
  body?: BodyMeta;
  responses: ResponseMeta[];
  batch?: BatchMeta;
  validators?: ValidatorsMeta;
}

export interface JobMeta {
  /** index of the status operation */
  operation: number;
  /** the property of the status body that holds the state */
  property: string;
  terminal: (string | number)[];
}

export interface SegmentCallMeta {
  operation: number;
  /** where the user id goes */
  userId: [ParamLocation | 'body', string];
  /** identify: the traits are the whole body (undefined) or one body property */
  traits?: string;
  /** track: body properties for the event name, its properties and the time of the call */
  event?: string;
  properties?: string;
  timestamp?: string;
}

export interface ApiMeta {
  name: string;
  servers: string[];
  schemes: SchemeMeta[];
  operations: OperationMeta[];
  /** [group, [method, operation index][]][]; the group '' holds methods of the client itself */
  layout: [string, [string, number][]][];
  job?: JobMeta & { helper: string };
  /**
   * `required` keywords that name a readOnly (writeOnly) property: [schema pointer of the keyword,
   * property]. Such a property is required in responses (requests) only, so a validation error
   * about it is dropped for requests (responses).
   */
  readOnlyRequired?: [string, string][];
  writeOnlyRequired?: [string, string][];
  segment?: { identify?: SegmentCallMeta & { helper: string }; track?: SegmentCallMeta & { helper: string } };
}
