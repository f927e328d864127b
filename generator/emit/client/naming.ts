// How the generated client names things. The client emitter and the docs' code samples both use
// these, so a sample always calls the method the client really has.
import { camelCase, toIdentifier } from '../../model/names.ts';
import type { ApiModel, Operation, SecurityScheme } from '../../model/types.ts';

/** `appboy` -> `createAppboyClient` */
export function clientFactoryName(model: ApiModel): string {
  return `create${toIdentifier(model.name, 'pascal')}Client`;
}

/** The group an operation's method lives in: its first tag, camelCased; `default` without tags. */
export function groupName(op: Operation): string {
  return toIdentifier(op.tags[0] ?? 'default');
}

export interface ClientLayout {
  groups: { name: string; tag: string | undefined; methods: { name: string; op: Operation }[] }[];
  /** method name of each operation, by operation id */
  methodOf: Map<string, { group: string; method: string }>;
}

/** Groups and method names for every operation, unique within their group, in spec order. */
export function clientLayout(model: ApiModel): ClientLayout {
  const groups = new Map<string, ClientLayout['groups'][number]>();
  const methodOf = new Map<string, { group: string; method: string }>();
  for (const op of model.operations) {
    const g = groupName(op);
    let group = groups.get(g);
    if (!group) groups.set(g, (group = { name: g, tag: op.tags[0], methods: [] }));
    let name = toIdentifier(op.id);
    for (let n = 2; group.methods.some((m) => m.name === name); n++) name = toIdentifier(op.id) + n;
    group.methods.push({ name, op });
    methodOf.set(op.id, { group: g, method: name });
  }
  return { groups: [...groups.values()], methodOf };
}

/** The npm name of a generated package. */
export function packageName(model: ApiModel): string {
  return `@oaskit/${model.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
}

/** Option names the client runtime uses itself: credentials never take them. */
export const builtinClientOptions: readonly string[] = [
  'baseUrl', 'fetch', 'timeoutMs', 'retry', 'validate', 'headers', 'pathParams', 'clock',
  'maxResponseBytes', 'maxRedirects', 'onRequest', 'onResponse', 'onError', 'validation',
];

export interface CredentialNames {
  scheme: SecurityScheme;
  /** how the client applies it; 'none' (mutual TLS, unknown http schemes) is set up outside it */
  kind: 'apiKey' | 'basic' | 'bearer' | 'none';
  /** the client option names: apiKey and bearer one, basic two (user name, password) */
  options: string[];
}

/**
 * The client's credential options, per security scheme in spec order: apiKey -> the scheme's name
 * as an identifier; basic -> `x-oaskit-username-option` / `x-oaskit-password-option` (default
 * username / password); bearer, oauth2 and OpenID Connect -> `token`. Unique, never a builtin.
 */
export function credentialNames(model: ApiModel): CredentialNames[] {
  const taken = new Set(builtinClientOptions);
  const unique = (base: string) => {
    let name = base;
    for (let n = 2; taken.has(name); n++) name = base + n;
    taken.add(name);
    return name;
  };
  const ext = (s: SecurityScheme, key: string) => {
    const v = s.extensions[key];
    return typeof v === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(camelCase(v)) ? toIdentifier(v) : undefined;
  };
  return model.securitySchemes.map((s): CredentialNames => {
    if (s.type === 'apiKey' && s.in && s.paramName !== undefined) return { scheme: s, kind: 'apiKey', options: [unique(toIdentifier(s.name))] };
    if (s.type === 'http' && s.scheme === 'basic') {
      return { scheme: s, kind: 'basic', options: [unique(ext(s, 'x-oaskit-username-option') ?? 'username'), unique(ext(s, 'x-oaskit-password-option') ?? 'password')] };
    }
    if ((s.type === 'http' && s.scheme === 'bearer') || s.type === 'oauth2' || s.type === 'openIdConnect') {
      return { scheme: s, kind: 'bearer', options: [unique(taken.has('token') ? toIdentifier(s.name) + 'Token' : 'token')] };
    }
    return { scheme: s, kind: 'none', options: [] };
  });
}
