// pagination-invalid: x-oaskit-pagination (on an operation) must have the shape EXTENSIONS.md
// gives: a style, the parameter it moves, where the items (and the next cursor) are.
import { readPagination } from '../model/client-extensions.ts';
import { extensionFindings } from './extension-sites.ts';
import type { Rule } from './rule.ts';

export const paginationInvalid: Rule = {
  id: 'pagination-invalid',
  description: 'x-oaskit-pagination must be { style: page|offset|cursor|link, param, items, next?, start?, size? } on an operation.',
  check: (ctx) => extensionFindings(ctx, 'x-oaskit-pagination', ['operation'], readPagination),
};
