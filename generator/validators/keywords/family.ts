// The shape every keyword family file exports (as Ajv's vocabularies, TypeBox's per-keyword
// files): the keywords it owns, the instance type they apply to, and two parallel functions, one
// emitting code, one checking directly.
import type { Cx } from '../compiler.ts';
import { ValidatorCompileError } from '../errors.ts';
import type { Ix } from '../interpreter.ts';

export interface KeywordFamily {
  name: string;
  /** The instance type the keywords apply to (other values pass); absent: every value. */
  type?: 'string' | 'number' | 'array' | 'object';
  keywords: readonly string[];
  /** Emits code for the keywords present in `cx.schema`. */
  compile(cx: Cx): void;
  /** Checks `ix.data` against the keywords present in `ix.schema`, adding errors to `ix.errors`. */
  interpret(ix: Ix): void;
}

/** A keyword's value when the schema has it as an own property (and it is not undefined). */
export function own(schema: Record<string, unknown>, keyword: string): unknown {
  return Object.prototype.hasOwnProperty.call(schema, keyword) ? schema[keyword] : undefined;
}

/** A non-negative integer keyword (maxLength, minItems, maxProperties...), if present. */
export function count(schema: Record<string, unknown>, keyword: string, at: string): number | undefined {
  const value = own(schema, keyword);
  return value === undefined ? undefined : numberValue(value, keyword, `${at}/${keyword}`, { integer: true, min: 0 });
}

/** A number a keyword needs (maxItems, minimum...), or a compile-time error naming the location. */
export function numberValue(value: unknown, keyword: string, at: string, options: { integer?: boolean; min?: number } = {}): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!options.integer || Number.isInteger(value)) &&
    (options.min === undefined || value >= options.min);
  if (!ok) {
    const what = options.integer ? `a${options.min === 0 ? ' non-negative' : 'n'} integer` : options.min !== undefined ? `a number >= ${options.min}` : 'a finite number';
    throw new ValidatorCompileError(`${keyword} must be ${what}`, at);
  }
  return value as number;
}

/** Shortens a list of JSON values for a message: `"a", "b", "c"`, at most ~200 characters. */
export function listForMessage(values: unknown[]): string {
  const parts: string[] = [];
  let length = 0;
  for (const value of values) {
    const text = JSON.stringify(value) ?? String(value);
    if (length + text.length > 200 && parts.length > 0) {
      parts.push(`… (${values.length} values)`);
      break;
    }
    parts.push(text.length > 200 ? `${text.slice(0, 197)}...` : text);
    length += text.length + 2;
  }
  return parts.join(', ');
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
