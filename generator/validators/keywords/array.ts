// Array keywords: maxItems, minItems, prefixItems, items (the items after prefixItems),
// contains with minContains/maxContains, uniqueItems (deep equality).
import { _, literal, type Name } from '../code.ts';
import type { Cx } from '../compiler.ts';
import { ValidatorCompileError } from '../errors.ts';
import type { Ix } from '../interpreter.ts';
import { duplicateItems } from '../runtime.ts';
import { count, own, plural, type KeywordFamily } from './family.ts';

function prefixItems(schema: Record<string, unknown>, at: string): unknown[] {
  const value = own(schema, 'prefixItems');
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ValidatorCompileError('prefixItems must be an array of schemas', `${at}/prefixItems`);
  return value;
}

function itemsSchema(schema: Record<string, unknown>, at: string): unknown {
  const value = own(schema, 'items');
  if (Array.isArray(value)) throw new ValidatorCompileError('items must be a schema (an array of schemas is prefixItems since 2020-12)', `${at}/items`);
  return value;
}

const maxError = (n: number) => ({ keyword: 'maxItems', params: { limit: n }, message: `must have at most ${plural(n, 'item')}` });
const minError = (n: number) => ({ keyword: 'minItems', params: { limit: n }, message: `must have at least ${plural(n, 'item')}` });
const itemsFalseError = (n: number) => ({ keyword: 'items', params: { limit: n }, message: `must have at most ${plural(n, 'item')}` });
const minContainsError = (keyword: string, n: number) => ({ keyword, params: { minContains: n }, message: `must contain at least ${plural(n, 'valid item')}` });
const maxContainsError = (n: number) => ({ keyword: 'maxContains', params: { maxContains: n }, message: `must contain at most ${plural(n, 'valid item')}` });
const uniqueMessage = (i: number, j: number) => `must not have duplicate items (items ${i} and ${j} are equal)`;

function containsLimits(schema: Record<string, unknown>, at: string): { min: number; max: number | undefined; minKeyword: string } {
  const min = count(schema, 'minContains', at);
  return { min: min ?? 1, max: count(schema, 'maxContains', at), minKeyword: min === undefined ? 'contains' : 'minContains' };
}

export const arrayFamily: KeywordFamily = {
  name: 'array',
  type: 'array',
  keywords: ['maxItems', 'minItems', 'prefixItems', 'items', 'contains', 'uniqueItems'],

  compile(cx: Cx) {
    const d = cx.data;
    const max = count(cx.object, 'maxItems', cx.at);
    if (max !== undefined) cx.check(_`${d}.length > ${literal(max)}`, maxError(max));
    const min = count(cx.object, 'minItems', cx.at);
    if (min !== undefined && min > 0) cx.check(_`${d}.length < ${literal(min)}`, minError(min));

    const prefix = prefixItems(cx.object, cx.at);
    prefix.forEach((schema, i) => {
      const item = cx.local('d');
      const child = cx.sub(schema, ['prefixItems', i], item, cx.path.key(String(i)));
      if (child.out.length) cx.emit(_`if (${d}.length > ${literal(i)}) {\nconst ${item} = ${d}[${literal(i)}];\n${child.code()}\n}`);
    });

    const items = itemsSchema(cx.object, cx.at);
    if (items === false) {
      cx.check(_`${d}.length > ${literal(prefix.length)}`, itemsFalseError(prefix.length));
    } else if (items !== undefined) {
      const i = cx.local('i');
      const item = cx.local('d');
      const child = cx.sub(items, ['items'], item, cx.path.index(i));
      if (child.out.length) {
        cx.emit(_`for (let ${i} = ${literal(prefix.length)}; ${i} < ${d}.length; ${i}++) {\nconst ${item} = ${d}[${i}];\n${child.code()}\n}`);
      }
    }

    if (cx.has('contains')) compileContains(cx);

    if (cx.value('uniqueItems') === true) {
      const pair = cx.local('t');
      const duplicates = cx.mod.helper('duplicateItems');
      if (cx.mode === 'is') {
        cx.check(_`${duplicates}(${d}) !== undefined`, { keyword: 'uniqueItems', message: 'must not have duplicate items' });
      } else {
        const message = _`${'must not have duplicate items (items '} + ${pair}[0] + ${' and '} + ${pair}[1] + ${' are equal)'}`;
        cx.emit(
          _`const ${pair} = ${duplicates}(${d});`,
          _`if (${pair} !== undefined) {\n${cx.error({ keyword: 'uniqueItems', params: { i: _`${pair}[0]`, j: _`${pair}[1]` }, message })}\n}`,
        );
      }
    }
  },

  interpret(ix: Ix) {
    const value = ix.data as unknown[];
    const max = count(ix.object, 'maxItems', ix.at);
    if (max !== undefined && value.length > max) ix.error(maxError(max));
    const min = count(ix.object, 'minItems', ix.at);
    if (min !== undefined && value.length < min) ix.error(minError(min));
    const prefix = prefixItems(ix.object, ix.at);
    prefix.forEach((schema, i) => {
      if (value.length > i) ix.sub(schema, ['prefixItems', i], value[i], ix.childPath(i));
    });
    const items = itemsSchema(ix.object, ix.at);
    if (items === false) {
      if (value.length > prefix.length) ix.error(itemsFalseError(prefix.length));
    } else if (items !== undefined) {
      for (let i = prefix.length; i < value.length; i++) ix.sub(items, ['items'], value[i], ix.childPath(i));
    }
    if (ix.has('contains')) {
      const { min: minContains, max: maxContains, minKeyword } = containsLimits(ix.object, ix.at);
      if (minContains > 0 || maxContains !== undefined) {
        let matches = 0;
        for (const item of value) if (ix.test(ix.object.contains, ['contains'], item)) matches++;
        if (matches < minContains) ix.error(minContainsError(minKeyword, minContains));
        if (maxContains !== undefined && matches > maxContains) ix.error(maxContainsError(maxContains));
      }
    }
    if (ix.value('uniqueItems') === true) {
      const pair = duplicateItems(value);
      if (pair) ix.error({ keyword: 'uniqueItems', params: { i: pair[0], j: pair[1] }, message: uniqueMessage(pair[0], pair[1]) });
    }
  },
};

function compileContains(cx: Cx): void {
  const d = cx.data;
  const { min, max, minKeyword } = containsLimits(cx.object, cx.at);
  if (min === 0 && max === undefined) return;
  const matches: Name = cx.local('c');
  const i = cx.local('i');
  const item = cx.local('d');
  const test = cx.test(cx.object.contains, ['contains'], item);
  // Without maxContains, stop counting once minContains is reached.
  const onMatch = max === undefined ? _`if (++${matches} >= ${literal(min)}) break;` : _`${matches}++;`;
  cx.emit(
    _`let ${matches} = 0;`,
    _`for (let ${i} = 0; ${i} < ${d}.length; ${i}++) {\nconst ${item} = ${d}[${i}];\n${cx.whenOk(test, onMatch)}\n}`,
  );
  if (min > 0) cx.check(_`${matches} < ${literal(min)}`, minContainsError(minKeyword, min));
  if (max !== undefined) cx.check(_`${matches} > ${literal(max)}`, maxContainsError(max));
}
