// The HTML reference site: an index of the APIs, one page per API (or, for a long API, an
// overview plus a page per tag and schema pages by initial), a search index and static assets.
// Every piece of spec text goes through `html` (escaped) or `renderMarkdown` (sanitised).
//
// Layout: navigation | content | code. Each operation is a two-column block: its description,
// parameters, body and responses on the left, its curl and TypeScript samples and example
// responses on the right (below it on narrow screens). Nested fields are folded into <details>;
// the navigation folds behind a "Contents" link on phones (CSS :target, no JavaScript needed).
import type { ApiModel, Header, MediaType, Operation, Parameter, ParameterLocation, Response } from '../../model/types.ts';
import { methodPath } from '../../model/naming.ts';
import { unwrap } from '../../model/schema.ts';
import type { EmittedFile } from '../emitter.ts';
import { sourceName } from '../header.ts';
import { exampleHtml, factsHtml, fieldHead, fieldList, PageIds, sampleHtml } from './html-blocks.ts';
import { Guesses, guessesList, provenanceHtml } from './html-provenance.ts';
import { everyExtensions, provenance } from '../../model/provenance.ts';
import { html, join, safeHref, trusted, type Html, type HtmlValue } from './html.ts';
import { plainText, renderMarkdown, renderMarkdownCompact } from './markdown.ts';
import { apiFolders, buildReference, relativeHref, rootOf, type ApiReference, type OperationGroup } from './reference.ts';
import { authOf, listedExtensions, reasonPhrase, schemeHow, splitHeaders } from './render-common.ts';
import { clientSetup, credentialOfParameter, operationSamples, sampleMedia } from './samples.ts';
import { codeValue, factsOf, fieldTable, notesOf, typeOf, type Fact, type FieldRow, type FieldTable, type Note, type SchemaAt, type TypeExpr } from './schema-view.ts';
import { siteAssets } from './assets.ts';

/**
 * Bytes one page of an API may weigh: an API whose single page would be heavier gets a page per
 * tag and pages of schemas instead (a third of what one large reference weighed as one page).
 */
export const pageBudget = 240_000;

export function renderSite(models: readonly ApiModel[]): EmittedFile[] {
  return buildSite(models).files;
}

/** The site's files, and the reference plan of each API as its pages were laid out (split or not). */
export function buildSite(models: readonly ApiModel[]): { refs: ApiReference[]; files: EmittedFile[] } {
  const folders = apiFolders(models);
  const refs: ApiReference[] = [];
  const pages: EmittedFile[] = [];
  models.forEach((m, i) => {
    let ref = buildReference(m, folders[i]!);
    let files = apiPages(ref);
    if (!ref.split && Buffer.byteLength(files[0]!.contents) > pageBudget) {
      ref = buildReference(m, folders[i]!, true);
      files = apiPages(ref);
    }
    refs.push(ref);
    pages.push(...files);
  });
  const files: EmittedFile[] = [...siteAssets(), ...pages];
  files.push({ path: 'index.html', contents: indexPage(refs) });
  files.push({ path: 'search-index.js', contents: searchIndex(refs) });
  return { refs, files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

// ---- page shell -----------------------------------------------------------------------------

interface Shell {
  title: string;
  /** path from the page to the site root: '' or '../' */
  root: string;
  nav?: Html;
  main: Html;
  footer: HtmlValue;
}

function page(s: Shell): string {
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<meta name="referrer" content="no-referrer">
<title>${s.title}</title>
<link rel="icon" href="${s.root}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${s.root}assets/site.css">
<script src="${s.root}assets/site.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
${s.nav ? html`<a class="menu" href="#toc" aria-controls="toc">Contents</a>` : ''}
<a class="home" href="${s.root}index.html">API reference</a>
<div class="search" id="search" role="search" hidden>
<label for="search-input">Search</label>
<input id="search-input" type="search" placeholder="operation, path or schema (press /)" autocomplete="off" spellcheck="false" aria-controls="search-results" aria-describedby="search-status">
<p id="search-status" class="visually-hidden" aria-live="polite"></p>
<ul id="search-results" class="search-results" aria-label="Search results"></ul>
</div>
</header>
${s.nav ? html`<div class="layout">\n${s.nav}\n<main id="main">\n${s.main}\n</main>\n</div>` : html`<main id="main" class="solo">\n${s.main}\n</main>`}
<footer class="site-footer">${s.footer}</footer>
</body>
</html>
`;
  return tidy(doc.value);
}

/** Drop the blank lines that empty parts leave behind, except inside <pre> where they are content. */
function tidy(doc: string): string {
  return doc
    .split(/(<pre\b[\s\S]*?<\/pre>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/\n(?:[ \t]*\n)+/g, '\n')))
    .join('');
}

// ---- index ----------------------------------------------------------------------------------

function indexPage(refs: ApiReference[]): string {
  const items = refs.map((ref) => {
    const m = ref.model;
    return html`<li>
<h2><a href="${ref.overview}">${m.info.title}</a></h2>
<p class="meta">Version ${m.info.version} · OpenAPI ${m.openapi} · ${count(m.operations.length, 'operation')} · ${count(m.schemas.length, 'schema')}</p>
${m.info.summary ? html`<p>${m.info.summary}</p>` : plainText(m.info.description) ? html`<p>${plainText(m.info.description, 300)}</p>` : ''}
</li>`;
  });
  const main = html`<h1>API reference</h1>
${refs.length ? html`<ul class="apis">\n${join(items, '\n')}\n</ul>` : html`<p>No APIs.</p>`}`;
  return page({ title: 'API reference', root: '', main, footer: html`Generated by oaskit from ${join(refs.map((r) => sourceName(r.model)), ', ')}.` });
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ---- API pages ------------------------------------------------------------------------------

interface Ctx {
  ref: ApiReference;
  plan: Plan;
  /** the API's guesses, collected from every page as it is written */
  guesses: Guesses;
  /** the page being written, relative to the site root */
  page: string;
  /** ids of nested field lists, unique on the page */
  ids: PageIds;
}

/** Where the parts of an API's pages are, beyond the reference plan (reference.ts). */
interface Plan {
  /** per operation: the id of its request body's fields and of each response (by status) */
  bodyId: Map<string, string>;
  responseId: Map<string, Map<string, string>>;
  /** headers that the responses of several operations carry: described once, on the overview */
  commonHeaders: { key: string; header: Header; anchor: string }[];
  headerAnchor: Map<string, string>;
  /** schemas that are the whole body of one response or request of one operation: described there */
  owned: Map<string, { op: Operation; id: string; what: string }>;
  /** every id above and the reference's anchors: nested ids never take them */
  reserved: string[];
  /** how many `Guess:` texts the spec has (the navigation links to the list when there are any) */
  guessCount: number;
}

/** Operations a header must be on before it is described once instead of with each of them. */
const commonHeaderUses = 3;

const plans = new WeakMap<ApiReference, Plan>();

function planOf(ref: ApiReference): Plan {
  const known = plans.get(ref);
  if (known) return known;
  const ids = new PageIds([
    ...['main', 'top', 'toc', 'search', 'search-input', 'search-status', 'search-results', 'servers', 'authentication', 'headers', 'client', 'operations', 'schemas', 'schemas-list', 'responses', 'contents', 'guesses'],
    ...ref.opAnchor.values(),
    ...ref.schemaAnchor.values(),
    ...ref.authAnchor.values(),
    ...ref.groups.map((g) => g.anchor),
    ...[...ref.sharedResponses.values()].map((s) => s.anchor),
  ]);
  const claim = (base: string) => ids.claim(base);
  const bodyId = new Map<string, string>();
  const responseId = new Map<string, Map<string, string>>();
  for (const op of ref.model.operations) {
    const anchor = ref.opAnchor.get(op.id)!;
    if (op.requestBody) bodyId.set(op.id, claim(`${anchor}-body`));
    responseId.set(op.id, new Map(op.responses.map((r) => [r.status, claim(`${anchor}-${r.status.replace(/[^A-Za-z0-9]/g, '') || 'response'}`)])));
  }
  // headers by what they say (name, description, schema): the operations that carry each
  const headerOps = new Map<string, { header: Header; ops: Set<string> }>();
  for (const op of ref.model.operations) {
    for (const r of op.responses) {
      if (isSharedIn(ref, r)) continue;
      for (const h of r.headers) {
        const k = headerKey(h);
        const e = headerOps.get(k) ?? { header: h, ops: new Set<string>() };
        e.ops.add(op.id);
        headerOps.set(k, e);
      }
    }
  }
  const common = [...headerOps].filter(([, e]) => e.ops.size >= commonHeaderUses);
  const commonHeaders = common.map(([key, e]) => ({ key, header: e.header, anchor: claim(`header-${e.header.name.replace(/[^A-Za-z0-9_-]+/g, '-')}`) }));
  // a schema owned by one operation: the whole body there, used nowhere else
  const roots = new Map<string, { op: Operation; id: string; what: string }[]>();
  for (const op of ref.model.operations) {
    const add = (m: MediaType, id: string, what: string) => {
      const name = m.schema ? ref.reader.refName(m.schema) : undefined;
      if (name !== undefined) roots.set(name, [...(roots.get(name) ?? []), { op, id, what }]);
    };
    for (const m of op.requestBody?.content ?? []) add(m, bodyId.get(op.id)!, 'request body');
    for (const r of op.responses) if (!isSharedIn(ref, r)) for (const m of r.content) add(m, responseId.get(op.id)!.get(r.status)!, `${r.status} response`);
  }
  const owned = new Map<string, { op: Operation; id: string; what: string }>();
  for (const [name, uses] of roots) {
    const byOps = ref.usedByOps.get(name) ?? [];
    if (new Set(uses.map((u) => u.id)).size === 1 && byOps.length === 1 && byOps[0]!.direct && !(ref.usedBySchemas.get(name) ?? []).length) owned.set(name, uses[0]!);
  }
  const plan: Plan = { bodyId, responseId, commonHeaders, headerAnchor: new Map(commonHeaders.map((c) => [c.key, c.anchor])), owned, reserved: [...ids.all()], guessCount: countGuesses(ref.model) };
  plans.set(ref, plan);
  return plan;
}

/** `Guess:` texts anywhere in a model. */
function countGuesses(model: ApiModel): number {
  return everyExtensions(model).reduce((n, ext) => n + provenance(ext).filter((p) => p.kind === 'guess').length, 0);
}

function headerKey(h: Header): string {
  return JSON.stringify([h.name.toLowerCase(), h.description ?? '', h.required, h.schema ? unwrap(h.schema).id : null]);
}

function isSharedIn(ref: ApiReference, r: Response): boolean {
  return r.refName !== undefined && !/^2/.test(r.status) && ref.sharedResponses.has(r.refName);
}

function ctxFor(ref: ApiReference, page: string, guesses: Guesses): Ctx {
  const plan = planOf(ref);
  return { ref, plan, guesses, page, ids: new PageIds(plan.reserved) };
}

/** An object's notes on this page: badges for its heading, boxes for under it. */
function notesFor(ctx: Ctx, notes: readonly Note[], where: Html): { badges: Html; boxes: Html } {
  return provenanceHtml(notes, { claimId: (base) => ctx.ids.claim(base), guesses: ctx.guesses, page: ctx.page, where });
}

function apiPages(ref: ApiReference): EmittedFile[] {
  const files: EmittedFile[] = [];
  const m = ref.model;
  const footer = html`Generated by oaskit from ${sourceName(m)} (${m.info.title} ${m.info.version}).`;
  const title = (sub?: string) => (sub ? `${sub} · ${m.info.title}` : `${m.info.title} · API reference`);
  const guesses = new Guesses();
  const home = ctxFor(ref, ref.overview, guesses);
  // the overview is written last: its list of guesses gathers those of every page
  if (!ref.split) {
    const parts = [
      overview(home),
      ...ref.groups.map((g) => groupSection(home, g)),
      sharedResponsesSection(home),
      ref.schemaPages.length ? schemaSection(home, ref.schemaPages[0]!.names, 'Schemas') : html``,
    ];
    const main = join([...parts, guessesSection(home)], '\n');
    files.push({ path: ref.overview, contents: page({ title: title(), root: rootOf(ref.overview), nav: nav(home), main, footer }) });
    return files;
  }
  // a page of a split API is headed by the API's title, which links back to its overview
  const back = (ctx: Ctx) => html`<h1 class="back"><a href="${relativeHref(ctx.page, ref.overview)}">${m.info.title}</a></h1>`;
  for (const g of ref.groups) {
    const ctx = ctxFor(ref, g.page, guesses);
    files.push({ path: g.page, contents: page({ title: title(g.title), root: rootOf(g.page), nav: nav(ctx), main: join([back(ctx), groupSection(ctx, g)], '\n'), footer }) });
  }
  for (const p of ref.schemaPages) {
    const ctx = ctxFor(ref, p.page, guesses);
    files.push({ path: p.page, contents: page({ title: title(p.title), root: rootOf(p.page), nav: nav(ctx), main: join([back(ctx), schemaSection(ctx, p.names, p.title, true)], '\n'), footer }) });
  }
  // a long API: the overview lists every operation under its anchor (so `<api>.html#op-<id>` links
  // from the client's JSDoc still land on it) and links to the page that describes it
  const groupList = html`<section class="prose" id="operations">
<h2>Operations</h2>
${join(
  ref.groups.map(
    (g) => html`<h3><a href="${relativeHref(home.page, g.page)}">${g.title}</a></h3>
${g.tag?.description ? renderMarkdownCompact(g.tag.description) : ''}
<ul>
${join(
  g.operations.map((op) => html`<li id="${ref.opAnchor.get(op.id)!}"><a href="${hrefOp(home, op.id)}"><span class="method method-${op.method}">${op.method}</span> ${op.summary ?? op.id}</a></li>`),
  '\n',
)}
</ul>`,
  ),
  '\n',
)}
</section>
<section class="prose" id="schemas">
<h2>Schemas</h2>
<ul>
${join(
  ref.schemaPages.map((p) => html`<li><a href="${relativeHref(home.page, p.page)}">${p.title}</a> (${count(p.names.length, 'schema')})</li>`),
  '\n',
)}
</ul>
</section>`;
  const parts = [overview(home), groupList, sharedResponsesSection(home)];
  const main = join([...parts, guessesSection(home)], '\n');
  files.unshift({ path: ref.overview, contents: page({ title: title(), root: rootOf(ref.overview), nav: nav(home), main, footer }) });
  return files;
}

/** Every guess of the API, with links to where each is written. */
function guessesSection(ctx: Ctx): Html {
  if (!ctx.plan.guessCount) return html``;
  const n = ctx.guesses.entries.length;
  return html`<section class="prose" id="guesses">
<h2>Guesses</h2>
<p>${n === 1 ? 'One statement' : `${n} statements`} of this reference rest on no source document: each is an inference, marked <span class="pv pv-guess">Guess</span> where it is written, and listed here so that it can be checked and replaced by a fact.</p>
${guessesList(ctx.guesses, (p) => relativeHref(ctx.page, p.page) + '#' + p.id)}
</section>`;
}

function hrefOp(ctx: Ctx, opId: string): string {
  return relativeHref(ctx.page, ctx.ref.pageOfOp.get(opId)!) + '#' + ctx.ref.opAnchor.get(opId)!;
}

function hrefSchema(ctx: Ctx, name: string): string {
  return relativeHref(ctx.page, ctx.ref.pageOfSchema.get(name)!) + '#' + ctx.ref.schemaAnchor.get(name)!;
}

/** A section of the API's own page (authentication, shared responses). */
function hrefOverview(ctx: Ctx, anchor: string): string {
  return relativeHref(ctx.page, ctx.ref.overview) + '#' + anchor;
}

function hrefResponse(ctx: Ctx, name: string): string {
  return hrefOverview(ctx, ctx.ref.sharedResponses.get(name)!.anchor);
}

function hrefAuth(ctx: Ctx, scheme: string): string | undefined {
  const a = ctx.ref.authAnchor.get(scheme);
  return a === undefined ? undefined : hrefOverview(ctx, a);
}

function nav(ctx: Ctx): Html {
  const { ref } = ctx;
  const opItem = (op: Operation) => html`<li><a href="${hrefOp(ctx, op.id)}"><span class="method method-${op.method}">${op.method}</span>${op.summary ?? op.id}</a></li>`;
  const groups = ref.groups.map((g) => {
    const here = !ref.split || g.page === ctx.page;
    return html`<li${here && ref.split ? trusted(' class="current"') : ''}><a class="toc-group" href="${relativeHref(ctx.page, g.page) + '#' + g.anchor}">${g.title}</a>${
      here ? html`\n<ul>\n${join(g.operations.map(opItem), '\n')}\n</ul>` : ''
    }</li>`;
  });
  const schemas = ref.split
    ? ref.schemaPages.map((p) => html`<li${p.page === ctx.page ? trusted(' class="current"') : ''}><a href="${relativeHref(ctx.page, p.page) || '#schemas-list'}">${p.title}</a>${p.page === ctx.page ? html`\n<ul>\n${join(p.names.map((n) => html`<li><a href="${hrefSchema(ctx, n)}">${n}</a></li>`), '\n')}\n</ul>` : ''}</li>`)
    : ref.schemaPages.length
      ? [html`<li><a class="toc-group" href="#schemas">Schemas</a>\n<ul>\n${join(ref.schemaPages[0]!.names.map((n) => html`<li><a href="${hrefSchema(ctx, n)}">${n}</a></li>`), '\n')}\n</ul></li>`]
      : [];
  const top = hrefOverview(ctx, 'top');
  return html`<nav class="toc" id="toc" aria-label="Contents">
<a class="toc-close" href="#main">Close contents</a>
<ul>
<li><a class="toc-group" href="${top}">${ref.model.info.title}</a></li>
${ref.model.securitySchemes.length ? html`<li><a href="${hrefOverview(ctx, 'authentication')}">Authentication</a></li>` : ''}
${join(groups, '\n')}
${ref.sharedResponses.size ? html`<li><a class="toc-group" href="${hrefOverview(ctx, 'responses')}">Shared error responses</a></li>` : ''}
${ctx.plan.guessCount ? html`<li><a class="toc-group" href="${hrefOverview(ctx, 'guesses')}">Guesses</a></li>` : ''}
${ref.split && schemas.length ? html`<li><span class="toc-group">Schemas</span>\n<ul>\n${join(schemas, '\n')}\n</ul></li>` : join(schemas, '\n')}
</ul>
</nav>`;
}

// ---- overview -------------------------------------------------------------------------------

function overview(ctx: Ctx): Html {
  const m = ctx.ref.model;
  const servers = m.servers.length
    ? html`<h2 id="servers">Servers</h2>
<ul>
${join(
  m.servers.map((s) => html`<li><code>${s.url}</code>${s.description ? html` — ${renderMarkdownCompact(s.description)}` : ''}${notesFor(ctx, notesOf(s.extensions ?? {}), html`the server <code>${s.url}</code>`).boxes}${s.variables.length ? html`<ul>${join(s.variables.map((v) => html`<li><code>${v.name}</code> default <code>${v.default}</code>${v.enum ? html`, one of ${join(v.enum.map((e) => html`<code>${e}</code>`), ', ')}` : ''}${v.description ? html` — ${renderMarkdownCompact(v.description)}` : ''}</li>`))}</ul>` : ''}</li>`),
  '\n',
)}
</ul>`
    : '';
  const c = ctx.ref.client;
  const auth = m.securitySchemes.length
    ? html`<h2 id="authentication">Authentication</h2>
${join(
  m.securitySchemes.map((s) => {
    const options = c.options.get(s.name) ?? [];
    const notes = notesFor(ctx, notesOf(s.extensions), html`the security scheme ${s.name}`);
    return html`<section class="auth" id="${ctx.ref.authAnchor.get(s.name)!}">
<h3>${s.name}${notes.badges}</h3>
<p>${schemeHow(s)}.${options.length ? html` Client option${options.length > 1 ? 's' : ''}: ${join(options.map((o) => html`<code>${o.option}</code>`), ' and ')}; the samples read ${join(options.map((o) => html`<code>$${o.env}</code>`), ' and ')}.` : ''}</p>
${renderMarkdown(s.description, 2)}
${notes.boxes}
${extensionsHtml(s.extensions)}
</section>`;
  }),
  '\n',
)}`
    : '';
  const usage = html`<h2 id="client">Client</h2>
<p>The generated TypeScript client is the package <code>${c.packageName}</code>:</p>
${sampleHtml('TypeScript', clientSetup(c), 'ts')}`;
  return html`<section class="prose intro">
<header id="top">
<h1>${m.info.title}</h1>
<p class="meta">Version ${m.info.version} · OpenAPI ${m.openapi} · ${count(m.operations.length, 'operation')} · ${count(m.schemas.length, 'schema')}</p>
${m.info.summary ? html`<p class="lead">${m.info.summary}</p>` : ''}
</header>
${renderMarkdown(m.info.description, 1)}
${notesFor(ctx, [...notesOf(m.info.extensions), ...notesOf(m.extensions)], html`the API`).boxes}
${extensionsHtml({ ...m.info.extensions, ...m.extensions })}
${servers}
${auth}
${commonHeadersSection(ctx)}
${usage}
</section>`;
}

// ---- operations -----------------------------------------------------------------------------

function groupSection(ctx: Ctx, g: OperationGroup): Html {
  const notes = notesFor(ctx, notesOf(g.tag?.extensions ?? {}), html`the group ${g.title}`);
  return html`<section class="group" id="${g.anchor}">
<div class="prose">
<h2>${g.title}${notes.badges}</h2>
${g.tag?.description ? renderMarkdown(g.tag.description, 2) : ''}
${g.tag?.externalDocs ? externalDocs(g.tag.externalDocs) : ''}
${notes.boxes}
</div>
${join(
  g.operations.map((op) => operation(ctx, op)),
  '\n',
)}
</section>`;
}

function externalDocs(d: { url: string; description?: string }): Html {
  const href = safeHref(d.url);
  const label = d.description ?? d.url;
  return html`<p>See also: ${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${label}</a>` : html`${label} (<code>${d.url}</code>)`}</p>`;
}

function operation(ctx: Ctx, op: Operation): Html {
  const { ref } = ctx;
  const anchor = ref.opAnchor.get(op.id)!;
  const where = ref.client.names.operations.get(op)!;
  const samples = operationSamples(ref.model, ref.reader, ref.client, op);
  const schemas = ref.opSchemas.get(op.id) ?? [];
  const serversDiffer = JSON.stringify(op.servers) !== JSON.stringify(ref.model.servers);
  const notes = notesFor(ctx, notesOf(op.extensions), html`${op.summary ?? op.id}`);
  const doc = html`<div class="op-doc">
<h3><a href="#${anchor}">${op.summary ?? op.id}</a>${op.deprecated ? html` <span class="badge badge-deprecated">deprecated</span>` : ''}${notes.badges}</h3>
<p class="endpoint"><span class="method method-${op.method}">${op.method}</span> <code>${op.path}</code></p>
<p class="meta">Operation ID <code>${op.id}</code>${op.derivedId ? ' (derived: the spec gives none)' : ''} · client <code>client.${methodPath(where)}()</code>${op.tags.length > 1 ? html` · tags ${join(op.tags.map((t) => html`<code>${t}</code>`), ', ')}` : ''}</p>
${op.deprecated ? html`<p class="deprecated-text"><strong>Deprecated.</strong> This operation may be removed; avoid it in new code.</p>` : ''}
${renderMarkdown(op.description, 3)}
${op.externalDocs ? externalDocs(op.externalDocs) : ''}
${notes.boxes}
${extensionsHtml(op.extensions)}
<h4>Authentication</h4>
${authHtml(ctx, op)}
${serversDiffer && op.servers.length ? html`<h4>Servers</h4>\n<ul>${join(op.servers.map((s) => html`<li><code>${s.url}</code>${s.description ? html` — ${renderMarkdownCompact(s.description)}` : ''}</li>`))}</ul>` : ''}
${parametersHtml(ctx, op)}
${op.requestBody ? requestBodyHtml(ctx, op) : ''}
<h4>Responses</h4>
${responsesHtml(ctx, op)}
${schemas.length ? html`<p class="uses">Schemas used: ${join(schemas.map((n) => html`<a href="${hrefSchema(ctx, n)}">${n}</a>`), ', ')}</p>` : ''}
</div>`;
  return html`<section class="op" id="${anchor}">
${doc}
<div class="op-code">
<h4 class="code-head">Request</h4>
${sampleHtml('curl', samples.curl, 'shell')}
${sampleHtml('TypeScript', samples.typescript, 'ts')}
${requestExamples(ctx, op)}
${responseExamples(ctx, op)}
</div>
</section>`;
}

/**
 * Examples of the request body, beside the samples; not the one the samples already send (unless
 * it says more than its value).
 */
function requestExamples(ctx: Ctx, op: Operation): Html {
  const content = op.requestBody?.content ?? [];
  const sent = sampleMedia(ctx.ref.client, op)?.examples[0];
  const multi = content.length > 1;
  const items = content.flatMap((m) => m.examples.filter((e) => e !== sent || e.description).map((e) => exampleHtml(e, html`Body${multi ? html` (<code>${m.contentType}</code>)` : ''}`, m.contentType)));
  return join(items, '\n');
}

/** Example responses of the operation (its own, not the shared ones), beside the samples. */
function responseExamples(ctx: Ctx, op: Operation): Html {
  const items: Html[] = [];
  for (const r of op.responses) {
    if (isShared(ctx, r)) continue;
    const multi = r.content.length > 1;
    for (const m of r.content) {
      for (const e of m.examples) {
        items.push(exampleHtml(e, html`<span class="status ${statusClass(r.status)}">${r.status}</span>${multi ? html` <code>${m.contentType}</code>` : ''}`, m.contentType));
      }
    }
  }
  return items.length ? html`<h4 class="code-head">Response</h4>\n${join(items, '\n')}` : html``;
}

function authHtml(ctx: Ctx, op: Operation): Html {
  const a = authOf(ctx.ref, op);
  const schemeLink = (name: string) => {
    const href = hrefAuth(ctx, name);
    const s = ctx.ref.client.schemes.get(name);
    return html`${href ? html`<a href="${href}">${name}</a>` : html`<code>${name}</code>`}${s ? html` (${schemeHow(s)})` : ''}`;
  };
  const requirement = (r: { scheme: string; scopes: string[] }[]) =>
    join(
      r.map((x) => html`${schemeLink(x.scheme)}${x.scopes.length ? html`, scopes ${join(x.scopes.map((s) => html`<code>${s}</code>`), ', ')}` : ''}`),
      ' and ',
    );
  const parts: Html[] = [];
  if (a.none && a.bodyCredentials.length === 0) parts.push(html`<p>None: this operation takes no credential.</p>`);
  else if (a.alternatives.length === 1) parts.push(html`<p>${requirement(a.alternatives[0]!)}${a.optional ? ' (optional)' : ''}.</p>`);
  else if (a.alternatives.length > 1) parts.push(html`<p>One of${a.optional ? ' (or none)' : ''}:</p>\n<ul>${join(a.alternatives.map((r) => html`<li>${requirement(r)}</li>`))}</ul>`);
  for (const [prop, scheme] of a.bodyCredentials) {
    parts.push(html`<p>The body property <code>${prop}</code> carries the credential${ctx.ref.client.schemes.has(scheme) ? html` ${schemeLink(scheme)}` : html` <code>${scheme}</code>`}; the client fills it in.</p>`);
  }
  return join(parts, '\n');
}

const locationTitles: Record<ParameterLocation, string> = { path: 'Path parameters', query: 'Query parameters', header: 'Header parameters', cookie: 'Cookie parameters' };

/** Parameters grouped by where they go, each a field list entry. */
function parametersHtml(ctx: Ctx, op: Operation): Html {
  const out: Html[] = [];
  for (const location of ['path', 'query', 'header', 'cookie'] as const) {
    const params = op.parameters.filter((p) => p.in === location);
    if (params.length) out.push(html`<h4>${locationTitles[location]}</h4>\n<ul class="fields">\n${join(params.map((p) => parameterHtml(ctx, op, p)), '\n')}\n</ul>`);
  }
  return join(out, '\n');
}

function parameterHtml(ctx: Ctx, op: Operation, p: Parameter): Html {
  const at: SchemaAt | undefined = p.schema ?? p.content[0]?.schema;
  const view = at ? ctx.ref.reader.view(at) : undefined;
  const facts: Fact[] = view ? factsOf(view, p.examples.length === 0) : [];
  if (p.examples.length) facts.push({ label: p.examples.length > 1 ? 'examples' : 'example', code: p.examples.map((e) => codeValue(e.value)) });
  if (p.style || p.explode !== undefined) facts.push({ label: 'serialization', text: [p.style ? `style ${p.style}` : '', p.explode !== undefined ? `explode ${p.explode}` : ''].filter(Boolean).join(', ') });
  if (p.content[0]) facts.push({ label: 'content type', code: [p.content[0].contentType] });
  const credential = credentialOfParameter(ctx.ref.client, p, op);
  const notes = notesFor(ctx, notesOf(p.extensions), html`the parameter <code>${p.name}</code> of ${op.summary ?? op.id}`);
  return html`<li>${fieldHead(html`<code>${p.name}</code>`, at && view ? typeHtml(ctx, typeOf(ctx.ref.reader, view, at, false)) : 'any', p.required && 'required', p.deprecated, notes.badges)}${renderMarkdown(p.description ?? view?.description, 5)}${credential ? html`<p>Credential (${credential}): the client fills it in.</p>` : ''}${factsHtml(facts)}${notes.boxes}</li>`;
}

function requestBodyHtml(ctx: Ctx, op: Operation): Html {
  const b = op.requestBody!;
  return html`<h4 id="${ctx.plan.bodyId.get(op.id)!}">Request body${b.required ? html` <b class="req">required</b>` : html` <span class="meta">(optional)</span>`}</h4>
${renderMarkdown(b.description, 4)}
${contentHtml(ctx, b.content, ctx.plan.bodyId.get(op.id)!, html`the request body of ${op.summary ?? op.id}`)}`;
}

function isShared(ctx: Ctx, r: Response): boolean {
  return isSharedIn(ctx.ref, r);
}

function statusClass(status: string): string {
  return /^[1-5]/.test(status) ? `status-${status[0]}` : 'status-default';
}

/** The operation's own responses in full; the shared error responses as one list of links. */
function responsesHtml(ctx: Ctx, op: Operation): Html {
  if (!op.responses.length) return html`<p>The spec documents no response.</p>`;
  const own = op.responses.filter((r) => !isShared(ctx, r));
  const shared = op.responses.filter((r) => isShared(ctx, r));
  const split = splitHeaders(own);
  const ids = ctx.plan.responseId.get(op.id)!;
  return html`${split.common.length ? html`<p>Every response below carries these headers:</p>\n${headersHtml(ctx, split.common)}` : ''}
${join(
  own.map((r) => responseHtml(ctx, op, r, split.own.get(r) ?? [], ids.get(r.status)!)),
  '\n',
)}
${shared.length ? sharedListHtml(ctx, shared, ids) : ''}`;
}

function responseHtml(ctx: Ctx, op: Operation, r: Response, headers: Header[], id: string): Html {
  const where = html`the ${r.status} response of ${op.summary ?? op.id}`;
  const notes = notesFor(ctx, notesOf(r.extensions), where);
  return html`<div class="response" id="${id}">
<h5><a href="#${id}"><span class="status ${statusClass(r.status)}">${r.status}</span>${reasonPhrase(r.status)}</a>${notes.badges}</h5>
${renderMarkdown(r.description, 5)}
${notes.boxes}
${headers.length ? headersHtml(ctx, headers) : ''}
${r.content.length ? contentHtml(ctx, r.content, id, where) : html`<p class="meta">No body.</p>`}
</div>`;
}

/** Shared error responses: status, name and a link; the description only where it differs. */
function sharedListHtml(ctx: Ctx, responses: Response[], ids: Map<string, string>): Html {
  const items = responses.map((r) => {
    const shared = ctx.ref.sharedResponses.get(r.refName!)!;
    const differs = r.description !== shared.response.description;
    return html`<li id="${ids.get(r.status)!}"><span class="status ${statusClass(r.status)}">${r.status}</span>${reasonPhrase(r.status)} · <a href="${hrefResponse(ctx, shared.name)}">${shared.name}</a>${differs ? renderMarkdown(r.description, 5) : ''}</li>`;
  });
  return html`<p class="list-title">Error responses</p>
<ul class="errors">
${join(items, '\n')}
</ul>`;
}

/** Headers: those described once on the overview are linked, the others listed in full. */
function headersHtml(ctx: Ctx, headers: Header[]): Html {
  const linked = headers.filter((h) => ctx.plan.headerAnchor.has(headerKey(h)));
  const full = headers.filter((h) => !ctx.plan.headerAnchor.has(headerKey(h)));
  const href = hrefOverview(ctx, 'headers');
  return html`${full.length ? html`<p class="list-title">Headers</p>\n<ul class="fields">\n${join(full.map((h) => headerHtml(ctx, h)), '\n')}\n</ul>` : ''}${
    linked.length ? html`<p>Headers: <a href="${href}">${linked.map((h) => h.name).join(', ')}</a></p>` : ''
  }`;
}

function headerHtml(ctx: Ctx, h: Header, id?: string): Html {
  const view = h.schema ? ctx.ref.reader.view(h.schema) : undefined;
  const facts: Fact[] = view ? factsOf(view, h.examples.length === 0) : [];
  if (h.examples.length) facts.push({ label: 'example', code: h.examples.map((e) => codeValue(e.value)) });
  return html`<li${id ? html` id="${id}"` : ''}>${fieldHead(html`<code>${h.name}</code>`, h.schema && view ? typeHtml(ctx, typeOf(ctx.ref.reader, view, h.schema, false)) : 'string', h.required && 'always sent', h.deprecated)}${renderMarkdown(h.description ?? view?.description, 5)}${factsHtml(facts)}</li>`;
}

/** The headers that many operations' responses carry, described once (on the overview). */
function commonHeadersSection(ctx: Ctx): Html {
  const c = ctx.plan.commonHeaders;
  if (!c.length) return html``;
  return html`<h2 id="headers">Response headers</h2>
<p>Headers that the responses of several operations carry; each operation links here.</p>
<ul class="fields">
${join(
  c.map((x) => headerHtml(ctx, x.header, x.anchor)),
  '\n',
)}
</ul>`;
}

/** Media types, grouped when they share one schema; each with its fields (examples go beside). */
function contentHtml(ctx: Ctx, content: MediaType[], base: string, where: Html): Html {
  const groups: { media: MediaType[]; key: string }[] = [];
  for (const m of content) {
    const key = m.schema ? String(unwrap(m.schema).id) : 'none';
    const g = groups.find((x) => x.key === key && m.schema && x.media[0]!.schema);
    if (g) g.media.push(m);
    else groups.push({ media: [m], key });
  }
  return join(
    groups.map((g) => {
      const schema = g.media[0]!.schema;
      // component schemas are linked, not repeated: each is described once, in its own section
      const table = schema ? fieldTable(ctx.ref.reader, schema, { expandNamed: false }) : undefined;
      return html`<p class="media">${join(g.media.map((m) => html`<code>${m.contentType}</code>`), ', ')}${table ? html` · ${typeHtml(ctx, table.type)}` : ''}</p>
${table ? tableHtml(ctx, table, base, where) : ''}`;
    }),
    '\n',
  );
}

// ---- field lists ----------------------------------------------------------------------------

function tableHtml(ctx: Ctx, table: FieldTable, base: string, where: Html, rootDescription = false): Html {
  const root = table.view;
  const rootFacts = factsOf(root, table.rows.length > 0 || rootDescription);
  return html`${rootDescription ? renderMarkdown(root.description, 3) : ''}${rootFacts.length ? factsHtml(rootFacts) : ''}${fieldList(table.rows, {
    ids: ctx.ids,
    base,
    type: (r: FieldRow) => typeHtml(ctx, r.type),
    notes: (r: FieldRow) => notesFor(ctx, r.notes, html`<code>${r.prefix}${r.name}</code> in ${where}`),
  })}`;
}

function typeHtml(ctx: Ctx, t: TypeExpr): Html {
  return join(t.map((seg) => ('ref' in seg ? (ctx.ref.pageOfSchema.has(seg.ref) ? html`<a href="${hrefSchema(ctx, seg.ref)}">${seg.ref}</a>` : html`${seg.ref}`) : html`${seg.text}`)));
}

/** Other `x-oaskit-*` extensions, as a definition list of escaped values. */
function extensionsHtml(ext: Record<string, unknown>): Html {
  const items = listedExtensions(ext);
  if (!items.length) return html``;
  return html`<dl class="extensions">${join(items.map((i) => html`<dt>${i.label}</dt><dd>${valueHtml(i.value, 0)}</dd>`))}</dl>`;
}

function valueHtml(value: unknown, depth: number): Html {
  if (typeof value === 'string') return renderMarkdownCompact(value);
  if (value === null || typeof value !== 'object' || depth > 3) return html`<code>${codeValue(value)}</code>`;
  if (Array.isArray(value)) return html`<ul>${join(value.map((v) => html`<li>${valueHtml(v, depth + 1)}</li>`))}</ul>`;
  return html`<dl>${join(Object.entries(value).map(([k, v]) => html`<dt>${k}</dt><dd>${valueHtml(v, depth + 1)}</dd>`))}</dl>`;
}

// ---- shared responses -----------------------------------------------------------------------

function sharedResponsesSection(ctx: Ctx): Html {
  const shared = [...ctx.ref.sharedResponses.values()];
  if (!shared.length) return html``;
  return html`<section class="prose" id="responses">
<h2>Shared error responses</h2>
<p>Error responses that several operations declare the same way; each operation links here.</p>
${join(
  shared.map((s) => {
    const statuses = [...new Set(s.users.map((u) => u.status))];
    const r = s.response;
    const examples = r.content.flatMap((m) => m.examples.map((e) => exampleHtml(e, 'Example', m.contentType)));
    const where = html`the shared response ${s.name}`;
    const notes = notesFor(ctx, notesOf(r.extensions), where);
    return html`<section class="shared-response" id="${s.anchor}">
<h3>${s.name}${notes.badges}</h3>
<p class="meta">Status ${join(statuses.map((x) => html`<code>${x}</code>`), ', ')} · used by ${count(new Set(s.users.map((u) => u.op.id)).size, 'operation')}</p>
${renderMarkdown(r.description, 3)}
${notes.boxes}
${r.headers.length ? headersHtml(ctx, r.headers) : ''}
${r.content.length ? contentHtml(ctx, r.content, s.anchor, where) : html`<p class="meta">No body.</p>`}
${join(examples, '\n')}
<p class="uses">Used by: ${join([...new Map(s.users.map((u) => [u.op.id, u])).values()].map((u) => html`<a href="${hrefOp(ctx, u.op.id)}">${u.op.id}</a>`), ', ')}</p>
</section>`;
  }),
  '\n',
)}
</section>`;
}

// ---- schemas --------------------------------------------------------------------------------

function schemaSection(ctx: Ctx, names: string[], title: string, asPage = false): Html {
  const byName = new Map(ctx.ref.model.schemas.map((s) => [s.name, s]));
  return html`<section class="prose" id="${asPage ? 'schemas-list' : 'schemas'}">
<h2>${title}</h2>
${join(
  names.map((n) => schemaHtml(ctx, n, byName.get(n)!.schema)),
  '\n',
)}
</section>`;
}

function schemaHtml(ctx: Ctx, name: string, at: SchemaAt): Html {
  const { ref } = ctx;
  const anchor = ref.schemaAnchor.get(name)!;
  const owner = ctx.plan.owned.get(name);
  const view = ref.reader.view(at);
  const where = html`the schema ${name}`;
  const notes = notesFor(ctx, view.notes, where);
  const head = html`<h3><a href="#${anchor}">${name}</a>${view.deprecated ? html` <span class="badge badge-deprecated">deprecated</span>` : ''}${notes.badges}</h3>
<p class="meta">Type: ${typeHtml(ctx, typeOf(ref.reader, view, at, true))}${view.title && view.title !== name ? html` · ${view.title}` : ''}</p>
${renderMarkdown(view.description, 3)}
${notes.boxes}
${extensionsHtml(view.extensions)}`;
  if (owner) {
    // described where it is used: the one operation whose whole request or response it is
    const where = relativeHref(ctx.page, ref.pageOfOp.get(owner.op.id)!) + '#' + owner.id;
    return html`<section class="schema" id="${anchor}">
${head}
<p class="uses">The ${owner.what} of <a href="${hrefOp(ctx, owner.op.id)}">${owner.op.summary ?? owner.op.id}</a>: <a href="${where}">its fields</a> are listed there.</p>
</section>`;
  }
  const table = fieldTable(ref.reader, at, { expandNamed: false });
  const users = ref.usedByOps.get(name) ?? [];
  const schemaUsers = ref.usedBySchemas.get(name) ?? [];
  const max = 40;
  const opLinks = users.slice(0, max).map((u) => html`<a href="${hrefOp(ctx, u.op.id)}">${u.op.id}</a>${u.direct ? '' : '*'}`);
  return html`<section class="schema" id="${anchor}">
${head}
${tableHtml(ctx, table, anchor, where)}
${users.length ? html`<p class="uses">Used by operations: ${join(opLinks, ', ')}${users.length > max ? ` and ${users.length - max} more` : ''}${users.some((u) => !u.direct) ? html` <span class="meta">(* through other schemas)</span>` : ''}</p>` : ''}
${schemaUsers.length ? html`<p class="uses">Used by schemas: ${join(schemaUsers.slice(0, max).map((n) => html`<a href="${hrefSchema(ctx, n)}">${n}</a>`), ', ')}${schemaUsers.length > max ? ` and ${schemaUsers.length - max} more` : ''}</p>` : ''}
${!users.length && !schemaUsers.length ? html`<p class="uses meta">Not used by any operation.</p>` : ''}
</section>`;
}

// ---- search index ---------------------------------------------------------------------------

/** One line per operation and schema: kind, API, name, method, path, summary, href (tab-separated). */
function searchIndex(refs: ApiReference[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n\u2028\u2029]+/g, ' ');
  const lines: string[] = [];
  for (const ref of refs) {
    const api = ref.model.info.title;
    for (const op of ref.model.operations) {
      const href = `${ref.pageOfOp.get(op.id)}#${ref.opAnchor.get(op.id)}`;
      lines.push(['op', api, op.id, op.method, op.path, op.summary ?? plainText(op.description, 120), href].map(clean).join('\t'));
    }
    for (const s of ref.model.schemas) {
      const href = `${ref.pageOfSchema.get(s.name)}#${ref.schemaAnchor.get(s.name)}`;
      const view = ref.reader.view(s.schema);
      lines.push(['schema', api, s.name, '', '', view.title ?? plainText(view.description, 120), href].map(clean).join('\t'));
    }
  }
  // JSON string literals are valid JavaScript; U+2028/2029 are gone above
  return `// Search index of the API reference (generated by oaskit). Loaded by assets/site.js.\nwindow.oaskitSearchIndex = [\n${lines.map((l) => '  ' + JSON.stringify(l)).join(',\n')}\n];\n`;
}
