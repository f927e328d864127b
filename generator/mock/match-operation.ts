// Which operation of a spec a concrete request is for: method + path against the path templates
// (a literal segment beats a `{param}`, as in OpenAPI's own matching rule), also tried with each
// server URL's base path taken off.
import type { Operation } from '../model/types.ts';

export interface OperationMatcher {
  match(method: string, pathname: string): Operation | undefined;
}

export function operationMatcher(operations: readonly Operation[]): OperationMatcher {
  const compiled = operations.map((op) => ({ op, regex: templateRegex(op.path), literal: op.path.replace(/\{[^}]*\}/g, '').length }));
  // the most literal template first: /pets/mine before /pets/{id}
  compiled.sort((a, b) => b.literal - a.literal);
  const bases = new Set<string>();
  for (const op of operations) {
    for (const s of op.servers) {
      const path = serverBasePath(s.url, s.variables);
      if (path && path !== '/') bases.add(path.replace(/\/$/, ''));
    }
  }
  const find = (method: string, path: string) => compiled.find((c) => c.op.method === method && c.regex.test(path))?.op;
  return {
    match(method, pathname) {
      const m = method.toLowerCase();
      const path = pathname.split('?')[0]!;
      const direct = find(m, path);
      if (direct) return direct;
      for (const base of bases) {
        if (path.startsWith(base + '/')) {
          const op = find(m, path.slice(base.length));
          if (op) return op;
        }
      }
      return undefined;
    },
  };
}

function templateRegex(template: string): RegExp {
  let source = '';
  for (const part of template.split(/(\{[^}]*\})/)) {
    if (part === '') continue;
    source += part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}/?$`);
}

function serverBasePath(url: string, variables: Operation['servers'][number]['variables']): string | undefined {
  const filled = url.replace(/\{([^}]*)\}/g, (_, name: string) => variables.find((v) => v.name === name)?.default ?? 'x');
  try {
    return new URL(filled, 'http://placeholder').pathname;
  } catch {
    return undefined;
  }
}
