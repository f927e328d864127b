// path-param-undeclared: every `{name}` of a path template is declared as a parameter `in: path`.
import { finding, type Finding, type Rule } from './rule.ts';
import { pathEntriesOf } from './path-params.ts';

export const pathParamUndeclared: Rule = {
  id: 'path-param-undeclared',
  description: 'Every {name} in a path template must be declared as a parameter with `in: path`.',
  check(ctx) {
    const out: Finding[] = [];
    for (const entry of pathEntriesOf(ctx)) {
      if (entry.operations.length === 0) continue;
      for (const name of new Set(entry.names)) {
        const missing = entry.operations.filter((op) => !op.params.some((p) => p.in === 'path' && p.name === name));
        if (missing.length === 0) continue;
        if (missing.length === entry.operations.length) {
          out.push({ ...finding(entry.keyLoc, `path parameter '${name}' of ${entry.template} is not declared (no parameter with in: path and name: ${name})`, true), subject: name });
        } else {
          for (const op of missing) out.push({ ...finding(op.loc, `path parameter '${name}' of ${entry.template} is not declared by ${op.method.toUpperCase()}`, true), subject: name });
        }
      }
    }
    return out;
  },
};
