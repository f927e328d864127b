// Incremental parsing for the language server. A block-style YAML file or a pretty-printed JSON
// file is cut, by indentation alone, into the entries of its big mappings (each path, each
// component); every entry is parsed on its own and cached by its text, so after an edit only the
// entry that changed is parsed again, and unchanged entries keep their values (same objects).
// The result is a SourceFile like parseSource's: value, positions, pointers. Anything the cutter
// is not sure about (flow style at the top, anchors across entries, duplicate keys, a syntax
// error anywhere) falls back to parsing the whole file, which then reports the error.
import { LineIndex } from '../core/line-index.ts';
import { parsePointer, toPointer } from '../core/pointer.ts';
import { parseSource, type Position, type Range, type SourceFile } from './source-file.ts';
import { yamlKey } from './yaml-key.ts';
import type { Diagnostic } from '../core/diagnostic.ts';

/** Entries bigger than this are cut into their own entries. */
const splitAbove = 1024;
const maxDepth = 4;

// Offsets of an entry (`start`, `end`) are relative to its parent group's start; a group's
// `keyRange` and `value` are relative to its own start. An edit inside one entry then moves only
// the entries after it in each group on the way down, not the whole file.

interface Leaf {
  type: 'leaf';
  key: string;
  start: number;
  end: number;
  /** the entry parsed on its own; its offsets start `shift` characters before the entry */
  source: SourceFile;
  /** JSON chunks are parsed wrapped in braces: one character before the text */
  shift: number;
  /** big enough to be cut into entries, and not cut when it was parsed (its text did not allow
   * it then): an edit inside it cuts the file again rather than parse it whole on every key */
  mayCut?: true;
}

interface Group {
  type: 'group';
  key: string;
  segments: string[];
  /** the header key (absent for the root) */
  keyRange?: Range;
  start: number;
  end: number;
  /** the range of its value, as parseSource's locate gives it */
  value: Range;
  entries: (Leaf | Group)[];
  byKey: Map<string, Leaf | Group>;
  /** its value, built once */
  built?: Record<string, unknown>;
}

export class ChunkCache {
  private chunks = new Map<string, SourceFile>();
  private last: ChunkedSource | undefined;
  parses = 0;
  /** characters parsed so far (tests: an edit parses little) */
  parsedChars = 0;

  /** Parse a file through its cached entries; falls back to parseSource when cutting is unsafe. */
  parse(path: string, text: string): SourceFile {
    const format = /\.json$/i.test(path) || (!/\.ya?ml$/i.test(path) && /^\s*[{[]/.test(text)) ? 'json' : 'yaml';
    if (this.last && this.last.path === path && this.last.format === format) {
      const edited = this.edit(this.last, text);
      if (edited) return (this.last = edited);
    }
    const next = new Map<string, SourceFile>();
    try {
      const lines = new Lines(text, format === 'yaml');
      const root = format === 'yaml' ? this.yamlRoot(path, lines, next) : this.jsonRoot(path, lines, next);
      if (root) {
        relativize(root, 0);
        const value = build(root);
        if (value !== undefined) {
          this.chunks = next;
          return (this.last = new ChunkedSource(path, text, format, root, value, () => new LineIndex(text, lines.starts)));
        }
      }
    } catch (error) {
      if (!(error instanceof Unsafe)) throw error;
    }
    this.chunks = next.size ? next : this.chunks;
    this.last = undefined;
    this.parses++;
    this.parsedChars += text.length;
    return parseSource(path, text);
  }

  /**
   * The common case of an edit: the text changed inside one entry. That entry is parsed again,
   * the entries after it (in each group on the way down) move by the length difference,
   * everything else is kept, values included.
   */
  private edit(prev: ChunkedSource, text: string): ChunkedSource | undefined {
    const old = prev.text;
    if (old === text) return prev;
    const head = commonPrefix(old, text);
    const tail = commonSuffix(old, text, head);
    const oldEnd = old.length - tail;
    const delta = text.length - old.length;
    // the leaf holding the whole change, with the groups on the way and their absolute starts
    const trail: { group: Group; base: number; index: number }[] = [];
    let group = prev.root;
    let base = 0;
    let leaf: Leaf | undefined;
    for (;;) {
      const index = group.entries.findIndex((x) => head >= base + x.start && oldEnd < base + x.end);
      if (index < 0) return undefined;
      const e = group.entries[index]!;
      trail.push({ group, base, index });
      if (e.type === 'leaf') {
        leaf = e;
        break;
      }
      if (e.keyRange && head <= base + e.start + e.keyRange.end + 2) return undefined;
      base += e.start;
      group = e;
    }
    // a big entry that could not be cut before: cutting the file again now costs less than
    // parsing the entry whole (each unchanged entry is a cache hit)
    // (not while the entry has a syntax error: the cut would fail again)
    if (leaf.mayCut && !leaf.source.syntaxErrors.length && leaf.end - leaf.start > 4 * splitAbove) return undefined;
    const leafStart = base + leaf.start;
    const leafEnd = base + leaf.end;
    // the entry's key line: its first line that is not blank or a comment; the change is after it
    let keyLine = leafStart;
    for (;;) {
      const eol = old.indexOf('\n', keyLine);
      if (eol < 0 || eol >= leafEnd) return undefined;
      if (!/^\s*(#.*)?$/.test(old.slice(keyLine, eol))) {
        if (head <= eol) return undefined;
        break;
      }
      keyLine = eol + 1;
    }
    const keyIndent = indentAt(text, keyLine);
    let chunkText = text.slice(leafStart, leafEnd + delta);
    // no line of the new text may reach the entry's own indentation (a new sibling, a dedent);
    // in JSON the member's closing brace does
    const body = text.slice(text.indexOf('\n', keyLine) + 1, leafEnd + delta).split('\n');
    for (let i = 0; i < body.length; i++) {
      const line = body[i]!;
      const t = line.trim();
      if (t === '' || (prev.format === 'yaml' && t.startsWith('#'))) continue;
      const closing = prev.format === 'json' && /^[}\]],?$/.test(t) && body.slice(i + 1).every((l) => l.trim() === '');
      if (line.length - line.trimStart().length <= keyIndent && !closing) return undefined;
    }
    if (prev.format === 'json') {
      const m = /,(\s*)$/.exec(chunkText);
      if (m) chunkText = chunkText.slice(0, m.index) + ' ' + m[1];
      chunkText = `{${chunkText}}`;
    }
    let source: SourceFile;
    try {
      source = this.chunk(prev.path, chunkText, prev.format, this.chunks);
    } catch (error) {
      if (error instanceof Unsafe) return undefined;
      throw error;
    }
    const keys = Object.keys(source.value as object);
    if (keys.length !== 1 || keys[0] !== leaf.key) return undefined;
    // copy the groups on the way up: the changed entry replaced, the later ones moved
    let replaced: Leaf | Group = { ...leaf, end: leaf.end + delta, source };
    let newValue = (source.value as Record<string, unknown>)[leaf.key];
    for (let t = trail.length - 1; t >= 0; t--) {
      const { group: g, index } = trail[t]!;
      const entries = g.entries.slice();
      entries[index] = replaced;
      for (let k = index + 1; k < entries.length; k++) entries[k] = { ...entries[k]!, start: entries[k]!.start + delta, end: entries[k]!.end + delta };
      const byKey = new Map(g.byKey);
      for (let k = index; k < entries.length; k++) byKey.set(entries[k]!.key, entries[k]!);
      const built = g.built ? { ...g.built } : undefined;
      if (built) setOwn(built, replaced.key, newValue);
      const copy: Group = { ...g, end: g.end + delta, value: { start: g.value.start, end: g.value.end + delta }, entries, byKey, built };
      replaced = copy;
      newValue = built ?? build(copy);
    }
    const root = replaced as Group;
    if (this.chunks.size > 4 * Math.max(64, prev.chunkCount)) this.chunks = new Map([...this.chunks].slice(-2 * prev.chunkCount));
    const before = prev.builtLines;
    const makeLines = () => (before ? before.edited(text, head, oldEnd, delta) : new LineIndex(text));
    return new ChunkedSource(prev.path, text, prev.format, root, newValue, makeLines, prev.chunkCount);
  }

  private chunk(path: string, text: string, format: 'yaml' | 'json', next: Map<string, SourceFile>): SourceFile {
    const key = format + '\0' + text;
    let s = this.chunks.get(key) ?? next.get(key);
    if (!s) {
      this.parses++;
      this.parsedChars += text.length;
      s = parseSource(path + (format === 'yaml' ? '.chunk.yaml' : '.chunk.json'), text);
    }
    // a YAML entry with a syntax error is kept when the parser recovered the rest of it
    // (load/recover.ts: `broken` is set, empty when only a stray line was left out): its errors
    // and left-out parts are the file's
    if (s.value === null || typeof s.value !== 'object' || (s.syntaxErrors.length && (format === 'json' || s.broken === undefined))) throw new Unsafe();
    next.set(key, s);
    return s;
  }

  // ---- YAML --------------------------------------------------------------------------------

  private yamlRoot(path: string, lines: Lines, next: Map<string, SourceFile>): Group | undefined {
    // directives, document markers, a root that is not a block mapping: parse it whole
    if (/^(%|---|\.\.\.)/m.test(lines.source)) return undefined;
    const first = firstStructural(lines, 0, lines.count);
    if (first === undefined || lines.indents[first] !== 0 || !yamlKey(lines.text(first))) return undefined;
    return this.yamlGroup(path, lines, next, 0, lines.count, 0, [], '', undefined, 0);
  }

  private yamlGroup(path: string, lines: Lines, next: Map<string, SourceFile>, from: number, to: number, indent: number, segments: string[], key: string, keyRange: Range | undefined, depth: number): Group {
    const starts: { line: number; key: string; keyStart: number; keyEnd: number; inline: boolean }[] = [];
    for (let i = from; i < to; i++) {
      const n = lines.indents[i]!;
      if (n < 0) continue;
      if (n < indent) throw new Unsafe();
      if (n > indent) {
        if (starts.length === 0) throw new Unsafe();
        continue;
      }
      const k = yamlKey(lines.text(i));
      // not a key (a key being typed, `    Bench`): it stays with the entry beside it, whose parse
      // reports the error and recovers the rest (load/recover.ts), so the other entries keep
      // their parses; a parse that cannot recover makes that entry, then its group, unsafe
      if (!k) continue;
      starts.push({ line: i, key: k.key, keyStart: lines.start(i) + n, keyEnd: lines.start(i) + n + k.length, inline: k.inline });
    }
    if (starts.length === 0) throw new Unsafe();
    const group: Group = { type: 'group', key, segments, keyRange, start: lines.start(from), end: lines.start(to), value: yamlValueRange(lines, starts[0]!.keyStart, to), entries: [], byKey: new Map() };
    starts.forEach((s, j) => {
      const first = j === 0 ? from : s.line;
      const last = j + 1 < starts.length ? starts[j + 1]!.line : to;
      const start = lines.start(first);
      const end = lines.start(last);
      let entry: Leaf | Group | undefined;
      // a stray line before the first key belongs to the first entry's text: it stays a leaf
      const stray = first < s.line && firstStructural(lines, first, s.line) !== undefined;
      if (!s.inline && !stray && end - start > splitAbove && depth < maxDepth) {
        const child = firstStructural(lines, s.line + 1, last);
        // its first line need not be a key (one being typed): see yamlGroup
        if (child !== undefined && lines.indents[child]! > indent) {
          try {
            entry = this.yamlGroup(path, lines, next, s.line + 1, last, lines.indents[child]!, [...segments, s.key], s.key, { start: s.keyStart, end: s.keyEnd }, depth + 1);
            entry.start = start;
          } catch (error) {
            if (!(error instanceof Unsafe)) throw error;
            entry = undefined;
          }
        }
      }
      if (!entry) {
        const text = lines.slice(start, end);
        const source = this.chunk(path, text, 'yaml', next);
        const keys = Object.keys(source.value as object);
        if (keys.length !== 1 || keys[0] !== s.key) throw new Unsafe();
        entry = { type: 'leaf', key: s.key, start, end, source, shift: 0, ...(!s.inline && end - start > splitAbove && depth < maxDepth ? { mayCut: true as const } : {}) };
      }
      if (group.byKey.has(s.key)) throw new Unsafe();
      group.byKey.set(s.key, entry);
      group.entries.push(entry);
    });
    return group;
  }

  // ---- JSON (pretty-printed: one member per line) -------------------------------------------

  private jsonRoot(path: string, lines: Lines, next: Map<string, SourceFile>): Group | undefined {
    const first = firstStructural(lines, 0, lines.count);
    let last = lines.count - 1;
    while (last > 0 && lines.text(last).trim() === '') last--;
    if (first === undefined || lines.text(first).trim() !== '{' || lines.text(last).trim() !== '}') return undefined;
    const child = firstStructural(lines, first + 1, last);
    if (child === undefined) return undefined;
    const root = this.jsonGroup(path, lines, next, first + 1, last, lines.indents[child]!, [], '', undefined, 0);
    root.start = 0;
    root.end = lines.source.length;
    return root;
  }

  private jsonGroup(path: string, lines: Lines, next: Map<string, SourceFile>, from: number, to: number, indent: number, segments: string[], key: string, keyRange: Range | undefined, depth: number): Group {
    const starts: { line: number; key: string; keyStart: number; keyEnd: number; opens: boolean }[] = [];
    for (let i = from; i < to; i++) {
      const n = lines.indents[i]!;
      if (n < 0) continue;
      if (n < indent) throw new Unsafe();
      if (n > indent) {
        if (starts.length === 0) throw new Unsafe();
        continue;
      }
      const l = lines.text(i);
      const m = /^"((?:[^"\\]|\\.)*)"\s*:\s*(.*)$/.exec(l.slice(n));
      if (!m) {
        // the closing brace of the previous member
        if (/^[}\]],?\s*$/.test(l.slice(n)) && starts.length) continue;
        throw new Unsafe();
      }
      starts.push({ line: i, key: JSON.parse(`"${m[1]}"`) as string, keyStart: lines.start(i) + n, keyEnd: lines.start(i) + n + m[1]!.length + 2, opens: m[2]!.trim() === '{' });
    }
    if (starts.length === 0) throw new Unsafe();
    const group: Group = { type: 'group', key, segments, keyRange, start: lines.start(from), end: lines.start(to), value: jsonValueRange(lines, from, to), entries: [], byKey: new Map() };
    starts.forEach((s, j) => {
      const last = j + 1 < starts.length ? starts[j + 1]!.line : to;
      const start = lines.start(s.line);
      const end = lines.start(last);
      let entry: Leaf | Group | undefined;
      if (s.opens && end - start > splitAbove && depth < maxDepth) {
        // the member's closing line (`},` at its own indentation) ends the group
        let close = last - 1;
        while (close > s.line && lines.indents[close]! < 0) close--;
        const child = firstStructural(lines, s.line + 1, close);
        if (child !== undefined && /^[}],?\s*$/.test(lines.text(close).trim()) && lines.indents[close] === indent) {
          try {
            entry = this.jsonGroup(path, lines, next, s.line + 1, close, lines.indents[child]!, [...segments, s.key], s.key, { start: s.keyStart, end: s.keyEnd }, depth + 1);
            entry.start = start;
            entry.end = end;
            const open = lines.start(s.line) + lines.text(s.line).lastIndexOf('{');
            entry.value = { start: open, end: lines.start(close) + lines.text(close).indexOf('}') + 1 };
          } catch (error) {
            if (!(error instanceof Unsafe)) throw error;
            entry = undefined;
          }
        }
      }
      if (!entry) {
        // the member's text without its trailing comma (replaced by a space: offsets stay)
        let text = lines.slice(start, end);
        const m = /,(\s*)$/.exec(text);
        if (m) text = text.slice(0, m.index) + ' ' + m[1];
        const source = this.chunk(path, `{${text}}`, 'json', next);
        const keys = Object.keys(source.value as object);
        if (keys.length !== 1 || keys[0] !== s.key) throw new Unsafe();
        entry = { type: 'leaf', key: s.key, start, end, source, shift: 1, ...(s.opens && end - start > splitAbove && depth < maxDepth ? { mayCut: true as const } : {}) };
      }
      if (group.byKey.has(s.key)) throw new Unsafe();
      group.byKey.set(s.key, entry);
      group.entries.push(entry);
    });
    return group;
  }
}

class Unsafe extends Error {}

class Lines {
  readonly starts: number[] = [0];
  /** indentation of each line; -1 for a blank line or (YAML) a comment line */
  readonly indents: Int32Array;
  constructor(
    readonly source: string,
    yamlComments: boolean,
  ) {
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
    if (this.starts.at(-1) === source.length) this.starts.pop();
    this.indents = new Int32Array(this.starts.length);
    for (let l = 0; l < this.starts.length; l++) {
      let i = this.starts[l]!;
      const end = l + 1 < this.starts.length ? this.starts[l + 1]! : source.length;
      while (i < end && source.charCodeAt(i) === 32) i++;
      const c = source.charCodeAt(i);
      const blank = i >= end || c === 10 || c === 13 || (yamlComments && c === 35);
      this.indents[l] = blank ? -1 : i - this.starts[l]!;
    }
  }
  get count(): number {
    return this.starts.length;
  }
  start(line: number): number {
    return line < this.starts.length ? this.starts[line]! : this.source.length;
  }
  text(line: number): string {
    return this.source.slice(this.start(line), this.start(line + 1)).replace(/\r?\n$/, '');
  }
  slice(start: number, end: number): string {
    return this.source.slice(start, end);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
}

/** Line starts, for positions; derived from the previous text's after an edit. */

function firstStructural(lines: Lines, from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (lines.indents[i]! >= 0) return i;
  return undefined;
}

function build(node: Group | Leaf): unknown {
  if (node.type === 'leaf') return (node.source.value as Record<string, unknown>)[node.key];
  if (node.built) return node.built;
  const out: Record<string, unknown> = {};
  for (const e of node.entries) setOwn(out, e.key, build(e));
  node.built = out;
  return out;
}

/** obj[key] = value, also for a key named `__proto__` (data here, never the prototype). */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Absolute offsets (as the splitter produces them) to offsets relative to the parent. */
function relativize(g: Group, absStart: number): void {
  for (const e of g.entries) {
    if (e.type === 'group') relativize(e, e.start);
    e.start -= absStart;
    e.end -= absStart;
  }
  if (g.keyRange) g.keyRange = { start: g.keyRange.start - absStart, end: g.keyRange.end - absStart };
  g.value = { start: g.value.start - absStart, end: g.value.end - absStart };
}

/** The syntax errors and left-out entries of the leaves, in the file's offsets and pointers. */
function collectErrors(g: Group, base: number, path: string, errors: Diagnostic[], broken: string[]): void {
  for (const e of g.entries) {
    const at = base + e.start;
    if (e.type === 'group') {
      collectErrors(e, at, path, errors, broken);
      continue;
    }
    if (!e.source.syntaxErrors.length) continue;
    const shift = at - e.shift;
    for (const d of e.source.syntaxErrors) errors.push({ ...d, file: path, ...(d.offsets ? { offsets: { start: d.offsets.start + shift, end: d.offsets.end + shift } } : {}) });
    for (const b of e.source.broken ?? []) broken.push(toPointer(g.segments) + b);
  }
}

function countLeaves(g: Group): number {
  return g.entries.reduce((n, e) => n + (e.type === 'leaf' ? 1 : countLeaves(e)), 0);
}

class ChunkedSource implements SourceFile {
  readonly syntaxErrors: Diagnostic[] = [];
  readonly broken?: readonly string[];

  constructor(
    readonly path: string,
    readonly text: string,
    readonly format: 'yaml' | 'json',
    readonly root: Group,
    readonly value: unknown,
    private readonly makeLines: () => LineIndex,
    readonly chunkCount = countLeaves(root),
  ) {
    const broken: string[] = [];
    collectErrors(root, 0, path, this.syntaxErrors, broken);
    if (broken.length) this.broken = broken;
  }

  private lineStarts: LineIndex | undefined;

  /** The line index, when it was built (an edit derives the next one from it). */
  get builtLines(): LineIndex | undefined {
    return this.lineStarts;
  }

  lines(): LineIndex {
    this.lineStarts ??= this.makeLines();
    return this.lineStarts;
  }

  position(offset: number): Position {
    return this.lines().position(offset);
  }

  locate(pointer: string, part: 'value' | 'key' = 'value'): Range {
    const segments = parsePointer(pointer);
    let group = this.root;
    let base = 0;
    for (let i = 0; i < segments.length; i++) {
      const entry = group.byKey.get(segments[i]!);
      if (!entry) return this.groupRange(group, base, part === 'key' ? 'key' : 'value');
      if (entry.type === 'leaf') {
        const rel = toPointer([entry.key, ...segments.slice(i + 1)]);
        const r = entry.source.locate(rel, part);
        const at = base + entry.start - entry.shift;
        return { start: r.start + at, end: r.end + at };
      }
      if (i === segments.length - 1) return this.groupRange(entry, base + entry.start, part);
      base += entry.start;
      group = entry;
    }
    return this.groupRange(group, base, 'value');
  }

  /** `start` is the group's absolute start. */
  private groupRange(g: Group, start: number, part: 'key' | 'value'): Range {
    const r = part === 'key' && g.keyRange ? g.keyRange : g.value;
    return { start: r.start + start, end: r.end + start };
  }

  pointerAt(offset: number): { pointer: string; part: 'key' | 'value' } {
    let group = this.root;
    let base = 0;
    for (;;) {
      const rel = offset - base;
      const entry = group.entries.find((e) => rel >= e.start && rel < e.end) ?? (offset === this.text.length ? group.entries.at(-1) : undefined);
      if (!entry) return { pointer: toPointer(group.segments), part: 'value' };
      if (entry.type === 'leaf') {
        const r = entry.source.pointerAt(rel - entry.start + entry.shift);
        return { pointer: toPointer(group.segments) + r.pointer, part: r.part };
      }
      const inner = rel - entry.start;
      if (entry.keyRange && inner >= entry.keyRange.start && inner <= entry.keyRange.end) return { pointer: toPointer(entry.segments), part: 'key' };
      if (!entry.entries.some((e) => inner >= e.start && inner < e.end)) return { pointer: toPointer(entry.segments), part: 'value' };
      base += entry.start;
      group = entry;
    }
  }
}

/** A block mapping's value: from its first key to the end of its last line with content. */
function yamlValueRange(lines: Lines, start: number, to: number): Range {
  let last = to - 1;
  while (last > 0 && lines.indents[last]! < 0) last--;
  return { start, end: Math.min(lines.source.length, lines.start(last + 1)) };
}

/** A JSON object's members, with its braces when the lines around hold them. */
function jsonValueRange(lines: Lines, from: number, to: number): Range {
  const open = from > 0 ? lines.start(from - 1) + lines.text(from - 1).lastIndexOf('{') : 0;
  const closeText = lines.text(to);
  return { start: open, end: lines.start(to) + Math.max(0, closeText.indexOf('}')) + 1 };
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  for (let block = 65536; block >= 1; block = block >> 4) {
    while (i + block <= max && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  }
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  for (let block = 65536; block >= 1; block = block >> 4) {
    while (i + block <= max && a.slice(a.length - i - block, a.length - i) === b.slice(b.length - i - block, b.length - i)) i += block;
  }
  return i;
}

function indentAt(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32) i++;
  return i - lineStart;
}
