// `if` / `then` / `else`: the `if` schema only decides (its errors are never reported); `then`
// or `else` then applies to the same value.
import { _ } from '../code.ts';
import type { Cx } from '../compiler.ts';
import type { Ix } from '../interpreter.ts';
import type { KeywordFamily } from './family.ts';

export const conditionalFamily: KeywordFamily = {
  name: 'conditional',
  keywords: ['if'],

  compile(cx: Cx) {
    if (!cx.has('then') && !cx.has('else')) return;
    const test = cx.test(cx.object.if, ['if'], cx.data, cx.known);
    const then = cx.has('then') ? cx.sub(cx.object.then, ['then'], cx.data, cx.path, { known: cx.known }) : undefined;
    const otherwise = cx.has('else') ? cx.sub(cx.object.else, ['else'], cx.data, cx.path, { known: cx.known }) : undefined;
    if (!then?.out.length && !otherwise?.out.length) return;
    cx.emit(test.code);
    if (then?.out.length && otherwise?.out.length) {
      cx.emit(_`if (${test.ok}) {\n${then.code()}\n} else {\n${otherwise.code()}\n}`);
    } else if (then?.out.length) {
      cx.emit(_`if (${test.ok}) {\n${then.code()}\n}`);
    } else if (otherwise?.out.length) {
      cx.emit(_`if (${test.failure}) {\n${otherwise.code()}\n}`);
    }
  },

  interpret(ix: Ix) {
    if (!ix.has('then') && !ix.has('else')) return;
    if (ix.test(ix.object.if, ['if'], ix.data)) {
      if (ix.has('then')) ix.sub(ix.object.then, ['then'], ix.data, ix.path);
    } else if (ix.has('else')) {
      ix.sub(ix.object.else, ['else'], ix.data, ix.path);
    }
  },
};
