// ref-unsafe: A $ref must stay inside the spec's folder: no URL, no absolute path, no climbing out.
import { refRule } from './ref-problem.ts';

export const refUnsafe = refRule('ref-unsafe', "A $ref must stay inside the spec's folder: no URL, no absolute path, no climbing out.");
