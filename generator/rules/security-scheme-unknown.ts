// security-scheme-unknown: a security requirement names schemes declared in components/securitySchemes.
import { escapeSegment, isObject } from '../core/pointer.ts';
import { finding, type Finding, type Rule } from './rule.ts';

export const securitySchemeUnknown: Rule = {
  id: 'security-scheme-unknown',
  description: 'A security requirement must name a scheme declared in components/securitySchemes.',
  check(ctx) {
    const doc = ctx.workspace.root.value;
    const components = isObject(doc) && isObject(doc.components) ? doc.components : {};
    const declared = isObject(components.securitySchemes) ? components.securitySchemes : {};
    const out: Finding[] = [];
    for (const site of ctx.index.ofKind('securityRequirement')) {
      for (const name of Object.keys(site.value as object)) {
        if (Object.prototype.hasOwnProperty.call(declared, name)) continue;
        const known = Object.keys(declared);
        const hint = known.length ? ` (declared: ${known.join(', ')})` : ' (none is declared)';
        out.push(finding({ file: site.loc.file, pointer: site.loc.pointer + '/' + escapeSegment(name) }, `security scheme '${name}' is not declared in components/securitySchemes${hint}`, true));
      }
    }
    return out;
  },
};
