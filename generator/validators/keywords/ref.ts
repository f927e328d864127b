// `$ref`: a call to the shared function of the target schema (so recursion works and each target
// is compiled once). `$defs` needs no code: it only holds targets.
import type { Cx } from '../compiler.ts';
import { ValidatorCompileError } from '../errors.ts';
import { interpretSchema, Ix } from '../interpreter.ts';
import type { Located } from '../schema-index.ts';

function target(ref: unknown, index: { resolveRef(ref: string, base: string, at: string): Located }, base: string, at: string): Located {
  if (typeof ref !== 'string') throw new ValidatorCompileError('$ref must be a string', at);
  return index.resolveRef(ref, base, at);
}

export const refFamily = {
  name: 'ref',
  keywords: ['$ref'] as const,

  compile(cx: Cx): void {
    const located = target(cx.object.$ref, cx.mod.index, cx.base, cx.atKeyword('$ref'));
    if (located.schema === true) return;
    cx.call(cx.mod.func(located, cx.mode), cx.mod.func(located, 'is'), located.at);
  },

  interpret(ix: Ix): void {
    const located = target(ix.object.$ref, ix.index, ix.base, ix.atKeyword('$ref'));
    // A new depth count: a $ref is a function call in compiled code, not deeper nesting.
    interpretSchema(new Ix(ix.index, ix.rules, located.schema, located.at, located.base, ix.data, ix.path, ix.errors, 0));
  },
};
