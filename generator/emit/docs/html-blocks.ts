// Blocks of an HTML reference page that do not depend on where they sit: field lists (nested
// fields folded into <details>, each with an id to link to), facts (long enums folded), code
// blocks (highlighted at build time) and examples (long ones folded). Notes and their provenance
// badges come from html-provenance.ts. Spec text reaches the page only through `html` (escaped)
// and `renderMarkdown` (sanitised).
import type { Example } from '../../model/types.ts';
import { highlight, exampleLanguage, type Language } from './highlight.ts';
import { html, join, type Html, type HtmlValue } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { exampleText } from './render-common.ts';
import type { Fact, FieldRow } from './schema-view.ts';

/** Ids handed out on one page: nested field lists take `<section id>__<path>`, numbered when taken. */
export class PageIds {
  private readonly taken: Set<string>;
  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }
  /** A new id from safe parts ([A-Za-z0-9_-] only: they come from anchors.ts slugs). */
  claim(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
  all(): string[] {
    return [...this.taken];
  }
}

/** Enum values, examples and other code lists longer than this are folded. */
const foldValues = 8;
const foldChars = 240;
/** Examples longer than this many lines are folded. */
const foldLines = 30;

/** Facts as a definition list: label, then the value; long lists of values folded. */
export function factsHtml(facts: readonly Fact[]): Html {
  if (!facts.length) return html``;
  return html`<dl class="facts">${join(facts.map(factHtml))}</dl>`;
}

function factHtml(f: Fact): Html {
  if (!f.code) return html`<dt>${f.label}</dt><dd>${f.text ?? ''}</dd>`;
  const codes = join(
    f.code.map((c) => html`<code>${c}</code>`),
    ' ',
  );
  const long = f.code.length > foldValues || f.code.reduce((n, c) => n + c.length, 0) > foldChars;
  if (!long) return html`<dt>${f.label}</dt><dd>${codes}</dd>`;
  return html`<dt>${f.label}</dt><dd><details><summary>${f.code.length === 1 ? 'show' : `${f.code.length} values`}</summary>${codes}</details></dd>`;
}

/** A `<pre>` block highlighted at build time. `lang` keeps the `language-*` class readers and tools know. */
export function codeBlock(text: string, language: Language): Html {
  const cls = language === 'shell' ? 'language-shell' : language === 'ts' ? 'language-ts' : language === 'json' ? 'language-json' : '';
  return html`<pre tabindex="0"><code${cls ? html` class="${cls}"` : ''}>${highlight(text, language)}</code></pre>`;
}

/** A titled code sample (curl, TypeScript) with room for a copy button. */
export function sampleHtml(title: string, text: string, language: Language): Html {
  return html`<div class="sample"><p class="sample-title">${title}</p>${codeBlock(text, language)}</div>`;
}

/** An example value under a title; folded into <details> when it is long. */
export function exampleHtml(e: Example, title: HtmlValue, contentType?: string): Html {
  const text = exampleText(e.value);
  const lines = text.split('\n').length;
  const head = html`${title}${e.name ? html` <code>${e.name}</code>` : ''}${e.summary ? html`: ${e.summary}` : ''}`;
  const body = html`${e.description ? renderMarkdown(e.description, 5) : ''}${codeBlock(text, exampleLanguage(e.value, contentType))}`;
  if (lines <= foldLines) return html`<div class="example"><p class="example-title">${head}</p>${body}</div>`;
  return html`<details class="example"><summary class="example-title">${head} <span class="meta">(${lines} lines)</span></summary>${body}</details>`;
}

// ---- field lists ----------------------------------------------------------------------------

/**
 * The first line of an entry in a field list: name, type, required, deprecated, badges. Short
 * elements (<small> for the type, <b> for "required") because a long reference has a thousand of
 * these lines; site.css styles them by position in `.fields`.
 */
export function fieldHead(name: Html, type: HtmlValue, required: string | false, deprecated: boolean, badges?: HtmlValue): Html {
  return html`${name} <small>${type}</small>${required ? html` <b>${required}</b>` : ''}${deprecated ? html` <span class="badge badge-deprecated">deprecated</span>` : ''}${badges ?? ''}`;
}

interface FieldNode {
  row: FieldRow;
  children: FieldNode[];
}

/** The flat rows (depth-first, with depths) as a tree. */
export function fieldTree(rows: readonly FieldRow[]): FieldNode[] {
  const roots: FieldNode[] = [];
  const stack: FieldNode[] = [];
  for (const row of rows) {
    const node: FieldNode = { row, children: [] };
    while (stack.length && stack[stack.length - 1]!.row.depth >= row.depth) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

export interface FieldParts {
  /** the type of a row, with links to schemas */
  type: (row: FieldRow) => Html;
  /** a row's notes: badges after the name, boxes under the description */
  notes: (row: FieldRow) => { badges: Html; boxes: Html };
  ids: PageIds;
  /** the id prefix of this list: the section's anchor */
  base: string;
}

/** A list of fields: the first level shown, each deeper level folded into <details> with an id. */
export function fieldList(rows: readonly FieldRow[], parts: FieldParts): Html {
  const roots = fieldTree(rows);
  if (!roots.length) return html``;
  const each = roots[0]!.row.prefix.endsWith('[].') && roots[0]!.row.kind !== 'option';
  return html`${each ? html`<p class="meta">Each item:</p>` : ''}${nodesHtml(roots, parts, parts.base)}`;
}

function nodesHtml(nodes: FieldNode[], parts: FieldParts, path: string): Html {
  return html`<ul class="fields">
${join(
  nodes.map((n) => nodeHtml(n, parts, path)),
  '\n',
)}
</ul>`;
}

function nodeHtml(node: FieldNode, parts: FieldParts, path: string): Html {
  const r = node.row;
  const name = r.kind === 'option' ? html`<span class="opt">${r.name}</span>` : html`<code>${r.name}</code>`;
  const id = node.children.length ? parts.ids.claim(`${path}__${idPart(r)}`) : undefined;
  const stop =
    r.stop === 'recursive'
      ? html`<p class="meta">Recursive: the fields are listed above.</p>`
      : r.stop === 'omitted'
        ? html`<p class="meta">Nested fields not listed: this schema is too large to show in full here.</p>`
        : '';
  const notes = parts.notes(r);
  const head = fieldHead(id ? html`<a href="#${id}">${name}</a>` : name, parts.type(r), r.required && 'required', r.deprecated, notes.badges);
  return html`<li${id ? html` id="${id}"` : ''}>${head}${renderMarkdown(r.description, 5)}${factsHtml(r.facts)}${notes.boxes}${stop}${
    node.children.length ? html`<details><summary>${childSummary(node)}</summary>${nodesHtml(node.children, parts, id!)}</details>` : ''
  }</li>`;
}

/** A part of an id for a row: its name as a slug (names are spec text). */
function idPart(r: FieldRow): string {
  if (r.kind === 'option') return 'option' + (/\d+/.exec(r.name)?.[0] ?? '');
  const s = r.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'field';
}

function childSummary(node: FieldNode): string {
  const kids = node.children;
  const options = kids.filter((k) => k.row.kind === 'option').length;
  const fields = kids.length - options;
  const each = node.row.kind !== 'option' && kids[0]!.row.prefix.endsWith('[].');
  const parts: string[] = [];
  if (fields) parts.push(`${fields} field${fields === 1 ? '' : 's'}`);
  if (options) parts.push(`${options} option${options === 1 ? '' : 's'}`);
  return `${parts.join(' and ')}${each ? ' of each item' : ''}`;
}
