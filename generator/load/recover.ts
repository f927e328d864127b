// Error recovery for YAML: one bad indent or an unclosed quote should not hide the rest of a
// spec. The entry (a `key:` line and the lines indented under it) that holds a syntax error is
// blanked out — its characters become spaces, so every offset of the rest of the text stays
// true — and the text is parsed again; if the error stays, the entry around it is tried, up to
// the top level. Each blanked entry is reported once, with the first error found in it, and
// named by its JSON pointer so that the rules can stay quiet about what they cannot see.
import YAML from 'yaml';
import { escapeSegment, parsePointer, toPointer } from '../core/pointer.ts';
import { yamlKey } from './yaml-key.ts';

export interface BrokenEntry {
  /** the text range blanked out */
  start: number;
  end: number;
  /** the pointer of the entry that was blanked (undefined: its key could not be read) */
  pointer: string | undefined;
  /** the first error of the entry, as the parser put it */
  message: string;
  errorStart: number;
  errorEnd: number;
}

export interface Recovered {
  doc: YAML.Document.Parsed;
  broken: BrokenEntry[];
}

const parseOptions = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

/** At most this many trial parses of entries, and 4 parses of the whole file: recovery stays cheap. */
const maxParses = 16;
/** Trials parse the entry around a candidate when it is smaller than this, else the whole file. */
const windowBytes = 64 * 1024;

interface Line {
  start: number;
  /** end of the line's content (before the newline) */
  end: number;
  /** leading spaces and tabs; -1 for a blank line or a comment */
  indent: number;
  /** a block mapping key at the start of the line: `name:`, `'200':` (not a `- ` item) */
  key: string | undefined;
  /** where the line's content starts after any `- ` item markers */
  column: number;
}

export function recoverYaml(text: string, first: YAML.Document.Parsed): Recovered | undefined {
  const lines = splitLines(text);
  let patched = text;
  let doc = first;
  const regions: { from: number; to: number; message: string; errorStart: number; errorEnd: number }[] = [];
  let fullParses = 0;
  let windowParses = 0;
  while (doc.errors.length) {
    const error = doc.errors[0]!;
    const line = lineOf(lines, error.pos[0]);
    // the entries to try: the one holding the error's line, the one holding the line before it
    // (an unclosed bracket is reported where the next entry starts), then wider ones
    const candidates: [number, number][] = [];
    const add = (c: [number, number] | undefined) => {
      if (c && !candidates.some(([a, b]) => a === c[0] && b === c[1])) candidates.push(c);
    };
    // a line that is not a key where keys are (one being typed, `    Bench`): that line alone
    add(strayLine(lines, line));
    add(strayLine(lines, previousContent(lines, line)));
    const own = entryAt(lines, line);
    add(own);
    add(entryAt(lines, previousContent(lines, line)));
    for (let c = own && parentOf(lines, own[0]); c; c = parentOf(lines, c[0])) add(c);
    let accepted: [number, number] | undefined;
    let fallback: [number, number] | undefined;
    for (const region of candidates) {
      if (windowParses++ >= maxParses) return undefined;
      // judged on the entry around it (parsed on its own: cheap on a big file), not the file
      const [wFrom, wTo] = windowOf(lines, region);
      const wStart = lines[wFrom]!.start;
      const wText = blank(patched, lines, region).slice(wStart, lines[wTo - 1]!.end);
      const after = YAML.parseDocument(wText, parseOptions).errors[0];
      if (!after) {
        accepted = region;
        break;
      }
      const at = after.pos[0] + wStart;
      if (at > lines[region[1] - 1]!.end) {
        if (after.message !== error.message || lineOf(lines, at) > line + 1) {
          accepted = region;
          break;
        }
        fallback ??= region;
      }
    }
    accepted ??= fallback;
    if (!accepted || fullParses++ >= 4) return undefined;
    regions.push({ from: accepted[0], to: accepted[1], message: firstLine(error.message), errorStart: error.pos[0], errorEnd: Math.max(error.pos[0], error.pos[1]) });
    patched = blank(patched, lines, accepted);
    doc = YAML.parseDocument(patched, parseOptions);
  }
  // an entry blanked inside one blanked later is part of it
  const outer = regions.filter((r) => !regions.some((o) => o !== r && o.from <= r.from && o.to >= r.to && (o.from < r.from || o.to > r.to)));
  const broken = outer.map((r) => ({
    start: lines[r.from]!.start,
    end: lines[r.to - 1]!.end,
    pointer: pointerOf(doc, lines, r.from, regions),
    message: r.message,
    errorStart: r.errorStart,
    errorEnd: r.errorEnd,
  }));
  return { doc, broken };
}

/** The lines a candidate is judged on: the widest entry around it under `windowBytes`, else the file. */
function windowOf(lines: Line[], region: [number, number]): [number, number] {
  let window: [number, number] | undefined;
  for (let c = parentOf(lines, region[0]); c; c = parentOf(lines, c[0])) {
    if (lines[c[1] - 1]!.end - lines[c[0]]!.start > windowBytes) break;
    window = c;
  }
  return window ?? [0, lines.length];
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
    const content = text.slice(start, end);
    const indent = /^[ \t]*/.exec(content)![0].length;
    const rest = content.slice(indent);
    const blankLine = rest === '' || rest.startsWith('#');
    out.push({ start, end, indent: blankLine ? -1 : indent, key: blankLine || content.slice(0, indent).includes('\t') ? undefined : yamlKey(rest)?.key, column: indent + /^(?:-[ \t]+)*/.exec(rest)![0].length });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

function lineOf(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function previousContent(lines: Line[], line: number): number {
  for (let i = line - 1; i >= 0; i--) if (lines[i]!.indent >= 0) return i;
  return line;
}

/** A plain line among the keys of a mapping (a sibling before or after it is a key), with what is indented under it. */
function strayLine(lines: Line[], line: number): [number, number] | undefined {
  const l = lines[line];
  if (!l || l.indent < 0 || l.key !== undefined || l.column !== l.indent) return undefined;
  let end = line + 1;
  while (end < lines.length && (lines[end]!.indent < 0 || lines[end]!.indent > l.indent)) end++;
  const sibling = (from: number, step: number): Line | undefined => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const p = lines[i]!;
      if (p.indent < 0 || p.indent > l.indent) continue;
      return p.indent === l.indent ? p : undefined;
    }
    return undefined;
  };
  if (sibling(line - 1, -1)?.key === undefined && sibling(end, 1)?.key === undefined) return undefined;
  while (end > line + 1 && lines[end - 1]!.indent < 0) end--;
  return [line, end];
}

/** The entry holding a line: [its key line, the line after its last one). */
function entryAt(lines: Line[], line: number): [number, number] | undefined {
  let at = line;
  while (lines[at] && lines[at]!.indent < 0) at--;
  if (at < 0) return undefined;
  if (lines[at]!.key !== undefined) return [at, endOf(lines, at)];
  return parentOf(lines, at);
}

/** The entry a line is nested in: the nearest key line above with less indentation. */
function parentOf(lines: Line[], line: number): [number, number] | undefined {
  let indent = lines[line]!.indent;
  for (let i = line - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.indent < 0 || l.indent >= indent) continue;
    if (l.key !== undefined) return [i, endOf(lines, i)];
    indent = l.indent;
  }
  return undefined;
}

function endOf(lines: Line[], keyLine: number): number {
  const indent = lines[keyLine]!.indent;
  let i = keyLine + 1;
  while (i < lines.length && (lines[i]!.indent < 0 || lines[i]!.indent > indent)) i++;
  // trailing blank lines and comments stay outside
  while (i - 1 > keyLine && lines[i - 1]!.indent < 0) i--;
  return i;
}

/** The text with the lines [from, to) made of spaces (newlines kept: offsets stay). */
function blank(text: string, lines: Line[], [from, to]: [number, number]): string {
  const start = lines[from]!.start;
  const end = lines[to - 1]!.end;
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n\r]/g, ' ') + text.slice(end);
}

/**
 * The pointer of a blanked entry: its key under the mapping it belonged to, found from the
 * nearest line above that was kept and sits at its indentation or less.
 */
function pointerOf(doc: YAML.Document.Parsed, lines: Line[], keyLine: number, regions: { from: number; to: number }[]): string | undefined {
  const key = lines[keyLine]!.key;
  if (key === undefined) return undefined;
  const column = lines[keyLine]!.column;
  const kept = (i: number) => !regions.some((r) => i >= r.from && i < r.to);
  for (let i = keyLine - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.indent < 0 || !kept(i)) continue;
    const c = l.column;
    if (c > column) continue;
    const at = pointerAtKey(doc, l.start + c);
    if (at === undefined) return undefined;
    const segments = parsePointer(at);
    // a sibling: the same mapping; a line further out: the mapping it opens
    return toPointer([...(c === column ? segments.slice(0, -1) : segments), key]);
  }
  return '/' + escapeSegment(key);
}

function pointerAtKey(doc: YAML.Document.Parsed, offset: number): string | undefined {
  const segments: string[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    let next: unknown;
    if (YAML.isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key as YAML.Node | null;
        const v = pair.value as YAML.Node | null;
        if (k?.range && offset >= k.range[0] && offset <= k.range[1]) return toPointer([...segments, String(YAML.isScalar(k) ? k.value : k)]);
        if (v?.range && offset >= v.range[0] && offset <= v.range[1]) {
          segments.push(String(YAML.isScalar(k) ? k.value : k));
          next = v;
          break;
        }
      }
    } else if (YAML.isSeq(node)) {
      node.items.forEach((item, i) => {
        const r = (item as YAML.Node | null)?.range;
        if (next === undefined && r && offset >= r[0] && offset <= r[1]) {
          segments.push(String(i));
          next = item;
        }
      });
    }
    if (next === undefined) return segments.length ? toPointer(segments) : undefined;
    node = next;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
