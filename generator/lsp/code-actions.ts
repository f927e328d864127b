// Quick fixes for oaskit's diagnostics: the did-you-mean of a key, a value or a `$ref` (the
// rules put it in the diagnostic), declaring an undeclared path parameter, creating the
// component a dangling local `$ref` names, removing an unused component. Edits are computed from
// the text and the parse's positions; new YAML follows the indentation around it.
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { isObject, parsePointer, toPointer } from '../core/pointer.ts';
import type { SourceFile } from '../load/source-file.ts';
import { toRange, type DiagnosticData } from './convert.ts';
import { valueAt } from './locate.ts';

export function codeActions(uri: string, source: SourceFile, diagnostics: LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'oaskit' || !isObject(d.data)) continue;
    const data = d.data as unknown as DiagnosticData;
    if (data.file !== source.path || data.pointer === undefined) continue;
    const fix = (title: string, edits: TextEdit[] | undefined, preferred = false) => {
      if (edits?.length) out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: preferred, edit: { changes: { [uri]: edits } } });
    };
    if (data.suggestion) fix(`Change to '${data.suggestion.text}'`, [replaceText(source, data.pointer, data.suggestion.part, data.suggestion.text)], true);
    if (source.format !== 'yaml') continue;
    if (d.code === 'path-param-undeclared' && data.subject !== undefined) fix(`Declare path parameter '${data.subject}'`, declarePathParam(source, data.pointer, data.subject));
    if (d.code === 'ref-dangling') {
      const ref = valueAt(source.value, parsePointer(data.pointer));
      const m = typeof ref === 'string' ? /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref) : null;
      if (m) {
        const name = decodeName(m[2]!);
        if (name !== undefined) fix(`Create ${m[1]} component '${name}'`, createComponent(source, m[1]!, name));
      }
    }
    if (d.code === 'component-unused') {
      const segs = parsePointer(data.pointer);
      if (segs.length === 3 && segs[0] === 'components') fix(`Remove unused component '${segs[2]}'`, removeComponent(source, segs[1]!, segs[2]!));
    }
  }
  return out;
}

/** Replace a key or a value by `text`, keeping its quotes. */
function replaceText(source: SourceFile, pointer: string, part: 'key' | 'value', text: string): TextEdit {
  const r = source.locate(pointer, part);
  const raw = source.text.slice(r.start, r.end);
  const q = /^["']/.test(raw) && raw.endsWith(raw[0]!) && raw.length > 1 ? 1 : 0;
  const newText = source.format === 'json' || !q || raw[0] === '"' ? (q ? JSON.stringify(text).slice(1, -1) : text) : text.replace(/'/g, "''");
  return { range: toRange(source, { start: r.start + q, end: r.end - q }), newText };
}

/** A parameter `in: path` added to the `parameters` of an operation or path item (created if absent). */
function declarePathParam(source: SourceFile, pointer: string, name: string): TextEdit[] | undefined {
  const holder = valueAt(source.value, parsePointer(pointer));
  if (!isObject(holder)) return undefined;
  const item = (indent: string) => [`- name: ${yamlScalar(name)}`, '  in: path', '  required: true', '  schema:', '    type: string'].map((l) => indent + l).join('\n');
  if (Array.isArray(holder.parameters) && holder.parameters.length) {
    const first = source.locate(toPointer([...parsePointer(pointer), 'parameters', '0']));
    const dash = source.text.lastIndexOf('-', first.start);
    const indent = ' '.repeat(dash - lineStart(source.text, dash));
    if (source.text.slice(lineStart(source.text, dash), dash).trim() !== '') return undefined;
    const at = lineEnd(source.text, lastContent(source.text, source.locate(toPointer([...parsePointer(pointer), 'parameters'])).end));
    return [{ range: toRange(source, { start: at, end: at }), newText: '\n' + item(indent) }];
  }
  if (holder.parameters !== undefined) return undefined;
  const firstKey = Object.keys(holder)[0];
  if (firstKey === undefined) return undefined;
  const key = source.locate(toPointer([...parsePointer(pointer), firstKey]), 'key');
  const start = lineStart(source.text, key.start);
  const indent = source.text.slice(start, key.start);
  if (indent.trim() !== '') return undefined;
  return [{ range: toRange(source, { start, end: start }), newText: `${indent}parameters:\n${item(indent + '  ')}\n` }];
}

const skeletons: Record<string, string[]> = {
  schemas: ['type: object'],
  responses: ["description: ''"],
  parameters: ['name: NAME', 'in: query', 'schema:', '  type: string'],
  requestBodies: ['content:', '  application/json:', '    schema:', '      type: object'],
  headers: ['schema:', '  type: string'],
};

/** `components/<section>/<name>` added at the end of its section (the section, or components, created if absent). */
function createComponent(source: SourceFile, section: string, name: string): TextEdit[] | undefined {
  const doc = source.value;
  if (!isObject(doc)) return undefined;
  const body = (skeletons[section] ?? ['{}']).map((l) => l.replace('NAME', yamlScalar(name)));
  const entry = (indent: string) => (body[0] === '{}' ? [`${indent}${yamlScalar(name)}: {}`] : [`${indent}${yamlScalar(name)}:`, ...body.map((l) => `${indent}  ${l}`)]);
  const components = doc.components;
  const append = (at: number, lines: string[]) => [{ range: toRange(source, { start: at, end: at }), newText: '\n' + lines.join('\n') }];
  if (isObject(components) && isObject(components[section]) && Object.keys(components[section]).length) {
    const members = Object.keys(components[section]);
    const firstKey = source.locate(toPointer(['components', section, members[0]!]), 'key');
    const indent = ' '.repeat(firstKey.start - lineStart(source.text, firstKey.start));
    const end = lineEnd(source.text, lastContent(source.text, source.locate(toPointer(['components', section])).end));
    return append(end, entry(indent));
  }
  if (isObject(components) && components[section] === undefined && Object.keys(components).length) {
    const firstKey = source.locate(toPointer(['components', Object.keys(components)[0]!]), 'key');
    const indent = ' '.repeat(firstKey.start - lineStart(source.text, firstKey.start));
    const end = lineEnd(source.text, lastContent(source.text, source.locate('/components').end));
    return append(end, [`${indent}${section}:`, ...entry(indent + '  ')]);
  }
  if (components === undefined) {
    const end = lastContent(source.text, source.text.length);
    return append(lineEnd(source.text, end), ['components:', `  ${section}:`, ...entry('    ')]);
  }
  return undefined;
}

/** The lines of a component (its section's too when it is the only member). */
function removeComponent(source: SourceFile, section: string, name: string): TextEdit[] | undefined {
  const members = valueAt(source.value, ['components', section]);
  if (!isObject(members)) return undefined;
  const only = Object.keys(members).length === 1;
  const pointer = only ? toPointer(['components', section]) : toPointer(['components', section, name]);
  const key = source.locate(pointer, 'key');
  const start = lineStart(source.text, key.start);
  if (source.text.slice(start, key.start).trim() !== '') return undefined;
  const end = entryEnd(source.text, start, key.start - start);
  return [{ range: toRange(source, { start, end }), newText: '' }];
}

/** The end of a block entry whose key line starts at `start`: the first later line indented `indent` or less. */
function entryEnd(text: string, start: number, indent: number): number {
  let at = text.indexOf('\n', start);
  let end = at < 0 ? text.length : at + 1;
  while (at >= 0) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next < 0 ? text.length : next);
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#') && line.length - content.length <= indent) break;
    if (content !== '') end = next < 0 ? text.length : next + 1;
    at = next;
  }
  return end;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  return n < 0 ? text.length : n;
}

/** The offset of the last non-space character before `end`. */
function lastContent(text: string, end: number): number {
  let i = Math.min(end, text.length) - 1;
  while (i > 0 && /\s/.test(text[i]!)) i--;
  return i;
}

function yamlScalar(text: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(text) ? text : `'${text.replace(/'/g, "''")}'`;
}

function decodeName(segment: string): string | undefined {
  try {
    return parsePointer('/' + decodeURIComponent(segment))[0];
  } catch {
    return undefined;
  }
}
