// Which validators an API package gets and what they are called: one per component schema, per
// request body media type, per parameter set (path, query, header, cookie) and per documented
// response body. The client emitter reads the same plan, so its operation table names exactly
// the functions validators.ts exports.
import { toIdentifier } from '../../model/names.ts';
import type { ApiModel, Operation, Parameter, ParameterLocation } from '../../model/types.ts';
import type { ValidatorsMeta } from '../../runtime/meta.ts';
import { literal } from '../client/safe.ts';

export interface ValidatorEntry {
  /** the function names are `validate${name}` and `is${name}` */
  name: string;
  /** a JSON pointer into the document ('#/...') or a schema object whose refs point into it */
  schema: string | object;
  /** the TS type of a valid value */
  type?: string;
  description?: string;
}

export interface ValidatorPlan {
  entries: ValidatorEntry[];
  /** validator names (validate*) per operation id */
  operations: Map<string, ValidatorsMeta>;
}

const cache = new WeakMap<ApiModel, ValidatorPlan>();

/** `paths["/x"]["get"]`; `escapeSlashes` writes `/` as `\/` (for the validator compiler's type check). */
export function operationType(op: Operation, escapeSlashes = true): string {
  const lit = escapeSlashes ? typeLiteral : literal;
  return `paths[${lit(op.path)}][${lit(op.method)}]`;
}

/** A response key as openapi-typescript writes it: numbers as numbers, the rest as strings. */
/** A JSON pointer (already `~`-escaped) as a URI fragment: each segment percent-encoded. */
export function fragment(pointer: string): string {
  return '#' + pointer.split('/').map((s) => encodeURIComponent(s)).join('/');
}

/** A string literal type with `/` written `\/`, so no type text can look like a comment. */
export function typeLiteral(value: string): string {
  return literal(value).replace(/\//g, '\\/');
}

export function statusKey(status: string): string {
  return /^[1-5]\d\d$/.test(status) ? status : typeLiteral(status);
}

function suffixOf(media: string, all: string[]): string {
  if (all.length <= 1) return '';
  return toIdentifier(media.replace(/^[^/]*\//, '').replace(/[+;].*$/, ''), 'pascal');
}

export function validatorPlan(model: ApiModel): ValidatorPlan {
  const cached = cache.get(model);
  if (cached) return cached;
  const used = new Set<string>();
  const unique = (base: string) => {
    let name = base;
    for (let n = 2; used.has(name); n++) name = base + n;
    used.add(name);
    return name;
  };
  const entries: ValidatorEntry[] = [];
  for (const s of model.schemas) {
    entries.push({
      name: unique(toIdentifier(s.name, 'pascal')),
      schema: fragment(s.schema.loc.pointer),
      type: `Plain<components["schemas"][${typeLiteral(s.name)}]>`,
      description: `the component schema ${s.name}`,
    });
  }
  const operations = new Map<string, ValidatorsMeta>();
  for (const op of model.operations) {
    const base = toIdentifier(op.id, 'pascal');
    const opType = operationType(op);
    const meta: ValidatorsMeta = {};
    for (const location of ['path', 'query', 'header', 'cookie'] as ParameterLocation[]) {
      const params = op.parameters.filter((p) => p.in === location && (p.schema || p.content[0]?.schema));
      if (!params.length) continue;
      const name = unique(base + toIdentifier(location, 'pascal'));
      entries.push({ name, schema: parameterSet(params), type: `NonNullable<${opType}["parameters"][${typeLiteral(location)}]>`, description: `the ${location} parameters of ${op.id}` });
      meta[location] = 'validate' + name;
    }
    const bodyMedia = op.requestBody?.content.filter((m) => m.schema) ?? [];
    for (const m of bodyMedia) {
      const name = unique(base + 'Body' + suffixOf(m.contentType, bodyMedia.map((x) => x.contentType)));
      entries.push({
        name,
        schema: fragment(m.schema!.loc.pointer),
        type: `Writable<NonNullable<${opType}["requestBody"]>["content"][${typeLiteral(m.contentType)}]>`,
        description: `the ${m.contentType} request body of ${op.id}`,
      });
      (meta.body ??= []).push([m.contentType, 'validate' + name]);
    }
    for (const r of op.responses) {
      const media = r.content.filter((m) => m.schema);
      for (const m of media) {
        const name = unique(base + 'Response' + toIdentifier(r.status, 'pascal').replace(/^_/, '') + suffixOf(m.contentType, media.map((x) => x.contentType)));
        entries.push({
          name,
          schema: fragment(m.schema!.loc.pointer),
          type: `Readable<${opType}["responses"][${statusKey(r.status)}]["content"][${typeLiteral(m.contentType)}]>`,
          description: `the ${r.status} ${m.contentType} response body of ${op.id}`,
        });
        (meta.responses ??= []).push([r.status, m.contentType, 'validate' + name]);
      }
    }
    operations.set(op.id, meta);
  }
  const plan = { entries, operations };
  cache.set(model, plan);
  return plan;
}

/** An object schema for a set of parameters, each property a `$ref` to the parameter's schema. */
function parameterSet(params: Parameter[]): object {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of params) {
    const schema = p.schema ?? p.content[0]!.schema!;
    Object.defineProperty(properties, p.name, { value: { $ref: fragment(schema.loc.pointer) }, enumerable: true, writable: true, configurable: true });
    if (p.required) required.push(p.name);
  }
  return { type: 'object', properties, required };
}
