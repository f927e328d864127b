// Ajv's errors made readable: the failed branches of oneOf/anyOf reduced to the ones that say
// something, alternatives of `required` merged into one message, one line each.
import { escapeSegment, isObject } from '../core/pointer.ts';
import type { AjvError } from './openapi-schemas.ts';

export interface VerboseError extends AjvError {
  /** set on the errors of a `propertyNames` subschema: the offending name */
  propertyName?: string;
  /** the keyword's value (Ajv `verbose`) */
  schema?: unknown;
  parentSchema?: unknown;
  data?: unknown;
}

const summaries = new Set(['oneOf', 'anyOf', 'if', 'then', 'else', '$ref', '$dynamicRef', 'allOf']);

export function describeError(e: VerboseError): string {
  if (e.message?.startsWith('@')) return e.message.slice(1);
  const unknown = e.params.unevaluatedProperty ?? e.params.additionalProperty;
  if (unknown !== undefined) return `has unknown property '${String(unknown)}'`;
  if (e.keyword === 'required' && typeof e.params.missingProperty === 'string') return `must have required property '${e.params.missingProperty}'`;
  if (e.keyword === 'enum' && (e.params.allowedValues as unknown[]).length === 1) return `must be ${JSON.stringify((e.params.allowedValues as unknown[])[0])}`;
  if (e.keyword === 'enum') return `must be one of: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'const') return `must be ${JSON.stringify(e.params.allowedValue)}`;
  if (isObject(e.parentSchema) && typeof e.parentSchema.$comment === 'string' && e.parentSchema.$comment.startsWith('oaskit: ')) return e.parentSchema.$comment.slice(8);
  if (e.keyword === 'not' && isRequiredOnly(e.schema)) {
    const names = (e.schema as { required: string[] }).required;
    return names.length === 1 ? `must not have '${names[0]}' here` : `must not have both ${quoteList(names, 'and')}`;
  }
  if (e.keyword === 'type') {
    const types = String(e.params.type).split(',');
    return `must be ${types.map((t) => (t === 'null' ? 'null' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`)).join(' or ')}`;
  }
  return e.message ?? e.keyword;
}

/** Keep the errors that say something; merge the alternatives of a oneOf/anyOf of `required`s. */
export function reduceErrors(errors: VerboseError[]): VerboseError[] {
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
  // propertyNames: one error per bad name, at the name
  for (const e of list) {
    if (e.keyword !== 'propertyNames' || typeof e.params.propertyName !== 'string') continue;
    const name = e.params.propertyName;
    const inner = list.find((x) => x.propertyName === name && x.instancePath === e.instancePath);
    e.message = `@has an invalid name '${name}'${inner?.message ? `: it ${inner.message}` : ''}`;
    e.params = { ...e.params, invalidName: name };
  }
  list = list.filter((x) => x.propertyName === undefined);
  // alternatives told apart by a property's value (3.0 `in: path | query | …`): a branch whose
  // enum/const fails on a property another failing branch accepts is not the one meant
  for (const e of list) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const branchOf = brancher(e);
    const inBranches = list.filter((x) => branchOf(x) !== undefined && (x.instancePath === e.instancePath || x.instancePath.startsWith(e.instancePath + '/')));
    const branches = new Set(inBranches.map(branchOf));
    if (branches.size < 2) continue;
    // the property most branches reject by value is the one that selects the branch
    const failing = new Map<string, Set<string | undefined>>();
    for (const x of inBranches) if (x.keyword === 'enum' || x.keyword === 'const') failing.set(x.instancePath, (failing.get(x.instancePath) ?? new Set()).add(branchOf(x)));
    const [selector, count] = [...failing].map(([path, set]) => [path, set.size] as const).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const runnerUp = [...failing.values()].map((set) => set.size).sort((a, b) => b - a)[1] ?? 0;
    if (count < 2 || count >= branches.size || count === runnerUp) continue;
    list = list.filter((x) => !(inBranches.includes(x) && (x.keyword === 'enum' || x.keyword === 'const') && x.instancePath === selector));
  }
  // a branch that fails on its type alone is the wrong branch when another fails on more
  for (const e of list) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const branches = list.filter((x) => x !== e && x.instancePath === e.instancePath && !summaries.has(x.keyword));
    const branchOf = brancher(e);
    if (branches.some((x) => x.keyword !== 'type')) list = list.filter((x) => !(x.keyword === 'type' && x.instancePath === e.instancePath && branchOf(x) !== undefined));
  }
  // "must have required property '$ref'": the reference alternative failing, noise next to others
  list = list.filter((x) => !(x.keyword === 'required' && x.params.missingProperty === '$ref' && list.some((y) => y !== x && y.instancePath.startsWith(x.instancePath) && !summaries.has(y.keyword) && y.params.missingProperty !== '$ref')));
  // a property a `not: { required }` forbids is not also "unknown" (its branch failed, so nothing evaluated it)
  const forbidden = list.filter((x) => x.keyword === 'not' && isRequiredOnly(x.schema));
  list = list.filter((x) => {
    const unknown = x.params.unevaluatedProperty;
    if (unknown === undefined) return true;
    if (forbidden.some((f) => f.instancePath === x.instancePath && (f.schema as { required: string[] }).required.includes(String(unknown)))) return false;
    // nor is a property whose own value has an error: that error says more
    const at = x.instancePath + '/' + escapeSegment(String(unknown));
    return !list.some((y) => y.instancePath === at || y.instancePath.startsWith(at + '/'));
  });
  // a summary is only kept when nothing at or below its node says more
  list = list.filter((x) => !summaries.has(x.keyword) || !list.some((y) => y !== x && !summaries.has(y.keyword) && (y.instancePath === x.instancePath || y.instancePath.startsWith(x.instancePath + '/'))));
  // of several summaries on one node, one is enough
  return list.filter((x, i) => !summaries.has(x.keyword) || !list.some((y, j) => j < i && summaries.has(y.keyword) && y.instancePath === x.instancePath));
}

/**
 * Which alternative of a oneOf/anyOf error an error came from: Ajv's schema paths run on from the
 * keyword for an inline alternative (`…/oneOf/1/…`) and start again at the target of a `$ref`
 * alternative (`#/definitions/QueryParameter/…`).
 */
function brancher(e: VerboseError): (x: VerboseError) => string | undefined {
  const prefixes = Array.isArray(e.schema)
    ? e.schema.map((b, i) => (isObject(b) && typeof b.$ref === 'string' && b.$ref.startsWith('#/') && Object.keys(b).length === 1 ? b.$ref : `${e.schemaPath}/${i}`))
    : [];
  return (x) => {
    if (x === e || !(x.instancePath === e.instancePath || x.instancePath.startsWith(e.instancePath + '/'))) return undefined;
    const i = prefixes.findIndex((p) => x.schemaPath.startsWith(p + '/'));
    return i < 0 ? undefined : String(i);
  };
}

function isRequiredOnly(branch: unknown): boolean {
  return isObject(branch) && Object.keys(branch).length === 1 && Array.isArray(branch.required) && branch.required.length > 0;
}

function quoteList(items: string[], conjunction: string): string {
  const q = items.map((i) => (i.includes("'") ? i : `'${i}'`));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${conjunction} ${q.at(-1)}`;
}

