// ref-cycle: A $ref must not lead back to itself.
import { refRule } from './ref-problem.ts';

export const refCycle = refRule('ref-cycle', 'A $ref must not lead back to itself.');
