// A spec written to break a code generator (test/client/fixtures/hostile.yaml): quotes, `*\/`,
// backticks, `${}`, newlines, U+2028, `</script>`, `__proto__`, reserved words in every name and
// text. The package must compile (generate.test.ts runs tsc) and do only what the spec describes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, generateInto, removeDir, scratchDir } from './helpers.ts';
import { json, startServer, type TestServer } from '../runtime/helpers.ts';

let dir: string;
let server: TestServer;
let client: string;
beforeAll(async () => {
  dir = scratchDir('hostile');
  await generateInto(join(fixtures, 'hostile.yaml'), dir);
  client = readFileSync(join(dir, 'client.ts'), 'utf8');
  server = await startServer((req, res) => {
    if (req.url.startsWith('/base/delete')) json(res, 200, { errors: [] });
    else if (req.url.startsWith('/base/proto')) res.writeHead(204).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"__proto__":"x","constructor":1}');
  });
});
afterAll(async () => {
  await server.close();
  removeDir(dir);
});

/** Every comment and every string of a file, as TypeScript's scanner sees them. */
function tokens(text: string): { comments: string[]; strings: string[]; identifiers: Set<string> } {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const comments: string[] = [];
  const strings: string[] = [];
  const identifiers = new Set<string>();
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t === ts.SyntaxKind.MultiLineCommentTrivia || t === ts.SyntaxKind.SingleLineCommentTrivia) comments.push(scanner.getTokenText());
    else if (t === ts.SyntaxKind.StringLiteral || t === ts.SyntaxKind.NoSubstitutionTemplateLiteral) strings.push(scanner.getTokenText());
    else if (t === ts.SyntaxKind.Identifier) identifiers.add(scanner.getTokenText());
  }
  return { comments, strings, identifiers };
}

describe('a hostile spec', () => {
  it('never lets spec text out of comments and string literals', () => {
    const { comments, strings, identifiers } = tokens(client);
    // the injected statements stay inside comments: none of their words became code
    for (const word of ['process', 'exit', 'pwned', 'window', 'globalThis', 'injected']) expect(identifiers.has(word), word).toBe(false);
    for (const c of comments) expect(c.slice(2, -2)).not.toContain('*/');
    expect(client).not.toMatch(/[\u2028\u2029]/);
    // string literals escape `<`, so no `</script>` even when the code ends up in a page
    for (const s of strings) expect(s).not.toContain('</');
    expect(strings.some((s) => s.includes('\\u003c/script>'))).toBe(true);
    // no reference URL given: no link at all, never one into a folder the package does not have
    expect(client).not.toContain('../docs/');
    expect(client).toContain('\\@param injected');
    expect(client).not.toMatch(/^\s*\*\s*@deprecated injected/m);
  });

  it('has no template literals or computed code built from the spec', () => {
    const source = ts.createSourceFile('client.ts', client, ts.ScriptTarget.Latest, true);
    const kinds = new Set<string>();
    const visit = (node: ts.Node) => {
      if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTaggedTemplateExpression(node)) kinds.add('template');
      if (ts.isCallExpression(node)) kinds.add('call:' + node.expression.getText(source));
      ts.forEachChild(node, visit);
    };
    visit(source);
    // buildClient, and the lazy import of the validators (a fixed specifier)
    expect([...kinds].sort()).toEqual(['call:buildClient', 'call:import']);
  });

  it('sends requests only where the spec says, with parameter values encoded', async () => {
    const mod = (await import(join(dir, 'index.ts'))) as Record<string, (o: object) => Record<string, Record<string, (i?: object) => Promise<unknown>>>>;
    const c = mod.createHostileClient!({ baseUrl: server.url + '/base', apiKeyScheme: 'k"*/' });
    expect(Object.keys(c).sort()).toEqual(['constructor_', 'delete_', 'proto']);
    expect(Object.keys(c.proto!).sort()).toEqual(['proto', 'toString']);
    const got = await c.constructor_!.getItemProcessExit1Script!({ path: { 'id*/': 'a/b', y: '${y}' }, query: { 'q"uote': 'a\'b', ['__proto__']: 'p' }, header: { constructor: 'c' } });
    expect(got).toEqual(JSON.parse('{"__proto__":"x","constructor":1}'));
    await c.proto!.proto!();
    await c.proto!.toString!();
    const report = (await (c.delete_!.delete_ as unknown as { batch(b: object): Promise<{ delivered: number }> }).batch({ 'ids*/': ['1', '2', '3'] })) as { delivered: number };
    expect(report.delivered).toBe(3);
    const [item, proto, toString, del1, del2] = server.requests;
    expect(item!.url).toBe('/base/items/a%2Fb/x%60$%24%7By%7D%60?q%22uote=a%27b&__proto__=p');
    expect(item!.headers["x-key`'*$|"]).toBe('k"*/');
    expect(item!.headers.constructor).toBe('c');
    expect([proto!.method, proto!.url, toString!.method, toString!.url]).toEqual(['GET', '/base/proto', 'POST', '/base/proto']);
    expect(JSON.parse(del1!.body)).toEqual({ 'ids*/': ['1', '2'], 'app"key': 'k"*/' });
    expect(JSON.parse(del2!.body)).toEqual({ 'ids*/': ['3'], 'app"key': 'k"*/' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});
