// Copies runtime helpers (runtime.ts) into generated modules: the text of each top-level
// declaration a module needs, plus the declarations it uses in turn, in the file's own order.
// One source for the interpreter and the compiled code, so the helpers are tested once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

// required, not imported: an ES import of TypeScript's 9 MB CommonJS compiler makes Node scan it
// for its module format and named exports first (half a second per process)
const ts: typeof TS = createRequire(import.meta.url)('typescript');

interface Declaration {
  name: string;
  /** Declaration text, with `export` removed and its leading comment kept. */
  text: string;
  /** Other declarations of runtime.ts this one mentions. */
  uses: string[];
}

let cache: Map<string, Declaration> | undefined;

function identifiersIn(node: TS.Node, into = new Set<string>()): Set<string> {
  if (ts.isIdentifier(node)) into.add(node.text);
  ts.forEachChild(node, (child) => void identifiersIn(child, into));
  return into;
}

function declarations(): Map<string, Declaration> {
  if (cache) return cache;
  const path = new URL('./runtime.ts', import.meta.url);
  const source = ts.createSourceFile('runtime.ts', readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: { name: string; text: string; identifiers: Set<string> }[] = [];
  for (const statement of source.statements) {
    let name: string | undefined;
    if (ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      name = statement.name?.text;
    } else if (ts.isVariableStatement(statement)) {
      const first = statement.declarationList.declarations[0];
      if (first && ts.isIdentifier(first.name)) name = first.name.text;
    }
    if (!name) continue;
    // The declaration with its JSDoc (not the line comments before it), without `export`.
    const text = source.text.slice(statement.getStart(source, true), statement.end).replace(/^(\/\*\*[\s\S]*?\*\/\s*)?export /, '$1');
    found.push({ name, text, identifiers: identifiersIn(statement) });
  }
  cache = new Map();
  for (const { name, text, identifiers } of found) {
    const uses = found.filter((other) => other.name !== name && identifiers.has(other.name)).map((other) => other.name);
    cache.set(name, { name, text, uses });
  }
  return cache;
}

/** The source text of the named runtime declarations and everything they use, in file order;
 * `exported` ones get their `export` back; `omit` ones (already in the module) are left out. */
export function runtimeSource(names: Iterable<string>, exported: readonly string[] = [], omit: readonly string[] = []): string[] {
  const all = declarations();
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    if (wanted.has(name) || omit.includes(name)) return;
    const declaration = all.get(name);
    if (!declaration) throw new Error(`no runtime helper named ${name}`);
    wanted.add(name);
    declaration.uses.forEach(visit);
  };
  for (const name of names) visit(name);
  return [...all.values()]
    .filter((declaration) => wanted.has(declaration.name))
    .map((declaration) => (exported.includes(declaration.name) ? declaration.text.replace(/^(\/\*\*[\s\S]*?\*\/\s*)?/, '$1export ') : declaration.text));
}
