// The `$ref` rules: the workspace checks every ref while loading (sandbox, target file, pointer);
// each rule hands on the problems of its own code, so each can be configured on its own.
import type { Finding, Rule } from './rule.ts';

export function refRule(id: string, description: string): Rule {
  return {
    id,
    description,
    check(ctx) {
      const out: Finding[] = [];
      for (const d of ctx.loadDiagnostics) {
        if (d.code === id && d.pointer !== undefined) out.push({ message: d.message, file: d.file, pointer: d.pointer, ...(d.suggestion ? { suggestion: d.suggestion } : {}) });
      }
      return out;
    },
  };
}
