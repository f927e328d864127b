// What the language server keeps from one version of a spec to the next (the chunked parse, the
// example verdicts, the model its `model` rule built) never changes what it reports: after every
// edit its diagnostics are those of a full analysis of the same text (diagnose(), nothing kept).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/core/diagnostic.ts';
import { diagnose } from '../../generator/diagnostics/diagnose.ts';
import { pathToUri } from '../../generator/lsp/files.ts';
import { LanguageService } from '../../generator/lsp/service.ts';
import { repoRoot } from './lsp-client.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function key(d: Diagnostic): string {
  return JSON.stringify([d.file, d.pointer ?? '', d.code, d.severity, d.message, d.atKey ?? false, d.related ?? [], d.suggestion ?? null, d.subject ?? null]);
}

/** A language service holding `path` open, and a check of its diagnostics against a full analysis. */
function session(path: string, text: string) {
  const service = new LanguageService();
  const uri = pathToUri(path);
  let version = 1;
  service.open(uri, text, version);
  const incremental = async () => {
    const a = (await service.project.analysis(path))!;
    const found = await a.expensiveSliced(() => false);
    return [...a.cheap(), ...found!].map(key).sort();
  };
  const full = async (t: string) => (await diagnose(path, { overlay: new Map([[path, t]]) })).diagnostics.map(key).sort();
  return {
    service,
    /** edit to `t`; returns the diagnostics after checking they are the full analysis' */
    async edit(t: string): Promise<string[]> {
      service.change(uri, t, ++version);
      const got = await incremental();
      expect(got).toEqual(await full(t));
      return got;
    },
    incremental,
  };
}

const spec = `openapi: 3.1.0
info:
  title: Verdicts
  version: 1.0.0
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - name: limit
          in: query
          schema:
            $ref: '#/components/schemas/Limit'
          example: 10
      responses:
        '200':
          description: the pets
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Pet'
              examples:
                two:
                  value:
                    - id: 1
                      name: Rex
                    - id: 2
                      name: Tom
                ref:
                  $ref: '#/components/examples/OnePet'
        default:
          description: an error
  /owners:
    get:
      operationId: listOwners
      description: the owners
      responses:
        '200':
          description: the owners
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Owner'
              example:
                name: Ann
                pet:
                  id: 3
        default:
          description: an error
components:
  examples:
    OnePet:
      value:
        - id: 4
          name: Kit
  schemas:
    Limit:
      type: integer
      maximum: 100
    Pet:
      type: object
      required: [id]
      properties:
        id:
          type: integer
        name:
          type: string
      example:
        id: 5
    Owner:
      type: object
      properties:
        name:
          type: string
        pet:
          $ref: '#/components/schemas/Pet'
`;

describe('example verdicts kept across versions', () => {
  it('are reused for what did not change, and a changed example, schema or ref target is checked again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oaskit-verdicts-'));
    dirs.push(dir);
    const path = join(dir, 'openapi.yaml');
    writeFileSync(path, spec);
    const s = session(path, spec);
    expect(await s.incremental()).toEqual([]);
    const verdicts = s.service.project.verdicts;
    const first = { ...verdicts.stats };
    expect(first.misses).toBeGreaterThan(0);

    // an edit elsewhere: every verdict kept
    let text = spec.replace('title: Verdicts', 'title: Verdicts kept');
    expect(await s.edit(text)).toEqual([]);
    expect(verdicts.stats.misses).toBe(first.misses);
    expect(verdicts.stats.hits).toBeGreaterThanOrEqual(first.misses);

    // a changed example value
    text = text.replace('name: Tom', 'name: 7');
    expect((await s.edit(text)).join('\n')).toMatch(/example-invalid.*must be a string/);
    // and back
    text = text.replace('name: 7', 'name: Tom');
    expect(await s.edit(text)).toEqual([]);

    // a changed schema, reached through refs: Pet's id becomes a string, every example of a pet is wrong
    text = text.replace(/( {4}Pet:\n {6}type: object\n {6}required: \[id\]\n {6}properties:\n {8}id:\n {10}type:) integer/, '$1 string');
    const wrong = await s.edit(text);
    expect(wrong.filter((d) => d.includes('example-invalid')).length).toBeGreaterThanOrEqual(4);
    // a changed parameter schema, the example on the parameter unchanged
    text = text.replace('maximum: 100', 'maximum: 5');
    expect((await s.edit(text)).join('\n')).toMatch(/example-invalid.*must be <= 5/);
    // a ref retargeted, the schema holding it unchanged: Owner.pet now names Limit
    text = text.replace(/( {4}Pet:\n {6}type: object\n {6}required: \[id\]\n {6}properties:\n {8}id:\n {10}type:) string/, '$1 integer').replace('maximum: 5', 'maximum: 100');
    expect(await s.edit(text)).toEqual([]);
    text = text.replace("pet:\n          $ref: '#/components/schemas/Pet'", "pet:\n          $ref: '#/components/schemas/Limit'");
    expect((await s.edit(text)).join('\n')).toMatch(/example-invalid.*\/pet must be an integer/);
    // a broken ref, then fixed
    text = text.replace("$ref: '#/components/schemas/Limit'\n", "$ref: '#/components/schemas/LimitX'\n");
    expect((await s.edit(text)).join('\n')).toMatch(/ref-dangling/);
    text = spec;
    expect(await s.edit(text)).toEqual([]);
    expect(verdicts.stats.hits).toBeGreaterThan(first.misses * 3);
  });

  const appboy = join(repoRoot, 'spec/appboy.yaml');
  it.skipIf(!existsSync(appboy))('on spec/appboy.yaml, through the edits of bench:lsp, equal a full analysis', async () => {
    const original = readFileSync(appboy, 'utf8');
    const s = session(appboy, original);
    await s.incremental();
    const props = /\n( +)properties:\n/g;
    props.lastIndex = Math.floor(original.length / 3);
    const p = props.exec(original)!;
    const inner = p[1]! + '  ';
    const at = p.index + p[0].length;
    const added = `${inner}bench_added:\n${inner}  type: string\n${inner}  maxLength: 40\n`;
    const ref = /\$ref: '#\/components\/schemas\/([^']+)'/g;
    ref.lastIndex = Math.floor(original.length / 2);
    const r = ref.exec(original)!;
    const nameEnd = r.index + r[0].length - 1;
    const schemas = /\n( +)schemas:\n/.exec(original)!;
    const typedAt = schemas.index + schemas[0].length - 1;
    const typed = `\n${schemas[1]}  BenchTyped:\n${schemas[1]}    type: object\n${schemas[1]}    properties:\n${schemas[1]}      id:\n${schemas[1]}        type: string\n`;
    const texts = [
      original.slice(0, at) + added + original.slice(at),
      original.slice(0, nameEnd) + 'X' + original.slice(nameEnd),
      original,
      // an example made wrong: its first integer example replaced by a string
      original.replace(/(\n +example: )(\d+)\n/, '$1"n$2"\n'),
      original.slice(0, typedAt) + typed.slice(0, 40) + original.slice(typedAt),
      original.slice(0, typedAt) + typed + original.slice(typedAt),
      original,
    ];
    for (const t of texts) await s.edit(t);
    expect(s.service.project.verdicts.stats.hits).toBeGreaterThan(0);
  }, 120_000);
});
