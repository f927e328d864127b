// Code highlighting at build time, for the three kinds of code the reference shows: JSON
// (examples, pretty-printed by JSON.stringify or written in the spec), shell (the curl samples
// that samples.ts quotes) and TypeScript (the client samples that samples.ts prints). Each is a
// small regular-expression tokenizer: it never fails (text it does not recognise stays plain),
// and every token goes through the `html` template, so spec text is escaped like anywhere else.
// Tokens are `<i class=k>` (one letter, unquoted: a fixed set) because a long reference has
// thousands of them; site.css colours them and takes the italics off.
import { html, join, type Html } from './html.ts';
import { mediaKind } from '../../runtime/media.ts';

export type Language = 'json' | 'shell' | 'ts' | 'text';

/** A token class: k keyword, s string, n number or literal, p property name, v variable, f flag, c comment, t command. */
type Kind = 'k' | 's' | 'n' | 'p' | 'v' | 'f' | 'c' | 't';

interface Rule {
  re: RegExp;
  kind: (match: RegExpExecArray, text: string) => Kind | undefined;
}

const jsonRules: Rule[] = [
  // a string; a property name when a colon follows
  { re: /"(?:[^"\\\n]|\\.)*"/y, kind: (m, text) => (/^\s*:/.test(text.slice(m.index + m[0].length)) ? 'p' : 's') },
  { re: /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y, kind: () => 'n' },
  { re: /\b(?:true|false|null)\b/y, kind: () => 'n' },
];

const shellRules: Rule[] = [
  // a backslash escape (`\'` between quoted parts, `\` at a line's end) is plain text
  { re: /\\[\s\S]/y, kind: () => undefined },
  { re: /'[^']*'/y, kind: () => 's' },
  // a double-quoted word: its variables are marked inside it (see tokens())
  { re: /"(?:[^"\\]|\\.)*"/y, kind: () => 's' },
  { re: /\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/y, kind: () => 'v' },
  { re: /(?<=^|\s)--?[A-Za-z][A-Za-z0-9-]*/y, kind: () => 'f' },
  { re: /(?<=^|\n)[A-Za-z][A-Za-z0-9_-]*/y, kind: () => 't' },
  { re: /#[^\n]*/y, kind: (m, text) => (m.index === 0 || /\s/.test(text[m.index - 1]!) ? 'c' : undefined) },
];

const tsKeywords = new Set(
  'as async await break case catch class const continue default delete do else export extends false finally for from function if import in instanceof let new null of return satisfies switch this throw true try type typeof undefined var void while yield'.split(' '),
);

const tsRules: Rule[] = [
  { re: /\/\/[^\n]*|\/\*[\s\S]*?\*\//y, kind: () => 'c' },
  { re: /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/y, kind: () => 's' },
  { re: /\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/y, kind: () => 'n' },
  // an identifier: a keyword, a property name before `:` (not `? :`), or plain
  {
    re: /[A-Za-z_$][A-Za-z0-9_$]*/y,
    kind: (m, text) => {
      if (tsKeywords.has(m[0]) && text[m.index - 1] !== '.') return m[0] === 'true' || m[0] === 'false' || m[0] === 'null' || m[0] === 'undefined' ? 'n' : 'k';
      return /^\s*:(?!:)/.test(text.slice(m.index + m[0].length)) && !/\?\s*$/.test(text.slice(0, m.index)) ? 'p' : undefined;
    },
  },
];

const rulesOf: Record<Exclude<Language, 'text'>, Rule[]> = { json: jsonRules, shell: shellRules, ts: tsRules };

/** The text split into plain runs and classified tokens. */
export function tokens(text: string, language: Language): { text: string; kind?: Kind }[] {
  if (language === 'text') return [{ text }];
  const rules = rulesOf[language];
  const out: { text: string; kind?: Kind }[] = [];
  let plain = '';
  let i = 0;
  outer: while (i < text.length) {
    for (const rule of rules) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (!m || m[0] === '') continue;
      const kind = rule.kind(m, text);
      if (kind === undefined) {
        // recognised but plain (an identifier): keep it whole so no rule starts inside it
        plain += m[0];
        i += m[0].length;
        continue outer;
      }
      if (plain) out.push({ text: plain });
      plain = '';
      if (language === 'shell' && kind === 's' && m[0].startsWith('"')) out.push(...shellDouble(m[0]));
      else out.push({ text: m[0], kind });
      i += m[0].length;
      continue outer;
    }
    plain += text[i];
    i++;
  }
  if (plain) out.push({ text: plain });
  return out;
}

/** A double-quoted shell word: string parts with its `$VARIABLES` marked. */
function shellDouble(word: string): { text: string; kind?: Kind }[] {
  const out: { text: string; kind?: Kind }[] = [];
  let last = 0;
  for (const m of word.matchAll(/\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (m.index > last) out.push({ text: word.slice(last, m.index), kind: 's' });
    out.push({ text: m[0], kind: 'v' });
    last = m.index + m[0].length;
  }
  if (last < word.length) out.push({ text: word.slice(last), kind: 's' });
  return out;
}

/** Highlighted code (the content of a `<code>`): every piece escaped. */
export function highlight(text: string, language: Language): Html {
  // <i class=s>: a token's class is one of the fixed letters above, never spec text
  return join(tokens(text, language).map((t) => (t.kind ? html`<i class=${t.kind}>${t.text}</i>` : html`${t.text}`)));
}

/** The language of an example value: JSON unless it is a string (CSV, plain text...). */
export function exampleLanguage(value: unknown, contentType?: string): Language {
  if (typeof value !== 'string') return 'json';
  return contentType && mediaKind(contentType) === 'json' && /^\s*[[{"]/.test(value) ? 'json' : 'text';
}
