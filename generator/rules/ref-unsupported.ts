// ref-unsupported: A $ref fragment must be a JSON pointer (plain-name fragments are not supported).
import { refRule } from './ref-problem.ts';

export const refUnsupported = refRule('ref-unsupported', 'A $ref fragment must be a JSON pointer (plain-name fragments are not supported).');
