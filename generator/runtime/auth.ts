// Credentials from the config into the request: the security schemes of the first alternative the
// config can satisfy (API keys in the query, a header or a cookie; HTTP basic; bearer tokens) and
// parameters marked as credentials. A codec: only operations with credentials import it.
import { MissingCredentialError } from './errors.ts';
import type { ParamLocation, SchemeMeta } from './meta.ts';
import { optionValue, REDACTED, scalar, setCookies, type Authenticator } from './request.ts';

function optionNames(s: SchemeMeta): string[] {
  return s.type === 'basic' ? [s.usernameOption, s.passwordOption] : s.type === 'none' ? [] : [s.option];
}

/**
 * An error as it may be shown: when its text repeats a secret, a plain Error without it. (Values
 * shorter than 4 characters are not searched for: they would match everywhere, and hide nothing.)
 */
export function scrub(error: unknown, secrets: readonly string[]): unknown {
  let text = '';
  for (let e = error as { message?: unknown; input?: unknown; cause?: unknown } | undefined, n = 0; e && n < 4; e = e.cause as typeof e, n++) text += `${e.message} ${e.input ?? ''} `;
  let message = String((error as Error)?.message);
  let leaked = false;
  for (const s of secrets.filter((v) => v.length > 3)) {
    for (const form of [s, encodeURIComponent(s)]) {
      if (text.includes(form)) leaked = true;
      message = message.split(form).join(REDACTED);
    }
  }
  return leaked ? new Error(message) : error;
}

export const authenticate: Authenticator = (op, input, options, parts) => {
  const option = (name: string) => optionValue(options, name);
  const { secrets } = parts;
  const creds: [ParamLocation, string, string | undefined][] = [];
  for (const p of op.params) if (p.credential && p.in !== 'path') creds.push([p.in, p.name, option(p.credential)]);
  if (op.security.length) {
    const alternative = op.security.find((alt) => alt.every((s) => optionNames(s).every((o) => option(o) !== undefined)));
    if (!alternative) throw new MissingCredentialError(op.id, op.security.map((alt) => alt.flatMap(optionNames)));
    for (const s of alternative) {
      if (s.type === 'apiKey') creds.push([s.in, s.param, option(s.option)]);
      else if (s.type !== 'none') {
        const [a, b] = optionNames(s).map(option) as [string, string];
        const token = s.type === 'basic' ? btoa(String.fromCharCode(...new TextEncoder().encode(`${a}:${b}`))) : a;
        parts.auth.Authorization = (s.type === 'basic' ? 'Basic ' : 'Bearer ') + token;
        secrets.push(token, a, b ?? '');
      }
    }
  }
  for (const [location, name, value] of creds) {
    const same = (k: string) => k === name || (location === 'header' && k.toLowerCase() === name.toLowerCase());
    if (location === 'query') parts.hidden.push(name);
    // one the call gives itself is still a secret
    const given = Object.entries(input[location] ?? {}).find(([k, v]) => v != null && same(k));
    if (given) {
      secrets.push(scalar(given[1]));
      for (const k in parts.headers) if (location === 'header' && same(k)) (parts.auth[k] = parts.headers[k]!), delete parts.headers[k];
      parts.secretCookie ||= location === 'cookie';
    } else if (value !== undefined) {
      secrets.push(value);
      parts.filled.push([location, name, value]);
      if (location === 'query') parts.query.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
      else if (location === 'header') parts.auth[name] = value;
      else parts.cookies.push(`${name}=${encodeURIComponent(value)}`), (parts.secretCookie = true);
    }
  }
  setCookies(parts);
  parts.scrub = (error: unknown) => scrub(error, secrets);
};
