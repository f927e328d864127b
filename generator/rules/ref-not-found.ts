// ref-not-found: The file a $ref names must exist and parse.
import { refRule } from './ref-problem.ts';

export const refNotFound = refRule('ref-not-found', 'The file a $ref names must exist and parse.');
