// A parsed spec file: its text, its plain value, and a way back from a JSON pointer to the
// text. YAML keeps its AST for positions; JSON is parsed with JSON.parse (fast on 10 MB specs)
// and gets a position tree only when a position is first asked for.
import { extname } from 'node:path';
import YAML, { isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../core/diagnostic.ts';
import { limits } from '../core/limits.ts';
import { LineIndex, type Position } from '../core/line-index.ts';
import { escapeSegment, parsePointer, toPointer } from '../core/pointer.ts';
import { recoverYaml } from './recover.ts';

export type { Position };

export interface Range {
  start: number;
  end: number;
}

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly format: 'yaml' | 'json';
  /** the document as plain data; undefined when the text could not be parsed at all */
  readonly value: unknown;
  readonly syntaxErrors: Diagnostic[];
  /**
   * Entries left out of `value` because a syntax error is in them (recover.ts): JSON pointers.
   * The rest of the file was read; rules say nothing about what is at or under these.
   */
  readonly broken?: readonly string[];
  /**
   * The text range of the node at `pointer` (its key with `part: 'key'`). A pointer that does
   * not exist resolves to its nearest existing ancestor, so every diagnostic gets a position.
   */
  locate(pointer: string, part?: 'value' | 'key'): Range;
  position(offset: number): Position;
  /** inverse of locate: the deepest node pointer whose range contains the offset */
  pointerAt(offset: number): { pointer: string; part: 'key' | 'value' };
}

const tooManyValues = `the file has more than ${limits.nodes.toLocaleString('en')} values, the most oaskit reads`;
const deeperThanReadable = `objects and arrays are nested deeper here than oaskit reads (${limits.depth} levels)`;

export function parseSource(path: string, text: string): SourceFile {
  if (text.length > limits.fileChars) return tooLarge(path, text.length);
  const ext = extname(path).toLowerCase();
  const looksJson = ext === '.json' || (ext !== '.yaml' && ext !== '.yml' && /^\s*[{[]/.test(text));
  return looksJson ? new JsonSource(path, text) : new YamlSource(path, text);
}

/** A file over `limits.fileChars`: not read further, one diagnostic at its start. */
export function tooLarge(path: string, chars: number): SourceFile {
  const message = `the file is larger (${chars.toLocaleString('en')}) than the ${limits.fileChars.toLocaleString('en')} characters oaskit reads`;
  const diagnostic: Diagnostic = { code: 'limit-file-size', severity: 'error', message, file: path, offsets: { start: 0, end: 0 } };
  const lines = new LineIndex('');
  return {
    path,
    text: '',
    format: 'yaml',
    value: undefined,
    syntaxErrors: [diagnostic],
    locate: () => ({ start: 0, end: 0 }),
    position: (offset) => lines.position(offset),
    pointerAt: () => ({ pointer: '', part: 'value' }),
  };
}

/**
 * Depth and size of a parsed value, walked without recursion and without a string per value:
 * the pointer of the first value nested deeper than `limits.depth`, or of the value past
 * `limits.nodes`.
 */
function overLimit(value: unknown): { code: 'limit-depth' | 'limit-nodes'; pointer: string; message: string } | undefined {
  // one frame per open container: its keys (undefined for an array) and the member being read
  const frames: { v: object; keys?: string[]; i: number; length: number }[] = [];
  const pointer = () => frames.map((f) => '/' + (f.keys ? escapeSegment(f.keys[f.i - 1]!) : String(f.i - 1))).join('');
  let nodes = 0;
  let next: unknown = value;
  for (;;) {
    if (++nodes > limits.nodes) return { code: 'limit-nodes', pointer: pointer(), message: tooManyValues };
    if (next !== null && typeof next === 'object') {
      // a YAML alias shares an object: counted each time it is used (that is how readers see it)
      if (frames.length >= limits.depth) return { code: 'limit-depth', pointer: pointer(), message: deeperThanReadable };
      const keys = Array.isArray(next) ? undefined : Object.keys(next);
      frames.push({ v: next, keys, i: 0, length: keys ? keys.length : (next as unknown[]).length });
    }
    // the next value: the next member of the innermost container that has one left
    for (;;) {
      const top = frames[frames.length - 1];
      if (!top) return undefined;
      if (top.i < top.length) {
        next = top.keys ? (top.v as Record<string, unknown>)[top.keys[top.i]!] : (top.v as unknown[])[top.i];
        top.i++;
        break;
      }
      frames.pop();
    }
  }
}

/**
 * JSON past the depth or value limit: the offset where it is hit, found by a scan of the text
 * (the position tree is built by recursion, and for millions of values weighs gigabytes). For
 * valid JSON the count is exact: every container, plus one per member (commas + 1 when not empty).
 */
function jsonOverLimit(text: string): { code: 'limit-depth' | 'limit-nodes'; offset: number; message: string } | undefined {
  let depth = 0;
  let nodes = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // skip a string (escapes included)
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.depth) return { code: 'limit-depth', offset: i, message: deeperThanReadable };
      let j = i + 1;
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x7d && text.charCodeAt(j) !== 0x5d) nodes++;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c) nodes++;
    if (nodes > limits.nodes) return { code: 'limit-nodes', offset: i, message: tooManyValues };
  }
  return undefined;
}

/** `/\s/` by character code: the JSON whitespace first, the regex only for the rare others (hot on large specs). */
function isSpace(c: number): boolean {
  if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return true;
  return (c === 0x0b || c === 0x0c || c > 0x7f) && /\s/.test(String.fromCharCode(c));
}

class YamlSource implements SourceFile {
  readonly format = 'yaml';
  readonly value: unknown;
  readonly syntaxErrors: Diagnostic[] = [];
  readonly broken?: readonly string[];
  private readonly doc: YAML.Document.Parsed;
  private readonly lines: LineIndex;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    let doc: YAML.Document.Parsed;
    try {
      doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
    } catch (error) {
      // the YAML parser recurses on nesting: a stack overflow is the nesting limit, hit early
      if (!(error instanceof RangeError)) throw error;
      doc = YAML.parseDocument('');
      this.syntaxErrors.push({ code: 'limit-depth', severity: 'error', message: deeperThanReadable, file: path, offsets: { start: 0, end: 0 } });
    }
    this.doc = doc;
    const overflow = this.doc.errors.some((e) => /Maximum call stack size exceeded/.test(e.message));
    const recovered = this.doc.errors.length && !overflow ? recoverYaml(text, this.doc) : undefined;
    if (recovered) {
      // the rest of the file, read without the entries that hold the errors: one error each
      this.doc = recovered.doc;
      for (const b of recovered.broken) this.syntaxErrors.push({ code: 'yaml-syntax', severity: 'error', message: b.message, file: path, offsets: { start: b.errorStart, end: b.errorEnd } });
      this.broken = recovered.broken.flatMap((b) => (b.pointer === undefined ? [] : [b.pointer]));
    } else {
      // unrecoverable: the errors, one per line (the parser repeats itself)
      const lines = new Set<number>();
      for (const e of this.doc.errors) {
        const line = this.lines.position(e.pos[0]).line;
        if (lines.has(line)) continue;
        lines.add(line);
        const tooDeep = /Maximum call stack size exceeded/.test(e.message);
        this.syntaxErrors.push({
          code: tooDeep ? 'limit-depth' : 'yaml-syntax',
          severity: 'error',
          message: tooDeep ? deeperThanReadable : firstLine(e.message),
          file: path,
          offsets: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) },
        });
      }
    }
    let value: unknown;
    if (this.doc.errors.length === 0) {
      try {
        value = this.doc.toJS({ maxAliasCount: 10_000 });
      } catch (error) {
        const message = error instanceof RangeError ? deeperThanReadable : firstLine((error as Error).message);
        this.syntaxErrors.push({ code: error instanceof RangeError ? 'limit-depth' : 'yaml-syntax', severity: 'error', message, file: path, offsets: { start: 0, end: 0 } });
      }
      const over = value === undefined ? undefined : overLimit(value);
      if (over) {
        this.syntaxErrors.push({ code: over.code, severity: 'error', message: over.message, file: path, offsets: this.locate(over.pointer) });
        value = undefined;
      }
    }
    if (value !== undefined && this.broken) for (const pointer of this.broken) removeAt(value, parsePointer(pointer));
    this.value = value;
  }

  position(offset: number): Position {
    return this.lines.position(offset);
  }

  locate(pointer: string, part: 'value' | 'key' = 'value'): Range {
    let node: unknown = this.doc.contents;
    let keyNode: unknown;
    for (const segment of parsePointer(pointer)) {
      node = deAlias(node, this.doc);
      let next: unknown;
      let nextKey: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === segment);
        if (pair) {
          nextKey = pair.key;
          next = pair.value ?? pair.key;
        }
      } else if (isSeq(node) && /^\d+$/.test(segment)) {
        next = node.items[Number(segment)];
      }
      if (next === undefined) break;
      node = next;
      keyNode = nextKey;
    }
    const target = part === 'key' && keyNode ? keyNode : node;
    const range = (target as YamlNode | null)?.range;
    if (!range) return { start: 0, end: 0 };
    // a block value's range can run into the next line: point at its first line
    return { start: range[0], end: Math.max(range[0], range[1]) };
  }

  pointerAt(offset: number): { pointer: string; part: 'key' | 'value' } {
    const segments: string[] = [];
    let node: unknown = this.doc.contents;
    let part: 'key' | 'value' = 'value';
    for (;;) {
      node = deAlias(node, this.doc);
      let next: unknown;
      if (isMap(node)) {
        for (const pair of node.items) {
          const k = pair.key as YamlNode | null;
          const v = pair.value as YamlNode | null;
          if (k?.range && offset >= k.range[0] && offset <= k.range[1]) {
            segments.push(keyText(k));
            return { pointer: toPointer(segments), part: 'key' };
          }
          if (v?.range && offset >= v.range[0] && offset <= v.range[1]) {
            segments.push(keyText(k));
            next = v;
            break;
          }
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          const r = (item as YamlNode | null)?.range;
          if (next === undefined && r && offset >= r[0] && offset <= r[1]) {
            segments.push(String(i));
            next = item;
          }
        });
      }
      if (next === undefined) break;
      node = next;
      part = 'value';
    }
    return { pointer: toPointer(segments), part };
  }
}

/** Delete the member at a pointer (a blanked entry reads as null: it is not there at all). */
function removeAt(value: unknown, segments: string[]): void {
  let v = value;
  for (const s of segments.slice(0, -1)) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, s)) return;
    v = (v as Record<string, unknown>)[s];
  }
  const last = segments.at(-1);
  if (last !== undefined && v !== null && typeof v === 'object' && !Array.isArray(v)) delete (v as Record<string, unknown>)[last];
}

function deAlias(node: unknown, doc: YAML.Document.Parsed): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

class JsonSource implements SourceFile {
  readonly format = 'json';
  readonly value: unknown;
  readonly syntaxErrors: Diagnostic[] = [];
  private tree: JsonNode | undefined;
  private readonly lines: LineIndex;
  /** past a limit: no position tree (building it would recurse that deep, or weigh gigabytes) */
  private tooDeep = false;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    const over = jsonOverLimit(text);
    if (over) {
      this.tooDeep = true;
      this.syntaxErrors.push({ code: over.code, severity: 'error', message: over.message, file: path, offsets: { start: over.offset, end: over.offset + 1 } });
      this.value = undefined;
      return;
    }
    try {
      this.value = JSON.parse(text);
    } catch {
      // JSON.parse's message has no reliable position: ask the tolerant parser where it broke
      const errors: ParseError[] = [];
      this.tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
      for (const e of errors) {
        this.syntaxErrors.push({
          code: 'json-syntax',
          severity: 'error',
          message: `invalid JSON: ${printParseErrorCode(e.error)}`,
          file: path,
          offsets: { start: e.offset, end: e.offset + e.length },
        });
      }
      if (this.syntaxErrors.length === 0) {
        this.syntaxErrors.push({ code: 'json-syntax', severity: 'error', message: 'invalid JSON', file: path, offsets: { start: 0, end: 0 } });
      }
      this.value = undefined;
    }
  }

  private root(): JsonNode | undefined {
    if (this.tooDeep) return undefined;
    this.tree ??= parseTree(this.text, [], { allowTrailingComma: true });
    return this.tree;
  }

  position(offset: number): Position {
    return this.lines.position(offset);
  }

  locate(pointer: string, part: 'value' | 'key' = 'value'): Range {
    const root = this.root();
    if (!root) return { start: 0, end: 0 };
    const segments = parsePointer(pointer);
    // the deepest existing node on the way (nearest existing ancestor); a segment is an index
    // only inside an array: "200" under `responses` is a key
    let node: JsonNode = root;
    for (const segment of segments) {
      let next: JsonNode | undefined;
      if (node.type === 'object') next = node.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1];
      else if (node.type === 'array' && /^\d+$/.test(segment)) next = node.children?.[Number(segment)];
      if (!next) break;
      node = next;
    }
    if (part === 'key' && node.parent?.type === 'property' && node.parent.children?.[0]) {
      const k = node.parent.children[0];
      return { start: k.offset, end: k.offset + k.length };
    }
    return { start: node.offset, end: node.offset + node.length };
  }

  pointerAt(offset: number): { pointer: string; part: 'key' | 'value' } {
    const segments: string[] = [];
    let node = this.root();
    let part: 'key' | 'value' = 'value';
    while (node && node.children) {
      const inside: JsonNode | undefined = node.children.find((c) => offset >= c.offset && offset <= c.offset + c.length);
      if (!inside) break;
      if (node.type === 'object' && inside.type === 'property') {
        const [k, v] = inside.children ?? [];
        segments.push(String(k?.value));
        if (k && offset <= k.offset + k.length) {
          part = 'key';
          break;
        }
        node = v;
      } else if (node.type === 'array') {
        segments.push(String(node.children.indexOf(inside)));
        node = inside;
      } else break;
    }
    return { pointer: toPointer(segments), part };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
