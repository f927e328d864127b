// String keywords: maxLength, minLength (Unicode code points), pattern (ECMAScript, `u` flag),
// and the string formats. Patterns and formats run only on strings that satisfy the length
// limits, so a maxLength bounds the input a (possibly slow) pattern ever sees.
import { _, literal, type Code } from '../code.ts';
import type { Cx } from '../compiler.ts';
import { ValidatorCompileError } from '../errors.ts';
import type { Ix } from '../interpreter.ts';
import { ucs2length } from '../runtime.ts';
import { count, plural, type KeywordFamily } from './family.ts';
import { formatError, formatFor } from './format.ts';
import { testPattern } from '../pattern-sandbox.ts';

const maxError = (n: number) => ({ keyword: 'maxLength', params: { limit: n }, message: `must have at most ${plural(n, 'character')}` });
const minError = (n: number) => ({ keyword: 'minLength', params: { limit: n }, message: `must have at least ${plural(n, 'character')}` });
const patternError = (pattern: string) => ({ keyword: 'pattern', params: { pattern }, message: `must match pattern ${JSON.stringify(pattern)}` });

const regexCache = new Map<string, RegExp>();

/** A pattern, compiled as generated code will (Unicode mode), or a compile-time error. */
export function regexFor(pattern: unknown, at: string): RegExp {
  if (typeof pattern !== 'string') throw new ValidatorCompileError('pattern must be a string', at);
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern, 'u');
    } catch (error) {
      throw new ValidatorCompileError(`invalid pattern ${JSON.stringify(pattern)} (${(error as Error).message})`, at);
    }
    regexCache.set(pattern, re);
  }
  return re;
}

export const stringFamily: KeywordFamily = {
  name: 'string',
  type: 'string',
  keywords: ['maxLength', 'minLength', 'pattern', 'format'],

  compile(cx: Cx) {
    const d = cx.data;
    const lengthFailures: Code[] = [];
    const max = count(cx.object, 'maxLength', cx.at);
    if (max !== undefined) {
      const failure = _`${d}.length > ${literal(max)} && ${cx.mod.helper('ucs2length')}(${d}) > ${literal(max)}`;
      cx.check(failure, maxError(max));
      lengthFailures.push(failure);
    }
    const min = count(cx.object, 'minLength', cx.at);
    if (min !== undefined && min > 0) {
      // A string of n UTF-16 units has between n/2 and n code points: count only when in doubt.
      const failure =
        min === 1 ? _`${d}.length === 0` : _`${d}.length < ${literal(min)} || (${d}.length < ${literal(2 * min)} && ${cx.mod.helper('ucs2length')}(${d}) < ${literal(min)})`;
      cx.check(failure, minError(min));
      lengthFailures.push(failure);
    }
    const pattern = cx.value('pattern');
    const format = formatFor(cx.value('format'), 'string');
    if (pattern === undefined && !format) return;
    // In `is` mode a length failure has already exited; a collecting check skips the rest itself.
    const rest = cx.mode === 'collect' && lengthFailures.length ? cx.fork(cx.known) : cx;
    if (pattern !== undefined) {
      const re = cx.mod.regex(pattern, cx.atKeyword('pattern'));
      rest.check(_`!${re}.test(${d})`, patternError(pattern as string));
    }
    if (format) rest.check(_`!(${format.valid(d, cx.mod)})`, formatError(cx.value('format') as string));
    if (rest !== cx) cx.emit(_`if (!(${lengthFailures.map((failure) => _`(${failure})`).reduce((a, b) => _`${a} || ${b}`)})) {\n${rest.code()}\n}`);
  },

  interpret(ix: Ix) {
    const value = ix.data as string;
    let lengthOk = true;
    const max = count(ix.object, 'maxLength', ix.at);
    if (max !== undefined && ucs2length(value) > max) {
      ix.error(maxError(max));
      lengthOk = false;
    }
    const min = count(ix.object, 'minLength', ix.at);
    if (min !== undefined && ucs2length(value) < min) {
      ix.error(minError(min));
      lengthOk = false;
    }
    if (!lengthOk) return;
    const pattern = ix.value('pattern');
    // compiled here for its error; tested in the sandbox, which bounds the time a test may take
    if (pattern !== undefined && regexFor(pattern, ix.atKeyword('pattern')) && !testPattern(pattern as string, value)) ix.error(patternError(pattern as string));
    const format = formatFor(ix.value('format'), 'string');
    if (format && !format.check(value as never)) ix.error(formatError(ix.value('format') as string));
  },
};
