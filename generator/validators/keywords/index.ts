// The keyword families in checking order (as Ajv's draft2020 vocabulary list). `$ref` and `type`
// are checked first by the drivers (compiler.ts compileSchema, interpreter.ts interpretSchema);
// the families with a `type` run only on values of that type, and only when `type` passed.
import { arrayFamily } from './array.ts';
import { combinatorFamily } from './combinators.ts';
import { conditionalFamily } from './conditional.ts';
import { enumConstFamily } from './enum-const.ts';
import type { KeywordFamily } from './family.ts';
import { numberFamily } from './number.ts';
import { objectFamily } from './object.ts';
import { stringFamily } from './string.ts';

export { refFamily } from './ref.ts';
export { typeFamily } from './type.ts';
export type { KeywordFamily } from './family.ts';

export const families: readonly KeywordFamily[] = [
  numberFamily,
  stringFamily,
  arrayFamily,
  objectFamily,
  enumConstFamily,
  combinatorFamily,
  conditionalFamily,
];
