// The name planner: every name a generated artifact gives a spec element, decided once so that
// the client, the types, the validators, the docs and the language server agree (a docs sample
// calls the method the client really has; the client names the validators validators.ts exports).
import { assignAnchors, operationAnchors } from './anchors.ts';
import { camelCase, toIdentifier } from './names.ts';
import type { Schema } from './schema.ts';
import type { ApiModel, Operation, ParameterLocation, SecurityScheme } from './types.ts';

/** Option names the client runtime uses itself: credentials never take them. */
export const builtinClientOptions: readonly string[] = [
  'baseUrl', 'fetch', 'timeoutMs', 'retry', 'validate', 'headers', 'pathParams', 'clock',
  'maxResponseBytes', 'maxRedirects', 'onRequest', 'onResponse', 'onError', 'validation', 'rateLimit', 'redirect',
];

export interface CredentialNames {
  scheme: SecurityScheme;
  /** how the client applies it; 'none' (mutual TLS, unknown http schemes) is set up outside it */
  kind: 'apiKey' | 'basic' | 'bearer' | 'none';
  /** the client option names: apiKey and bearer one, basic two (user name, password) */
  options: string[];
}

export interface OperationNames {
  /** the group the method is in (`client.<group>.<method>`); undefined: on the client itself */
  group?: string;
  method: string;
  /** the standalone function exported by the package (`trackUsers`) */
  fn: string;
  /** PascalCase base of the operation's type names (`TrackUsers` -> `TrackUsersInput`) */
  type: string;
  /** the reference docs' anchor (`op-trackUsers`) */
  anchor: string;
  /** validator names (`validate…`) of its parameter sets, bodies and responses */
  validators: OperationValidators;
}

export interface OperationValidators {
  params: Partial<Record<ParameterLocation, string>>;
  /** [media type, validator] */
  body: [string, string][];
  /** [status, media type, validator] */
  responses: [string, string, string][];
}

export interface Group {
  /** undefined: the untagged operations, methods of the client itself */
  name?: string;
  tag?: string;
  operations: Operation[];
}

export interface NamePlan {
  /** PascalCase name of the API (`Petstore`) */
  api: string;
  /** `createPetstoreClient` */
  factory: string;
  /** npm name of the generated package (`@oaskit/petstore`) */
  packageName: string;
  credentials: CredentialNames[];
  groups: Group[];
  operations: Map<Operation, OperationNames>;
  /** TypeScript type name of each component schema (`Pet`), unique */
  schemaTypes: Map<Schema, string>;
  /** validator base name of each component schema node (`validatePet` / `isPet`); an alias component keeps the first name */
  schemaValidators: Map<Schema, string>;
  /** validator base name of each component, by component name (aliases of one node get their own) */
  componentValidators: Map<string, string>;
  /** docs anchor of each component schema (`schema-Pet`) */
  schemaAnchors: Map<Schema, string>;
}

type ModelForNames = Pick<ApiModel, 'name' | 'operations' | 'schemas' | 'securitySchemes'>;

/** The values the runtime's index exports (generator/runtime/index.ts): no operation takes their names. */
const RUNTIME_VALUES = [
  'buildClient', 'fullCodec', 'createConfig', 'call', 'defineOperation', 'codecFor', 'authenticate', 'styledParams', 'encodeBody', 'batch',
  'waitForJob', 'validation', 'ApiError', 'ClientError', 'JobTimeoutError', 'MissingCredentialError', 'NetworkError', 'RedirectError',
  'RequestValidationError', 'ResponseBodyError', 'ResponseValidationError', 'TimeoutError', 'CsvEncodeError', 'encodeCsv', 'encodeCsvField',
  'defaultRetry', 'parseResetTime', 'parseRetryAfter', 'systemClock',
];

export function planNames(model: ModelForNames): NamePlan {
  const api = toIdentifier(model.name, 'pascal');
  const credentials = credentialNames(model.securitySchemes);
  const { groups, methods } = layout(model.operations);
  const anchors = operationAnchors(model.operations.map((o) => o.id));
  const validators = new Unique();
  const schemaValidators = new Map<Schema, string>();
  const schemaTypes = new Map<Schema, string>();
  const types = new Unique();
  const componentValidators = new Map<string, string>();
  for (const { name, schema } of model.schemas) {
    const validator = validators.take(toIdentifier(name, 'pascal'));
    const type = types.take(toIdentifier(name, 'pascal'));
    componentValidators.set(name, validator);
    // a component that is only a `$ref` to another is the same node: the first name stays its name
    if (!schemaValidators.has(schema)) schemaValidators.set(schema, validator);
    if (!schemaTypes.has(schema)) schemaTypes.set(schema, type);
  }
  // a package's index exports the standalone functions beside the runtime's values and the factory
  const fns = new Unique([...RUNTIME_VALUES, `create${api}Client`]);
  const operations = new Map<Operation, OperationNames>();
  for (const op of model.operations) {
    const type = toIdentifier(op.id, 'pascal');
    const v: OperationValidators = { params: {}, body: [], responses: [] };
    for (const location of ['path', 'query', 'header', 'cookie'] as ParameterLocation[]) {
      if (op.parameters.some((p) => p.in === location && (p.schema || p.content[0]?.schema))) v.params[location] = 'validate' + validators.take(type + toIdentifier(location, 'pascal'));
    }
    const bodies = op.requestBody?.content.filter((m) => m.schema) ?? [];
    for (const m of bodies) v.body.push([m.contentType, 'validate' + validators.take(type + 'Body' + mediaSuffix(m.contentType, bodies.length))]);
    for (const r of op.responses) {
      const media = r.content.filter((m) => m.schema);
      for (const m of media) {
        v.responses.push([r.status, m.contentType, 'validate' + validators.take(type + 'Response' + toIdentifier(r.status, 'pascal').replace(/^_/, '') + mediaSuffix(m.contentType, media.length))]);
      }
    }
    const where = methods.get(op)!;
    operations.set(op, { ...where, fn: fns.take(toIdentifier(op.id)), type, anchor: anchors.get(op.id)!, validators: v });
  }
  const schemaAnchorList = assignAnchors(model.schemas.map((s) => s.name), 'schema-', new Set(anchors.values()));
  const schemaAnchors = new Map(model.schemas.map((s, i) => [s.schema, schemaAnchorList[i]!]));
  return {
    api,
    factory: `create${api}Client`,
    packageName: `@oaskit/${model.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`,
    credentials,
    groups,
    operations,
    schemaTypes,
    schemaValidators,
    componentValidators,
    schemaAnchors,
  };
}

class Unique {
  private readonly taken: Set<string>;
  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set(reserved);
  }
  take(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = base + n;
    this.taken.add(name);
    return name;
  }
}

function mediaSuffix(media: string, count: number): string {
  return count <= 1 ? '' : toIdentifier(media.replace(/^[^/]*\//, '').replace(/[+;].*$/, ''), 'pascal');
}

/**
 * Groups by first tag (camelCased: `KPI Export` -> `kpiExport`), methods named from the
 * operationId, unique within their group, in spec order. Untagged operations are methods of the
 * client itself (`client.listPets()`), unless a group already took the name.
 */
function layout(operations: readonly Operation[]): { groups: Group[]; methods: Map<Operation, { group?: string; method: string }> } {
  const groups = new Map<string | undefined, Group>();
  const groupNames = new Unique();
  const tagGroup = new Map<string, string>();
  for (const op of operations) {
    const tag = op.tags[0];
    if (tag !== undefined && !tagGroup.has(tag)) tagGroup.set(tag, groupNames.take(toIdentifier(tag)));
  }
  const methods = new Map<Operation, { group?: string; method: string }>();
  const inGroup = new Map<string | undefined, Unique>();
  for (const op of operations) {
    const tag = op.tags[0];
    const group = tag === undefined ? undefined : tagGroup.get(tag)!;
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { name: group, tag, operations: [] }));
    g.operations.push(op);
    let names = inGroup.get(group);
    // top-level methods share the client object with the groups and the helpers
    if (!names) inGroup.set(group, (names = new Unique(group === undefined ? [...tagGroup.values(), 'waitForJob', 'identify', 'track'] : [])));
    methods.set(op, { ...(group === undefined ? {} : { group }), method: names.take(toIdentifier(op.id)) });
  }
  return { groups: [...groups.values()], methods };
}

/**
 * The client's credential options, per security scheme in spec order: apiKey -> the scheme's name
 * as an identifier; basic -> `x-oaskit-username-option` / `x-oaskit-password-option` (default
 * username / password); bearer, oauth2 and OpenID Connect -> `token`. Unique, never a builtin.
 */
function credentialNames(schemes: readonly SecurityScheme[]): CredentialNames[] {
  const taken = new Unique(builtinClientOptions);
  const ext = (s: SecurityScheme, key: string) => {
    const v = s.extensions[key];
    return typeof v === 'string' && camelCase(v) !== '' ? toIdentifier(v) : undefined;
  };
  let tokenTaken = false;
  return schemes.map((s): CredentialNames => {
    if (s.type === 'apiKey' && s.in && s.paramName !== undefined) return { scheme: s, kind: 'apiKey', options: [taken.take(toIdentifier(s.name))] };
    if (s.type === 'http' && s.scheme === 'basic') {
      return { scheme: s, kind: 'basic', options: [taken.take(ext(s, 'x-oaskit-username-option') ?? 'username'), taken.take(ext(s, 'x-oaskit-password-option') ?? 'password')] };
    }
    if ((s.type === 'http' && s.scheme === 'bearer') || s.type === 'oauth2' || s.type === 'openIdConnect') {
      const option = taken.take(tokenTaken ? toIdentifier(s.name) + 'Token' : 'token');
      tokenTaken = true;
      return { scheme: s, kind: 'bearer', options: [option] };
    }
    return { scheme: s, kind: 'none', options: [] };
  });
}

/** `userData.trackUsers` (or `listPets` for a method of the client itself): what follows `client.` */
export function methodPath(n: Pick<OperationNames, 'group' | 'method'>): string {
  return n.group === undefined ? n.method : `${n.group}.${n.method}`;
}
