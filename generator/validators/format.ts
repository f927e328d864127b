// Formatting generated modules as prettier does, without running prettier over megabytes.
//
// prettier formats about half a megabyte a second, so a big API's validators (many megabytes)
// would spend most of their time there, and hundreds of megabytes of memory. But generated code
// is regular: every line is one statement or one block header, and the same forms recur
// thousands of times. prettier lays out a statement from its tokens and their widths and the
// width left at its indentation, not from what its strings say or what its names are called.
// So each line is reduced to a *shape* (string contents, generated function names and digits
// replaced by stand-ins of the same width), and:
// - a line that fits its width as prettier prints it flat is that flat print; the flat print of a
//   *structure* (the shape, stand-ins shortened) is learnt once, from prettier, and filled in;
// - an unbraced `if (test) statement;` that does not fit but whose `if (test)` does is those two
//   lines, as prettier breaks it;
// - any other line gets prettier's layout of its own shape (cached: same shape, same layout).
// prettier runs on the shapes in batches (one call for thousands of them, each inside a wrapper
// that makes it parse), and the caches last for the process, so compiling many modules (folder
// mode) soon needs no prettier at all. Block structure (indentation, `case` labels, closing
// braces, JSDoc) is rebuilt here as prettier prints it.
//
// A statement with anything else (a blank line, a comment in code, a template literal, a line
// that is not one statement or header) goes to prettier whole. The result is prettier's output
// either way; test/validators/format.test.ts compares with prettier over whole modules.
import prettier from 'prettier';
import { prettierNumber, prettierString } from './code.ts';

const PARSER = 'typescript';
/** prettier parses the batches of shapes with babel-ts: the same printer, a faster parser for this
 * code, and the same layouts (format.test.ts compares the results with the typescript parser's). */
const PROBE_PARSER = 'babel-ts';

/** The prettier options that matter here (the typescript parser, the rest prettier's defaults). */
export interface FormatStyle {
  printWidth: number;
  singleQuote: boolean;
}

export const DEFAULT_STYLE: FormatStyle = { printWidth: 80, singleQuote: false };

function styleKey(style: FormatStyle): string {
  return `${style.printWidth}${style.singleQuote ? "'" : '"'}`;
}

function options(style: FormatStyle, printWidth = style.printWidth, parser = PARSER): prettier.Options {
  return { parser, printWidth, singleQuote: style.singleQuote };
}

type Kind = 'statement' | 'header' | 'else' | 'export' | 'switch' | 'row';

interface Token {
  /** The text in the line, and the width prettier measures for it (its stand-in's length). */
  text: string;
  width: number;
}

/** Generated function names (`check_*`, `collect_*`, `validate*`, `is*`): tokens like strings,
 * since prettier lays out a call the same whatever the callee is called. */
const GENERATED_NAME = /^(?:check_|collect_|validate|is[A-Z_])[A-Za-z0-9_]*$/;

/** A line reduced to its shape: every string literal becomes `"xxx"` (in the style's quotes, as
 * wide as prettier measures the string as it prints it), every generated function name `$$$` and
 * every run of digits `1...1`; the originals (strings as prettier prints them), in order.
 * Undefined when the line has something the shape would not keep: a comment, a template or
 * regular expression literal, a number not in prettier's form, a `$` or non-ASCII character
 * outside strings. */
function shapeOf(line: string, style: FormatStyle): { shape: string; tokens: Token[] } | undefined {
  let shape = '';
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
      if (j >= line.length) return undefined;
      // The string as prettier prints it (its quotes), and a stand-in as wide as prettier
      // measures it (wide and zero-width characters).
      const text = prettierString(line.slice(i, j + 1), style.singleQuote);
      const width = /^[\x20-\x7e]*$/.test(text) ? text.length : prettier.util.getStringWidth(text);
      if (width < 2) return undefined;
      tokens.push({ text, width });
      shape += quoted(style, width);
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c) && !/[A-Za-z0-9_$.]/.test(line[i - 1] ?? '')) {
      let j = i;
      while (j < line.length && /[A-Za-z0-9_$]/.test(line[j]!)) j++;
      const name = line.slice(i, j);
      if (GENERATED_NAME.test(name)) {
        tokens.push({ text: name, width: name.length });
        shape += '$'.repeat(name.length);
        i = j;
      } else {
        // Other names stay; their digits become tokens below.
        const letters = /^[A-Za-z_]+/.exec(name)![0];
        shape += letters;
        i += letters.length;
      }
    } else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < line.length && line[j]! >= '0' && line[j]! <= '9') j++;
      const run = line.slice(i, j);
      // A number literal (not digits inside a name) must already be in prettier's form.
      if (!/[A-Za-z_$]/.test(line[i - 1] ?? '')) {
        const number = /^[\d.]+(?:e[+-]?\d+)?/i.exec(line.slice(i))![0];
        if (prettierNumber(number) !== number || /^0\d/.test(number)) return undefined;
      }
      tokens.push({ text: run, width: run.length });
      shape += '1'.repeat(run.length);
      i = j;
    } else if (c === '`' || (c === '/' && (line[i + 1] === '/' || line[i + 1] === '*'))) {
      return undefined;
    } else if (c === '/' && /[(,=:[!&|?{};]\s*$|^\s*$/.test(line.slice(0, i))) {
      return undefined; // a regular expression literal
    } else {
      if (c.charCodeAt(0) > 0x7e || c === '$') return undefined;
      shape += c;
      i++;
    }
  }
  return { shape, tokens };
}

/** A string's stand-in: `"xxx"` in the style's quotes. */
function quoted(style: FormatStyle, width: number): string {
  const quote = style.singleQuote ? "'" : '"';
  return `${quote}${'x'.repeat(width - 2)}${quote}`;
}

/** Puts a line's own strings and digits back into prettier's layout of its shape. */
function unshape(lines: string[], tokens: Token[]): string[] | undefined {
  let next = 0;
  const result = lines.map((line) =>
    line.replace(/(["'])x*\1|\d+|\$+/g, (match) => {
      const token = tokens[next++];
      return token && token.width === match.length ? token.text : '\u0000';
    }),
  );
  return next === tokens.length && !result.some((line) => line.includes('\u0000')) ? result : undefined;
}

/** One line of a statement to lay out: its text (without indentation) and where it goes. */
interface Line {
  indent: number;
  text: string;
  /** How prettier's layout of it is found; undefined: printed as it is. A header's text leaves
   * out its final ` {`. */
  kind?: Kind;
}

/** Lines printed as they are: closing braces, fixed headers, labels, bare jumps. */
const TRUSTED = /^(?:\}|\} else \{|\} catch \(error\) \{|try \{|[A-Za-z_$][\w$]*: \{|default:|break;|continue;|return true;|return false;)$/;

/** The lines of one top-level statement with their indentation, or undefined when it is not the
 * regular code this module lays out. */
function layout(chunk: string, style: FormatStyle): Line[] | undefined {
  const result: Line[] = [];
  // Open blocks: the indentation of the line that opened each, and what it is.
  const frames: { indent: number; kind: 'block' | 'switch' | 'array' }[] = [];
  let comment = false;
  for (const rawLine of chunk.split('\n')) {
    const text = rawLine.trim();
    const top = frames[frames.length - 1];
    const inner = top ? top.indent + (top.kind === 'switch' ? 2 : 1) : 0;
    // JSDoc, as prettier re-indents it: `/**`, ` * text` lines (trimmed), ` */`.
    if (comment) {
      if (!text.startsWith('*') || (text.endsWith('*/') && text !== '*/')) return undefined;
      result.push({ indent: inner, text: ` ${text}` });
      comment = text !== '*/';
      continue;
    }
    if (text === '/**') {
      comment = true;
      result.push({ indent: inner, text });
      continue;
    }
    if (/^\/\*\*.*\*\/$/.test(text) && text.indexOf('*/') === text.length - 2) {
      result.push({ indent: inner, text }); // a one-line JSDoc: prettier keeps it
      continue;
    }
    if (text.startsWith('/*') || text.startsWith('//') || text === '') return undefined;
    if (top?.kind === 'array') {
      if (text === '];') {
        frames.pop();
        result.push({ indent: top.indent, text });
      } else if (text.startsWith('[') && text.endsWith('],')) {
        result.push({ indent: inner, text: text.slice(0, -1), kind: 'row' });
      } else {
        return undefined;
      }
      continue;
    }
    if (text.startsWith('}')) {
      const frame = frames.pop();
      if (!frame) return undefined;
      if (TRUSTED.test(text)) {
        result.push({ indent: frame.indent, text });
        if (text !== '}') frames.push({ indent: frame.indent, kind: 'block' });
        continue;
      }
      if (!/^\} else if \(.*\) \{$/.test(text)) return undefined;
      result.push({ indent: frame.indent, text: text.slice(0, -2), kind: 'else' });
      frames.push({ indent: frame.indent, kind: 'block' });
      continue;
    }
    const label = top?.kind === 'switch' ? /^(?:case (.+)|default):( \{)?$/.exec(text) : null;
    if (top && label) {
      // A case label: a string (re-quoted as prettier does; never broken), a name or an integer.
      let caseText = text;
      if (label[1] !== undefined) {
        const value = label[1];
        if (/^(["']).*\1$/.test(value) && closingQuote(value) === value.length - 1) caseText = `case ${prettierString(value, style.singleQuote)}:${label[2] ?? ''}`;
        else if (!/^(?:[A-Za-z_$][\w$]*|0|[1-9]\d*)$/.test(value)) return undefined;
      }
      result.push({ indent: top.indent + 1, text: caseText });
      if (label[2]) frames.push({ indent: top.indent + 1, kind: 'block' });
      continue;
    }
    if (/^const [A-Za-z_$][\w$]*(?:: [A-Za-z_$][\w$]*)? = \[$/.test(text)) {
      // A table constant: prettier breaks an array of two or more arrays one per line.
      result.push({ indent: inner, text });
      frames.push({ indent: inner, kind: 'array' });
      continue;
    }
    if (text.endsWith(' {')) {
      if (TRUSTED.test(text)) result.push({ indent: inner, text });
      else if (text.startsWith('export function ') && inner === 0) result.push({ indent: inner, text: text.slice(0, -2), kind: 'export' });
      else result.push({ indent: inner, text: text.slice(0, -2), kind: text.startsWith('switch (') ? 'switch' : 'header' });
      frames.push({ indent: inner, kind: text.startsWith('switch (') ? 'switch' : 'block' });
      continue;
    }
    if (!text.endsWith(';') && !text.endsWith(') {}') && !/\): \w+ \{\}$/.test(text)) return undefined;
    result.push({ indent: inner, text, kind: TRUSTED.test(text) ? undefined : 'statement' });
  }
  return frames.length === 0 && !comment ? result : undefined;
}

/** prettier's layout of a shape, as lines (first line unindented), by kind, width and shape;
 * null when it cannot be laid out here. */
const exact = new Map<string, string[] | null>();
/** How prettier prints a line of a structure (its shape with strings emptied and digit runs
 * shortened to one digit) when the line fits its width: the one-line print, as a structure.
 * prettier prints a statement flat when the flat print fits, and a flat print depends on the
 * tokens, not on how wide its strings and numbers are: learnt once from one line that fits,
 * it lays out every other line of that structure that fits (strings and digits filled in). */
const templates = new Map<string, string>();
/** Kept for the process (folder mode compiles many modules), up to a limit. */
const CACHE_LIMIT = 200_000;

function structureOf(shape: string): string {
  return shape.replace(/(["'])x*\1/g, '""').replace(/1+/g, '1').replace(/\$+/g, '$');
}

/** A template with a line's tokens' stand-ins filled in: the shape of its one-line print. */
function fillTemplate(template: string, tokens: Token[], style: FormatStyle): string | undefined {
  let next = 0;
  const line = template.replace(/""|1|\$/g, (match) => {
    const token = tokens[next++];
    if (!token) return '\u0000';
    const first = token.text[0]!;
    if (first === '"' || first === "'") return match === '""' ? quoted(style, token.width) : '\u0000';
    const stand = (first >= '0' && first <= '9' ? '1' : '$').repeat(token.width);
    return stand[0] === match ? stand : '\u0000';
  });
  return next === tokens.length && !line.includes('\u0000') ? line : undefined;
}

/** The statement prettier formats for a shape of this kind (a header gets a body it can print,
 * an `else if` the `if` it continues). */
function probe(kind: Kind, shape: string): string {
  switch (kind) {
    case 'statement':
      return shape;
    case 'header':
    case 'export':
      return `${shape} {\n0;\n}`;
    case 'else':
      return `if (a) {\n0;\n${shape} {\n0;\n}`;
    case 'switch':
      return `${shape} {\ndefault:\n}`;
    case 'row':
      return `${shape};`;
  }
}

/** Takes the shape's own lines back out of prettier's output for its probe (a header's without
 * its final ` {`). */
function unprobe(kind: Kind, lines: string[]): string[] | undefined {
  switch (kind) {
    case 'statement':
      return lines;
    case 'header':
    case 'export':
    case 'switch':
    case 'else': {
      const head = kind === 'else' ? lines.slice(2) : lines;
      if (kind === 'else' && (lines[0] !== 'if (a) {' || !head[0]?.startsWith('} else '))) return undefined;
      if (head.length < 3 || head[head.length - 1] !== '}' || !head[head.length - 3]!.endsWith(' {')) return undefined;
      const result = head.slice(0, -2);
      result[result.length - 1] = result[result.length - 1]!.slice(0, -2);
      return result;
    }
    case 'row': {
      const last = lines[lines.length - 1]!;
      if (!last.endsWith(';')) return undefined;
      return [...lines.slice(0, -1), last.slice(0, -1)];
    }
  }
}

const WRAP_OPEN = 'function f() {\n  L: for (;;) {\n';
const WRAP_CLOSE = '  }\n}\n';
const SEPARATOR = '\n\n';

/** Formats the probes of many shapes of one kind and width in one prettier call: each inside a
 * function and a labelled loop (so `return`, `break` and `continue` parse), blank lines between
 * them (prettier keeps one), at 4 columns more than the width they are laid out in. */
async function formatBatch(kind: Kind, width: number, shapes: string[], style: FormatStyle): Promise<(string[] | null)[]> {
  // Exports are top-level only (no wrapper); the rest sit 4 columns in.
  const [open, close, shift] = kind === 'export' ? ['', '\n', 0] : [WRAP_OPEN, '\n' + WRAP_CLOSE, 4];
  const text = open + shapes.map((shape) => probe(kind, shape)).join(SEPARATOR) + close;
  let output: string;
  try {
    output = await prettier.format(text, options(style, width + shift, PROBE_PARSER));
  } catch {
    return shapes.length === 1 ? [null] : halves(kind, width, shapes, style);
  }
  if (!output.startsWith(open) || !output.endsWith(close)) return shapes.map(() => null);
  const pieces = output.slice(open.length, -close.length).split(SEPARATOR);
  if (pieces.length !== shapes.length) return shapes.length === 1 ? [null] : halves(kind, width, shapes, style);
  const margin = ' '.repeat(shift);
  return pieces.map((piece) => {
    const lines = piece.split('\n');
    if (lines.some((line) => line !== '' && !line.startsWith(margin))) return null;
    return unprobe(kind, lines.map((line) => line.slice(shift))) ?? null;
  });
}

/** A batch with a shape prettier cannot take on its own (a parse error, or output that does not
 * split back into one piece per shape): the two halves, so the others are still formatted. */
async function halves(kind: Kind, width: number, shapes: string[], style: FormatStyle): Promise<(string[] | null)[]> {
  const half = Math.ceil(shapes.length / 2);
  return [...(await formatBatch(kind, width, shapes.slice(0, half), style)), ...(await formatBatch(kind, width, shapes.slice(half), style))];
}

function indentation(level: number): string {
  return '  '.repeat(level);
}

/** One line to lay out: its shape, and the width it has (80 less its indentation). */
interface Piece {
  kind: Kind;
  width: number;
  style: FormatStyle;
  shape: string;
  tokens: Token[];
  /** Key of its structure's template. */
  template: string;
  /** An unbraced `if (...) statement;` also as its two parts, for when it does not fit. */
  split?: { head: Piece; body: Piece };
}

/** Columns after a line's shape on its last line: a header's ` {`, a row's `,`. */
function trail(kind: Kind): number {
  return kind === 'statement' ? 0 : kind === 'row' ? 1 : 2;
}

function piece(kind: Kind, width: number, text: string, style: FormatStyle): Piece | undefined {
  const shape = shapeOf(text, style);
  if (!shape) return undefined;
  const result: Piece = { kind, width, ...shape, style, template: `${styleKey(style)}\u0000${kind}\u0000${structureOf(shape.shape)}` };
  if (kind === 'statement' && text.startsWith('if (')) {
    // `if (test) statement;`: prettier puts the statement on the next line when the whole does
    // not fit but `if (test)` does.
    const close = closingParen(text, 3);
    const rest = close === undefined ? '' : text.slice(close + 2);
    if (close !== undefined && text[close + 1] === ' ' && rest !== '' && !rest.startsWith('{')) {
      const head = piece('header', width, text.slice(0, close + 1), style);
      const body = piece('statement', width - 2, rest, style);
      if (head && body) result.split = { head, body };
    }
  }
  return result;
}

/** The index of the quote that closes the string starting at 0. */
function closingQuote(text: string): number {
  let i = 1;
  while (i < text.length && text[i] !== text[0]) i += text[i] === '\\' ? 2 : 1;
  return i;
}

/** The index of the `)` that closes the `(` at `open` (strings skipped). */
function closingParen(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i += text[i] === '\\' ? 2 : 1);
    } else if (c === '(') {
      depth++;
    } else if (c === ')' && --depth === 0) {
      return i;
    }
  }
  return undefined;
}

function templateKey(piece: Piece): string {
  return piece.template;
}

function exactKey(piece: Piece): string {
  return `${styleKey(piece.style)}\u0000${piece.kind}\u0000${piece.width}\u0000${piece.shape}`;
}

/** The lines of a piece (shape form) from what is known, or undefined. */
function resolve(piece: Piece): string[] | undefined {
  const template = templates.get(templateKey(piece));
  const line = template === undefined ? undefined : fillTemplate(template, piece.tokens, piece.style);
  if (line !== undefined && line.length + trail(piece.kind) <= piece.width) return [line];
  // Too wide for one line (as prettier would print it): an unbraced `if` whose test fits.
  if (line !== undefined && piece.split) {
    const head = resolve(piece.split.head);
    const body = head?.length === 1 && head[0]!.length <= piece.width ? resolve(piece.split.body) : undefined;
    if (head && body) return [head[0]!, ...body.map((part) => (part === '' ? part : `  ${part}`))];
  }
  return exact.get(exactKey(piece)) ?? undefined;
}

/** Every piece whose template could be learnt: the line, and the parts of an unbraced `if`. */
function* allPieces(piece: Piece): Generator<Piece> {
  yield piece;
  if (piece.split) {
    yield* allPieces(piece.split.head);
    yield* allPieces(piece.split.body);
  }
}

/** A width wide enough for any generated line: prettier prints everything flat within it. */
const UNLIMITED = 10_000;

/** prettier's layouts of pieces, 2,000 to a batch by kind and width: into `exact`, or, when
 * `learn`, printed without a width limit into `templates` (a piece printed on more than one
 * line even then gets none). */
async function formatPieces(pieces: Piece[], learn: boolean, style: FormatStyle): Promise<void> {
  const groups = new Map<string, { kind: Kind; width: number; shapes: Set<string> }>();
  for (const piece of pieces) {
    const width = learn ? UNLIMITED : piece.width;
    const key = `${piece.kind}\u0000${width}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: piece.kind, width, shapes: new Set() }));
    group.shapes.add(piece.shape);
  }
  if (exact.size > CACHE_LIMIT) exact.clear();
  if (templates.size > CACHE_LIMIT) templates.clear();
  await Promise.all(
    [...groups.values()].map(async ({ kind, width, shapes }) => {
      const list = [...shapes];
      for (let start = 0; start < list.length; start += 2000) {
        const part = list.slice(start, start + 2000);
        formatStats.batches++;
        formatStats.batchChars += part.reduce((sum, shape) => sum + shape.length, 0);
        const results = await formatBatch(kind, width, part, style);
        part.forEach((shape, i) => {
          const result = results[i]!;
          if (!learn) exact.set(`${styleKey(style)}\u0000${kind}\u0000${width}\u0000${shape}`, result);
          else if (result?.length === 1) templates.set(`${styleKey(style)}\u0000${kind}\u0000${structureOf(shape)}`, structureOf(result[0]!));
        });
      }
    }),
  );
}

/**
 * Formats top-level statements of generated code as prettier (typescript parser, default
 * options) would, each on its own: the result for each is prettier's (without the final
 * newline). Statements the line-wise layout cannot take go to prettier whole.
 */
export async function formatStatements(chunks: string[], style: FormatStyle = DEFAULT_STYLE): Promise<string[]> {
  const layouts = chunks.map((chunk) => layout(chunk, style));
  const pieces = layouts.map((lines) => lines?.map((line) => (line.kind ? (piece(line.kind, style.printWidth - 2 * line.indent, line.text, style) ?? null) : undefined)));
  const all = pieces.flatMap((lines) => lines ?? []).filter((piece): piece is Piece => !!piece);
  formatStats.lines += all.length;
  // First, one line that fits of each structure without a template: prettier's print of it
  // gives the template. Then, what the templates do not lay out, as it is.
  const learn = new Map<string, Piece>();
  for (const line of all) {
    for (const part of allPieces(line)) {
      const key = templateKey(part);
      if (!templates.has(key) && !learn.has(key)) learn.set(key, part);
    }
  }
  await formatPieces([...learn.values()], true, style);
  const rest = all.filter((line) => !resolve(line));
  formatStats.templated += all.length - rest.length;
  formatStats.exact += rest.length;
  await formatPieces(rest, false, style);
  return Promise.all(
    chunks.map(async (chunk, c) => {
      const lines = layouts[c];
      const parts = pieces[c];
      if (lines && parts) {
        const out: string[] = [];
        let ok = true;
        for (let i = 0; i < lines.length && ok; i++) {
          const line = lines[i]!;
          const pad = indentation(line.indent);
          const part = parts[i];
          if (part === undefined) {
            out.push(pad + line.text);
            continue;
          }
          const shaped = part && resolve(part);
          const text = shaped && unshape(shaped, part!.tokens);
          if (!text) {
            ok = false;
            break;
          }
          if (line.kind === 'row') text[text.length - 1] += ',';
          else if (line.kind !== 'statement') text[text.length - 1] += ' {';
          for (const part of text) out.push(part === '' ? '' : pad + part);
        }
        if (ok) return out.join('\n');
      }
      formatStats.fallbacks++;
      return (await prettier.format(chunk, options(style))).trimEnd();
    }),
  );
}

/** prettier, for text that is not generated statement by statement (runtime helpers, imports). */
export function formatWithPrettier(text: string, style: FormatStyle = DEFAULT_STYLE): Promise<string> {
  return prettier.format(text, options(style));
}

/** Counts for the curious (scripts/bench): lines laid out, by template or by prettier's layout of
 * their own shape, prettier calls and what went into them, statements given to prettier whole. */
export const formatStats = { lines: 0, templated: 0, exact: 0, batches: 0, batchChars: 0, fallbacks: 0 };
