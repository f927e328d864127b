// operation-id-missing: every operation has an operationId (generated clients name methods after it).
import { apiOperationSites } from './operations.ts';
import { finding, type Rule } from './rule.ts';

export const operationIdMissing: Rule = {
  id: 'operation-id-missing',
  description: 'Every operation should have an operationId: generated clients and docs name it after it.',
  check(ctx) {
    return apiOperationSites(ctx.index)
      .filter(({ site }) => {
        const id = (site.value as Record<string, unknown>).operationId;
        return typeof id !== 'string' || id.trim() === '';
      })
      .map(({ site, label }) => finding(site.loc, `${label} has no operationId`, true));
  },
};
