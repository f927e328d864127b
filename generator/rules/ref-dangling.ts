// ref-dangling: A $ref must point to an existing node of its target document.
import { refRule } from './ref-problem.ts';

export const refDangling = refRule('ref-dangling', 'A $ref must point to an existing node of its target document.');
