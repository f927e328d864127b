// oas-schema: the document against the official OpenAPI JSON Schema of its version (Ajv, compiled
// once per process; 3.1 schemas are also checked against the JSON Schema 2020-12 meta-schema).
// Ajv reports every failed branch of every oneOf/anyOf; the errors are reduced to the ones that
// say something, and each points at the offending node (a key for an unknown property).
// Files reached through `$ref` are validated in place: the ref is replaced by its target before
// validation, and errors inside it are mapped back to that file.
import { escapeSegment, isObject, toPointer } from '../load/pointer.ts';
import type { Loc, Workspace } from '../load/workspace.ts';
import { openApiValidator, type AjvError } from './openapi-schemas.ts';
import type { Finding, Rule, RuleContext } from './rule.ts';

export const oasSchema: Rule = {
  id: 'oas-schema',
  description: 'The document must be valid against the OpenAPI JSON Schema of its version.',
  check(ctx) {
    return validateDocument(ctx);
  },
};

interface VerboseError extends AjvError {
  schema?: unknown;
  data?: unknown;
}

const summaries = new Set(['oneOf', 'anyOf', 'if', 'then', 'else', '$ref', '$dynamicRef', 'allOf']);

export function validateDocument(ctx: Pick<RuleContext, 'workspace' | 'version'>): Finding[] {
  const ws = ctx.workspace;
  const { value, locate } = ws.loadedFiles().length > 1 ? inlineExternal(ws) : { value: ws.root.value, locate: (p: string): Loc => ({ file: ws.root.path, pointer: p }) };
  const validate = openApiValidator(ctx.version);
  if (validate(value)) return [];
  const errors = reduce((validate.errors ?? []) as VerboseError[]);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const unknown = e.params.unevaluatedProperty ?? e.params.additionalProperty;
    const path = unknown !== undefined ? e.instancePath + '/' + escapeSegment(String(unknown)) : e.instancePath;
    const loc = locate(path);
    const message = `${e.instancePath || '/'} ${describe(e)}`;
    const key = `${loc.file}#${loc.pointer}#${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // a missing property is reported at the object's key (`info:`), an unknown one at its own key
    const atKey = unknown !== undefined || e.keyword === 'required';
    out.push({ message, file: loc.file, pointer: loc.pointer, ...(atKey && loc.pointer !== '' ? { atKey: true } : {}) });
  }
  return out;
}

function describe(e: VerboseError): string {
  if (e.message?.startsWith('@')) return e.message.slice(1);
  const unknown = e.params.unevaluatedProperty ?? e.params.additionalProperty;
  if (unknown !== undefined) return `has unknown property '${String(unknown)}'`;
  if (e.keyword === 'enum') return `must be one of: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'const') return `must be ${JSON.stringify(e.params.allowedValue)}`;
  if (e.keyword === 'not' && isRequiredOnly(e.schema)) return `must not have both ${quoteList((e.schema as { required: string[] }).required, 'and')}`;
  return e.message ?? e.keyword;
}

/** Keep the errors that say something; merge the alternatives of a oneOf/anyOf of `required`s. */
function reduce(errors: VerboseError[]): VerboseError[] {
  let list = errors.slice();
  // oneOf/anyOf whose branches are all `required: [x]`: one message naming the alternatives
  for (const e of errors) {
    if ((e.keyword !== 'oneOf' && e.keyword !== 'anyOf') || !Array.isArray(e.schema) || !e.schema.every(isRequiredOnly)) continue;
    const names = (e.schema as { required: string[] }[]).map((b) => b.required.join(' and '));
    const passing = e.params.passingSchemas;
    const message = Array.isArray(passing) ? `@must not have both ${quoteList(names, 'and')}` : `@must have ${e.keyword === 'oneOf' ? 'one' : 'at least one'} of ${quoteList(names, 'or')}`;
    list = list.filter((x) => x === e || !(x.instancePath === e.instancePath && x.schemaPath.startsWith(e.schemaPath + '/')));
    e.message = message;
    e.keyword = 'required';
  }
  // a branch that fails on its type alone is the wrong branch when another fails on more
  for (const e of list) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const branches = list.filter((x) => x !== e && x.instancePath === e.instancePath && !summaries.has(x.keyword));
    if (branches.some((x) => x.keyword !== 'type')) list = list.filter((x) => !(x.keyword === 'type' && x.instancePath === e.instancePath && x.schemaPath.startsWith(e.schemaPath + '/')));
  }
  // "must have required property '$ref'": the reference alternative failing, noise next to others
  list = list.filter((x) => !(x.keyword === 'required' && x.params.missingProperty === '$ref' && list.some((y) => y !== x && y.instancePath.startsWith(x.instancePath) && !summaries.has(y.keyword) && y.params.missingProperty !== '$ref')));
  // a summary is only kept when nothing at or below its node says more
  list = list.filter((x) => !summaries.has(x.keyword) || !list.some((y) => y !== x && !summaries.has(y.keyword) && (y.instancePath === x.instancePath || y.instancePath.startsWith(x.instancePath + '/'))));
  // of several summaries on one node, one is enough
  return list.filter((x, i) => !summaries.has(x.keyword) || !list.some((y, j) => j < i && summaries.has(y.keyword) && y.instancePath === x.instancePath));
}

function isRequiredOnly(branch: unknown): boolean {
  return isObject(branch) && Object.keys(branch).length === 1 && Array.isArray(branch.required) && branch.required.length > 0;
}

function quoteList(items: string[], conjunction: string): string {
  const q = items.map((i) => (i.includes("'") ? i : `'${i}'`));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${conjunction} ${q.at(-1)}`;
}

/**
 * The root document with every ref into another file replaced by its target (and, inside such a
 * target, the refs into its own file too), plus where each replaced part came from.
 */
function inlineExternal(ws: Workspace): { value: unknown; locate: (instancePath: string) => Loc } {
  const root = ws.root.path;
  const origins: [string, Loc][] = [];
  const active = new Set<string>();
  const copy = (value: unknown, file: string, path: string[]): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => copy(v, file, [...path, String(i)]));
    if (!isObject(value)) return value;
    if (typeof value.$ref === 'string' && (file !== root || !value.$ref.startsWith('#'))) {
      const r = ws.resolveRef(file, value.$ref);
      const key = r.ok ? r.target.loc.file + '#' + r.target.loc.pointer : '';
      if (r.ok && r.target.loc.file !== root && !active.has(key)) {
        active.add(key);
        origins.push([toPointer(path), r.target.loc]);
        const out = copy(r.target.value, r.target.loc.file, path);
        active.delete(key);
        return out;
      }
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) out[k] = copy(value[k], file, [...path, k]);
    return out;
  };
  const value = copy(ws.root.value, root, []);
  origins.sort((a, b) => b[0].length - a[0].length);
  return {
    value,
    locate(instancePath) {
      for (const [prefix, loc] of origins) {
        if (instancePath === prefix || instancePath.startsWith(prefix + '/')) {
          return { file: loc.file, pointer: loc.pointer + instancePath.slice(prefix.length) };
        }
      }
      return { file: root, pointer: instancePath };
    },
  };
}

