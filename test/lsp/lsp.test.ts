// The language server as an editor uses it: `oaskit lsp --stdio` in a child process, spoken to
// over JSON-RPC. Documents are opened and edited in the client (fixtures on disk are not touched).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, Diagnostic as LspDiagnostic, DocumentSymbol, Hover, Location, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, caret, find, repoRoot, uriOf } from './lsp-client.ts';

const petstore = join(repoRoot, 'test/lsp/fixtures/petstore/openapi.yaml');
const schemasFile = join(repoRoot, 'test/lsp/fixtures/petstore/schemas.yaml');
const orders = join(repoRoot, 'test/lsp/fixtures/json/openapi.json');
const appboy = join(repoRoot, 'spec/appboy.yaml');
const petText = readFileSync(petstore, 'utf8');

let client: LspClient;
let petUri: string;

beforeAll(async () => {
  client = await LspClient.start({ OASKIT_LSP_EXPENSIVE_DELAY_MS: '50' });
  petUri = client.open(petstore);
  await client.diagnostics(petUri, (p) => p.version === 1);
}, 30_000);

afterAll(async () => {
  await client?.stop();
});

/** Replace the document's text and wait for the diagnostics of that version that pass `test`. */
async function edit(uri: string, text: string, test: (d: { code?: unknown }[]) => boolean = () => true) {
  const version = client.change(uri, text);
  return (await client.diagnostics(uri, (p) => p.version === version && test(p.diagnostics))).diagnostics;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('diagnostics', () => {
  it('are empty for the fixture, then follow an edit into a broken state and back', async () => {
    expect((await client.diagnostics(petUri, (p) => p.version === 1)).diagnostics).toEqual([]);
    const broken = petText.replace("items:\n                  $ref: '#/components/schemas/Pet'", "items:\n                  $ref: '#/components/schemas/Pett'");
    expect(await edit(petUri, broken)).toEqual([
      {
        range: { start: { line: 19, character: 24 }, end: { line: 19, character: 51 } },
        severity: 1,
        code: 'ref-dangling',
        source: 'oaskit',
        message: '$ref "#/components/schemas/Pett" points to nothing: no "Pett" at /components/schemas; did you mean \'#/components/schemas/Pet\'?',
        data: { file: petstore, pointer: '/paths/~1pets/get/responses/200/content/application~1json/schema/items/$ref', suggestion: { text: '#/components/schemas/Pet', part: 'value' } },
      },
    ]);
    expect(await edit(petUri, petText)).toEqual([]);
  });

  it('report a YAML syntax error once, where it is, and the rest of the spec still checked', async () => {
    const { text, position } = caret(petText.replace('  title: Pet store\n', '  title: Pet store\n  |bad: [\n'));
    const diagnostics = await edit(petUri, text);
    expect(diagnostics.map((d) => d.code)).toContain('yaml-syntax');
    const first = diagnostics.find((d) => d.code === 'yaml-syntax')!;
    expect(first.range.start.line).toBeGreaterThanOrEqual(position.line);
    // a bad indent far from a dangling $ref: one syntax error, and the $ref is still reported
    const both = petText.replace('      summary: List the pets\n', '       summary: List the pets\n').replace("                $ref: 'schemas.yaml#/Error'\ncomponents:", "                $ref: 'schemas.yaml#/Eror'\ncomponents:");
    const found = await edit(petUri, both);
    expect(found.map((d) => [d.code, d.range.start.line, d.message])).toEqual([
      ['yaml-syntax', 7, 'Nested mappings are not allowed in compact mappings'],
      ['ref-dangling', 62, '$ref "schemas.yaml#/Eror" points to nothing: no "Eror" at /; did you mean \'schemas.yaml#/Error\'?'],
    ]);
    expect(await edit(petUri, petText)).toEqual([]);
  });

  it('report a missing required field at its object, an unknown one at its key', async () => {
    const text = petText.replace('  title: Pet store\n', '').replace('      summary: List the pets\n', '      summry: List the pets\n');
    expect((await edit(petUri, text)).map((d) => [d.code, d.range.start, d.message])).toEqual([
      ['oas-schema', { line: 1, character: 0 }, "/info must have required property 'title'"],
      ['oas-schema', { line: 7, character: 6 }, "/paths/~1pets/get has unknown property 'summry'; did you mean 'summary'?"],
    ]);
    expect(await edit(petUri, petText)).toEqual([]);
  });

  it('add the expensive rules (examples) after a pause, at the offending value', async () => {
    const text = petText.replace('              id: 7\n', '              id: seven\n');
    const diagnostics = await edit(petUri, text, (d) => d.some((x) => x.code === 'example-invalid'));
    expect(diagnostics).toEqual([
      { range: { start: { line: 30, character: 18 }, end: { line: 30, character: 23 } }, severity: 1, code: 'example-invalid', source: 'oaskit', message: 'example at /id must be an integer', data: { file: petstore, pointer: '/paths/~1pets/post/requestBody/content/application~1json/example/id' } },
    ]);
    expect(await edit(petUri, petText, (d) => d.length === 0)).toEqual([]);
  });

  it('cover the other files of the spec', async () => {
    const uri = client.open(schemasFile);
    const text = readFileSync(schemasFile, 'utf8').replace('      type: integer\n', '      type: intger\n');
    const diagnostics = await edit(uri, text, (d) => d.length > 0);
    expect(diagnostics.map((d) => [d.code, d.range.start])).toEqual([['oas-schema', { line: 8, character: 12 }]]);
    expect(diagnostics[0]!.message).toMatch(/^\/Error\/properties\/status\/type must be one of/);
    expect(await edit(uri, readFileSync(schemasFile, 'utf8'), (d) => d.length === 0)).toEqual([]);
    client.close(uri);
  });
});

describe('hover', () => {
  it('on a $ref: the resolved schema', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: petUri }, position: find(petText, "'#/components/schemas/Pet'", 3) });
    expect(hover.range).toEqual({ start: { line: 19, character: 24 }, end: { line: 19, character: 50 } });
    expect((hover.contents as { value: string }).value).toMatchInlineSnapshot(`
      "**Pet**: \`object\`

      A pet of the store.

      - \`id\` (required): \`integer (int64)\`
      - \`name\` (required): \`string\`
      - \`tag\`: \`string\`

      \`#/components/schemas/Pet\`"
    `);
  });

  it('on a $ref into another file', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: petUri }, position: find(petText, 'schemas.yaml#/Error', 3) });
    expect((hover.contents as { value: string }).value).toContain('**Error**: `object`\n\nA problem, as RFC 9457 describes it.');
  });

  it('on a keyword: what it means, and the schema it is in', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: petUri }, position: find(petText, 'minLength', 2) });
    expect((hover.contents as { value: string }).value).toBe('**minLength** (Schema): The shortest allowed string length.');
  });

  it('on a schema value: its type and constraints', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: petUri }, position: find(petText, 'maximum: 100', 10) });
    expect((hover.contents as { value: string }).value).toBe('`integer`\n\nminimum: `1` · maximum: `100`');
  });

  it('on an OpenAPI key', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: petUri }, position: find(petText, 'operationId: listPets', 1) });
    expect((hover.contents as { value: string }).value).toMatch(/^\*\*operationId\*\* \(Operation\): A unique name for the operation; generated code uses it\.\n\n---\n\n\*\*Generated client\*\* \(`@oaskit\/openapi`\): `client\.listPets\(input\)`/);
  });
});

describe('definition and references', () => {
  it('go from a $ref to its target, in the same file', async () => {
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: petUri }, position: find(petText, "'#/components/schemas/Pet'", 10) });
    expect(defs).toEqual([{ uri: petUri, range: { start: { line: 81, character: 4 }, end: { line: 81, character: 7 } } }]);
  });

  it('and across files', async () => {
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: petUri }, position: find(petText, 'schemas.yaml#/Error', 14) });
    expect(defs).toEqual([{ uri: uriOf(schemasFile), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } } }]);
  });

  it('find every $ref to a component (and its declaration)', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: petUri }, position: find(petText, '    Pet:', 5), context: { includeDeclaration: true } });
    expect(refs.map((r) => [r.range.start.line, r.range.start.character, r.range.end.character])).toEqual([
      [19, 24, 50],
      [28, 20, 46],
      [38, 22, 48],
      [56, 22, 48],
      [81, 4, 7],
    ]);
  });

  it('find the refs to a schema of another file, from that file', async () => {
    const text = readFileSync(schemasFile, 'utf8');
    const uri = client.open(schemasFile, text);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: find(text, 'Error:', 1), context: { includeDeclaration: false } });
    expect(refs.map((r) => [r.uri.split('/').pop(), r.range.start.line])).toEqual([]);
    // a fragment file's own keys are not components: references start from the refs
    const fromRef = await client.request<Location[]>('textDocument/references', { textDocument: { uri: petUri }, position: find(petText, 'schemas.yaml#/Error', 3), context: { includeDeclaration: true } });
    expect(fromRef.map((r) => [r.uri.split('/').pop(), r.range.start.line])).toEqual([
      ['openapi.yaml', 62],
      ['openapi.yaml', 79],
      ['schemas.yaml', 0],
    ]);
    client.close(uri);
  });
});

describe('completion', () => {
  it('offers $ref targets, schemas first where a schema is expected', async () => {
    const marked = petText.replace("            schema:\n              $ref: '#/components/schemas/Pet'\n            example:", "            schema:\n              $ref: '#/components/|'\n            example:");
    const { text, position } = caret(marked);
    client.change(petUri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position });
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
    expect(sorted).toEqual(['#/components/schemas/Pet', '#/components/parameters/Limit', '#/components/responses/Problem']);
    const pet = items.find((i) => i.label === '#/components/schemas/Pet')!;
    expect(pet.textEdit).toEqual({ range: { start: { line: 28, character: 21 }, end: { line: 28, character: 34 } }, newText: '#/components/schemas/Pet' });
  });

  it('offers the keys an operation may have, minus those it has', async () => {
    const marked = petText.replace('      operationId: showPet\n', '      operationId: showPet\n      |\n');
    const { text, position } = caret(marked);
    client.change(petUri, text);
    const labels = (await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position })).map((i) => i.label);
    expect(labels).toEqual(['tags', 'summary', 'description', 'externalDocs', 'parameters', 'requestBody', 'callbacks', 'deprecated', 'security', 'servers', 'x-']);
  });

  it('offers schema keywords matching a partial key, which they replace', async () => {
    const marked = petText.replace('          minLength: 1\n', '          minLength: 1\n          maxL|\n');
    const { text, position } = caret(marked);
    client.change(petUri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position });
    const max = items.find((i) => i.label === 'maxLength')!;
    expect(max.textEdit).toEqual({ range: { start: { line: position.line, character: 10 }, end: { line: position.line, character: 14 } }, newText: 'maxLength: ' });
    // filtered by what was typed
    expect(items.map((i) => i.label)).toEqual(['maxLength']);
  });

  it('offers the values of `in`', async () => {
    const marked = petText.replace('      in: query\n', '      in: q|\n');
    const { text, position } = caret(marked);
    client.change(petUri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position });
    expect(items.map((i) => i.label)).toEqual(['query']);
    const empty = caret(petText.replace('      in: query\n', '      in: |\n'));
    client.change(petUri, empty.text);
    const all = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position: empty.position });
    expect(all.map((i) => i.label)).toEqual(['query', 'header', 'path', 'cookie']);
    await edit(petUri, petText, (d) => d.length === 0);
  });

  it('inside an unclosed quote: the matching targets only, replacing exactly what was typed, the quote closed', async () => {
    const marked = petText.replace("            schema:\n              $ref: '#/components/schemas/Pet'\n            example:", "            schema:\n              $ref: '#/components/schemas/P|\n            example:");
    const { text, position } = caret(marked);
    client.change(petUri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position });
    expect(items.map((i) => i.label)).toEqual(['#/components/schemas/Pet']);
    // the range starts after the quote, at the typed prefix, and ends at the cursor
    expect(items[0]!.textEdit).toEqual({ range: { start: { line: 28, character: 21 }, end: position }, newText: "#/components/schemas/Pet'" });
    expect(applyEdits(text, [items[0]!.textEdit as TextEdit])).toBe(petText);
    // a prefix nothing matches: nothing
    const none = caret(petText.replace("              $ref: '#/components/schemas/Pet'\n            example:", "              $ref: '#/components/schemas/Zz|\n            example:"));
    client.change(petUri, none.text);
    expect(await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position: none.position })).toEqual([]);
  });

  it('offers the values of a schema `type` and `format`, filtered by what was typed', async () => {
    const typed = caret(petText.replace('        tag:\n          type: string\n', "        tag:\n          type: 'in|\n"));
    client.change(petUri, typed.text);
    const types = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position: typed.position });
    expect(types.map((i) => [i.label, (i.textEdit as TextEdit).newText])).toEqual([['integer', "integer'"]]);
    expect((types[0]!.textEdit as TextEdit).range).toEqual({ start: { line: typed.position.line, character: 17 }, end: typed.position });
    const format = caret(petText.replace('          format: int64\n', '          format: int|\n'));
    client.change(petUri, format.text);
    const formats = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position: format.position });
    expect(formats.map((i) => i.label)).toEqual(['int32', 'int64']);
  });

  it('offers status codes, media types and security scheme names', async () => {
    const status = caret(petText.replace("        '404':\n", "        4|\n        '404':\n"));
    client.change(petUri, status.text);
    const codes = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position: status.position });
    expect(codes.map((i) => i.label)).toEqual(['400', '401', '403', '409', '422', '429', '4XX']);
    const media = caret(petText.replace('          content:\n            application/json:\n              schema:\n                $ref: \'schemas.yaml#/Error\'\n', '          content:\n            application/json:\n              schema:\n                $ref: \'schemas.yaml#/Error\'\n            text/c|\n'));
    client.change(petUri, media.text);
    const types = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position: media.position });
    expect(types.map((i) => [i.label, (i.textEdit as TextEdit).newText])).toEqual([['text/csv', 'text/csv:\n              ']]);
    const secured = caret(
      petText.replace('      operationId: showPet\n', '      operationId: showPet\n      security:\n        - |\n') + '  securitySchemes:\n    apiKey:\n      type: apiKey\n      in: header\n      name: X-Key\n    bearer:\n      type: http\n      scheme: bearer\n',
    );
    client.change(petUri, secured.text);
    const schemes = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: petUri }, position: secured.position });
    expect(schemes.map((i) => i.label)).toEqual(['apiKey', 'bearer']);
    await edit(petUri, petText, (d) => d.length === 0);
  });

  it('works in JSON: keys and refs', async () => {
    const text = readFileSync(orders, 'utf8');
    const uri = client.open(orders, text);
    await client.diagnostics(uri, (p) => p.version === 1);
    const keyed = caret(text.replace('"minimum": 0\n', '"minimum": 0,\n            "max|"\n'));
    client.change(uri, keyed.text);
    const keys = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: keyed.position });
    const maximum = keys.find((i) => i.label === 'maximum')!;
    expect(maximum.textEdit).toEqual({ range: { start: { line: keyed.position.line, character: 12 }, end: { line: keyed.position.line, character: 17 } }, newText: '"maximum": ' });
    expect(keys.map((i) => i.label)).not.toContain('minimum');
    expect(keys.map((i) => i.label)).not.toContain('const'); // 3.0 has no const
    const reffed = caret(text.replace('"$ref": "#/components/schemas/Order"', '"$ref": "#/comp|"'));
    client.change(uri, reffed.text);
    const refs = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: reffed.position });
    expect(refs.map((i) => [i.label, i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : undefined])).toEqual([['#/components/schemas/Order', '"#/components/schemas/Order"']]);
    client.close(uri);
  });
});

describe('quick fixes', () => {
  /** The diagnostics of a text, then the quick fixes for those of one code. */
  async function fixesFor(text: string, code: string) {
    const diagnostics = (await edit(petUri, text, (d) => d.some((x) => x.code === code))) as LspDiagnostic[];
    const mine = diagnostics.filter((d) => d.code === code);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: petUri }, range: mine[0]!.range, context: { diagnostics: mine } });
    return { diagnostics, actions, apply: (title: string) => applyEdits(text, actions.find((a) => a.title === title)!.edit!.changes![petUri]!) };
  }

  it('did you mean, for a dangling $ref; or create the component it names', async () => {
    const text = petText.replace("items:\n                  $ref: '#/components/schemas/Pet'", "items:\n                  $ref: '#/components/schemas/Pett'");
    const { diagnostics, actions, apply } = await fixesFor(text, 'ref-dangling');
    expect(diagnostics.map((d) => d.message)).toEqual(['$ref "#/components/schemas/Pett" points to nothing: no "Pett" at /components/schemas; did you mean \'#/components/schemas/Pet\'?']);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([
      ["Change to '#/components/schemas/Pet'", 'quickfix', true],
      ["Create schemas component 'Pett'", 'quickfix', false],
    ]);
    expect(apply("Change to '#/components/schemas/Pet'")).toBe(petText);
    const created = apply("Create schemas component 'Pett'");
    expect(created).toBe(text.replace(/\n$/, '') + '\n    Pett:\n      type: object\n');
    expect(await edit(petUri, created)).toEqual([]);
  });

  it('did you mean, for an unknown key and a value out of an enumeration', async () => {
    const key = await fixesFor(petText.replace('      summary: List the pets\n', '      sumary: List the pets\n'), 'oas-schema');
    expect(key.actions.map((a) => a.title)).toEqual(["Change to 'summary'"]);
    expect(key.apply("Change to 'summary'")).toBe(petText);
    const value = await fixesFor(petText.replace('        name:\n          type: string\n', '        name:\n          type: strng\n'), 'oas-schema');
    expect(value.actions.map((a) => a.title)).toEqual(["Change to 'string'"]);
    expect(value.apply("Change to 'string'")).toBe(petText);
    const keyword = await fixesFor(petText.replace('          minLength: 1\n', '          minLenght: 1\n'), 'key-misspelt');
    expect(keyword.diagnostics.find((d) => d.code === 'key-misspelt')!.severity).toBe(2);
    expect(keyword.apply("Change to 'minLength'")).toBe(petText);
  });

  it('declare a missing path parameter', async () => {
    const text = petText.replace('    parameters:\n      - name: petId\n        in: path\n        required: true\n        schema:\n          type: integer\n', '');
    const { actions, apply } = await fixesFor(text, 'path-param-undeclared');
    expect(actions.map((a) => a.title)).toEqual(["Declare path parameter 'petId'"]);
    const fixed = apply("Declare path parameter 'petId'");
    expect(fixed).toContain("  /pets/{petId}:\n    parameters:\n      - name: petId\n        in: path\n        required: true\n        schema:\n          type: string\n    get:\n");
    expect(await edit(petUri, fixed)).toEqual([]);
  });

  it('remove an unused component', async () => {
    const text = petText.replace('  schemas:\n', '  schemas:\n    Unused:\n      type: object\n      properties:\n        a: { type: string }\n');
    const { actions, apply } = await fixesFor(text, 'component-unused');
    expect(actions.map((a) => a.title)).toEqual(["Remove unused component 'Unused'"]);
    expect(apply("Remove unused component 'Unused'")).toBe(petText);
  });

  it('a duplicate operationId points at the first one', async () => {
    const text = petText.replace('operationId: showPet', 'operationId: listPets');
    const diagnostics = (await edit(petUri, text, (d) => d.length > 0)) as LspDiagnostic[];
    const dup = diagnostics.find((d) => d.code === 'operation-id-duplicate')!;
    expect(dup.relatedInformation).toEqual([{ location: { uri: petUri, range: { start: { line: 7, character: 19 }, end: { line: 7, character: 27 } } }, message: "'listPets' first used by GET /pets" }]);
    await edit(petUri, petText, (d) => d.length === 0);
  });
});

describe('symbols', () => {
  it('outline a document: paths, operations, components', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: petUri } });
    const outline = (list: DocumentSymbol[] | undefined): unknown => list?.map((s) => (s.children?.length ? { [s.name + (s.detail ? ` (${s.detail})` : '')]: outline(s.children) } : s.name + (s.detail ? ` (${s.detail})` : '')));
    expect(outline(symbols)).toEqual([
      { paths: [{ '/pets': ['GET (listPets — List the pets)', 'POST (createPet)'] }, { '/pets/{petId}': ['GET (showPet)'] }] },
      { components: [{ parameters: ['Limit'] }, { responses: ['Problem'] }, { schemas: ['Pet'] }] },
    ]);
    const pets = symbols[0]!.children![0]!;
    expect(pets.selectionRange).toEqual({ start: { line: 5, character: 2 }, end: { line: 5, character: 7 } });
    expect(pets.range.start).toEqual({ line: 5, character: 2 });
  });

  it('find operations and components across open specs', async () => {
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'showp' });
    expect(found.map((s) => [s.name, s.containerName, s.location.range.start.line])).toEqual([['showPet', 'GET /pets/{petId}', 48]]);
    const pet = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Pet' });
    expect(pet.map((s) => s.name)).toEqual(['listPets', 'createPet', 'showPet', 'Pet']);
  });
});

describe('rename', () => {
  it('renames a component and every $ref to it', async () => {
    await edit(petUri, petText, (d) => d.length === 0);
    const prepared = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: petUri }, position: find(petText, "'#/components/schemas/Pet'", 23) });
    expect(prepared.placeholder).toBe('Pet');
    const result = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: petUri }, position: find(petText, "'#/components/schemas/Pet'", 23), newName: 'Animal' });
    const edits = result.changes![petUri]!;
    expect(edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText])).toEqual([
      [81, 4, 7, 'Animal'],
      [19, 46, 49, 'Animal'],
      [28, 42, 45, 'Animal'],
      [38, 44, 47, 'Animal'],
      [56, 44, 47, 'Animal'],
    ]);
    const renamed = applyEdits(petText, edits);
    expect(renamed).not.toMatch(/schemas\/Pet\b|^ {4}Pet:/m);
    expect(await edit(petUri, renamed, (d) => d.length === 0)).toEqual([]);
    await edit(petUri, petText, (d) => d.length === 0);
  });

  it('refuses a name OpenAPI does not allow, and what is not a component', async () => {
    await expect(client.request('textDocument/rename', { textDocument: { uri: petUri }, position: find(petText, '    Pet:', 5), newName: 'Bad Name' })).rejects.toThrow(/a component name may only hold letters, digits/);
    await expect(client.request('textDocument/prepareRename', { textDocument: { uri: petUri }, position: find(petText, 'schemas.yaml#/Error', 3) })).rejects.toThrow(/only components/);
  });
});

describe('files that are not OpenAPI', () => {
  it('docker-compose.yml: no completion, no diagnostics, no hover, even with a syntax error', async () => {
    const path = join(repoRoot, 'test/lsp/fixtures/other/docker-compose.yml');
    const text = readFileSync(path, 'utf8');
    const uri = client.open(path, text);
    expect((await client.diagnostics(uri, (p) => p.version === 1)).diagnostics).toEqual([]);
    const typed = caret(text + '  i|\n');
    client.change(uri, typed.text);
    expect(await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: typed.position })).toEqual([]);
    const top = caret(text + '|\n');
    client.change(uri, top.text);
    expect(await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: top.position })).toEqual([]);
    expect(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: find(text, 'services', 2) })).toBeNull();
    const version = client.change(uri, text + 'bad: [\n');
    expect((await client.diagnostics(uri, (p) => p.version === version)).diagnostics).toEqual([]);
    client.close(uri);
  });

  it("a new file of the project's spec/ folder is a spec being started: the document's keys", async () => {
    const path = join(repoRoot, 'spec/new-api.yaml');
    const typed = caret('op|\n');
    const uri = client.open(path, typed.text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: typed.position });
    expect(items.map((i) => i.label)).toEqual(['openapi']);
    client.close(uri);
  });
});

describe.skipIf(!existsSync(appboy))('spec/appboy.yaml', () => {
  it('opens without errors and is outlined', async () => {
    const uri = client.open(appboy);
    const published = await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    expect(published.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['paths', 'components']);
    expect(symbols[0]!.children!.length).toBeGreaterThan(10);
    client.close(uri);
  });

  it('the generated code one hover away: the client method of an operation, the type and validators of a schema; definition goes there', async () => {
    const text = readFileSync(appboy, 'utf8');
    const uri = client.open(appboy, text);
    await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    const post = find(text, '/users/track:\n    post:', 18);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: post });
    expect((hover.contents as { value: string }).value).toContain("**Generated client** (`@oaskit/appboy`): `client.userData.trackUsers(input)` → `Promise<…>`, on the client `createAppboyClient()` returns\n\nStandalone: `import { trackUsers } from '@oaskit/appboy'`, `trackUsers(config, input)` (operations.ts)\n\nTypes: `TrackUsersInput`, `TrackUsersResult` (client.ts) · `paths['/users/track']['post']` (schema.d.ts)");
    // every name the hover gives is exported by the generated package
    const generatedDir = join(repoRoot, 'generated/appboy');
    if (existsSync(generatedDir)) {
      expect(readFileSync(join(generatedDir, 'operations.ts'), 'utf8')).toMatch(/^export const trackUsers\b/m);
      expect(readFileSync(join(generatedDir, 'client.ts'), 'utf8')).toMatch(/^export type TrackUsersInput\b[^]*^export type TrackUsersResult\b/m);
    }
    const schemaKey = find(text, '\n  schemas:\n    CompanySecret:', 16);
    const schemaHover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: schemaKey });
    expect((schemaHover.contents as { value: string }).value).toContain("**Generated** (`@oaskit/appboy`): type `components['schemas']['CompanySecret']` (schema.d.ts, `CompanySecret`) · validators `validateCompanySecret`, `isCompanySecret` (validators.ts)");
    const generated = join(repoRoot, 'generated/appboy');
    if (existsSync(generated)) {
      const [method] = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: post });
      expect(method!.uri).toBe(uriOf(join(generated, 'client.ts')));
      const clientText = readFileSync(join(generated, 'client.ts'), 'utf8').split('\n');
      expect(clientText[method!.range.start.line]!.slice(method!.range.start.character, method!.range.end.character)).toBe('trackUsers');
      const [type] = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: schemaKey });
      expect(type!.uri).toBe(uriOf(join(generated, 'schema.d.ts')));
      expect(readFileSync(join(generated, 'schema.d.ts'), 'utf8').split('\n')[type!.range.start.line]).toMatch(/^ +CompanySecret: /);
    }
    client.close(uri);
  });
});
