// Number keywords: minimum, maximum, exclusiveMinimum, exclusiveMaximum (numbers; OpenAPI 3.0's
// boolean form too), multipleOf (float-safe), and the number formats (int32, int64).
import { _, literal, type Code, type Name } from '../code.ts';
import type { Cx } from '../compiler.ts';
import { ValidatorCompileError } from '../errors.ts';
import type { Ix } from '../interpreter.ts';
import { multipleOf } from '../runtime.ts';
import { numberValue, own, type KeywordFamily } from './family.ts';
import { formatError, formatFor } from './format.ts';

interface Bound {
  keyword: string;
  limit: number;
  comparison: '>=' | '>' | '<=' | '<';
}

/** The bounds a schema sets, in checking order. */
function bounds(schema: Record<string, unknown>, at: string, booleanExclusive: boolean): Bound[] {
  const result: Bound[] = [];
  const get = (keyword: string) => own(schema, keyword);
  for (const [plain, exclusive, inclusiveOp, exclusiveOp] of [
    ['minimum', 'exclusiveMinimum', '>=', '>'],
    ['maximum', 'exclusiveMaximum', '<=', '<'],
  ] as const) {
    const flag = get(exclusive);
    if (get(plain) !== undefined) {
      const limit = numberValue(get(plain), plain, `${at}/${plain}`);
      result.push({ keyword: plain, limit, comparison: booleanExclusive && flag === true ? exclusiveOp : inclusiveOp });
    }
    if (flag !== undefined && typeof flag !== 'boolean') {
      result.push({ keyword: exclusive, limit: numberValue(flag, exclusive, `${at}/${exclusive}`), comparison: exclusiveOp });
    }
  }
  return result;
}

/** Code that is true when `data` breaks the bound. */
function breaks(data: Name, bound: Bound): Code {
  const limit = literal(bound.limit);
  switch (bound.comparison) {
    case '>=':
      return _`${data} < ${limit}`;
    case '>':
      return _`${data} <= ${limit}`;
    case '<=':
      return _`${data} > ${limit}`;
    case '<':
      return _`${data} >= ${limit}`;
  }
}

function holds(value: number, bound: Bound): boolean {
  switch (bound.comparison) {
    case '>=':
      return value >= bound.limit;
    case '>':
      return value > bound.limit;
    case '<=':
      return value <= bound.limit;
    case '<':
      return value < bound.limit;
  }
}

function boundError(bound: Bound) {
  return {
    keyword: bound.keyword,
    params: { comparison: bound.comparison, limit: bound.limit },
    message: `must be ${bound.comparison} ${bound.limit}`,
  };
}

function divisor(schema: Record<string, unknown>, at: string): number | undefined {
  const raw = own(schema, 'multipleOf');
  if (raw === undefined) return undefined;
  const value = numberValue(raw, 'multipleOf', `${at}/multipleOf`);
  if (value <= 0) throw new ValidatorCompileError('multipleOf must be a number > 0', `${at}/multipleOf`);
  return value;
}

function multipleError(value: number) {
  return { keyword: 'multipleOf', params: { multipleOf: value }, message: `must be a multiple of ${value}` };
}

export const numberFamily: KeywordFamily = {
  name: 'number',
  type: 'number',
  keywords: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'format'],

  compile(cx: Cx) {
    const d = cx.data;
    for (const bound of bounds(cx.object, cx.at, cx.rules.booleanExclusive)) {
      cx.check(breaks(d, bound), boundError(bound));
    }
    const m = divisor(cx.object, cx.at);
    if (m !== undefined) {
      const failure: Code = Number.isInteger(m) ? _`${d} % ${literal(m)} !== 0` : _`!${cx.mod.helper('multipleOf')}(${d}, ${literal(m)})`;
      cx.check(failure, multipleError(m));
    }
    const format = formatFor(cx.value('format'), 'number');
    if (format) cx.check(_`!(${format.valid(d, cx.mod)})`, formatError(cx.value('format') as string));
  },

  interpret(ix: Ix) {
    const value = ix.data as number;
    for (const bound of bounds(ix.object, ix.at, ix.rules.booleanExclusive)) if (!holds(value, bound)) ix.error(boundError(bound));
    const m = divisor(ix.object, ix.at);
    if (m !== undefined && !multipleOf(value, m)) ix.error(multipleError(m));
    const format = formatFor(ix.value('format'), 'number');
    if (format && !format.check(value as never)) ix.error(formatError(ix.value('format') as string));
  },
};
