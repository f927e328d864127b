// path-param-unused: a parameter `in: path` names a `{name}` of its path template.
import { finding, type Finding, type Rule } from './rule.ts';
import { pathEntriesOf } from './path-params.ts';

export const pathParamUnused: Rule = {
  id: 'path-param-unused',
  description: 'A parameter declared `in: path` must appear as {name} in the path template.',
  check(ctx) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const entry of pathEntriesOf(ctx)) {
      const params = [...entry.pathLevel, ...entry.operations.flatMap((op) => op.params)];
      for (const p of params) {
        const key = p.loc.file + '#' + p.loc.pointer;
        if (p.in !== 'path' || entry.names.includes(p.name) || seen.has(key)) continue;
        seen.add(key);
        out.push(finding(p.nameLoc, `path parameter '${p.name}' is not in the path template ${entry.template}`));
      }
    }
    return out;
  },
};
