// OpenAPI `discriminator`: a fast path for tagged unions. With `oneOf`/`anyOf` and
// `discriminator.propertyName`, an object carrying the tag is checked against the one branch
// whose tag values contain it, instead of against every branch.
//
// The fast path never changes a verdict: it is taken only when every branch (directly or through
// its `$ref`) pins the tag with `properties/<tag>/const` or `enum` of strings, the branches'
// values are disjoint, and the value is an object that has the tag. Then every other branch
// fails on the tag, so "the selected branch passes" is exactly what oneOf and anyOf mean.
// Otherwise (no tag, not an object, or branches that do not pin the tag) the plain oneOf/anyOf
// check runs. `mapping` is not needed to dispatch: the branches' own tag values decide.
import { _, literal } from '../code.ts';
import type { Cx } from '../compiler.ts';
import type { Ix } from '../interpreter.ts';
import type { SchemaIndex } from '../schema-index.ts';
import { hasOwn } from '../runtime.ts';
import { listForMessage } from './family.ts';
import { typeTest } from './type.ts';

export interface Dispatch {
  tag: string;
  /** Branch index by tag value. */
  cases: { values: string[]; index: number }[];
  values: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tagValues(branch: unknown, tag: string): string[] | undefined {
  if (!isObject(branch) || !isObject(branch.properties) || !Object.prototype.hasOwnProperty.call(branch.properties, tag)) return undefined;
  const property = branch.properties[tag];
  if (!isObject(property)) return undefined;
  if (Object.prototype.hasOwnProperty.call(property, 'const')) return typeof property.const === 'string' ? [property.const] : undefined;
  if (Array.isArray(property.enum) && property.enum.length > 0 && property.enum.every((value) => typeof value === 'string')) return property.enum as string[];
  return undefined;
}

/** The dispatch table for `keyword` (oneOf or anyOf) of a schema, when the fast path is safe. */
export function dispatchFor(schema: Record<string, unknown>, keyword: 'oneOf' | 'anyOf', index: SchemaIndex, base: string, at: string): Dispatch | undefined {
  const discriminator = schema.discriminator;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return undefined;
  const branches = schema[keyword];
  if (!Array.isArray(branches) || branches.length < 2) return undefined;
  const tag = discriminator.propertyName;
  const seen = new Set<string>();
  const cases: Dispatch['cases'] = [];
  for (let i = 0; i < branches.length; i++) {
    const branch: unknown = branches[i];
    let values = tagValues(branch, tag);
    if (!values && isObject(branch) && typeof branch.$ref === 'string') {
      const branchBase = index.locate(branch)?.base ?? base;
      values = tagValues(index.resolveRef(branch.$ref, branchBase, `${at}/${keyword}/${i}/$ref`).schema, tag);
    }
    if (!values || values.some((value) => seen.has(value))) return undefined;
    values.forEach((value) => seen.add(value));
    cases.push({ values: [...new Set(values)], index: i });
  }
  return { tag, cases, values: [...seen] };
}

function tagError(dispatch: Dispatch) {
  return {
    keyword: 'discriminator',
    message: `must be one of ${listForMessage(dispatch.values)}`,
  };
}

/** Emits the dispatch, with `generic` (the plain oneOf/anyOf code) for values without the tag. */
export function compileDispatch(cx: Cx, keyword: 'oneOf' | 'anyOf', dispatch: Dispatch, generic: Cx): void {
  const d = cx.data;
  const tag = literal(dispatch.tag);
  const isObjectTest = cx.known === 'object' ? undefined : typeTest('object', d);
  const present = _`${cx.mod.helper('hasOwn')}.call(${d}, ${tag})`;
  const cases = dispatch.cases.map(({ values, index }) => {
    const branch = cx.sub((cx.object[keyword] as unknown[])[index], [keyword, index], d, cx.path, { known: 'object' });
    const labels = values.map((value) => _`case ${literal(value)}:`);
    return _`${labels.reduce((a, b) => _`${a}\n${b}`)} {\n${branch.code()}\nbreak;\n}`;
  });
  const spec = {
    ...tagError(dispatch),
    params: { tag: dispatch.tag, tagValue: _`${d}[${tag}]` },
    path: cx.path.key(dispatch.tag),
    at: cx.atKeyword('discriminator'),
  };
  const switchCode = _`switch (${d}[${tag}]) {\n${cases.reduce((a, b) => _`${a}\n${b}`)}\ndefault:\n${cx.error(spec)}\n}`;
  const condition = isObjectTest ? _`${isObjectTest} && ${present}` : present;
  cx.emit(generic.out.length ? _`if (${condition}) {\n${switchCode}\n} else {\n${generic.code()}\n}` : _`if (${condition}) {\n${switchCode}\n}`);
}

/** The interpreter's side; returns false when the plain oneOf/anyOf check must run instead. */
export function interpretDispatch(ix: Ix, keyword: 'oneOf' | 'anyOf', dispatch: Dispatch): boolean {
  const value = ix.data;
  if (!isObject(value) || !hasOwn.call(value, dispatch.tag)) return false;
  const tagValue = value[dispatch.tag];
  const selected = dispatch.cases.find((entry) => entry.values.includes(tagValue as string));
  if (selected) {
    ix.sub((ix.object[keyword] as unknown[])[selected.index], [keyword, selected.index], value, ix.path);
  } else {
    ix.error({ ...tagError(dispatch), params: { tag: dispatch.tag, tagValue }, path: ix.childPath(dispatch.tag), at: ix.atKeyword('discriminator') });
  }
  return true;
}
