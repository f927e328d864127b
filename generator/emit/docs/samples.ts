// Code samples for one operation: a `curl` command (every spec value single-quoted for the shell,
// credentials taken from environment variables) and a TypeScript call of the generated client
// (names from the model's name planner, credential places from its facts — the client uses both,
// values printed as literals). The TypeScript samples are type-checked against the generated
// client in test/docs, so they cannot drift from it.
import { methodPath } from '../../model/naming.ts';
import { words } from '../../model/names.ts';
import type { NamePlan } from '../../model/naming.ts';
import type { ApiFacts } from '../../model/facts.ts';
import type { ApiModel, MediaType, Operation, Parameter, SecurityScheme } from '../../model/types.ts';
import { sampleValue, defineValue } from './sample-values.ts';
import { SchemaReader } from './schema-view.ts';
import { isObject } from '../../core/pointer.ts';

/** A client option that holds a credential, and the environment variable the samples read it from. */
export interface CredentialOption {
  scheme: string;
  option: string;
  env: string;
}

export interface ClientInfo {
  packageName: string;
  factoryName: string;
  names: NamePlan;
  facts: ApiFacts;
  /** per scheme: its client options (basic auth has two) */
  options: Map<string, CredentialOption[]>;
  schemes: Map<string, SecurityScheme>;
}

/** The client's credential options and environment variable names for the samples (named as the client names them). */
export function clientInfo(model: ApiModel): ClientInfo {
  const prefix = words(model.name).join('_').toUpperCase();
  const env = (option: string) => `${prefix}_${words(option).join('_').toUpperCase()}`;
  const options = new Map<string, CredentialOption[]>();
  for (const c of model.names.credentials) options.set(c.scheme.name, c.options.map((option) => ({ scheme: c.scheme.name, option, env: env(option) })));
  return { packageName: model.names.packageName, factoryName: model.names.factory, names: model.names, facts: model.facts, options, schemes: new Map(model.securitySchemes.map((s) => [s.name, s])) };
}

/** The apiKey scheme a parameter carries in this operation (the client fills it), if any. */
export function credentialOfParameter(info: ClientInfo, p: Parameter, op: Operation): string | undefined {
  return info.facts.operations.get(op)!.credentialParams.find((c) => c.name === p.name && c.in === p.in)?.scheme;
}

/** Top-level body properties a credential fills (`x-oaskit-credential`): property -> scheme. */
export function bodyCredentials(info: ClientInfo, op: Operation): Map<string, string> {
  return new Map(info.facts.operations.get(op)!.credentialBody.map((c) => [c.property, c.scheme]));
}

function envFor(info: ClientInfo, scheme: string, index = 0): string {
  return info.options.get(scheme)?.[index]?.env ?? `${words(scheme).join('_').toUpperCase()}`;
}

export interface OperationSamples {
  curl: string;
  typescript: string;
}

/** The body a sample sends: the one a call sends when it names no media type. */
export function sampleMedia(info: ClientInfo, op: Operation): MediaType | undefined {
  const media = info.facts.operations.get(op)!.defaultMedia;
  return op.requestBody?.content.find((m) => m.contentType === media);
}

function parameterValue(reader: SchemaReader, p: Parameter): unknown {
  if (p.examples.length) return p.examples[0]!.value;
  if (p.schema) return sampleValue(reader, p.schema, 'request');
  const media = p.content[0];
  if (media?.examples.length) return media.examples[0]!.value;
  return 'value';
}

function bodyValue(reader: SchemaReader, media: MediaType | undefined): unknown {
  if (!media) return undefined;
  if (media.examples.length) return media.examples[0]!.value;
  if (media.schema) return sampleValue(reader, media.schema, 'request');
  return undefined;
}

/** Parameters a sample sets: every required one, and optional ones the spec gives an example for. */
function shownParameters(op: Operation): Parameter[] {
  return op.parameters.filter((p) => p.required || p.examples.length > 0);
}

export function operationSamples(model: ApiModel, reader: SchemaReader, info: ClientInfo, op: Operation): OperationSamples {
  return { curl: curlSample(model, reader, info, op), typescript: typescriptSample(reader, info, op) };
}

// ---- curl -----------------------------------------------------------------------------------

type Part = { lit: string } | { env: string };

/** One shell word from literal text and environment variables, quoted so nothing in it is interpreted. */
export function shellWord(parts: Part[]): string {
  const merged: Part[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if ('lit' in p && last && 'lit' in last) merged[merged.length - 1] = { lit: last.lit + p.lit };
    else if (!('lit' in p) || p.lit !== '') merged.push(p);
  }
  if (merged.length === 0) return "''";
  if (merged.every((p) => 'lit' in p && /^[A-Za-z0-9_@%+=:,./-]+$/.test(p.lit))) return merged.map((p) => (p as { lit: string }).lit).join('');
  if (merged.some((p) => 'env' in p) && merged.every((p) => 'env' in p || /^[A-Za-z0-9 _@%+=:,./-]*$/.test(p.lit))) {
    return '"' + merged.map((p, i) => ('env' in p ? (/^[A-Za-z0-9_]/.test(litAt(merged, i + 1)) ? '${' + p.env + '}' : '$' + p.env) : p.lit)).join('') + '"';
  }
  return merged.map((p) => ('env' in p ? `"$${p.env}"` : "'" + p.lit.replace(/'/g, `'\\''`) + "'")).join('');
}

function litAt(parts: Part[], i: number): string {
  const p = parts[i];
  return p && 'lit' in p ? p.lit : '';
}

/**
 * JSON text in which credential values become env parts. The placeholder is a tag that does not
 * occur anywhere in the example, so no text of the spec can turn into an environment variable.
 */
function jsonWithEnv(value: unknown, credentials: Map<string, string>, info: ClientInfo): Part[] {
  if (!isObject(value) || credentials.size === 0) return [{ lit: JSON.stringify(value ?? {}, null, 2) }];
  const plain = JSON.stringify(value);
  let tag = 'OASKIT_ENV';
  for (let n = 0; plain.includes(tag); n++) tag = `OASKIT_ENV${n}`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) defineValue(out, k, credentials.has(k) ? `${tag}:${envFor(info, credentials.get(k)!)}` : v);
  for (const [k, scheme] of credentials) if (!Object.prototype.hasOwnProperty.call(value, k)) defineValue(out, k, `${tag}:${envFor(info, scheme)}`);
  const text = JSON.stringify(out, null, 2);
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(`${tag}:([A-Z0-9_]+)`, 'g'))) {
    parts.push({ lit: text.slice(last, m.index) }, { env: m[1]! });
    last = m.index! + m[0].length;
  }
  parts.push({ lit: text.slice(last) });
  return parts;
}

function serverUrl(model: ApiModel, op: Operation): string {
  const server = op.servers[0] ?? model.servers[0];
  let url = server?.url ?? '';
  for (const v of server?.variables ?? []) url = url.split(`{${v.name}}`).join(v.default);
  if (!/^https?:\/\//i.test(url)) url = 'https://api.example.com' + (url.startsWith('/') ? '' : '/') + url;
  return url.replace(/\/+$/, '');
}

function encodeQuery(name: string, value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => `${encodeURIComponent(name)}=${v !== null && typeof v === 'object' ? encodeURIComponent(JSON.stringify(v)) : encodeURIComponent(String(v))}`);
}

function curlSample(model: ApiModel, reader: SchemaReader, info: ClientInfo, op: Operation): string {
  const lines: Part[][] = [];
  const query: Part[] = [];
  const addQuery = (parts: Part[]) => query.push({ lit: query.length ? '&' : '?' }, ...parts);
  const extra: Part[][] = [];

  let path = op.path;
  for (const p of op.parameters) {
    if (p.in === 'path') path = path.split(`{${p.name}}`).join(encodeURIComponent(String(scalar(parameterValue(reader, p)))));
  }
  for (const p of shownParameters(op)) {
    if (p.in === 'path') continue;
    const credential = credentialOfParameter(info, p, op);
    if (credential) continue; // added with the operation's security below, or from the scheme
    const value = parameterValue(reader, p);
    if (p.in === 'query') for (const q of encodeQuery(p.name, value)) addQuery([{ lit: q }]);
    if (p.in === 'header') extra.push([{ lit: '-H' }], [{ lit: `${p.name}: ${scalar(value)}` }]);
    if (p.in === 'cookie') extra.push([{ lit: '-b' }], [{ lit: `${p.name}=${encodeURIComponent(String(scalar(value)))}` }]);
  }
  // credentials: the first way the operation accepts, then credential parameters it declares itself
  const used = new Set<string>();
  for (const req of op.security.slice(0, 1)) {
    for (const { scheme: name } of req) {
      const s = info.schemes.get(name);
      if (!s) continue;
      used.add(name);
      if (s.type === 'apiKey' && s.in === 'query') addQuery([{ lit: `${encodeURIComponent(s.paramName ?? name)}=` }, { env: envFor(info, name) }]);
      else if (s.type === 'apiKey' && s.in === 'header') extra.push([{ lit: '-H' }], [{ lit: `${s.paramName ?? name}: ` }, { env: envFor(info, name) }]);
      else if (s.type === 'apiKey' && s.in === 'cookie') extra.push([{ lit: '-b' }], [{ lit: `${s.paramName ?? name}=` }, { env: envFor(info, name) }]);
      else if (s.type === 'http' && s.scheme === 'basic') extra.push([{ lit: '-u' }], [{ env: envFor(info, name, 0) }, { lit: ':' }, { env: envFor(info, name, 1) }]);
      else if (s.type === 'mutualTLS') extra.push([{ lit: '--cert' }], [{ lit: 'client.pem' }], [{ lit: '--key' }], [{ lit: 'client-key.pem' }]);
      else if (s.type === 'http' && s.scheme && s.scheme !== 'bearer') extra.push([{ lit: '-H' }], [{ lit: `Authorization: ${s.scheme[0]!.toUpperCase()}${s.scheme.slice(1)} ` }, { env: envFor(info, name) }]);
      else extra.push([{ lit: '-H' }], [{ lit: 'Authorization: Bearer ' }, { env: envFor(info, name) }]);
    }
  }
  for (const p of op.parameters) {
    const credential = credentialOfParameter(info, p, op);
    if (!credential || used.has(credential) || !p.required) continue;
    const env: Part = { env: envFor(info, credential) };
    if (p.in === 'query') addQuery([{ lit: `${encodeURIComponent(p.name)}=` }, env]);
    if (p.in === 'header') extra.push([{ lit: '-H' }], [{ lit: `${p.name}: ` }, env]);
    if (p.in === 'cookie') extra.push([{ lit: '-b' }], [{ lit: `${p.name}=` }, env]);
  }

  const first: Part[][] = [[{ lit: 'curl' }]];
  if (op.method === 'head') first.push([{ lit: '--head' }]);
  else if (op.method !== 'get') first.push([{ lit: '-X' }], [{ lit: op.method.toUpperCase() }]);
  first.push([{ lit: serverUrl(model, op) + path }, ...query]);
  lines.push(first.flatMap((w, i) => (i ? [{ lit: ' ' }, ...w] : w)));

  const words2: Part[][] = [];
  const media = sampleMedia(info, op);
  const success = op.responses.find((r) => /^2/.test(r.status) && r.content.length);
  if (success && success.content.every((m) => m.kind === 'json')) {
    words2.push([{ lit: '-H' }], [{ lit: 'Accept: application/json' }]);
  }
  words2.push(...extra);
  if (media) {
    const credentials = bodyCredentials(info, op);
    const value = bodyValue(reader, media);
    const ct = media.contentType;
    if (media.kind === 'json') {
      words2.push([{ lit: '-H' }], [{ lit: `Content-Type: ${ct}` }]);
      words2.push([{ lit: '--data' }], jsonWithEnv(value, credentials, info));
    } else if (media.kind === 'multipart' && isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        const prop = media.schema ? reader.view(media.schema).properties.find((p) => p.name === k) : undefined;
        const pv = prop ? reader.view(prop.at) : undefined;
        const isFile = pv?.format === 'binary' || pv?.format === 'base64' || (pv?.facts.some((f) => f.label === 'content type') ?? false);
        const cred = credentials.get(k);
        if (cred) words2.push([{ lit: '-F' }], [{ lit: `${k}=` }, { env: envFor(info, cred) }]);
        else words2.push([{ lit: '-F' }], [{ lit: isFile ? `${k}=@${k === 'file' ? 'file' : k}.${extensionOf(pv?.facts.find((f) => f.label === 'content type')?.text)}` : `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}` }]);
      }
    } else if (media.kind === 'form' && isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        const cred = credentials.get(k);
        words2.push([{ lit: '--data-urlencode' }], cred ? [{ lit: `${k}=` }, { env: envFor(info, cred) }] : [{ lit: `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}` }]);
      }
    } else {
      words2.push([{ lit: '-H' }], [{ lit: `Content-Type: ${ct}` }]);
      if (typeof value === 'string') words2.push([{ lit: '--data-binary' }], [{ lit: value }]);
      else words2.push([{ lit: '--data-binary' }], [{ lit: `@body.${extensionOf(ct)}` }]);
    }
  }
  // flags and their values stay on one line
  for (let i = 0; i < words2.length; i++) {
    const w = words2[i]!;
    const flag = 'lit' in w[0]! && w.length === 1 && w[0].lit.startsWith('-');
    if (flag && i + 1 < words2.length && !isFlag(words2[i + 1]!)) {
      lines.push([...w, { lit: ' ' }, ...words2[i + 1]!]);
      i++;
    } else lines.push(w);
  }
  return lines.map((line) => renderLine(line)).join(' \\\n  ');
}

function isFlag(w: Part[]): boolean {
  return w.length === 1 && 'lit' in w[0]! && w[0].lit.startsWith('-') && w[0].lit.length > 1 && !/\s/.test(w[0].lit);
}

/** A line of words: words are separated by a lone ' ' literal. */
function renderLine(parts: Part[]): string {
  const words: Part[][] = [[]];
  for (const p of parts) {
    if ('lit' in p && p.lit === ' ') words.push([]);
    else words[words.length - 1]!.push(p);
  }
  return words.map(shellWord).join(' ');
}

function extensionOf(contentType: string | undefined): string {
  const sub = (contentType ?? '').split(';')[0]!.split('/')[1] ?? '';
  const ext = sub.replace(/^.*\+/, '').replace(/[^a-z0-9]/gi, '');
  return ext === '' || ext === 'octetstream' ? 'bin' : ext.toLowerCase();
}

function scalar(v: unknown): string | number | boolean {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v) ?? '';
}

// ---- TypeScript -----------------------------------------------------------------------------

/** A string as a single-quoted TypeScript literal; line terminators and control characters escaped. */
export function tsString(s: string): string {
  return (
    "'" +
    s.replace(/[\\'\u0000-\u001f\u2028\u2029\u007f]/g, (c) => {
      if (c === '\\') return '\\\\';
      if (c === "'") return "\\'";
      if (c === '\n') return '\\n';
      if (c === '\t') return '\\t';
      if (c === '\r') return '\\r';
      return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    }) +
    "'"
  );
}

function tsKey(key: string): string {
  if (key === '__proto__') return `[${tsString(key)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsString(key);
}

/** A JSON value as a TypeScript expression, indented from `indent`. */
export function tsLiteral(value: unknown, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => tsLiteral(v, inner));
    const flat = `[${items.join(', ')}]`;
    if (flat.length + indent.length <= 80 && !flat.includes('\n')) return flat;
    return `[\n${items.map((i) => inner + i).join(',\n')},\n${indent}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const items = entries.map(([k, v]) => `${tsKey(k)}: ${tsLiteral(v, inner)}`);
    const flat = `{ ${items.join(', ')} }`;
    if (flat.length + indent.length <= 80 && !flat.includes('\n')) return flat;
    return `{\n${items.map((i) => inner + i).join(',\n')},\n${indent}}`;
  }
  return 'undefined';
}

/** The client factory call every TypeScript sample starts with. */
export function clientSetup(info: ClientInfo): string {
  const options = [...info.options.values()].flat();
  const unique = options.filter((o, i) => options.findIndex((p) => p.option === o.option) === i);
  const args = unique.map((o) => `${o.option}: process.env.${o.env}!`);
  const flat = `{ ${args.join(', ')} }`;
  const call = args.length === 0 ? `${info.factoryName}()` : flat.length < 70 ? `${info.factoryName}(${flat})` : `${info.factoryName}({\n${args.map((a) => '  ' + a).join(',\n')},\n})`;
  return `import { ${info.factoryName} } from ${tsString(info.packageName)};\n\nconst client = ${call};\n`;
}

/** The input of a sample call, as TypeScript object members (`path: { … }`, `body: …`), indented for
 * an object literal at `indent`: required parameters, those with examples, and the body (without
 * what the client fills from its credentials). */
export function callMembers(reader: SchemaReader, info: ClientInfo, op: Operation, indent = '  '): string[] {
  const groups: [string, Record<string, unknown>][] = [];
  for (const location of ['path', 'query', 'header', 'cookie'] as const) {
    const values: Record<string, unknown> = {};
    for (const p of shownParameters(op)) {
      if (p.in !== location || credentialOfParameter(info, p, op)) continue;
      defineValue(values, p.name, parameterValue(reader, p));
    }
    if (Object.keys(values).length) groups.push([location, values]);
  }
  const args: string[] = groups.map(([k, v]) => `${k}: ${tsLiteral(v, indent)}`);
  const body = sampleBody(reader, info, op);
  if (body !== undefined) args.push(`body: ${tsLiteral(body, indent)}`);
  return args;
}

/** The body a sample call sends, without what the client fills from its credentials. */
export function sampleBody(reader: SchemaReader, info: ClientInfo, op: Operation): unknown {
  const media = sampleMedia(info, op);
  if (!media) return undefined;
  let value = bodyValue(reader, media);
  const credentials = bodyCredentials(info, op);
  if (isObject(value) && credentials.size) {
    const stripped: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!credentials.has(k)) defineValue(stripped, k, v);
    value = stripped;
  }
  return value;
}

/** `client.group.method(…)` with the sample input (`suffix`: `.result`, say). */
export function sampleCall(reader: SchemaReader, info: ClientInfo, op: Operation, suffix = ''): string {
  const where = info.names.operations.get(op)!;
  const args = callMembers(reader, info, op);
  const call = `client.${methodPath(where)}${suffix}`;
  return args.length === 0 ? `${call}()` : `${call}({\n${args.map((a) => '  ' + a).join(',\n')},\n})`;
}

function typescriptSample(reader: SchemaReader, info: ClientInfo, op: Operation): string {
  return `${clientSetup(info)}\nconst data = await ${sampleCall(reader, info, op)};\n`;
}
