// Where an oaskit extension is written: every object of a kind (the root document, tags,
// operations) that carries it, with the extension's location. Shared by the rules that check
// the shapes of x-oaskit-rate-limit, x-oaskit-pagination and x-oaskit-download.
import type { Kind } from '../core/grammar.ts';
import { isObject } from '../core/pointer.ts';
import type { ExtensionProblem } from '../model/client-extensions.ts';
import { finding, type Finding, type RuleContext } from './rule.ts';

/** Findings for each problem `read` finds in the extension `name` on objects of the given kinds. */
export function extensionFindings(ctx: RuleContext, name: string, kinds: readonly Kind[], read: (raw: unknown) => { problems: ExtensionProblem[] }): Finding[] {
  const out: Finding[] = [];
  for (const kind of kinds) {
    for (const site of ctx.index.ofKind(kind)) {
      if (!isObject(site.value) || site.value[name] === undefined) continue;
      for (const p of read(site.value[name]).problems) {
        // a member that is not there is reported at the extension itself
        const member = p.pointer && isObject(site.value[name]) && (site.value[name] as Record<string, unknown>)[p.pointer.slice(1)] !== undefined ? p.pointer : '';
        out.push(finding({ file: site.loc.file, pointer: `${site.loc.pointer}/${name}${member}` }, p.message));
      }
    }
  }
  return out;
}
