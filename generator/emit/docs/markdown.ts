// Spec descriptions are CommonMark. In HTML they go through markdown-it with raw HTML off (a
// `<script>` or an `onerror=` attribute stays text), images off (a page never requests another
// host) and a link allowlist (http(s), mailto, relative, #fragment: a `javascript:` link stays
// text). Headings inside a description are pushed below the page's own outline. In the Markdown
// README the same text is kept as Markdown but neutralised the same way.
import MarkdownIt from 'markdown-it';
import { Html, isSafeUrl } from './html.ts';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
md.disable(['image']);
md.validateLink = (url: string) => isSafeUrl(url);

// headings of a description sit under the operation's own <h3>
md.core.ruler.push('oaskit_headings', (state) => {
  const shift = (state.env as { headingShift?: number }).headingShift ?? 3;
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = 'h' + Math.min(6, Number(token.tag.slice(1)) + shift);
    }
  }
  return true;
});

// table alignment comes out as a `style` attribute, which a strict CSP refuses: use a class
for (const rule of ['th_open', 'td_open'] as const) {
  md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const style = token.attrGet('style');
    if (style) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      const align = /text-align:\s*(left|center|right)/.exec(style)?.[1];
      if (align) token.attrJoin('class', 'align-' + align);
    }
    return self.renderToken(tokens, idx, options);
  };
}

// a code block scrolls sideways: keyboard users must be able to focus it to scroll
for (const rule of ['fence', 'code_block'] as const) {
  const base = md.renderer.rules[rule]!;
  md.renderer.rules[rule] = (tokens, idx, options, env, self) => base(tokens, idx, options, env, self).replace(/^<pre>/, '<pre tabindex="0">');
}

// links that leave the site: no referrer, no opener
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet('href') ?? '';
  if (/^(https?:)?\/\//i.test(href)) token.attrSet('rel', 'noopener noreferrer nofollow');
  return self.renderToken(tokens, idx, options);
};

/** A description as block HTML (paragraphs, lists, code). */
export function renderMarkdown(text: string | undefined, headingShift = 3): Html {
  if (!text || !text.trim()) return new Html('');
  return new Html(md.render(text, { headingShift }).trimEnd());
}

/** A short description (a table cell): one paragraph renders without its <p>. */
export function renderMarkdownCompact(text: string | undefined): Html {
  if (!text || !text.trim()) return new Html('');
  const tokens = md.parse(text, { headingShift: 4 });
  const single = tokens.length === 3 && tokens[0]!.type === 'paragraph_open';
  return new Html(single ? md.renderInline(text.trim()).trimEnd() : md.render(text, { headingShift: 4 }).trimEnd());
}

/** Plain text of a description's first sentence-ish line, for search entries and titles. */
export function plainText(text: string | undefined, max = 160): string {
  if (!text) return '';
  const firstParagraph = text.trim().split(/\n\s*\n/)[0]!;
  const plain = firstParagraph
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_~#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? plain.slice(0, max - 1).trimEnd() + '…' : plain;
}

// ---- Markdown output (README) ---------------------------------------------------------------

/**
 * A description kept as Markdown for a README: raw HTML is escaped outside code (so `<script>`
 * shows as text on GitHub and npm), unsafe link targets are dropped, images become links.
 */
export function markdownDescription(text: string | undefined): string {
  if (!text) return '';
  return mapOutsideCode(text.trim(), (chunk) =>
    chunk
      .replace(/</g, '&lt;')
      .replace(/!\[/g, '\\![')
      .replace(/\]\(\s*([^)\s]*)([^)]*)\)/g, (all, url: string, rest: string) => (isSafeDestination(url) ? all : '](#' + rest.replace(/[()]/g, '') + ')'))
      .replace(/^(\s*\[[^\]]+\]:\s*)(\S+)/gm, (all, label: string, url: string) => (isSafeDestination(url) ? all : label + '#')),
  );
}

/**
 * A Markdown link destination as written. CommonMark decodes entities and backslash escapes
 * before the URL is used, so `&#106;avascript:` or `javascript\\:` must not pass as relative.
 */
function isSafeDestination(raw: string): boolean {
  if (/&[a-z0-9#]+;/i.test(raw)) return false;
  return isSafeUrl(raw.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/** The same, flattened to one line (a list item). */
export function markdownLine(text: string | undefined): string {
  return markdownDescription(text).replace(/\s*\n\s*/g, ' ');
}

/** Plain spec text (a name, a value) as Markdown text: every Markdown and HTML character escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]|<>&~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c))
    .replace(/\s*\n\s*/g, ' ')
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Spec text as an inline code span: the fence is longer than any backtick run inside. */
export function markdownCode(text: string, inTable = false): string {
  let s = text.replace(/\s*\n\s*/g, ' ');
  if (inTable) s = s.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s === '' ? ' ' : '';
  return fence + pad + (s === '' ? ' ' : s) + pad + fence;
}

/** A fenced code block whose fence cannot be closed by the content. */
export function markdownFence(code: string, lang: string): string {
  const longest = Math.max(2, ...(code.match(/`{3,}/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${code}\n${fence}`;
}

/** Apply `f` to the parts of a Markdown text that are not code (fenced, indented blocks left alone too). */
function mapOutsideCode(text: string, f: (chunk: string) => string): string {
  const out: string[] = [];
  const lines = text.split('\n');
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length) out.push(mapOutsideInlineCode(buffer.join('\n'), f));
    buffer = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]!);
    if (!fence) {
      buffer.push(lines[i]!);
      continue;
    }
    flush();
    const marker = fence[1]!;
    const block = [lines[i]!];
    for (i++; i < lines.length; i++) {
      block.push(lines[i]!);
      if (new RegExp('^ {0,3}' + marker[0] + '{' + marker.length + ',}\\s*$').test(lines[i]!)) break;
    }
    out.push(block.join('\n'));
  }
  flush();
  return out.join('\n');
}

function mapOutsideInlineCode(text: string, f: (chunk: string) => string): string {
  const runs = [...text.matchAll(/`+/g)];
  let out = '';
  let from = 0;
  for (let r = 0; r < runs.length; r++) {
    const open = runs[r]!;
    const close = runs.findIndex((c, k) => k > r && c[0].length === open[0].length);
    if (close < 0) continue;
    const end = runs[close]!.index! + runs[close]![0].length;
    out += f(text.slice(from, open.index)) + text.slice(open.index, end);
    from = end;
    r = close;
  }
  return out + f(text.slice(from));
}
