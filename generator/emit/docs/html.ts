// Safe HTML building. Spec text reaches a page only through the `html` tagged template, which
// escapes every interpolated string; markup that is already safe is an `Html` value, made only
// by this template, by `renderMarkdown` (markdown-it with raw HTML off and a link allowlist) or by
// `trusted` for fixed markup written in this folder. Like Ajv's `_` template: the type of a value
// says whether it is text (escaped) or markup (kept), so a forgotten escape is a type error waiting
// to be noticed rather than a hole.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value (double or single quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

/**
 * Text as the content of an element (never an attribute): `&`, `<` and `>` are enough there, and
 * quotes stay quotes, which keeps JSON examples a fifth smaller than with `&quot;`.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => entities[c]!);
}

function flatten(value: HtmlValue, inTag = true): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map((v) => flatten(v, inTag)).join('');
  if (value === null || value === undefined || value === false) return '';
  return inTag ? escapeHtml(String(value)) : escapeText(String(value));
}

type State = 'text' | 'tag' | 'dq' | 'sq';

/**
 * Where the template's literal text leaves off: in element content, in a tag, or in a quoted
 * attribute value. Only literal text is scanned: interpolated values are escaped, or are `Html`
 * (whole elements), so they never open or close a tag or a quote.
 */
function scan(literal: string, state: State): State {
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i];
    if (state === 'text') {
      if (c === '<' && /[A-Za-z/!]/.test(literal[i + 1] ?? '')) state = 'tag';
    } else if (state === 'tag') {
      if (c === '"') state = 'dq';
      else if (c === "'") state = 'sq';
      else if (c === '>') state = 'text';
    } else if ((state === 'dq' && c === '"') || (state === 'sq' && c === "'")) state = 'tag';
  }
  return state;
}

// the context of each interpolation depends only on the literal parts: computed once per template
const contexts = new WeakMap<TemplateStringsArray, boolean[]>();

/** For each interpolation: true when it is inside a tag (an attribute value), false in element content. */
function contextsOf(strings: TemplateStringsArray): boolean[] {
  let c = contexts.get(strings);
  if (!c) {
    c = [];
    let state: State = 'text';
    for (let i = 0; i < strings.length - 1; i++) {
      state = scan(strings[i]!, state);
      c.push(state !== 'text');
    }
    contexts.set(strings, c);
  }
  return c;
}

/**
 * html`<p>${text}</p>`: strings are escaped, `Html` values are kept, arrays are joined, null/false
 * drop out. A string inside a tag (an attribute value) has every HTML-special character escaped;
 * one in element content has `&`, `<` and `>` escaped.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  const inTag = contextsOf(strings);
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += flatten(values[i]!, inTag[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Markup written in this folder (never spec text). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  const sep = flatten(separator);
  return new Html(parts.map((p) => flatten(p)).filter((s) => s !== '').join(sep));
}

/**
 * Links a reader may follow: http(s), mailto, a fragment, or a relative reference (no scheme).
 * `javascript:`, `data:`, `vbscript:`, `file:` and every other scheme are refused.
 */
export function isSafeUrl(url: string): boolean {
  const s = url.trim();
  if (/[\u0000-\u001f\u007f]/.test(s)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s);
  if (!scheme) return !s.startsWith('\\') && !/^\/\\/.test(s);
  return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
}

/** An href for spec-provided URLs: the URL when it is safe, else undefined (render as text). */
export function safeHref(url: string | undefined): string | undefined {
  return url !== undefined && isSafeUrl(url) ? url.trim() : undefined;
}
