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
