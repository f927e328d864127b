// The docs emitters without a browser: safe Markdown and escaping (with a hostile spec), stable
// anchors, every operation and schema present, shell-safe curl samples, determinism.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assignAnchors, slug } from '../../generator/model/anchors.ts';
import { html, isSafeUrl, trusted } from '../../generator/emit/docs/html.ts';
import { renderMarkdown } from '../../generator/emit/docs/markdown.ts';
import { buildReference, relativeHref, type ApiReference } from '../../generator/emit/docs/reference.ts';
import { renderPackageReadme } from '../../generator/emit/package/readme.ts';

/** The package README: a usage guide now (the reference is the site). */
const renderReadme = (model: ApiModel) => renderPackageReadme(model, {});
import { parseProvenance } from '../../generator/model/provenance.ts';
import { buildSite, pageBudget, renderSite } from '../../generator/emit/docs/render-html.ts';
import { exampleHtml, factsHtml } from '../../generator/emit/docs/html-blocks.ts';
import { formatWeight, siteWeight } from '../../generator/emit/docs/weights.ts';
import { shellWord, tsLiteral, tsString } from '../../generator/emit/docs/samples.ts';
import { fieldTable } from '../../generator/emit/docs/schema-view.ts';
import { emitSite } from '../../generator/pipeline/pipeline.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { curlSamples, fixtureSpecs, modelsOf, realSpecs } from './support.ts';

const [shop, hostile] = await modelsOf(fixtureSpecs);
const fixtures = [shop!, hostile!];
const site = renderSite(fixtures);
const page = (path: string) => site.find((f) => f.path === path)!.contents;

describe('markdown is rendered safely', () => {
  const cases: [string, { given: string; has?: string[]; not: RegExp[] }][] = [
    ['a script element stays text', { given: '<script>alert(1)</script>', has: ['&lt;script&gt;'], not: [/<script/i] }],
    ['an event handler attribute stays text', { given: '<img src=x onerror="alert(1)">', has: ['&lt;img'], not: [/<img/i, /<[^>]*\sonerror=/i] }],
    ['a javascript: link is not a link', { given: '[x](javascript:alert(1))', not: [/href="javascript/i, /<a /] }],
    ['an entity-encoded javascript: link is not a link', { given: '[x](&#106;avascript:alert(1))', not: [/href="javascript/i, /<a /] }],
    ['an escaped colon does not sneak a scheme in', { given: '[x](javascript\\:alert(1))', not: [/href="javascript/i, /<a /] }],
    ['an autolink to javascript: is not a link', { given: '<javascript:alert(1)>', not: [/<a /] }],
    ['a data: link is not a link', { given: '[x](data:text/html;base64,PHNjcmlwdD4=)', not: [/href="data/i] }],
    ['an image never loads (no request to another host)', { given: '![t](https://evil.example/p.png)', not: [/<img/i, /src=/i] }],
    ['https, mailto, relative and fragment links are kept', { given: '[a](https://e.com) [b](mailto:x@e.com) [c](other.html) [d](#op-x)', has: ['href="https://e.com"', 'href="mailto:x@e.com"', 'href="other.html"', 'href="#op-x"', 'rel="noopener noreferrer nofollow"'], not: [] }],
    ['table alignment becomes a class, not a style (strict CSP)', { given: '| a | b |\n| :- | -: |\n| 1 | 2 |', has: ['class="align-left"', 'class="align-right"'], not: [/style=/] }],
    ['headings sit below the page outline', { given: '# Title', has: ['<h4>'], not: [/<h1/] }],
    ['code blocks can be focused to scroll', { given: '```\n<b>x</b>\n```', has: ['<pre tabindex="0">', '&lt;b&gt;'], not: [/<b>/] }],
  ];
  it.each(cases)('%s', (_name, { given, has = [], not }) => {
    const out = renderMarkdown(given).value;
    for (const h of has) expect(out).toContain(h);
    for (const n of not) expect(out).not.toMatch(n);
  });

  it('allows only http(s), mailto, relative and fragment URLs', () => {
    for (const ok of ['https://a.b', 'http://a', 'mailto:x@y', '/x', 'x.html', '#a', '?q=1']) expect(isSafeUrl(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', ' JavaScript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'java\tscript:x', '\\\\evil']) expect(isSafeUrl(bad), bad).toBe(false);
  });

  it('escapes every interpolated string in html``, keeps trusted markup', () => {
    // in an attribute every special character is escaped; in element content &, < and > are enough
    expect(html`<p title="${'"><x>'}">${"<b>'&\""}</p>${trusted('<br>')}`.value).toBe('<p title="&quot;&gt;&lt;x&gt;">&lt;b&gt;\'&amp;"</p><br>');
    expect(html`<a href='${"'x"}' class=${'a"'}>${'"'}</a>`.value).toBe(`<a href='&#39;x' class=a&quot;>"</a>`);
    // the context is read from the template's own text: quotes and `>` inside attribute values count
    expect(html`<p title="a>b" data-x='${'"\''}'>${'"'}</p>`.value).toBe(`<p title="a>b" data-x='&quot;&#39;'>"</p>`);
    expect(html`<!doctype html><title>${'"'}</title><p>a > b ${'"'}</p><i class=${'"'}>`.value).toBe('<!doctype html><title>"</title><p>a > b "</p><i class=&quot;>');
  });
});

describe('the hostile spec', () => {
  const pages = site.filter((f) => f.path.endsWith('.html'));

  it('puts no script, no event handler, no unsafe URL and no inline style in any page', () => {
    for (const f of pages) {
      const tags = f.contents.match(/<[a-zA-Z][^>]*>/g) ?? [];
      for (const tag of tags) {
        expect(tag, f.path).not.toMatch(/\son[a-z]+\s*=/i);
        expect(tag, f.path).not.toMatch(/\sstyle\s*=/i);
        expect(tag, f.path).not.toMatch(/^<(img|iframe|object|embed|svg|style|form|base|meta http-equiv="refresh")/i);
        const href = /\s(?:href|src)="([^"]*)"/.exec(tag)?.[1];
        if (href !== undefined) expect(isSafeUrl(href.replace(/&amp;/g, '&')), `${f.path}: ${tag}`).toBe(true);
      }
      const scripts = f.contents.match(/<script\b[^>]*>/gi) ?? [];
      expect(scripts, f.path).toEqual([`<script src="${f.path.includes('/') ? '../' : ''}assets/site.js" defer>`]);
      expect(f.contents, f.path).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`);
    }
  });

  it('shows the hostile text as text', () => {
    const h = page('hostile.html');
    expect(h).toContain(`<title>&lt;script&gt;window.__pwned = 'title'&lt;/script&gt; Hostile "API" &amp; 'co' · API reference</title>`);
    expect(h).toContain(`&lt;script&gt;window.__pwned = 'title'&lt;/script&gt;`);
    expect(h).toContain('&lt;img src=x onerror=');
    expect(h).not.toContain('window.__pwned = \'title\'</script>');
  });

  it('keeps the search index free of line terminators that would break the script', () => {
    const index = site.find((f) => f.path === 'search-index.js')!.contents;
    expect(index).not.toMatch(/[\u2028\u2029]/);
    const entries = new Function('window', `${index}; return window.oaskitSearchIndex;`)({}) as string[];
    expect(entries.length).toBe(fixtures.reduce((n, m) => n + m.operations.length + m.schemas.length, 0));
  });

  it('writes a README with no raw HTML from the spec', () => {
    const md = renderReadme(hostile!);
    const outsideCode = md.replace(/(`{3,})[\s\S]*?\1/g, '').replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/<[a-z!/]/i);
    expect(outsideCode).not.toMatch(/\]\(\s*javascript:/i);
  });

  it('quotes every curl sample for the shell: run through bash, the arguments come back exactly', () => {
    for (const model of fixtures) {
      for (const s of curlSamples(model)) {
        // a `curl` function that prints its arguments NUL-separated; credentials come from the env
        const script = `curl() { printf '%s\\0' "$@"; }\n${s.code}\n`;
        const out = execFileSync('bash', ['-c', script], { env: { PATH: process.env.PATH, HOME: '/nonexistent', SHOP_SHOP_KEY: 'K', SHOP_APP_ID: 'A', SHOP_USERNAME: 'U', SHOP_PASSWORD: 'P', HOSTILE_HOSTILE_KEY: 'H' } }).toString();
        const args = out.split('\0').slice(0, -1);
        expect(args.length, s.opId).toBeGreaterThan(0);
        const data = args.indexOf('--data');
        const op = model.operations.find((o) => o.id === s.opId)!;
        const example = op.requestBody?.content.find((m) => m.contentType.includes('json'))?.examples[0]?.value as Record<string, unknown> | undefined;
        if (data >= 0 && example) {
          const sent = JSON.parse(args[data + 1]!) as Record<string, unknown>;
          const expected = JSON.parse(JSON.stringify(example)) as Record<string, unknown>;
          if ('app_id' in expected) expected.app_id = 'A';
          expect(sent, s.opId).toEqual(expected);
        }
      }
    }
  });

  it('prints TypeScript literals that cannot break out of their string', () => {
    expect(tsString("a'b\\c\u2028\n")).toBe("'a\\'b\\\\c\\u2028\\n'");
    expect(tsLiteral({ __proto__x: 1, 'a-b': [1, 'x'], ['__proto__']: { p: true } })).toContain("['__proto__']: { p: true }");
    expect(shellWord([{ lit: "it's" }])).toBe("'it'\\''s'");
    expect(shellWord([{ env: 'A' }, { lit: ':' }, { env: 'B' }])).toBe('"$A:$B"');
    expect(shellWord([{ lit: 'X: ' }, { env: 'A' }, { lit: '$(x)' }])).toBe(`'X: '"$A"'$(x)'`);
  });
});

describe('anchors', () => {
  it.each([
    ['listPets', 'listPets'],
    ['repos/get-content', 'repos-get-content'],
    ['get "thing" <script>', 'get-thing-script'],
    ['Ünïcödé name', 'Unicode-name'],
    ['***', 'x'],
  ])('slug(%j) is %j', (given, want) => expect(slug(given)).toBe(want));

  it('keeps clean names as they are and numbers the ones that had to change', () => {
    expect(assignAnchors(['a b', 'a-b', 'c'], 'op-')).toEqual(['op-a-b-2', 'op-a-b', 'op-c']);
    // adding an odd name never renames a clean one
    expect(assignAnchors(['a-b', 'c'], 'op-')).toEqual(['op-a-b', 'op-c']);
    expect(assignAnchors(['Name', 'name'], '', new Set(), true)).toEqual(['name', 'name-2']);
  });

  it('gives the fixture operations `#op-<operationId>` and schemas `#schema-<Name>`', () => {
    const ref = buildReference(shop!, 'shop');
    expect(shop!.operations.map((o) => ref.opAnchor.get(o.id))).toEqual(shop!.operations.map((o) => `op-${o.id}`));
    expect(ref.opAnchor.get('getHealth')).toBe('op-getHealth');
    expect(ref.schemaAnchor.get('Category')).toBe('schema-Category');
    const h = buildReference(hostile!, 'hostile');
    expect([...h.opAnchor.values()]).toEqual(['op-get-thing-script-2', 'op-get-thing-script', 'op-__proto__']);
    expect([...h.schemaAnchor.values()]).toEqual(['schema-Weird-Name-1', 'schema-weird-name-1']);
  });

  it('links between pages with relative paths', () => {
    expect(relativeHref('a.html', 'a.html')).toBe('');
    expect(relativeHref('a.html', 'a/b.html')).toBe('a/b.html');
    expect(relativeHref('a/b.html', 'a.html')).toBe('../a.html');
    expect(relativeHref('a/schemas/c.html', 'a/b.html')).toBe('../b.html');
  });
});

function expectComplete(models: ApiModel[]) {
  const { files, refs } = buildSite(models);
  for (const [i, model] of models.entries()) {
    const ref = refs[i]!;
    const ids = (path: string) => new Set([...(files.find((f) => f.path === path)?.contents ?? '').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const op of model.operations) {
      expect(ids(ref.pageOfOp.get(op.id)!).has(ref.opAnchor.get(op.id)!), `${model.name} ${op.id}`).toBe(true);
      expect(ids(ref.overview).has(ref.opAnchor.get(op.id)!), `${model.name} ${op.id} on ${ref.overview}`).toBe(true);
    }
    for (const s of model.schemas) expect(ids(ref.pageOfSchema.get(s.name)!).has(ref.schemaAnchor.get(s.name)!), `${model.name} ${s.name}`).toBe(true);
    for (const op of model.operations) {
      const a = ref.opAnchor.get(op.id)!;
      const html = files.find((f) => f.path === ref.pageOfOp.get(op.id))!.contents;
      const section = html.slice(html.indexOf(`<section class="op" id="${a}">`));
      const body = section.slice(0, section.indexOf('</section>'));
      for (const r of op.responses) expect(body, `${op.id} ${r.status}`).toContain(`>${r.status}</span>`);
      for (const p of op.parameters) expect(body, `${op.id} ${p.name}`).toMatch(new RegExp(`<code>${escapeRe(escapeHtmlText(p.name))}</code>`));
      expect(body).toContain('language-shell');
      expect(body).toContain('language-ts');
    }
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeHtmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Every x-oaskit-note and x-oaskit-evidence text (a string or each item of a list) written anywhere
 * in a document is shown where it is written: a note of an operation (or of its parameters,
 * responses, fields) inside that operation's section; one of a component schema in the schema's
 * section or in an operation that uses it; one of a shared response or parameter in its section or
 * an operation that uses it; anything else on one of the API's pages. Labelled texts show their
 * statement (the kind and sources are the badge and the box's label). Returns how many texts were
 * counted and found.
 */
function expectNotesShown(models: ApiModel[]): { texts: number; shown: number; guesses: number } {
  const { files, refs } = buildSite(models);
  const pages = files.filter((f) => f.path.endsWith('.html'));
  /** the HTML of the section with this id, on whichever page of the API has it */
  const section = (id: string, ref: ApiReference): string => {
    for (const f of pages.filter((p) => p.path === ref.overview || p.path.startsWith(ref.folder + '/'))) {
      const m = new RegExp(`<section[^>]* id="${id}"`).exec(f.contents);
      if (m) return f.contents.slice(m.index, f.contents.indexOf('</section>', m.index));
    }
    return '';
  };
  const missing: string[] = [];
  let texts = 0;
  let guesses = 0;
  for (const [i, m] of models.entries()) {
    const ref = refs[i]!;
    const api = pages.filter((f) => f.path === ref.overview || f.path.startsWith(ref.folder + '/')).map((f) => f.contents).join('\n');
    const opAt = (path: string, method?: string) => m.operations.filter((o) => o.path === path && (method === undefined || o.method === method));
    const document = parse(readFileSync(m.source, 'utf8')) as Record<string, unknown>;
    const opsUsing = (pointer: string) => m.operations.filter((o) => JSON.stringify((document.paths as Record<string, unknown> | undefined)?.[o.path]).includes(`"${pointer}"`));
    const where = (pointer: string): string[] => {
      const seg = pointer.split('/').slice(1).map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
      if (seg[0] === 'paths') return opAt(seg[1]!, ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(seg[2]!) ? seg[2] : undefined).map((o) => section(ref.opAnchor.get(o.id)!, ref));
      if (seg[0] === 'components' && seg[1] === 'schemas') {
        const name = seg[2]!;
        return [section(ref.schemaAnchor.get(name)!, ref), ...(ref.usedByOps.get(name) ?? []).map((u) => section(ref.opAnchor.get(u.op.id)!, ref))];
      }
      if (seg[0] === 'components' && (seg[1] === 'responses' || seg[1] === 'parameters')) {
        const shared = seg[1] === 'responses' ? ref.sharedResponses.get(seg[2]!) : undefined;
        return [...(shared ? [section(shared.anchor, ref)] : []), ...opsUsing(`#/components/${seg[1]}/${seg[2]}`).map((o) => section(ref.opAnchor.get(o.id)!, ref))];
      }
      return [api];
    };
    const check = (text: string, pointer: string, extension: string) => {
      texts++;
      const p = parseProvenance(text, extension);
      if (p?.kind === 'guess') guesses++;
      const shown = renderMarkdown(p ? p.text : text, 5).value.replace(/^<p>|<\/p>$/g, '');
      if (!where(pointer).some((h) => h.includes(shown))) missing.push(`${m.name} ${pointer}/${extension}`);
    };
    const walk = (v: unknown, pointer: string) => {
      if (Array.isArray(v)) v.forEach((x, j) => walk(x, `${pointer}/${j}`));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          const texts = k === 'x-oaskit-note' || k === 'x-oaskit-evidence' ? (typeof x === 'string' ? [x] : Array.isArray(x) && x.every((t) => typeof t === 'string') ? (x as string[]) : []) : [];
          if (texts.length) for (const t of texts) check(t, pointer, k);
          else walk(x, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        }
    };
    walk(document, '');
  }
  expect(missing).toEqual([]);
  return { texts, shown: texts - missing.length, guesses };
}

/** A package README links nowhere inside the package: only to the published reference, when known. */
function expectReadmeLinksResolve(model: ApiModel) {
  const md = renderReadme(model);
  expect([...md.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!).filter((href) => !/^https?:\/\//.test(href))).toEqual([]);
  const linked = renderPackageReadme(model, { referenceUrl: 'https://docs.example.com/api.html' });
  expect(linked).toContain('](https://docs.example.com/api.html)');
}

describe('completeness', () => {
  it('has every operation (with its parameters, responses and samples) and every schema of the fixtures', () => {
    expectComplete(fixtures);
  });

  it('shows every x-oaskit-note and x-oaskit-evidence of the fixtures where it is written, and the READMEs link only to the published reference', () => {
    const { texts, shown } = expectNotesShown([shop!]);
    expect(texts).toBe(12);
    expect(shown).toBe(texts);
    for (const m of fixtures) expectReadmeLinksResolve(m);
  });

  it('shows every x-oaskit-note and x-oaskit-evidence text of spec/*.yaml where it is written (counted)', async (ctx) => {
    const real = await realSpecs();
    if ('skip' in real) return ctx.skip(real.skip);
    const { texts, shown } = expectNotesShown(real.models);
    console.log(`notes and evidence of spec/*.yaml shown in the reference: ${shown} of ${texts}`);
    // the audit of issue 17 counted 131 texts in the two specs
    expect(texts).toBeGreaterThanOrEqual(131);
    expect(shown).toBe(texts);
    for (const m of real.models) expectReadmeLinksResolve(m);
  });

  it('has every operation and schema of spec/*.yaml', async (ctx) => {
    const real = await realSpecs();
    if ('skip' in real) {
      console.log(`completeness of spec/ skipped: ${real.skip}`);
      return ctx.skip(real.skip);
    }
    expectComplete(real.models);
  });

  it('lists recursive schemas without looping, and alternatives as options', () => {
    const ref = buildReference(shop!, 'shop');
    const category = shop!.schemas.find((s) => s.name === 'Category')!;
    const rows = fieldTable(ref.reader, category.schema, { expandNamed: true, budget: 200 }).rows;
    expect(rows.map((r) => r.name)).toEqual(['id', 'name', 'parent']);
    expect(rows[2]!.stop).toBe('recursive');
    const newPet = shop!.schemas.find((s) => s.name === 'NewPet')!;
    const petRows = fieldTable(ref.reader, newPet.schema, { expandNamed: true, budget: 200 }).rows;
    expect(petRows.map((r) => `${r.prefix}${r.name}`)).toEqual([
      'name',
      'tags',
      'kind',
      'kind.option 1 of 2',
      'kind.type',
      'kind.indoor',
      'kind.option 2 of 2',
      'kind.type',
      'kind.barks',
      'category',
      'category.id',
      'category.name',
      'category.parent',
      'price',
      'price.option 1 of 2',
      'price.option 2 of 2',
    ]);
  });
});

describe('reading the reference', () => {
  const shopPage = page('shop.html');
  /** the HTML of an element with this id, up to the end of the section that holds it */
  const sectionOf = (html: string, id: string) => {
    const at = html.indexOf(`id="${id}"`);
    expect(at, id).toBeGreaterThan(0);
    return html.slice(html.lastIndexOf('<', at), html.indexOf('</section>', at));
  };

  it('puts the samples and example responses of each operation beside it, highlighted at build time', () => {
    for (const op of shop!.operations) {
      const section = sectionOf(shopPage, `op-${op.id}`);
      const [doc, code] = section.split('<div class="op-code">');
      expect(doc, op.id).toContain('<div class="op-doc">');
      expect(code, op.id).toMatch(/<code class="language-shell"><i class=t>curl<\/i>/);
      expect(code, op.id).toMatch(/<code class="language-ts"><i class=k>import<\/i>/);
      // every example of the operation's own responses is in the code column, not in the description
      for (const r of op.responses.filter((x) => !x.refName)) {
        for (const e of r.content.flatMap((m) => m.examples)) {
          expect(code, `${op.id} ${r.status}`).toContain(`<span class="status status-${r.status[0]}">${r.status}</span>`);
          expect(doc).not.toContain(JSON.stringify(e.value).slice(0, 20));
        }
      }
    }
  });

  it('shows one level of fields and folds the deeper ones into <details>, each with an id to link to', () => {
    const body = sectionOf(shopPage, 'op-createPet-body');
    // top level: name, tags, kind, category, price; `kind` has two options, folded, with an id
    expect(body).toContain('<li id="op-createPet-body__kind"><a href="#op-createPet-body__kind"><code>kind</code></a>');
    const kind = body.slice(body.indexOf('id="op-createPet-body__kind"'));
    expect(kind).toMatch(/^id="op-createPet-body__kind">[\s\S]*?<details><summary>2 options<\/summary><ul class="fields">\n<li><span class="opt">option 1 of 2<\/span> <small><a href="#schema-Cat">Cat<\/a><\/small><\/li>/);
    // no top-level field sits inside a <details>: the list before `kind` has none
    expect(body.slice(0, body.indexOf('id="op-createPet-body__kind"'))).not.toContain('<details>');
    // ids are unique on every page, and every `href="#…"` has its id
    for (const f of site.filter((x) => x.path.endsWith('.html'))) {
      const ids = [...f.contents.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, f.path).toBe(ids.length);
      for (const m of f.contents.matchAll(/href="#([^"]+)"/g)) expect(ids, `${f.path} #${m[1]}`).toContain(m[1]);
    }
  });

  it('folds long lists of values and long examples', () => {
    const many = Array.from({ length: 12 }, (_, i) => JSON.stringify(`v${i}`));
    expect(factsHtml([{ label: 'one of', code: many }]).value).toBe(`<dl class="facts"><dt>one of</dt><dd><details><summary>12 values</summary>${many.map((c) => `<code>${c}</code>`).join(' ')}</details></dd></dl>`);
    expect(factsHtml([{ label: 'one of', code: many.slice(0, 3) }]).value).not.toContain('<details>');
    const long = { name: 'big', value: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i])), loc: { file: 'x', pointer: '' } };
    expect(exampleHtml(long, 'Example').value).toMatch(/^<details class="example"><summary class="example-title">Example <code>big<\/code> <span class="meta">\(32 lines\)<\/span><\/summary>/);
    expect(exampleHtml({ ...long, value: { a: 1 } }, 'Example').value).toMatch(/^<div class="example">/);
  });

  it('shows where each statement comes from: a badge on operations, parameters, fields, responses and schemas', () => {
    const badge = (kind: string, text: string) => `<span class="pv pv-${kind}">${text}</span>`;
    const h3 = (id: string) => sectionOf(shopPage, id).split('</h3>')[0]!;
    expect(h3('op-placeOrder')).toContain(badge('document', 'Document: SEED orders guide') + ' ' + badge('guess', 'Guess'));
    expect(sectionOf(shopPage, 'op-listPets')).toMatch(new RegExp(`<li><code>limit</code> <small>integer</small> ${badge('decision', 'Decision: SEED guide; SEED changelog').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(sectionOf(shopPage, 'op-createPet-415').split('</h5>')[0]).toContain(badge('guess', 'Guess'));
    expect(h3('schema-Tree')).toContain(badge('decision', 'Decision: SEED tree page; SEED orders guide'));
    expect(h3('response-TooManyRequests')).toContain(badge('document', 'Document: SEED guide'));
    expect(sectionOf(shopPage, 'op-placeOrder-body')).toContain(`<li><code>note</code> <small>string | null</small> ${badge('guess', 'Guess')}`);
    // the box under it says the kind, the sources and the statement, without the label's words
    expect(shopPage).toContain('<div class="note note-decision"><p class="note-label">Decision <span class="note-sources">(SEED guide; SEED changelog)</span></p><p>the guide says at most 100');
    // a text without a kind is shown as before
    expect(shopPage).toContain('<div class="note note-note"><p class="note-label">Note</p><p>Categories are recursive');
  });

  it('lists every guess, each linked to where it is written', () => {
    const list = sectionOf(shopPage, 'guesses');
    const items = list.match(/<li>[\s\S]*?<\/li>/g) ?? [];
    expect(items.map((i) => /<p>(.*?)<\/p>/.exec(i)![1])).toEqual(['a body that is not JSON is refused with 415.', 'the multipart form takes the fields of the JSON body.', 'the note is shown to the courier.']);
    for (const item of items) {
      const statement = /<p>(.*?)<\/p>/.exec(item)![1]!;
      const links = [...item.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(0);
      for (const id of links) expect(shopPage).toMatch(new RegExp(`<div class="note note-guess" id="${id}"><p class="note-label">Guess</p><p>${statement.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    expect(shopPage).toContain('<li><a class="toc-group" href="#guesses">Guesses</a></li>');
    // the hostile fixture has no guess: no section, no link
    expect(page('hostile.html')).not.toContain('guesses');
  });

  it('keeps every page of spec/*.yaml under a third of what the Appboy page weighed as one page (721,709 bytes)', async (ctx) => {
    const real = await realSpecs();
    if ('skip' in real) return ctx.skip(real.skip);
    const weight = siteWeight(renderSite(real.models));
    console.log(`page weight of spec/*.yaml:\n${formatWeight(weight)}`);
    const third = Math.floor(721_709 / 3);
    expect(pageBudget).toBeLessThanOrEqual(third);
    const heavy = weight.pages.filter((p) => p.bytes > third).map((p) => `${p.path}: ${p.bytes} bytes`);
    expect(heavy).toEqual([]);
    expect(weight.pages.find((p) => p.path === 'appboy.html')!.bytes).toBeLessThanOrEqual(third);
  });

  it('splits an API only when its one page would be over the budget', () => {
    // the fixtures stay one page each; the large generated spec is split by its operation count
    expect(site.filter((f) => f.path.endsWith('.html')).map((f) => f.path)).toEqual(['hostile.html', 'index.html', 'shop.html']);
    expect(Buffer.byteLength(shopPage)).toBeLessThan(pageBudget);
  });
});

describe('determinism', () => {
  it('emits byte-identical files from a fresh load of the same specs', async () => {
    const again = await modelsOf(fixtureSpecs);
    const a = await emitSite(fixtures);
    const b = await emitSite(again);
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    for (let i = 0; i < a.length; i++) expect(b[i]!.contents, a[i]!.path).toBe(a[i]!.contents);
    expect(renderReadme(again[0]!)).toBe(renderReadme(fixtures[0]!));
  });
});
