// Which validators an API package gets: one per component schema, per request body media type,
// per parameter set (path, query, header, cookie) and per documented response body. Their names
// come from the model's name planner, which the client emitter reads too: the two never need
// each other's output.
import { toFragment } from '../../core/pointer.ts';
import type { PrintedDocument } from '../../model/document.ts';
import type { ApiModel, Operation, Parameter } from '../../model/types.ts';
import type { ValidatorsMeta } from '../../runtime/meta.ts';
import { literal } from '../safe.ts';

export interface ValidatorEntry {
  /** the function names are `validate${name}` and `is${name}` */
  name: string;
  /** a JSON pointer into the printed document ('#/...') or a schema object whose refs point into it */
  schema: string | object;
  /** the TS type of a valid value */
  type?: string;
  description?: string;
}

/** `paths["/x"]["get"]`; `escapeSlashes` writes `/` as `\/` (for the validator compiler's type check). */
export function operationType(op: Operation, escapeSlashes = true): string {
  const lit = escapeSlashes ? typeLiteral : literal;
  return `paths[${lit(op.path)}][${lit(op.method)}]`;
}

/** A string literal type with `/` and `*` written `\/` and `\*` (same value), so no type text can look like a comment (`*\/*` media ranges). */
export function typeLiteral(value: string): string {
  return literal(value).replace(/[/*]/g, (c) => `\\${c}`);
}

/** A response key as openapi-typescript writes it: numbers as numbers, the rest as strings. */
export function statusKey(status: string): string {
  return /^[1-5]\d\d$/.test(status) ? status : typeLiteral(status);
}

/** The names of an operation's validators (runtime ValidatorsMeta), or undefined when it has none. */
export function validatorNames(model: ApiModel, op: Operation): ValidatorsMeta | undefined {
  const names = model.names.operations.get(op)!.validators;
  const v: ValidatorsMeta = { ...names.params };
  if (names.body.length) v.body = names.body;
  if (names.responses.length) v.responses = names.responses;
  return Object.keys(v).length ? v : undefined;
}

const stem = (validateName: string) => validateName.replace(/^validate/, '');

export function validatorEntries(model: ApiModel, printed: PrintedDocument): ValidatorEntry[] {
  const at = (schema: Parameters<PrintedDocument['pointerOf']>[0]) => toFragment(printed.pointerOf(schema)!);
  const entries: ValidatorEntry[] = [];
  for (const s of model.schemas) {
    entries.push({
      name: model.names.componentValidators.get(s.name)!,
      schema: at(s.schema),
      type: `Plain<components["schemas"][${typeLiteral(s.name)}]>`,
      description: `the component schema ${s.name}`,
    });
  }
  for (const op of model.operations) {
    const names = model.names.operations.get(op)!.validators;
    const opType = operationType(op);
    for (const location of ['path', 'query', 'header', 'cookie'] as const) {
      const name = names.params[location];
      if (!name) continue;
      const params = op.parameters.filter((p) => p.in === location && (p.schema || p.content[0]?.schema));
      entries.push({ name: stem(name), schema: parameterSet(params, at), type: `NonNullable<${opType}["parameters"][${typeLiteral(location)}]>`, description: `the ${location} parameters of ${op.id}` });
    }
    for (const [media, name] of names.body) {
      const m = op.requestBody!.content.find((x) => x.contentType === media)!;
      entries.push({
        name: stem(name),
        schema: at(m.schema!),
        type: `Writable<NonNullable<${opType}["requestBody"]>["content"][${typeLiteral(media)}]>`,
        description: `the ${media} request body of ${op.id}`,
      });
    }
    for (const [status, media, name] of names.responses) {
      const m = op.responses.find((r) => r.status === status)!.content.find((x) => x.contentType === media)!;
      entries.push({
        name: stem(name),
        schema: at(m.schema!),
        type: `Readable<${opType}["responses"][${statusKey(status)}]["content"][${typeLiteral(media)}]>`,
        description: `the ${status} ${media} response body of ${op.id}`,
      });
    }
  }
  return entries;
}

/** An object schema for a set of parameters, each property a `$ref` to the parameter's schema. */
function parameterSet(params: Parameter[], at: (s: NonNullable<Parameter['schema']>) => string): object {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of params) {
    const schema = p.schema ?? p.content[0]!.schema!;
    Object.defineProperty(properties, p.name, { value: { $ref: at(schema) }, enumerable: true, writable: true, configurable: true });
    if (p.required) required.push(p.name);
  }
  return { type: 'object', properties, required };
}
