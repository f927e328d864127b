// Where the cursor is, for completion: in a key (which object's?), in a `$ref` value, or in the
// value of some key. Works on text that does not parse yet (the user is typing): YAML through a
// copy of the text with the cursor's line replaced by a placeholder key, JSON through
// jsonc-parser's tolerant scanner.
import { getLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { parsePointer } from '../core/pointer.ts';
import { parseSource } from '../load/source-file.ts';

export interface TextRange {
  start: number;
  end: number;
}

export type CursorContext =
  /** typing a key of the object at `parent` */
  | { kind: 'key'; parent: string[]; prefix: string; range: TextRange; format: 'yaml' | 'json'; indent: string; hasColon: boolean }
  /** typing the value of `$ref` in the object at `holder` */
  | { kind: 'ref'; holder: string[]; prefix: string; range: TextRange; format: 'yaml' | 'json'; quote: string }
  /** typing the value of `key` in the object at `parent` */
  | { kind: 'value'; parent: string[]; key: string; prefix: string; range: TextRange; format: 'yaml' | 'json'; quote: string };

const placeholder = 'oaskit__cursor__';

export function cursorContext(path: string, text: string, offset: number, format: 'yaml' | 'json'): CursorContext | undefined {
  return format === 'json' ? jsonContext(text, offset) : yamlContext(path, text, offset);
}

function yamlContext(path: string, text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const lineEnd = lineEndRaw < 0 ? text.length : lineEndRaw;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  // `$ref: '#/comp|`
  const ref = /^(\s*(?:-\s+)*)(['"]?)\$ref\2\s*:\s*(['"]?)([^'"#\s]*(?:#[^'"\s]*)?)$/.exec(before);
  if (ref) {
    const quote = ref[3]!;
    const prefix = ref[4]!;
    const rest = quote ? after.slice(0, Math.max(0, after.indexOf(quote))) : /^\S*/.exec(after)![0];
    const holder = keyPath(path, text, lineStart, lineEnd, ref[1]!, offset);
    if (!holder) return undefined;
    return { kind: 'ref', holder: holder.slice(0, -1), prefix, range: { start: offset - prefix.length, end: offset + rest.length }, format: 'yaml', quote };
  }
  // `type: str|`
  const value = /^(\s*(?:-\s+)*)(['"]?)([^\s:'"#][^:#'"]*?)\2\s*:\s+(['"]?)([^'"#]*)$/.exec(before);
  if (value) {
    const quote = value[4]!;
    const prefix = value[5]!;
    const holder = keyPath(path, text, lineStart, lineEnd, value[1]!, offset);
    if (!holder) return undefined;
    const rest = /^[^'"#\s]*/.exec(after)![0];
    return { kind: 'value', parent: holder.slice(0, -1), key: value[3]!, prefix, range: { start: offset - prefix.length, end: offset + rest.length }, format: 'yaml', quote };
  }
  // `  summ|` or `- na|` or an empty line
  const key = /^(\s*(?:-\s+)*)(['"]?)([^\s:'"#]*)$/.exec(before);
  if (key) {
    const indent = key[1]!;
    const prefix = key[3]!;
    const restOfKey = /^[^\s:'"#]*/.exec(after)![0];
    const hasColon = /^[^\s:'"#]*['"]?\s*:/.test(after);
    const holder = keyPath(path, text, lineStart, lineEnd, indent, offset);
    if (!holder) return undefined;
    return { kind: 'key', parent: holder.slice(0, -1), prefix, range: { start: offset - prefix.length - key[2]!.length, end: offset + restOfKey.length }, format: 'yaml', indent: indent.replace(/-/g, ' '), hasColon };
  }
  return undefined;
}

/**
 * The key path of a placeholder key written at the cursor's line (after `indent`), in a copy of
 * the text: ['paths', '/pets', 'get', placeholder]. Undefined when the copy does not place it.
 */
function keyPath(path: string, text: string, lineStart: number, lineEnd: number, indent: string, offset: number): string[] | undefined {
  void offset;
  const patched = text.slice(0, lineStart) + indent + placeholder + ': 0' + text.slice(lineEnd);
  const source = parseSource(path.replace(/\.[^./\\]*$/, '') + '.yaml', patched);
  const at = source.pointerAt(lineStart + indent.length + 1);
  const segments = parsePointer(at.pointer);
  if (segments.at(-1) !== placeholder) return undefined;
  return segments;
}

function jsonContext(text: string, offset: number): CursorContext | undefined {
  const loc = getLocation(text, offset);
  const path = loc.path.map(String);
  const node = loc.previousNode;
  const inString = node?.type === 'string' && offset > node.offset && offset < node.offset + node.length;
  if (loc.isAtPropertyKey) {
    // the key being typed: the quoted text around the cursor on its line (the scanner may not
    // report it as a node while no colon follows)
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const open = /"([^"\\\n]*)$/.exec(text.slice(lineStart, offset));
    const close = /^([^"\\\n]*)"/.exec(text.slice(offset, text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset)));
    const range = open ? { start: offset - open[1]!.length - 1, end: close ? offset + close[0].length : offset } : { start: offset, end: offset };
    const prefix = open ? open[1]! : '';
    const hasColon = /^\s*:/.test(text.slice(range.end));
    return { kind: 'key', parent: path.slice(0, -1), prefix, range, format: 'json', indent: '', hasColon };
  }
  const key = path.at(-1);
  if (key === undefined || typeof loc.path.at(-1) === 'number') return undefined;
  const range = node && (node.type === 'string' || node.type === 'number' || node.type === 'boolean') ? { start: node.offset, end: node.offset + node.length } : { start: offset, end: offset };
  const prefix = inString ? text.slice(node!.offset + 1, offset) : '';
  if (key === '$ref') return { kind: 'ref', holder: path.slice(0, -1), prefix, range, format: 'json', quote: '"' };
  return { kind: 'value', parent: path.slice(0, -1), key, prefix, range, format: 'json', quote: '"' };
}

/** The keys of the JSON object at `path` in a text that may not parse. */
export function jsonKeysAt(text: string, path: string[]): string[] {
  let node: JsonNode | undefined = parseTree(text, [], { allowTrailingComma: true });
  for (const seg of path) {
    if (!node) return [];
    if (node.type === 'object') node = node.children?.find((p) => p.children?.[0]?.value === seg)?.children?.[1];
    else if (node.type === 'array') node = node.children?.[Number(seg)];
    else return [];
  }
  return node?.type === 'object' ? (node.children ?? []).map((p) => String(p.children?.[0]?.value)) : [];
}
