// Document symbols (the outline: paths and their operations, webhooks, components by section)
// and workspace symbols (operations and components of every open spec, filtered by a query).
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-protocol';
import { escapeSegment, isObject, toPointer } from '../core/pointer.ts';
import type { SourceFile } from '../load/source-file.ts';
import { httpMethods } from '../model/types.ts';
import { toRange } from './convert.ts';
import { pathToUri } from './files.ts';
import type { Analysis } from './project.ts';

const sectionKinds: Record<string, SymbolKind> = {
  schemas: SymbolKind.Class,
  responses: SymbolKind.Interface,
  parameters: SymbolKind.Variable,
  examples: SymbolKind.Constant,
  requestBodies: SymbolKind.Struct,
  headers: SymbolKind.Field,
  securitySchemes: SymbolKind.Key,
  links: SymbolKind.Event,
  callbacks: SymbolKind.Function,
  pathItems: SymbolKind.Namespace,
};

function symbol(source: SourceFile, pointer: string, name: string, kind: SymbolKind, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const key = source.locate(pointer, 'key');
  const val = source.locate(pointer, 'value');
  const range = toRange(source, { start: Math.min(key.start, val.start), end: Math.max(key.end, val.end) });
  const selectionRange = toRange(source, key);
  return { name, kind, range, selectionRange, ...(detail ? { detail } : {}), ...(children ? { children } : {}) };
}

/** The outline of a file: for an OpenAPI document its paths, webhooks and components; for a fragment its top-level keys. */
export function documentSymbols(source: SourceFile, isRoot: boolean): DocumentSymbol[] {
  const doc = source.value;
  if (!isObject(doc)) return [];
  const out: DocumentSymbol[] = [];
  const operations = (item: unknown, pointer: string): DocumentSymbol[] =>
    isObject(item)
      ? httpMethods
          .filter((m) => isObject(item[m]))
          .map((m) => {
            const op = item[m] as Record<string, unknown>;
            const detail = [op.operationId, op.summary].filter((x) => typeof x === 'string').join(' — ');
            return symbol(source, `${pointer}/${m}`, m.toUpperCase(), SymbolKind.Method, detail || undefined);
          })
      : [];
  for (const section of ['paths', 'webhooks'] as const) {
    const paths = doc[section];
    if (!isObject(paths)) continue;
    const children = Object.keys(paths).map((p) => {
      const pointer = toPointer([section, p]);
      return symbol(source, pointer, p, SymbolKind.Namespace, undefined, operations(paths[p], pointer));
    });
    out.push(symbol(source, '/' + section, section, SymbolKind.Module, undefined, children));
  }
  const components = doc.components;
  if (isObject(components)) {
    const sections = Object.keys(components)
      .filter((s) => isObject(components[s]) && sectionKinds[s] !== undefined)
      .map((s) => {
        const members = components[s] as Record<string, unknown>;
        const children = Object.keys(members).map((name) => symbol(source, `/components/${escapeSegment(s)}/${escapeSegment(name)}`, name, sectionKinds[s]!));
        return symbol(source, `/components/${escapeSegment(s)}`, s, SymbolKind.Module, undefined, children);
      });
    out.push(symbol(source, '/components', 'components', SymbolKind.Module, undefined, sections));
  }
  if (!isRoot || out.length === 0) {
    // a fragment: its top-level keys (a file of schemas: each schema)
    for (const key of Object.keys(doc)) {
      if (key === 'paths' || key === 'webhooks' || key === 'components') continue;
      if (isRoot && ['openapi', 'info', 'servers', 'security', 'tags', 'externalDocs', 'jsonSchemaDialect'].includes(key)) continue;
      out.push(symbol(source, toPointer([key]), key, SymbolKind.Object));
    }
  }
  return out;
}

/** Operations (by operationId, else method and path) and components matching a query. */
export function workspaceSymbols(analysis: Analysis, query: string): SymbolInformation[] {
  const root = analysis.workspace.root;
  const doc = root.value;
  if (!isObject(doc)) return [];
  const q = query.toLowerCase();
  const matches = (name: string) => q === '' || fuzzy(name.toLowerCase(), q);
  const out: SymbolInformation[] = [];
  const uri = pathToUri(root.path);
  const at = (pointer: string) => toRange(root, root.locate(pointer, 'key'));
  if (isObject(doc.paths)) {
    for (const [p, item] of Object.entries(doc.paths)) {
      if (!isObject(item)) continue;
      for (const m of httpMethods) {
        const op = item[m];
        if (!isObject(op)) continue;
        const name = typeof op.operationId === 'string' ? op.operationId : `${m.toUpperCase()} ${p}`;
        if (matches(name)) out.push({ name, kind: SymbolKind.Method, location: { uri, range: at(toPointer(['paths', p, m])) }, containerName: `${m.toUpperCase()} ${p}` });
      }
    }
  }
  if (isObject(doc.components)) {
    for (const [section, members] of Object.entries(doc.components)) {
      if (!isObject(members) || sectionKinds[section] === undefined) continue;
      for (const name of Object.keys(members)) {
        if (matches(name)) out.push({ name, kind: sectionKinds[section]!, location: { uri, range: at(toPointer(['components', section, name])) }, containerName: `components/${section}` });
      }
    }
  }
  return out;
}

/** Every character of the query, in order. */
function fuzzy(name: string, query: string): boolean {
  let i = 0;
  for (const ch of name) if (ch === query[i]) i++;
  return i === query.length;
}
