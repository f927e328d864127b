// operation-no-error-response: clients need to know what failure looks like.
import { isObject } from '../core/pointer.ts';
import { apiOperationSites } from './operations.ts';
import { finding, type Rule } from './rule.ts';

export const operationNoErrorResponse: Rule = {
  id: 'operation-no-error-response',
  description: 'Every operation should describe its errors: a 4XX or 5XX response, or default.',
  check(ctx) {
    return apiOperationSites(ctx.index).flatMap(({ site, label }) => {
      const responses = (site.value as Record<string, unknown>).responses;
      if (!isObject(responses)) return []; // no responses at all: oas-schema says so (3.0)
      if (Object.keys(responses).some((s) => s === 'default' || /^[45]/.test(s))) return [];
      return [finding({ file: site.loc.file, pointer: site.loc.pointer + '/responses' }, `${label} has no error response (4XX, 5XX or default)`, true)];
    });
  },
};
