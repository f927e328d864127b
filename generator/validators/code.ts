// The code builder of the validator compiler: the only way text gets into generated code.
// After Ajv's `_` template (lib/compile/codegen/code.ts): a `Code` is trusted text; anything else
// interpolated into `_` becomes a JSON literal, so a string from a schema (a property name, a
// pattern, an enum value, a message) can only ever be a string literal in the output.
// Identifiers are `Name`s, accepted only when they match IDENTIFIER; comments go through
// `docComment`, which cannot be closed from inside.

/** Trusted code text. Only this module creates it from raw strings. */
export class Code {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An identifier: throws unless the text is one. */
export class Name extends Code {
  constructor(text: string) {
    if (!IDENTIFIER.test(text)) throw new Error(`not an identifier: ${JSON.stringify(text)}`);
    super(text);
  }
}

/** A JSON value: the only kinds of data that become literals. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Interpolable = Code | Json | undefined;

/** A string, number, boolean or null as a JS literal. U+2028/U+2029 (line terminators in old
 * engines) and `<` (so no `</script>` or `<!--` ever appears) are escaped. Strings and numbers
 * are written as prettier writes them (quotes, exponent), so formatting leaves them as they are. */
export function literal(value: Json): Code {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return new Code(Object.is(value, -0) ? '-0' : prettierNumber(String(value)));
  }
  if (value !== null && typeof value === 'object') {
    throw new Error('objects and arrays are not literals: hoist them with JSON.parse');
  }
  const json = safeJson(value);
  return new Code(typeof value === 'string' ? prettierString(json) : json);
}

/** A string literal as prettier prints it: in the preferred quotes (double, or single with
 * `singleQuote`) unless the text holds more of those than of the other kind; re-quoted (only the
 * quotes' escapes change) when that differs from how it is written. */
export function prettierString(raw: string, singleQuote = false): string {
  const quote = raw[0]!;
  const content = raw.slice(1, -1);
  let double = 0;
  let single = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 34) double++;
    else if (c === 39) single++;
  }
  const [preferred, preferredCount, alternate, alternateCount] = singleQuote ? ["'", single, '"', double] : ['"', double, "'", single];
  const enclosing = preferredCount > alternateCount ? alternate : preferred;
  if (quote === enclosing) return raw;
  const other = enclosing === '"' ? "'" : '"';
  return (
    enclosing +
    content.replace(/\\(.)|(["'])/gs, (match, escaped: string | undefined, q: string | undefined) => {
      if (escaped === other) return escaped;
      if (q === enclosing) return `\\${q}`;
      if (q) return q;
      return match;
    }) +
    enclosing
  );
}

/** prettier's form of a number literal. */
export function prettierNumber(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, '$1$2')
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
    .replace(/^([+-])?\./, '$10.')
    .replace(/(\.\d+?)0+(?=e|$)/, '$1')
    .replace(/\.(?=e|$)/, '');
}


/** JSON.stringify plus the escapes that make the text safe inside any JS (and HTML) context. */
export function safeJson(value: Json): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/</g, '\\u003c');
}

/** Tagged template: `Code` pieces go in as they are, anything else as a literal. */
export function _(strings: TemplateStringsArray, ...values: Interpolable[]): Code {
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    text += value instanceof Code ? value.text : literal(value === undefined ? null : value).text;
    text += strings[i + 1]!;
  }
  return new Code(text);
}

/** Joins code pieces with a separator (itself trusted text written in this codebase). */
export function join(parts: Code[], separator: ', ' | ' && ' | ' || ' | '\n' | ' + '): Code {
  return new Code(parts.map((part) => part.text).join(separator));
}

/** The logical negation of a condition, without `!!` for a negated call or variable. */
export function not(condition: Code): Code {
  const text = condition.text;
  if (/^![A-Za-z_$][\w$.]*\([A-Za-z0-9_$, ]*\)$/.test(text) || /^![A-Za-z_$][\w$]*$/.test(text)) return new Code(text.slice(1));
  if (/^[A-Za-z_$][\w$]*$/.test(text)) return new Code(`!${text}`);
  return new Code(`!(${text})`);
}

/** Text for a JSDoc or block comment: `*\/` cannot close it, and nothing can start a new one. */
export function docComment(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    // a `/*` inside a comment: ts-morph's writer takes it for a comment of its own
    .replace(/\/\*/g, '/\\*')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A spec name turned into an identifier fragment: letters, digits and `_` only. */
export function sanitizeIdentifier(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (cleaned === '') return '_';
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** Allocates unique local names inside one generated function. */
export class Names {
  private readonly counters = new Map<string, number>();
  next(prefix: 'd' | 'i' | 'k' | 'n' | 'v' | 'c' | 'L' | 't' | 's' | 'm' | 'x' | 'f'): Name {
    const count = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, count + 1);
    return new Name(`${prefix}${count}`);
  }
}
