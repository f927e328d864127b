// The shape of an OpenAPI 3.0 / 3.1 document: which object kind lives at which key, its fields and
// a one-line description of each. One table serves the rules (where are the schemas?), the
// language server's completion (which keys fit here?) and hover (what does this key mean?).

export type Kind =
  | 'document'
  | 'info'
  | 'contact'
  | 'license'
  | 'server'
  | 'serverVariable'
  | 'components'
  | 'paths'
  | 'pathItem'
  | 'operation'
  | 'externalDocs'
  | 'parameter'
  | 'requestBody'
  | 'mediaType'
  | 'encoding'
  | 'responses'
  | 'response'
  | 'callback'
  | 'example'
  | 'link'
  | 'header'
  | 'tag'
  | 'reference'
  | 'schema'
  | 'discriminator'
  | 'xml'
  | 'securityScheme'
  | 'oauthFlows'
  | 'oauthFlow'
  | 'securityRequirement';

/**
 * What a field holds: an object of a kind, a map of names to such objects, a list of them, or
 * plain data (`type` is for completion snippets and hover).
 */
export type Shape =
  | { of: Kind; many?: 'map' | 'list'; ref?: boolean }
  | { data: 'string' | 'boolean' | 'number' | 'integer' | 'object' | 'array' | 'any' };

export interface Field {
  doc: string;
  shape: Shape;
  /** the values the field takes (completion, did-you-mean); `open`: common ones, others allowed */
  values?: { list: readonly string[]; open?: boolean };
  /** for a map: the keys commonly written (completion), e.g. media types */
  keys?: readonly string[];
  /** only in this version of OpenAPI */
  since?: '3.1';
  until?: '3.0';
}

export interface ObjectKind {
  title: string;
  doc: string;
  fields: Record<string, Field>;
  /** `^x-` extensions allowed */
  extensible: boolean;
  /** a map kind: every key (matching `keys`) holds this */
  entries?: { shape: Shape; keys?: RegExp; keyDoc: string; suggest?: readonly (readonly [string, string])[] };
}

const str = (doc: string, extra: Partial<Field> = {}): Field => ({ doc, shape: { data: 'string' }, ...extra });
const bool = (doc: string, extra: Partial<Field> = {}): Field => ({ doc, shape: { data: 'boolean' }, ...extra });
const num = (doc: string, extra: Partial<Field> = {}): Field => ({ doc, shape: { data: 'number' }, ...extra });
const int = (doc: string, extra: Partial<Field> = {}): Field => ({ doc, shape: { data: 'integer' }, ...extra });
const any = (doc: string, extra: Partial<Field> = {}): Field => ({ doc, shape: { data: 'any' }, ...extra });
const data = (type: 'object' | 'array', doc: string, extra: Partial<Field> = {}): Field => ({ doc, shape: { data: type }, ...extra });
const one = (of: Kind, doc: string, ref = false, extra: Partial<Field> = {}): Field => ({ doc, shape: { of, ref }, ...extra });
const map = (of: Kind, doc: string, ref = false, extra: Partial<Field> = {}): Field => ({ doc, shape: { of, many: 'map', ref }, ...extra });
const list = (of: Kind, doc: string, ref = false, extra: Partial<Field> = {}): Field => ({ doc, shape: { of, many: 'list', ref }, ...extra });

const mediaTypes = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'text/csv', 'application/octet-stream', 'application/xml', 'application/problem+json', 'text/event-stream', 'application/x-ndjson', '*/*'];
const statusCodes = [
  ['200', 'OK'],
  ['201', 'Created'],
  ['202', 'Accepted'],
  ['204', 'No Content'],
  ['301', 'Moved Permanently'],
  ['304', 'Not Modified'],
  ['400', 'Bad Request'],
  ['401', 'Unauthorized'],
  ['403', 'Forbidden'],
  ['404', 'Not Found'],
  ['409', 'Conflict'],
  ['422', 'Unprocessable Content'],
  ['429', 'Too Many Requests'],
  ['500', 'Internal Server Error'],
  ['503', 'Service Unavailable'],
  ['4XX', 'Any client error'],
  ['5XX', 'Any server error'],
] as const;
const jsonTypes = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];
// the formats of JSON Schema and the OpenAPI format registry that tools commonly know
const formats = ['date-time', 'date', 'time', 'duration', 'email', 'uri', 'uri-reference', 'uuid', 'hostname', 'ipv4', 'ipv6', 'int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

const schemaFields: Record<string, Field> = {
  $ref: str('A reference to another schema (in 3.1 its siblings apply too).'),
  $id: str('The canonical URI of this schema resource.', { since: '3.1' }),
  $schema: str('The dialect (meta-schema) this schema is written in.', { since: '3.1' }),
  $anchor: str('A plain-name fragment identifying this schema.', { since: '3.1' }),
  $dynamicAnchor: str('A dynamic anchor, for extensible recursive schemas.', { since: '3.1' }),
  $dynamicRef: str('A reference resolved through the dynamic scope.', { since: '3.1' }),
  $defs: map('schema', 'Reusable schemas local to this schema.', false, { since: '3.1' }),
  $comment: str('A note for schema authors; no effect on validation.', { since: '3.1' }),
  title: str('A short title for the value.'),
  description: str('A description of the value (CommonMark).'),
  type: any('The JSON type(s) allowed: string, number, integer, boolean, array, object, null (3.1).', { values: { list: jsonTypes } }),
  enum: data('array', 'The value must be equal to one of these.'),
  const: any('The value must be equal to this.', { since: '3.1' }),
  format: str('A semantic format: date-time, email, uuid, int64, …', { values: { list: formats, open: true } }),
  default: any('The default value, used when none is given.'),
  nullable: bool('The value may also be null (3.0; use a type list in 3.1).', { until: '3.0' }),
  deprecated: bool('The value should no longer be used.'),
  readOnly: bool('Sent in responses only.'),
  writeOnly: bool('Sent in requests only.'),
  example: any('An example value (deprecated in 3.1: use `examples`).'),
  examples: data('array', 'Example values that validate against this schema.', { since: '3.1' }),
  multipleOf: num('The number must be a multiple of this.'),
  minimum: num('The smallest allowed number.'),
  maximum: num('The largest allowed number.'),
  exclusiveMinimum: any('The number must be greater than this (3.0: a boolean modifier of `minimum`).'),
  exclusiveMaximum: any('The number must be less than this (3.0: a boolean modifier of `maximum`).'),
  minLength: int('The shortest allowed string length.'),
  maxLength: int('The longest allowed string length.'),
  pattern: str('A regular expression (ECMA-262) the string must match.'),
  items: one('schema', 'The schema of every array item (after `prefixItems`).'),
  prefixItems: list('schema', 'Schemas of the first array items, in order.', false, { since: '3.1' }),
  contains: one('schema', 'At least one array item must match this schema.', false, { since: '3.1' }),
  minContains: int('The fewest items matching `contains`.', { since: '3.1' }),
  maxContains: int('The most items matching `contains`.', { since: '3.1' }),
  minItems: int('The fewest array items.'),
  maxItems: int('The most array items.'),
  uniqueItems: bool('Array items must all be different.'),
  unevaluatedItems: one('schema', 'The schema of items no other keyword evaluated.', false, { since: '3.1' }),
  properties: map('schema', 'The schema of each named property.'),
  patternProperties: map('schema', 'Schemas of properties whose names match a pattern.', false, { since: '3.1' }),
  additionalProperties: one('schema', 'The schema of properties not named in `properties` (false: none allowed).'),
  unevaluatedProperties: one('schema', 'The schema of properties no other keyword evaluated.', false, { since: '3.1' }),
  propertyNames: one('schema', 'Every property name must match this schema.', false, { since: '3.1' }),
  required: data('array', 'Properties that must be present.'),
  minProperties: int('The fewest properties.'),
  maxProperties: int('The most properties.'),
  dependentRequired: data('object', 'Properties required when another is present.', { since: '3.1' }),
  dependentSchemas: map('schema', 'Schemas that apply when a property is present.', false, { since: '3.1' }),
  allOf: list('schema', 'The value must match every one of these schemas.'),
  anyOf: list('schema', 'The value must match at least one of these schemas.'),
  oneOf: list('schema', 'The value must match exactly one of these schemas.'),
  not: one('schema', 'The value must not match this schema.'),
  if: one('schema', 'When the value matches this, `then` applies, else `else`.', false, { since: '3.1' }),
  then: one('schema', 'Applies when `if` matches.', false, { since: '3.1' }),
  else: one('schema', 'Applies when `if` does not match.', false, { since: '3.1' }),
  contentEncoding: str('The encoding of string content (base64, …).', { since: '3.1' }),
  contentMediaType: str('The media type of string content.', { since: '3.1' }),
  contentSchema: one('schema', 'The schema of decoded string content.', false, { since: '3.1' }),
  discriminator: one('discriminator', 'Which property tells the `oneOf`/`anyOf` alternatives apart.'),
  xml: one('xml', 'How the value is written as XML.'),
  externalDocs: one('externalDocs', 'Further documentation.'),
};

export const grammar: Record<Kind, ObjectKind> = {
  document: {
    title: 'OpenAPI document',
    doc: 'The root of an OpenAPI description.',
    extensible: true,
    fields: {
      openapi: str('The OpenAPI version this document uses: 3.0.x or 3.1.x.'),
      info: one('info', 'Metadata about the API.'),
      jsonSchemaDialect: str('The default `$schema` for schemas in this document.', { since: '3.1' }),
      servers: list('server', 'Where the API is served.'),
      paths: one('paths', 'The endpoints of the API.'),
      webhooks: map('pathItem', 'Requests the API may send to its consumers.', true, { since: '3.1' }),
      components: one('components', 'Reusable objects, referenced with `$ref`.'),
      security: list('securityRequirement', 'Security requirements for every operation (alternatives).'),
      tags: list('tag', 'Tags used to group operations.'),
      externalDocs: one('externalDocs', 'Further documentation.'),
    },
  },
  info: {
    title: 'Info',
    doc: 'Metadata about the API.',
    extensible: true,
    fields: {
      title: str('The title of the API.'),
      summary: str('A short summary of the API.', { since: '3.1' }),
      description: str('A description of the API (CommonMark).'),
      termsOfService: str('A URL to the terms of service.'),
      contact: one('contact', 'Contact information.'),
      license: one('license', 'The license of the API.'),
      version: str('The version of this API description (not of OpenAPI).'),
    },
  },
  contact: { title: 'Contact', doc: 'Contact information for the API.', extensible: true, fields: { name: str('Name of the contact.'), url: str('URL of the contact.'), email: str('Email of the contact.') } },
  license: {
    title: 'License',
    doc: 'The license of the API.',
    extensible: true,
    fields: { name: str('The license name.'), identifier: str('An SPDX license expression.', { since: '3.1' }), url: str('A URL to the license.') },
  },
  server: {
    title: 'Server',
    doc: 'A server that serves the API.',
    extensible: true,
    fields: { url: str('The server URL; may hold `{variables}`.'), description: str('A description of the server.'), variables: map('serverVariable', 'Values of the URL template variables.') },
  },
  serverVariable: {
    title: 'Server Variable',
    doc: 'A variable of a server URL template.',
    extensible: true,
    fields: { enum: data('array', 'The allowed values.'), default: str('The value used when none is given.'), description: str('A description of the variable.') },
  },
  components: {
    title: 'Components',
    doc: 'Reusable objects, referenced with `$ref`.',
    extensible: true,
    fields: {
      schemas: map('schema', 'Reusable schemas.'),
      responses: map('response', 'Reusable responses.', true),
      parameters: map('parameter', 'Reusable parameters.', true),
      examples: map('example', 'Reusable examples.', true),
      requestBodies: map('requestBody', 'Reusable request bodies.', true),
      headers: map('header', 'Reusable headers.', true),
      securitySchemes: map('securityScheme', 'Security schemes operations may require.', true),
      links: map('link', 'Reusable links.', true),
      callbacks: map('callback', 'Reusable callbacks.', true),
      pathItems: map('pathItem', 'Reusable path items.', true, { since: '3.1' }),
    },
  },
  paths: {
    title: 'Paths',
    doc: 'The endpoints of the API, by path template.',
    extensible: true,
    fields: {},
    entries: { shape: { of: 'pathItem' }, keys: /^\//, keyDoc: 'A path template, starting with `/`; `{name}` marks a path parameter.' },
  },
  pathItem: {
    title: 'Path Item',
    doc: 'The operations on one path.',
    extensible: true,
    fields: {
      $ref: str('A reference to a path item defined elsewhere.'),
      summary: str('A summary for every operation of this path.'),
      description: str('A description for every operation of this path.'),
      get: one('operation', 'A GET operation on this path.'),
      put: one('operation', 'A PUT operation on this path.'),
      post: one('operation', 'A POST operation on this path.'),
      delete: one('operation', 'A DELETE operation on this path.'),
      options: one('operation', 'An OPTIONS operation on this path.'),
      head: one('operation', 'A HEAD operation on this path.'),
      patch: one('operation', 'A PATCH operation on this path.'),
      trace: one('operation', 'A TRACE operation on this path.'),
      servers: list('server', 'Servers for the operations of this path.'),
      parameters: list('parameter', 'Parameters shared by every operation of this path.', true),
    },
  },
  operation: {
    title: 'Operation',
    doc: 'One API operation: a method on a path.',
    extensible: true,
    fields: {
      tags: data('array', 'Tags that group this operation.'),
      summary: str('A short summary of what the operation does.'),
      description: str('A description of the operation (CommonMark).'),
      externalDocs: one('externalDocs', 'Further documentation.'),
      operationId: str('A unique name for the operation; generated code uses it.'),
      parameters: list('parameter', 'The parameters of the operation (add to or override the path’s).', true),
      requestBody: one('requestBody', 'The request body.', true),
      responses: one('responses', 'The possible responses, by status code.'),
      callbacks: map('callback', 'Requests the API may send back, by name.', true),
      deprecated: bool('The operation should no longer be used.'),
      security: list('securityRequirement', 'Security requirements of this operation (alternatives; [] for none).'),
      servers: list('server', 'Servers for this operation.'),
    },
  },
  externalDocs: { title: 'External Documentation', doc: 'A link to further documentation.', extensible: true, fields: { description: str('What the link is.'), url: str('The URL of the documentation.') } },
  parameter: {
    title: 'Parameter',
    doc: 'A parameter of an operation.',
    extensible: true,
    fields: {
      name: str('The name of the parameter (case-sensitive; for `in: path` it matches a `{name}` of the path).'),
      in: str('Where the parameter is: query, header, path or cookie.', { values: { list: ['query', 'header', 'path', 'cookie'] } }),
      description: str('A description of the parameter.'),
      required: bool('The parameter must be present (always true for `in: path`).'),
      deprecated: bool('The parameter should no longer be used.'),
      allowEmptyValue: bool('A query parameter may be sent with an empty value.'),
      style: str('How the value is serialised: matrix, label, simple, form, spaceDelimited, pipeDelimited, deepObject.', { values: { list: ['form', 'simple', 'matrix', 'label', 'spaceDelimited', 'pipeDelimited', 'deepObject'] } }),
      explode: bool('Arrays and objects are serialised as separate parameters.'),
      allowReserved: bool('Reserved characters are sent without percent-encoding (query only).'),
      schema: one('schema', 'The schema of the parameter value.'),
      example: any('An example value.'),
      examples: map('example', 'Named examples.', true),
      content: map('mediaType', 'The parameter’s media type and schema (instead of `schema`).', false, { keys: mediaTypes }),
    },
  },
  requestBody: {
    title: 'Request Body',
    doc: 'The body of a request.',
    extensible: true,
    fields: { description: str('A description of the body.'), content: map('mediaType', 'The body by media type.', false, { keys: mediaTypes }), required: bool('The body must be present.') },
  },
  mediaType: {
    title: 'Media Type',
    doc: 'A body in one media type.',
    extensible: true,
    fields: {
      schema: one('schema', 'The schema of the body.'),
      example: any('An example body.'),
      examples: map('example', 'Named example bodies.', true),
      encoding: map('encoding', 'How each property is encoded (multipart and form bodies).'),
    },
  },
  encoding: {
    title: 'Encoding',
    doc: 'How one property of a multipart or form body is encoded.',
    extensible: true,
    fields: {
      contentType: str('The content type of the property.'),
      headers: map('header', 'Headers of the part (multipart).', true),
      style: str('How the value is serialised.', { values: { list: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'] } }),
      explode: bool('Arrays and objects are serialised as separate parameters.'),
      allowReserved: bool('Reserved characters are sent without percent-encoding.'),
    },
  },
  responses: {
    title: 'Responses',
    doc: 'The possible responses of an operation, by HTTP status code.',
    extensible: true,
    fields: { default: one('response', 'The response for every status code not listed.', true) },
    entries: { shape: { of: 'response', ref: true }, keys: /^[1-5](\d\d|XX)$/, keyDoc: 'An HTTP status code (`200`) or range (`4XX`).', suggest: statusCodes },
  },
  response: {
    title: 'Response',
    doc: 'One response of an operation.',
    extensible: true,
    fields: {
      description: str('A description of the response (required).'),
      headers: map('header', 'Response headers, by name.', true),
      content: map('mediaType', 'The body by media type.', false, { keys: mediaTypes }),
      links: map('link', 'Operations that can follow this response.', true),
    },
  },
  callback: { title: 'Callback', doc: 'Requests the API may send, by runtime expression.', extensible: true, fields: {}, entries: { shape: { of: 'pathItem' }, keyDoc: 'A runtime expression giving the callback URL.' } },
  example: {
    title: 'Example',
    doc: 'A named example.',
    extensible: true,
    fields: { summary: str('A short summary of the example.'), description: str('A description of the example.'), value: any('The example value.'), externalValue: str('A URL to the example value.') },
  },
  link: {
    title: 'Link',
    doc: 'An operation that can follow a response.',
    extensible: true,
    fields: {
      operationRef: str('A reference to the linked operation.'),
      operationId: str('The operationId of the linked operation.'),
      parameters: data('object', 'Parameter values for the linked operation (runtime expressions).'),
      requestBody: any('The request body for the linked operation.'),
      description: str('A description of the link.'),
      server: one('server', 'The server for the linked operation.'),
    },
  },
  header: {
    title: 'Header',
    doc: 'An HTTP header.',
    extensible: true,
    fields: {
      description: str('A description of the header.'),
      required: bool('The header must be present.'),
      deprecated: bool('The header should no longer be used.'),
      style: str('How the value is serialised (simple).', { values: { list: ['simple'] } }),
      explode: bool('Arrays and objects are serialised as separate values.'),
      schema: one('schema', 'The schema of the header value.'),
      example: any('An example value.'),
      examples: map('example', 'Named examples.', true),
      content: map('mediaType', 'The header’s media type and schema (instead of `schema`).', false, { keys: mediaTypes }),
    },
  },
  tag: { title: 'Tag', doc: 'A tag that groups operations.', extensible: true, fields: { name: str('The tag name.'), description: str('A description of the tag.'), externalDocs: one('externalDocs', 'Further documentation.') } },
  reference: {
    title: 'Reference',
    doc: 'A reference to an object defined elsewhere.',
    extensible: false,
    fields: { $ref: str('The URI of the referenced object: `#/components/…` or `file.yaml#/…`.'), summary: str('Overrides the summary of the referenced object.', { since: '3.1' }), description: str('Overrides the description of the referenced object.', { since: '3.1' }) },
  },
  schema: { title: 'Schema', doc: 'A JSON Schema describing a value.', extensible: true, fields: schemaFields },
  discriminator: {
    title: 'Discriminator',
    doc: 'Which property tells the alternatives of a `oneOf`/`anyOf` apart.',
    extensible: true,
    fields: { propertyName: str('The property holding the alternative’s name.'), mapping: data('object', 'Property values mapped to schema names or references.') },
  },
  xml: {
    title: 'XML',
    doc: 'How a value is written as XML.',
    extensible: true,
    fields: { name: str('The element or attribute name.'), namespace: str('The namespace URI.'), prefix: str('The namespace prefix.'), attribute: bool('Written as an attribute.'), wrapped: bool('Arrays are wrapped in an element.') },
  },
  securityScheme: {
    title: 'Security Scheme',
    doc: 'A way to authenticate.',
    extensible: true,
    fields: {
      type: str('apiKey, http, mutualTLS (3.1), oauth2 or openIdConnect.', { values: { list: ['apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'] } }),
      description: str('A description of the scheme.'),
      name: str('apiKey: the header, query or cookie parameter name.'),
      in: str('apiKey: query, header or cookie.', { values: { list: ['query', 'header', 'cookie'] } }),
      scheme: str('http: the authorization scheme (basic, bearer, …).', { values: { list: ['basic', 'bearer', 'digest'], open: true } }),
      bearerFormat: str('http bearer: the token format (JWT, …).'),
      flows: one('oauthFlows', 'oauth2: the supported flows.'),
      openIdConnectUrl: str('openIdConnect: the discovery URL.'),
    },
  },
  oauthFlows: {
    title: 'OAuth Flows',
    doc: 'The OAuth 2 flows a scheme supports.',
    extensible: true,
    fields: { implicit: one('oauthFlow', 'The implicit flow.'), password: one('oauthFlow', 'The password flow.'), clientCredentials: one('oauthFlow', 'The client credentials flow.'), authorizationCode: one('oauthFlow', 'The authorization code flow.') },
  },
  oauthFlow: {
    title: 'OAuth Flow',
    doc: 'One OAuth 2 flow.',
    extensible: true,
    fields: { authorizationUrl: str('The authorization URL.'), tokenUrl: str('The token URL.'), refreshUrl: str('The refresh URL.'), scopes: data('object', 'The available scopes, with descriptions.') },
  },
  securityRequirement: {
    title: 'Security Requirement',
    doc: 'Security schemes that apply together, with the scopes needed.',
    extensible: false,
    fields: {},
    entries: { shape: { data: 'array' }, keyDoc: 'The name of a security scheme in `components/securitySchemes`.' },
  },
};

/** The fields of a kind in one OpenAPI version. */
export function fieldsOf(kind: Kind, version: '3.0' | '3.1' | undefined): [string, Field][] {
  return Object.entries(grammar[kind].fields).filter(([, f]) => (version === '3.0' ? f.since !== '3.1' : f.until !== '3.0'));
}

/** What the value at `key` of an object of `kind` is; undefined for data and unknown keys. */
export function childShape(kind: Kind, key: string): Shape | undefined {
  const k = grammar[kind];
  if (Object.prototype.hasOwnProperty.call(k.fields, key)) return k.fields[key]!.shape;
  if (k.entries && (!k.entries.keys || k.entries.keys.test(key)) && !key.startsWith('x-')) return k.entries.shape;
  return undefined;
}

/** Schema keywords whose value is a schema, a list of schemas or a map of schemas. */
export const schemaApplicators: Record<string, 'one' | 'list' | 'map'> = {
  items: 'one',
  additionalItems: 'one',
  contains: 'one',
  unevaluatedItems: 'one',
  additionalProperties: 'one',
  unevaluatedProperties: 'one',
  propertyNames: 'one',
  not: 'one',
  if: 'one',
  then: 'one',
  else: 'one',
  contentSchema: 'one',
  prefixItems: 'list',
  allOf: 'list',
  anyOf: 'list',
  oneOf: 'list',
  properties: 'map',
  patternProperties: 'map',
  $defs: 'map',
  definitions: 'map',
  dependentSchemas: 'map',
};

export interface Located<T = unknown> {
  kind: Kind;
  value: T;
  /** the segments walked from the root to here */
  segments: string[];
}

/**
 * The kind of the node at `segments` of a document, walking the plain value (refs are not
 * followed: a `$ref` object is a 'reference', or with `refs: 'expected'` the kind it stands for).
 * Returns undefined inside data (examples, enums, extensions) and for keys the grammar does not
 * know. `rootKind` is the kind of the value itself (a fragment file holding a schema: 'schema').
 */
export function kindAt(root: unknown, segments: readonly string[], rootKind: Kind = 'document', refs: 'reference' | 'expected' = 'reference'): Kind | undefined {
  let kind: Kind | undefined = rootKind;
  let value: unknown = root;
  for (let i = 0; i < segments.length && kind; i++) {
    const seg = segments[i]!;
    if (kind !== 'schema' && isRefObject(value) && refs === 'reference') kind = 'reference';
    if (kind === 'reference') return undefined;
    let next: Kind | undefined;
    if (kind === 'schema') {
      const applicator = schemaApplicators[seg];
      if (applicator === 'one') next = 'schema';
      else if (applicator) {
        // the list or map itself has no kind; the item after it is a schema
        i++;
        if (i >= segments.length) return undefined;
        value = child(value, seg);
        next = 'schema';
        value = child(value, segments[i]!);
        kind = next;
        continue;
      } else if (seg === 'discriminator') next = 'discriminator';
      else if (seg === 'xml') next = 'xml';
      else if (seg === 'externalDocs') next = 'externalDocs';
    } else {
      const shape = childShape(kind, seg);
      if (shape && 'of' in shape) {
        if (shape.many) {
          i++;
          if (i >= segments.length) return undefined;
          value = child(child(value, seg), segments[i]!);
          kind = shape.of;
          continue;
        }
        next = shape.of;
      }
    }
    value = child(value, seg);
    kind = next;
  }
  if (kind && kind !== 'schema' && isRefObject(value) && refs === 'reference') return 'reference';
  return kind;
}

export function isRefObject(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { $ref?: unknown }).$ref === 'string';
}

function child(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(key) ? value[Number(key)] : undefined;
  if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key)) return (value as Record<string, unknown>)[key];
  return undefined;
}

/** The components section holding objects of a kind. */
export const sectionOfKind: Partial<Record<Kind, string>> = {
  schema: 'schemas',
  response: 'responses',
  parameter: 'parameters',
  example: 'examples',
  requestBody: 'requestBodies',
  header: 'headers',
  securityScheme: 'securitySchemes',
  link: 'links',
  callback: 'callbacks',
  pathItem: 'pathItems',
};
