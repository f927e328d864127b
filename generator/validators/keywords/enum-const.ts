// `enum` and `const`: JSON equality (deep for objects and arrays; 1 and 1.0 are equal).
// Primitives compile to `===` chains (or a hoisted Set for long lists); objects and arrays are
// hoisted as JSON.parse'd constants and compared with the deepEqual helper.
import { _, join, literal, type Code, type Json } from '../code.ts';
import type { Cx } from '../compiler.ts';
import { ValidatorCompileError } from '../errors.ts';
import type { Ix } from '../interpreter.ts';
import { deepEqual } from '../runtime.ts';
import { listForMessage, type KeywordFamily } from './family.ts';

type Primitive = string | number | boolean | null;

function isPrimitive(value: unknown): value is Primitive {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function checkJson(value: unknown, at: string): Json {
  const text = JSON.stringify(value);
  if (text === undefined || (typeof value === 'number' && !Number.isFinite(value))) throw new ValidatorCompileError('value is not JSON', at);
  return value as Json;
}

function enumValues(schema: Record<string, unknown>, at: string): Json[] {
  const values = schema.enum;
  if (!Array.isArray(values)) throw new ValidatorCompileError('enum must be an array', `${at}/enum`);
  return values.map((value, i) => checkJson(value, `${at}/enum/${i}`));
}

const SET_THRESHOLD = 8;

/** The code that is true when `data` equals none of `values`. */
function notOneOf(cx: Cx, values: Json[]): Code {
  const primitives = values.filter(isPrimitive);
  const composites = values.filter((value) => !isPrimitive(value));
  const tests: Code[] = [];
  if (primitives.length > SET_THRESHOLD) tests.push(_`!${cx.mod.set(primitives)}.has(${cx.data})`);
  else for (const value of primitives) tests.push(_`${cx.data} !== ${literal(value)}`);
  if (composites.length) {
    const deepEqual = cx.mod.helper('deepEqual');
    const some = join(
      composites.map((value) => _`${deepEqual}(${cx.data}, ${cx.mod.json(value)})`),
      ' || ',
    );
    tests.push(_`!(typeof ${cx.data} === "object" && ${cx.data} !== null && (${some}))`);
  }
  return tests.length ? join(tests, ' && ') : _`true`;
}

export const enumConstFamily: KeywordFamily = {
  name: 'enum-const',
  keywords: ['enum', 'const'],

  compile(cx) {
    if (cx.has('enum')) {
      const values = enumValues(cx.object, cx.at);
      cx.check(notOneOf(cx, values), {
        keyword: 'enum',
        params: () => ({ allowedValues: cx.mod.json(values) }),
        message: enumMessage(values),
      });
    }
    if (Object.prototype.hasOwnProperty.call(cx.object, 'const')) {
      const value = checkJson(cx.object.const, cx.atKeyword('const'));
      cx.check(notOneOf(cx, [value]), {
        keyword: 'const',
        params: () => ({ allowedValue: isPrimitive(value) ? value : cx.mod.json(value) }),
        message: constMessage(value),
      });
    }
  },

  interpret(ix: Ix) {
    if (ix.has('enum')) {
      const values = enumValues(ix.object, ix.at);
      if (!values.some((value) => deepEqual(ix.data, value))) {
        ix.error({ keyword: 'enum', params: { allowedValues: values }, message: enumMessage(values) });
      }
    }
    if (Object.prototype.hasOwnProperty.call(ix.object, 'const')) {
      const value = checkJson(ix.object.const, ix.atKeyword('const'));
      if (!deepEqual(ix.data, value)) ix.error({ keyword: 'const', params: { allowedValue: value }, message: constMessage(value) });
    }
  },
};

function enumMessage(values: Json[]): string {
  return values.length === 0 ? 'no value is allowed (empty enum)' : `must be one of ${listForMessage(values)}`;
}

function constMessage(value: Json): string {
  return `must be equal to ${listForMessage([value])}`;
}
