// Completion: the keys an OpenAPI object (or a schema) allows at the cursor, `$ref` targets
// (the spec's components, those of the expected kind first), the values of enumerated fields
// (`type`, `in`, `style`, `format`), status codes, media types and security scheme names — all
// from the grammar (core/grammar.ts). Works on text being typed: the structure and components
// come from the last text that parsed when the current one does not; items are filtered by what
// was typed, and each item's text edit replaces exactly that (an unclosed quote is closed).
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range as LspRange } from 'vscode-languageserver-protocol';
import { dirname, relative } from 'node:path';
import { escapeSegment, isObject } from '../core/pointer.ts';
import { grammar, fieldsOf, sectionOfKind, type Kind } from '../core/grammar.ts';
import { cursorContext, jsonKeysAt, type CursorContext, type TextRange } from './cursor.ts';
import { kindInFile, valueAt } from './locate.ts';
import type { Analysis } from './project.ts';
import { LineIndex } from '../core/line-index.ts';

export interface CompletionInput {
  path: string;
  text: string;
  offset: number;
  analysis: Analysis | undefined;
  /** the value of the current text, when it parses */
  current: unknown;
  /** the last value of this file that parsed */
  lastGood: unknown;
}

export function complete(input: CompletionInput): CompletionItem[] {
  const format = /\.json$/i.test(input.path) || (!/\.ya?ml$/i.test(input.path) && /^\s*[{[]/.test(input.text)) ? 'json' : 'yaml';
  const ctx = cursorContext(input.path, input.text, input.offset, format);
  if (!ctx) return [];
  const lines = lineIndex(input.text);
  const range = (r: TextRange) => ({ start: lines(r.start), end: lines(r.end) });
  const value = input.current ?? input.lastGood;
  // the version of the text being typed may not be readable: then that of its last good parse
  const openapi = isObject(value) ? value.openapi : undefined;
  const version = input.analysis?.loaded.version ?? (typeof openapi === 'string' ? (openapi.startsWith('3.0') ? '3.0' : '3.1') : undefined);
  if (ctx.kind === 'ref') return refItems(input, ctx, value, range(ctx.range));
  if (ctx.kind === 'value') {
    const kind = kindInFile(input.analysis, input.path, value, ctx.parent, 'expected');
    const field = kind ? grammar[kind].fields[ctx.key] : undefined;
    const values = field?.values?.list.filter((v) => matches(v, ctx.prefix));
    if (!values) return [];
    const close = ctx.format === 'yaml' ? unclosed(ctx.quote, input.text, ctx.range.end) : '';
    return values.map((v, i) => ({ label: v, kind: CompletionItemKind.Value, sortText: String(i).padStart(3, '0'), filterText: ctx.format === 'json' ? JSON.stringify(v) : v, textEdit: { range: range(ctx.range), newText: ctx.format === 'json' ? JSON.stringify(v) : v + close } }));
  }
  // keys
  const kind = kindInFile(input.analysis, input.path, value, ctx.parent, 'expected');
  if (!kind) return mapKeyItems(input, ctx, value, range(ctx.range));
  if (kind === 'reference') return [];
  const existing = new Set(format === 'json' ? jsonKeysAt(input.text, ctx.parent) : Object.keys(objectAt(value, ctx.parent)));
  existing.delete(ctx.prefix);
  const items: CompletionItem[] = [];
  const keyItem = (key: string, detail: string, documentation: string, sort: string, kindOfItem: CompletionItemKind = CompletionItemKind.Property): CompletionItem => {
    const keyText = format === 'json' ? JSON.stringify(key) : /^[A-Za-z_$][\w$.-]*$/.test(key) || key.startsWith('/') ? key : `'${key}'`;
    const newText = ctx.hasColon ? keyText : `${keyText}: `;
    return { label: key, kind: kindOfItem, detail, documentation: { kind: 'markdown', value: documentation }, sortText: sort, filterText: key, insertTextFormat: InsertTextFormat.PlainText, textEdit: { range: range(ctx.range), newText } };
  };
  for (const [key, field] of fieldsOf(kind, version)) {
    if (existing.has(key)) continue;
    const shape = field.shape;
    const detail = 'of' in shape ? `${shape.many === 'map' ? 'map of ' : shape.many === 'list' ? 'list of ' : ''}${grammar[shape.of].title}` : shape.data;
    items.push(keyItem(key, detail, field.doc, '1' + key));
  }
  grammar[kind].entries?.suggest?.forEach(([key, text], i) => {
    if (!existing.has(key)) items.push(keyItem(key, text, `${grammar[kind].entries!.keyDoc} ${key}: ${text}.`, '0' + String(i).padStart(2, '0'), CompletionItemKind.Value));
  });
  if (kind === 'securityRequirement' && input.analysis) {
    const schemes = valueAt(input.analysis.workspace.root.value, ['components', 'securitySchemes']);
    if (isObject(schemes)) for (const name of Object.keys(schemes)) if (!existing.has(name)) items.push(keyItem(name, 'security scheme', grammar.securityRequirement.entries!.keyDoc, '0' + name, CompletionItemKind.Reference));
  }
  if (grammar[kind].extensible) items.push(keyItem('x-', 'extension', 'A specification extension: any value, for tools.', '9x-'));
  return items.filter((i) => matches(i.label, ctx.prefix));
}

/** Keys of a map the grammar suggests keys for (media types under `content`). */
function mapKeyItems(input: CompletionInput, ctx: Extract<CursorContext, { kind: 'key' }>, value: unknown, range: LspRange): CompletionItem[] {
  if (!ctx.parent.length) return [];
  const owner = kindInFile(input.analysis, input.path, value, ctx.parent.slice(0, -1), 'expected');
  const field = owner ? grammar[owner].fields[ctx.parent.at(-1)!] : undefined;
  const shape = field?.shape;
  if (!field?.keys || !shape || !('of' in shape) || shape.many !== 'map') return [];
  const existing = new Set(ctx.format === 'json' ? jsonKeysAt(input.text, ctx.parent) : Object.keys(objectAt(value, ctx.parent)));
  existing.delete(ctx.prefix);
  return field.keys
    .filter((k) => !existing.has(k) && matches(k, ctx.prefix))
    .map((k, i) => {
      const keyText = ctx.format === 'json' ? JSON.stringify(k) : /^[\w.+/-]+$/.test(k) ? k : `'${k}'`;
      return { label: k, kind: CompletionItemKind.Value, detail: grammar[shape.of].title, sortText: String(i).padStart(3, '0'), filterText: k, textEdit: { range, newText: ctx.hasColon ? keyText : `${keyText}:\n${ctx.indent}  ` } };
    });
}

/** Does a candidate fit what was typed (case-insensitive prefix)? */
function matches(candidate: string, prefix: string): boolean {
  return candidate.toLowerCase().startsWith(prefix.toLowerCase());
}

/** The quote to close a value with: the opening one when the line holds no closing one after the cursor. */
function unclosed(quote: string, text: string, from: number): string {
  if (!quote) return '';
  const lineEnd = text.indexOf('\n', from);
  return text.slice(from, lineEnd < 0 ? text.length : lineEnd).includes(quote) ? '' : quote;
}

/** `$ref` targets: the components of the spec, the section the place expects first. */
function refItems(input: CompletionInput, ctx: Extract<CursorContext, { kind: 'ref' }>, value: unknown, range: LspRange): CompletionItem[] {
  const analysis = input.analysis;
  if (!analysis) return [];
  const expected = kindInFile(analysis, input.path, value, ctx.holder, 'expected');
  const wanted = expected ? sectionOfKind[expected] : undefined;
  const items: CompletionItem[] = [];
  const close = ctx.format === 'yaml' ? unclosed(ctx.quote, input.text, ctx.range.end) : '';
  for (const file of analysis.files()) {
    // the file being typed in: its current value, else its last good one
    const components = valueAt(file === input.path ? value : analysis.workspace.get(file)?.value, ['components']);
    if (!isObject(components)) continue;
    const prefix = file === input.path ? '' : relative(dirname(input.path), file).split('\\').join('/');
    for (const [section, members] of Object.entries(components)) {
      if (!isObject(members) || !Object.prototype.hasOwnProperty.call(grammar.components.fields, section)) continue;
      for (const name of Object.keys(members)) {
        const ref = `${prefix}#/components/${section}/${escapeSegment(name)}`;
        if (!matches(ref, ctx.prefix)) continue;
        const newText = ctx.format === 'json' ? JSON.stringify(ref) : ctx.quote ? ref + close : `'${ref}'`;
        items.push({
          label: ref,
          kind: CompletionItemKind.Reference,
          detail: `${section}${prefix ? ` in ${prefix}` : ''}`,
          sortText: `${section === wanted ? 0 : 1}${prefix ? 1 : 0}${ref}`,
          filterText: ctx.format === 'json' ? JSON.stringify(ref) : ctx.quote ? ref : `'${ref}'`,
          textEdit: { range, newText },
        });
      }
    }
  }
  return items;
}

function objectAt(value: unknown, path: string[]): Record<string, unknown> {
  const v = valueAt(value, path);
  return isObject(v) ? v : {};
}

/** LSP positions (0-based) for offsets of a text. */
function lineIndex(text: string): (offset: number) => { line: number; character: number } {
  const index = new LineIndex(text);
  return (offset) => {
    const { line, col } = index.position(offset);
    return { line: line - 1, character: col - 1 };
  };
}
