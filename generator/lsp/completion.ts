// Completion: the keys an OpenAPI object (or a schema) allows at the cursor, `$ref` targets
// (the spec's components, those of the expected kind first), and a few values with a fixed set
// (`type`, `in`, `style`, `format`, response codes).
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-protocol';
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

const valueSets: Record<string, Partial<Record<Kind, string[]>>> = {
  type: { schema: ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'], securityScheme: ['apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'] },
  in: { parameter: ['query', 'header', 'path', 'cookie'], securityScheme: ['query', 'header', 'cookie'] },
  style: { parameter: ['form', 'simple', 'matrix', 'label', 'spaceDelimited', 'pipeDelimited', 'deepObject'], header: ['simple'] },
  format: { schema: ['date-time', 'date', 'time', 'duration', 'email', 'uri', 'uri-reference', 'uuid', 'hostname', 'ipv4', 'ipv6', 'int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'] },
  scheme: { securityScheme: ['basic', 'bearer', 'digest'] },
};

const statusCodes: [string, string][] = [
  ['200', 'OK'],
  ['201', 'Created'],
  ['202', 'Accepted'],
  ['204', 'No Content'],
  ['400', 'Bad Request'],
  ['401', 'Unauthorized'],
  ['403', 'Forbidden'],
  ['404', 'Not Found'],
  ['409', 'Conflict'],
  ['422', 'Unprocessable Content'],
  ['429', 'Too Many Requests'],
  ['500', 'Internal Server Error'],
  ['4XX', 'Any client error'],
  ['5XX', 'Any server error'],
  ['default', 'Any other status'],
];

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
    const values = kind ? valueSets[ctx.key]?.[kind] : undefined;
    if (!values) return [];
    return values.map((v, i) => ({ label: v, kind: CompletionItemKind.Value, sortText: String(i).padStart(3, '0'), textEdit: { range: range(ctx.range), newText: ctx.format === 'json' ? JSON.stringify(v) : v } }));
  }
  // keys
  const kind = kindInFile(input.analysis, input.path, value, ctx.parent, 'expected');
  if (!kind || kind === 'reference') return [];
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
  if (kind === 'responses') {
    statusCodes.forEach(([status, text], i) => {
      if (!existing.has(status) && status !== 'default') items.push(keyItem(status, text, `Response for HTTP ${status} (${text}).`, '0' + String(i).padStart(2, '0'), CompletionItemKind.Value));
    });
  }
  if (kind === 'securityRequirement' && input.analysis) {
    const schemes = valueAt(input.analysis.workspace.root.value, ['components', 'securitySchemes']);
    if (isObject(schemes)) for (const name of Object.keys(schemes)) if (!existing.has(name)) items.push(keyItem(name, 'security scheme', grammar.securityRequirement.entries!.keyDoc, '0' + name, CompletionItemKind.Reference));
  }
  if (grammar[kind].extensible) items.push(keyItem('x-', 'extension', 'A specification extension: any value, for tools.', '9x-'));
  return items;
}

/** `$ref` targets: the components of the spec, the section the place expects first. */
function refItems(input: CompletionInput, ctx: Extract<CursorContext, { kind: 'ref' }>, value: unknown, range: { start: ReturnType<ReturnType<typeof lineIndex>>; end: ReturnType<ReturnType<typeof lineIndex>> }): CompletionItem[] {
  const analysis = input.analysis;
  if (!analysis) return [];
  const expected = kindInFile(analysis, input.path, value, ctx.holder, 'expected');
  const wanted = expected ? sectionOfKind[expected] : undefined;
  const items: CompletionItem[] = [];
  for (const file of analysis.files()) {
    const source = analysis.workspace.get(file);
    const components = valueAt(source?.value, ['components']);
    if (!isObject(components)) continue;
    const prefix = file === input.path ? '' : relative(dirname(input.path), file).split('\\').join('/');
    for (const [section, members] of Object.entries(components)) {
      if (!isObject(members) || !Object.prototype.hasOwnProperty.call(grammar.components.fields, section)) continue;
      for (const name of Object.keys(members)) {
        const ref = `${prefix}#/components/${section}/${escapeSegment(name)}`;
        const newText = ctx.format === 'json' ? JSON.stringify(ref) : ctx.quote ? ref : `'${ref}'`;
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
