// The security family. An operation's security is a list of alternatives, each a set of schemes
// that apply together. A request that met an old alternative must still meet a new one: every
// scheme of that new alternative among the old one's, with no scope the old one lacked. Scheme
// definitions are compared too: an API key moved to another header is sent where it is not read.
import type { SecurityRequirement, SecurityScheme } from '../model/types.ts';
import { defineChecks } from './checks.ts';
import type { DiffContext } from './context.ts';

export const securityChecks = defineChecks('security', {
  'api-security-added': ['breaking', 'major', 'security requirements added or changed: a request that was authorised is not'],
  'api-security-scope-added': ['breaking', 'major', 'a security requirement now needs more scopes'],
  'api-security-removed': ['info', 'minor', 'security relaxed: a new way to be authorised, or none needed'],
  'security-scheme-changed': ['breaking', 'major', 'a security scheme used by both specs changed (type, scheme, where the key goes)'],
});

const text = (req: SecurityRequirement) => (req.length ? req.map((s) => (s.scopes.length ? `${s.scheme}[${s.scopes.join(', ')}]` : s.scheme)).join(' + ') : 'none');

/**
 * Does a request that meets `have` meet `need`? Schemes are the same when they are defined alike
 * (a renamed scheme sends the same credential; the SDK check reports the renamed option).
 */
function meets(have: SecurityRequirement, need: SecurityRequirement, same: (a: string, b: string) => boolean): boolean {
  return need.every((s) => {
    const h = have.find((x) => same(x.scheme, s.scheme));
    return h !== undefined && s.scopes.every((scope) => h.scopes.includes(scope));
  });
}

/** No security means one empty alternative: anyone. */
const alternatives = (list: SecurityRequirement[]) => (list.length ? list : [[]]);

export function securityChanges(ctx: DiffContext): void {
  const oldShapes = new Map(ctx.old.securitySchemes.map((s) => [s.name, shape(s)]));
  const newShapes = new Map(ctx.neu.securitySchemes.map((s) => [s.name, shape(s)]));
  // old scheme name a against new scheme name b (either order of the arguments: old first)
  const same = (a: string, b: string) => a === b || (oldShapes.get(a) !== undefined && oldShapes.get(a) === newShapes.get(b));
  const back = (a: string, b: string) => same(b, a);
  for (const { old, new: n, label } of ctx.pairs) {
    const olds = alternatives(old.security);
    const news = alternatives(n.security);
    for (const have of olds) {
      if (news.some((need) => meets(have, need, same))) continue;
      const sameSchemes = news.find((need) => need.length === have.length && need.every((s) => have.some((h) => same(h.scheme, s.scheme))));
      if (sameSchemes) ctx.add('api-security-scope-added', `security ${text(have)} now needs ${text(sameSchemes)}`, n.loc, label);
      else ctx.add('api-security-added', `a request authorised by ${text(have)} is no longer enough: now ${news.map(text).join(' or ')}`, n.loc, label);
    }
    for (const need of news) {
      // a request with just these credentials met no old alternative: security was relaxed
      if (!olds.some((have) => meets(need, have, back))) ctx.add('api-security-removed', `security ${text(need)} is now enough`, n.loc, label);
    }
  }
  const news = new Map(ctx.neu.securitySchemes.map((s) => [s.name, s]));
  for (const s of ctx.old.securitySchemes) {
    const t = news.get(s.name);
    if (t && shape(s) !== shape(t)) ctx.add('security-scheme-changed', `security scheme ${s.name}: ${shape(s)} → ${shape(t)}`, t.loc);
  }
}

function shape(s: SecurityScheme): string {
  return [s.type, s.scheme?.toLowerCase(), s.in, s.paramName].filter((x) => x !== undefined).join(' ');
}
