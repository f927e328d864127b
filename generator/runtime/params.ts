// The call's parameters: path and query by their OpenAPI style (form, spaceDelimited,
// pipeDelimited, deepObject; simple, label, matrix) with openapi-fetch's serializers, headers and
// cookies as text, and the idempotency key (a header parameter). A codec: only operations with
// parameters import it.
import { serializeArrayParam, serializeObjectParam } from 'openapi-fetch';
import { RequestValidationError } from './errors.ts';
import type { ParamMeta } from './meta.ts';
import { own, scalar, setCookies, type ParamSerializer } from './request.ts';

function serialize(name: string, value: unknown, p: ParamMeta | undefined, location: 'path' | 'query'): string {
  const style = p?.style ?? (location === 'path' ? 'simple' : 'form');
  const explode = p?.explode ?? style === 'form';
  if (Array.isArray(value)) return value.length ? serializeArrayParam(name, value.map(scalar), { style: style as 'form', explode }) : '';
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const objectStyle = location === 'query' && style !== 'deepObject' ? 'form' : style;
    return serializeObjectParam(name, value as Record<string, unknown>, { style: objectStyle as 'form', explode });
  }
  const text = encodeURIComponent(scalar(value));
  if (location === 'query') return `${encodeURIComponent(name)}=${text}`;
  return style === 'label' ? '.' + text : style === 'matrix' ? `;${name}=${text}` : text;
}

export const styledParams: ParamSerializer = (op, input, defaults, parts) => {
  const meta = (name: string, location: string) => op.params.find((p) => p.in === location && p.name === name);
  const problems: RequestValidationError['errors'] = [];
  const path = op.path.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = own(input.path, name) ?? own(defaults, name);
    if (value == null) {
      problems.push({ location: 'path', instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: name }, message: `must have required property '${name}'` });
    } else if (typeof value !== 'object' && /^\.{0,2}$/.test(scalar(value))) {
      // '', '.' and '..' would name another resource once the URL is normalised
      problems.push({ location: 'path', instancePath: '/' + name, schemaPath: '#/path', keyword: 'segment', params: { value }, message: `cannot be ${JSON.stringify(scalar(value))}: it would change the path` });
    } else return serialize(name, value, meta(name, 'path'), 'path');
    return '';
  });
  if (problems.length) throw new RequestValidationError(op.id, problems);
  for (const [name, value] of Object.entries(input.query ?? {})) {
    const part = value == null ? '' : serialize(name, value, meta(name, 'query'), 'query');
    if (part) parts.query.push(part);
  }
  for (const [name, value] of Object.entries(input.header ?? {})) if (value != null) parts.headers[name] = scalar(value);
  // one idempotency key for every attempt of the call (a random UUID when the call and the config
  // give none): the server tells a retry from a new call
  const key = op.idempotencyKey;
  if (key && !Object.keys(parts.headers).some((k) => k.toLowerCase() === key.toLowerCase())) parts.headers[key] = crypto.randomUUID();
  for (const [name, value] of Object.entries(input.cookie ?? {})) if (value != null) parts.cookies.push(`${name}=${encodeURIComponent(scalar(value))}`);
  setCookies(parts);
  return path;
};
