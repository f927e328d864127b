// component-unused: every component is referenced somewhere (a `$ref`, a discriminator mapping,
// or for a security scheme a security requirement). A ref from inside the component itself
// does not count. A document without paths or webhooks is a library: nothing is reported.
import { escapeSegment, isObject } from '../core/pointer.ts';
import { finding, type Finding, type Rule } from './rule.ts';
import { componentOf } from '../load/spec-index.ts';

const singular: Record<string, string> = {
  schemas: 'schema',
  responses: 'response',
  parameters: 'parameter',
  examples: 'example',
  requestBodies: 'request body',
  headers: 'header',
  securitySchemes: 'security scheme',
  links: 'link',
  callbacks: 'callback',
  pathItems: 'path item',
};

export const componentUnused: Rule = {
  id: 'component-unused',
  description: 'Every component should be used: referenced by a $ref (security schemes: by a security requirement).',
  check(ctx) {
    const root = ctx.workspace.root;
    const doc = root.value;
    if (!isObject(doc) || !isObject(doc.components) || (doc.paths === undefined && doc.webhooks === undefined)) return [];
    const used = new Set<string>();
    const use = (section: string, name: string) => used.add(section + '/' + name);
    for (const ref of ctx.index.refs) {
      const inside = ref.loc.file === root.path ? componentOf(ref.loc.pointer) : undefined;
      const mark = (pointer: string) => {
        const c = componentOf(pointer);
        if (c && !(inside && inside.section === c.section && inside.name === c.name)) use(c.section, c.name);
      };
      if (ref.target.ok && ref.target.target.loc.file === root.path) mark(ref.target.target.loc.pointer);
      if (ref.loc.file === root.path && ref.ref.startsWith('#')) mark(safeDecode(ref.ref.slice(1)));
    }
    for (const m of ctx.index.mappings) {
      if (m.target.ok && m.target.target.loc.file === root.path) {
        const c = componentOf(m.target.target.loc.pointer);
        if (c) use(c.section, c.name);
      }
    }
    for (const site of ctx.index.ofKind('securityRequirement')) for (const name of Object.keys(site.value as object)) use('securitySchemes', name);
    const out: Finding[] = [];
    for (const [section, members] of Object.entries(doc.components)) {
      if (!singular[section] || !isObject(members)) continue;
      for (const name of Object.keys(members)) {
        if (used.has(section + '/' + name)) continue;
        const loc = { file: root.path, pointer: `/components/${escapeSegment(section)}/${escapeSegment(name)}` };
        const how = section === 'securitySchemes' ? 'no security requirement names it' : 'nothing refers to it';
        out.push(finding(loc, `${singular[section]} '${name}' is never used: ${how}`, true));
      }
    }
    return out;
  },
};

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
