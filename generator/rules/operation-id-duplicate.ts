// operation-id-duplicate: an operationId names one operation only (OpenAPI: unique in the document).
import { operationSites } from './operations.ts';
import { finding, type Finding, type Rule } from './rule.ts';

export const operationIdDuplicate: Rule = {
  id: 'operation-id-duplicate',
  description: 'An operationId must be unique among all operations of the document.',
  check(ctx) {
    const first = new Map<string, { label: string; loc: { file: string; pointer: string } }>();
    const out: Finding[] = [];
    for (const { site, label } of operationSites(ctx.index)) {
      const id = (site.value as Record<string, unknown>).operationId;
      if (typeof id !== 'string' || id === '') continue;
      const earlier = first.get(id);
      const loc = { file: site.loc.file, pointer: site.loc.pointer + '/operationId' };
      if (earlier === undefined) first.set(id, { label, loc });
      else out.push({ ...finding(loc, `operationId '${id}' of ${label} is already used by ${earlier.label}`), related: [{ ...earlier.loc, message: `'${id}' first used by ${earlier.label}` }] });
    }
    return out;
  },
};
