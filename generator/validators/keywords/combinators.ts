// allOf, anyOf, oneOf, not (and the OpenAPI discriminator fast path for anyOf/oneOf).
// Only allOf reports its branches' errors as they come: anyOf and oneOf first decide with
// boolean checks, and collect branch errors only when no branch matched; `not` never reports
// its branch's errors.
import { _, join, literal, type Code } from '../code.ts';
import type { Cx } from '../compiler.ts';
import { ValidatorCompileError } from '../errors.ts';
import type { Ix } from '../interpreter.ts';
import type { KeywordFamily } from './family.ts';
import { possibleTypes, TYPE_GROUPS, typeTest, type TypeGroup } from './type.ts';
import { compileDispatch, dispatchFor, interpretDispatch } from './discriminator.ts';

function branches(schema: Record<string, unknown>, keyword: string, at: string): unknown[] {
  const value = schema[keyword];
  if (!Array.isArray(value) || value.length === 0) throw new ValidatorCompileError(`${keyword} must be a non-empty array of schemas`, `${at}/${keyword}`);
  return value;
}

const anyOfError = { keyword: 'anyOf', message: 'must match at least one schema in anyOf' };
const noneError = { keyword: 'oneOf', params: { passingSchemas: null }, message: 'must match exactly one schema in oneOf, but matches none' };
const manyMessage = 'must match exactly one schema in oneOf, but matches more than one';
const notError = { keyword: 'not', message: 'must not match the schema in "not"' };

export const combinatorFamily: KeywordFamily = {
  name: 'combinators',
  keywords: ['allOf', 'anyOf', 'oneOf', 'not'],

  compile(cx: Cx) {
    if (cx.has('allOf')) {
      branches(cx.object, 'allOf', cx.at).forEach((branch, i) => cx.absorb(cx.sub(branch, ['allOf', i], cx.data, cx.path, { known: cx.known })));
    }
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      if (!cx.has(keyword)) continue;
      const list = branches(cx.object, keyword, cx.at);
      const dispatch = cx.rules.discriminator ? dispatchFor(cx.object, keyword, cx.mod.index, cx.base, cx.at) : undefined;
      const target = dispatch ? cx.fork(cx.known) : cx;
      if (keyword === 'anyOf') compileAnyOf(target, list);
      else compileOneOf(target, list);
      if (dispatch) compileDispatch(cx, keyword, dispatch, target);
    }
    if (cx.has('not')) {
      const test = cx.test(cx.object.not, ['not'], cx.data, cx.known);
      cx.emit(test.code);
      cx.check(test.ok, notError);
    }
  },

  interpret(ix: Ix) {
    if (ix.has('allOf')) branches(ix.object, 'allOf', ix.at).forEach((branch, i) => ix.sub(branch, ['allOf', i], ix.data, ix.path));
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      if (!ix.has(keyword)) continue;
      const list = branches(ix.object, keyword, ix.at);
      const dispatch = ix.rules.discriminator ? dispatchFor(ix.object, keyword, ix.index, ix.base, ix.at) : undefined;
      if (dispatch && interpretDispatch(ix, keyword, dispatch)) continue;
      const passing: number[] = [];
      list.forEach((branch, i) => {
        if ((keyword === 'oneOf' || passing.length === 0) && ix.test(branch, [keyword, i], ix.data)) passing.push(i);
      });
      if (passing.length === 0) {
        list.forEach((branch, i) => ix.sub(branch, [keyword, i], ix.data, ix.path));
        ix.error(keyword === 'anyOf' ? anyOfError : noneError);
      } else if (keyword === 'oneOf' && passing.length > 1) {
        ix.error({ keyword: 'oneOf', params: { passingSchemas: passing.slice(0, 2) }, message: manyMessage });
      }
    }
    if (ix.has('not') && ix.test(ix.object.not, ['not'], ix.data)) ix.error(notError);
  },
};

function collectAll(cx: Cx, keyword: string, list: unknown[]): Code[] {
  return list.map((branch, i) => cx.sub(branch, [keyword, i], cx.data, cx.path, { known: cx.known }).code());
}

interface Group {
  /** The JSON type this group of branches is checked for (behind a type test), if any. */
  type?: TypeGroup;
  indices: number[];
}

/** Which branches to try for which type of value. When every branch says what types it can
 * accept, a value is tested only against the branches that accept its type (a string against
 * the string branches...): a type-specialised dispatch instead of trying every branch. */
function plan(cx: Cx, keyword: string, list: unknown[]): Group[] {
  const all = list.map((_, i) => i);
  const sets = list.map((branch, i) => possibleTypes(branch, cx.mod.index, cx.rules, cx.base, cx.atKeyword(keyword, i)));
  if (cx.known) {
    const known = cx.known === 'integer' ? 'number' : cx.known;
    return [{ indices: all.filter((i) => sets[i]!.has(known as TypeGroup)) }];
  }
  if (sets.some((set) => set.size === TYPE_GROUPS.length)) return [{ indices: all }];
  return TYPE_GROUPS.map((type) => ({ type, indices: all.filter((i) => sets[i]!.has(type)) })).filter((group) => group.indices.length > 0);
}

/** Emits one block per group (behind its type test, chained with else-if). */
function emitGroups(cx: Cx, groups: Group[], block: (group: Group) => Code): void {
  const typed = groups.filter((group) => group.type);
  if (typed.length === 0) {
    for (const group of groups) cx.emit(block(group));
    return;
  }
  const chain = typed.map((group) => _`if (${typeTest(group.type!, cx.data)}) {\n${block(group)}\n}`);
  cx.emit(chain.reduce((a, b) => _`${a} else ${b}`));
}

function compileAnyOf(cx: Cx, list: unknown[]): void {
  const matched = cx.local('v');
  cx.emit(_`let ${matched} = false;`);
  emitGroups(cx, plan(cx, 'anyOf', list), (group) => {
    const label = cx.local('L');
    const parts: Code[] = [];
    for (const i of group.indices) {
      const test = cx.test(list[i], ['anyOf', i], cx.data, group.type ?? cx.known);
      if (test.ok.text === 'true' && test.code.text === '') {
        parts.push(_`${matched} = true;`); // this branch accepts every value of the group
        break;
      }
      parts.push(cx.whenOk(test, _`${matched} = true;\nbreak ${label};`));
    }
    return _`${label}: {\n${join(parts, '\n')}\n}`;
  });
  if (cx.mode === 'is') cx.check(_`!${matched}`, anyOfError);
  else cx.emit(_`if (!${matched}) {\n${join(collectAll(cx, 'anyOf', list), '\n')}\n${cx.error(anyOfError)}\n}`);
}

function compileOneOf(cx: Cx, list: unknown[]): void {
  const groups = plan(cx, 'oneOf', list);
  if (cx.mode === 'is') {
    const found = cx.local('v');
    cx.emit(_`let ${found} = false;`);
    // A value meets one group only, so the first branch of a group cannot be a second match.
    emitGroups(cx, groups, (group) =>
      join(
        group.indices.map((i, n) => {
          const test = cx.test(list[i], ['oneOf', i], cx.data, group.type ?? cx.known);
          return cx.whenOk(test, n === 0 ? _`${found} = true;` : _`if (${found}) ${cx.exit};\n${found} = true;`);
        }),
        '\n',
      ),
    );
    cx.check(_`!${found}`, noneError);
    return;
  }
  const first = cx.local('v');
  const second = cx.local('v');
  cx.emit(_`let ${first} = -1;`, _`let ${second} = -1;`);
  emitGroups(cx, groups, (group) =>
    join(
      group.indices.flatMap((i) => {
        const test = cx.test(list[i], ['oneOf', i], cx.data, group.type ?? cx.known);
        // The first and second passing branches (the second only once there is a first).
        return [cx.whenOk(test, _`if (${first} !== -1 && ${second} === -1) ${second} = ${literal(i)};\nif (${first} === -1) ${first} = ${literal(i)};`)];
      }),
      '\n',
    ),
  );
  const many = cx.error({ keyword: 'oneOf', params: { passingSchemas: _`[${first}, ${second}]` }, message: manyMessage });
  cx.emit(_`if (${first} === -1) {\n${join(collectAll(cx, 'oneOf', list), '\n')}\n${cx.error(noneError)}\n} else if (${second} !== -1) {\n${many}\n}`);
}
