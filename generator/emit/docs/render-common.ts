// Pieces both renderers share: what a security scheme asks for, reason phrases, labels of
// extensions, example values as text.
import type { Header, Operation, Response, SecurityScheme } from '../../model/types.ts';
import type { ApiReference } from './reference.ts';
import { unwrap } from '../../model/schema.ts';
import { bodyCredentials } from './samples.ts';

const reasons: Record<string, string> = {
  '100': 'Continue',
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '203': 'Non-Authoritative Information',
  '204': 'No Content',
  '205': 'Reset Content',
  '206': 'Partial Content',
  '207': 'Multi-Status',
  '301': 'Moved Permanently',
  '302': 'Found',
  '303': 'See Other',
  '304': 'Not Modified',
  '307': 'Temporary Redirect',
  '308': 'Permanent Redirect',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '402': 'Payment Required',
  '403': 'Forbidden',
  '404': 'Not Found',
  '405': 'Method Not Allowed',
  '406': 'Not Acceptable',
  '409': 'Conflict',
  '410': 'Gone',
  '412': 'Precondition Failed',
  '413': 'Content Too Large',
  '415': 'Unsupported Media Type',
  '422': 'Unprocessable Content',
  '423': 'Locked',
  '428': 'Precondition Required',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '501': 'Not Implemented',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
  default: 'Any other status',
  '1XX': 'Informational',
  '2XX': 'Success',
  '3XX': 'Redirection',
  '4XX': 'Client error',
  '5XX': 'Server error',
};

export function reasonPhrase(status: string): string {
  return reasons[status.toUpperCase()] ?? reasons[status] ?? '';
}

/** How a client presents a scheme, in one line of plain text (the name is shown separately). */
export function schemeHow(s: SecurityScheme): string {
  switch (s.type) {
    case 'apiKey':
      return `API key in the ${s.in === 'query' ? 'query parameter' : s.in === 'cookie' ? 'cookie' : 'header'} ${s.paramName ?? ''}`.trim();
    case 'http':
      if (s.scheme === 'basic') return 'HTTP basic authentication (Authorization: Basic)';
      if (s.scheme === 'bearer') return `Bearer token in the Authorization header${s.bearerFormat ? ` (${s.bearerFormat})` : ''}`;
      return `HTTP ${s.scheme ?? ''} authentication`.trim();
    case 'oauth2':
      return 'OAuth 2.0 access token in the Authorization header';
    case 'openIdConnect':
      return 'OpenID Connect token in the Authorization header';
    case 'mutualTLS':
      return 'Mutual TLS: a client certificate';
    default:
      return String(s.type);
  }
}

export interface AuthSummary {
  /** true when the operation declares no requirement at all (security: []) */
  none: boolean;
  /** true when `{}` is one of the alternatives: the credential is optional */
  optional: boolean;
  /** alternatives; within one, every scheme applies together */
  alternatives: { scheme: string; scopes: string[] }[][];
  /** top-level body properties that carry a credential, with the scheme each one carries */
  bodyCredentials: [string, string][];
}

export function authOf(ref: ApiReference, op: Operation): AuthSummary {
  const alternatives = op.security.filter((r) => r.length > 0);
  return {
    none: alternatives.length === 0,
    optional: op.security.some((r) => r.length === 0) && alternatives.length > 0,
    alternatives,
    bodyCredentials: [...bodyCredentials(ref.client, op)],
  };
}

/** Extensions shown as notes or used elsewhere; every other `x-oaskit-*` is listed as is. */
const handled = new Set(['x-oaskit-note', 'x-oaskit-evidence', 'x-oaskit-credential', 'x-oaskit-username-option', 'x-oaskit-password-option', 'x-oaskit-option']);

/** The `x-oaskit-*` extensions to list, with a readable label. */
export function listedExtensions(ext: Record<string, unknown>): { label: string; value: unknown }[] {
  return Object.keys(ext)
    .filter((k) => k.startsWith('x-oaskit-') && !handled.has(k))
    .map((k) => ({ label: k.slice('x-oaskit-'.length).replace(/-/g, ' '), value: ext[k] }));
}

/** An example value as display text: JSON pretty-printed, strings as they are. */
export function exampleText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

/**
 * Headers that every response of an operation carries (rate-limit headers, typically): shown once
 * above the responses instead of under each one. Needs two responses or more.
 */
export function splitHeaders(responses: readonly Response[]): { common: Header[]; own: Map<Response, Header[]> } {
  const key = (h: Header) => JSON.stringify([h.name.toLowerCase(), h.description ?? '', h.required, h.schema ? unwrap(h.schema).id : null]);
  const own = new Map(responses.map((r) => [r, r.headers]));
  if (responses.length < 2) return { common: [], own };
  const first = responses[0]!.headers;
  const common = first.filter((h) => responses.every((r) => r.headers.some((g) => key(g) === key(h))));
  if (!common.length) return { common, own };
  const keys = new Set(common.map(key));
  for (const r of responses) own.set(r, r.headers.filter((h) => !keys.has(key(h))));
  return { common, own };
}
