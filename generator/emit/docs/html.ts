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

function flatten(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(flatten).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** html`<p>${text}</p>`: strings are escaped, `Html` values are kept, arrays are joined, null/false drop out. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += flatten(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup written in this folder (never spec text). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  const sep = flatten(separator);
  return new Html(parts.map(flatten).filter((s) => s !== '').join(sep));
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
