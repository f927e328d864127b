// The only ways spec text reaches generated client code: JSON literals (strings, string literal
// types, data tables), escaped comment text, and identifiers checked by names.ts. The printers
// (emit/client/print.ts) write names, types and JSDoc raw, so everything passes through here first.
import { isIdentifier } from '../model/names.ts';

/** A JSON value as a JS/TS literal: U+2028/U+2029 escaped, and `<` so no `</script>` or `<!--`. */
export function literal(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error('not JSON-serialisable');
  return text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029').replace(/</g, '\\u003c');
}

/** A string literal type, or a union of them (`never` for none), sorted for stable output. */
export function literalUnion(values: Iterable<string>): string {
  const list = [...new Set(values)].sort();
  return list.length ? list.map((v) => literal(v)).join(' | ') : 'never';
}

/** A property key: the name when it is a plain identifier, else a string literal. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name !== '__proto__' ? name : literal(name);
}

/** An identifier that must already be safe (made by names.ts); throws otherwise. */
export function identifier(name: string): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) throw new Error(`not an identifier: ${literal(name)}`);
  return name;
}

export { isIdentifier };

/**
 * Text for a JSDoc comment: `*\/` cannot close it nor `/*` open one, control characters and U+2028/U+2029 are
 * removed or made newlines, and a spec line cannot start a JSDoc tag (`@` is escaped).
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\*\//g, '*\\/')
    // ts-morph's writer takes a `/*` inside a JSDoc for a comment of its own and garbles the close
    .replace(/\/\*/g, '/\\*')
    .replace(/(^|\s)@(?=[A-Za-z])/g, '$1\\@')
    .trim();
}

/** A string as a single-quoted literal, with literal()'s escapes. */
export function quoted(value: string): string {
  const inner = literal(value).slice(1, -1);
  return "'" + inner.replace(/\\(.)|'/gs, (m, c: string | undefined) => (c === undefined ? "\\'" : c === '"' ? '"' : m)) + "'";
}

/** A JSON value as a compact JS literal: unquoted identifier keys, no spaces; `__proto__` refused. */
export function compactLiteral(value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map(compactLiteral).join(', ') + ']';
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).filter(([, v]) => v !== undefined);
    return '{ ' + members.map(([k, v]) => {
      if (k === '__proto__') throw new Error('__proto__ cannot be a key of a generated table');
      return `${propertyKey(k)}: ${compactLiteral(v)}`;
    }).join(', ') + ' }';
  }
  return typeof value === 'string' ? quoted(value) : literal(value);
}

/** The operation table: one line per entry of its arrays, so a diff shows which operation changed. */
export function tableStatement(name: string, type: string, table: Record<string, unknown>): string {
  const lines = [`const ${identifier(name)}: ${type} = {`];
  for (const [key, value] of Object.entries(table)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length) {
      lines.push(`  ${propertyKey(key)}: [`);
      for (const item of value) lines.push(`    ${compactLiteral(item)},`);
      lines.push('  ],');
    } else lines.push(`  ${propertyKey(key)}: ${compactLiteral(value)},`);
  }
  lines.push('};');
  return lines.join('\n');
}
