// limit-contradiction: a lower bound above its upper bound (minItems > maxItems, minimum > maximum,
// …) leaves no value that can match.
import { isObject } from '../core/pointer.ts';
import { finding, type Finding, type Rule } from './rule.ts';

const pairs = [
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
  ['minContains', 'maxContains'],
] as const;

interface Bound {
  keyword: string;
  value: number;
  exclusive: boolean;
}

export const limitContradiction: Rule = {
  id: 'limit-contradiction',
  description: 'A lower limit must not exceed its upper limit (minLength/maxLength, minItems/maxItems, minimum/maximum, …).',
  check(ctx) {
    const out: Finding[] = [];
    for (const site of ctx.index.ofKind('schema')) {
      const s = site.value;
      if (!isObject(s)) continue;
      for (const [min, max] of pairs) {
        const lo = s[min];
        const hi = s[max];
        if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) out.push(finding(at(site.loc, min), `${min} ${lo} is greater than ${max} ${hi}: no value can match`));
      }
      if (s.minimum === undefined && s.exclusiveMinimum === undefined) continue;
      const lo = tightest(ctx.version === '3.0' ? [bound(s, 'minimum', s.exclusiveMinimum === true)] : [bound(s, 'minimum', false), bound(s, 'exclusiveMinimum', true)], 1);
      const hi = tightest(ctx.version === '3.0' ? [bound(s, 'maximum', s.exclusiveMaximum === true)] : [bound(s, 'maximum', false), bound(s, 'exclusiveMaximum', true)], -1);
      if (lo && hi && (lo.value > hi.value || (lo.value === hi.value && (lo.exclusive || hi.exclusive)))) {
        const relation = lo.value > hi.value ? 'is greater than' : 'equals';
        out.push(finding(at(site.loc, lo.keyword), `${lo.keyword} ${lo.value} ${relation} ${hi.keyword} ${hi.value}: no number can match`));
      }
    }
    return out;
  },
};

function at(loc: { file: string; pointer: string }, keyword: string) {
  return { file: loc.file, pointer: `${loc.pointer}/${keyword}` };
}

function bound(s: Record<string, unknown>, keyword: string, exclusive: boolean): Bound | undefined {
  const value = s[keyword];
  return typeof value === 'number' ? { keyword, value, exclusive } : undefined;
}

/** The bound that restricts most: the largest lower bound (direction 1) or smallest upper (-1). */
function tightest(bounds: (Bound | undefined)[], direction: 1 | -1): Bound | undefined {
  let best: Bound | undefined;
  for (const b of bounds) {
    if (!b) continue;
    if (!best || (b.value - best.value) * direction > 0 || (b.value === best.value && b.exclusive)) best = b;
  }
  return best;
}
