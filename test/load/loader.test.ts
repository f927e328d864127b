// The loader's middle layer on small inputs: positions of pointers in YAML and JSON (keys and
// values, escaped segments, missing pointers), `$ref` resolution and its sandbox, and the
// structure walker that finds refs in files of any kind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../generator/load/source-file.ts';
import { forEachRef, Workspace } from '../../generator/load/workspace.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-load-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** `line:col` (1-based) and the text of the range `locate` gives. */
function at(path: string, text: string, pointer: string, part?: 'key' | 'value'): string {
  const f = parseSource(path, text);
  const r = f.locate(pointer, part);
  const p = f.position(r.start);
  return `${p.line}:${p.col} ${text.slice(r.start, r.end)}`;
}

const yaml = `openapi: 3.1.0
paths:
  /pets/{id}:
    get:
      summary: "quoted"
  a~b/c:
    x: [1, two]
`;
const json = `{
  "openapi": "3.1.0",
  "paths": {
    "/pets/{id}": { "get": { "summary": "quoted" } },
    "a~b/c": { "x": [1, "two"] }
  }
}`;

describe('positions', () => {
  const cases: [string, string, 'key' | 'value' | undefined, string, string][] = [
    ['a scalar value', '/openapi', undefined, '1:10 3.1.0', '2:14 "3.1.0"'],
    ['a key', '/openapi', 'key', '1:1 openapi', '2:3 "openapi"'],
    ['escaped slashes in a path key', '/paths/~1pets~1{id}/get/summary', undefined, '5:16 "quoted"', '4:41 "quoted"'],
    ['~0 and ~1 in one segment', '/paths/a~0b~1c/x/1', undefined, '7:12 two', '5:25 "two"'],
    ['a missing pointer falls back to its nearest ancestor', '/paths/a~0b~1c/nope', 'key', '6:3 a~b/c', '5:5 "a~b/c"'],
  ];
  for (const [name, pointer, part, inYaml, inJson] of cases) {
    it(`${name} (YAML)`, () => expect(at('s.yaml', yaml, pointer, part)).toBe(inYaml));
    it(`${name} (JSON)`, () => expect(at('s.json', json, pointer, part)).toBe(inJson));
  }

  it('pointerAt is the inverse of locate', () => {
    const f = parseSource('s.yaml', yaml);
    const r = f.locate('/paths/a~0b~1c/x/1');
    expect(f.pointerAt(r.start + 1)).toEqual({ pointer: '/paths/a~0b~1c/x/1', part: 'value' });
  });

  it('a syntax error is a positioned diagnostic, not an exception', () => {
    const f = parseSource('bad.yaml', 'a: [1, 2\nb: 3\n');
    expect(f.syntaxErrors.length).toBeGreaterThan(0);
    expect(f.syntaxErrors[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error', file: 'bad.yaml' });
    const j = parseSource('bad.json', '{"a": 1,, "b": 2}');
    expect(j.syntaxErrors.map((d) => d.code)).toContain('json-syntax');
  });
});

describe('refs and the sandbox', () => {
  const dir = folder({
    'api/openapi.yaml': 'openapi: 3.1.0\ncomponents:\n  schemas:\n    A: { $ref: "#/components/schemas/B" }\n    B: { type: string }\n    "x/y": { type: integer }\n',
    'api/sub/pet.yaml': 'Pet: { type: object }\nPercent: { type: "100%" }\n',
    'outside.yaml': 'Secret: { type: string }\n',
  });
  const ws = new Workspace(join(dir, 'api/openapi.yaml'));
  const root = ws.root.path;
  const resolve = (ref: string) => {
    const r = ws.resolveRef(root, ref);
    return r.ok ? `${r.target.loc.file.slice(dir.length + 1)}#${r.target.loc.pointer} ${JSON.stringify(r.target.value)}` : r.code;
  };
  const table: [string, string, string][] = [
    ['a local pointer', '#/components/schemas/B', 'api/openapi.yaml#/components/schemas/B {"type":"string"}'],
    ['an escaped segment', '#/components/schemas/x~1y', 'api/openapi.yaml#/components/schemas/x~1y {"type":"integer"}'],
    ['another file in a subfolder', 'sub/pet.yaml#/Pet', 'api/sub/pet.yaml#/Pet {"type":"object"}'],
    ['a percent-encoded file name', 'sub/p%65t.yaml#/Pet', 'api/sub/pet.yaml#/Pet {"type":"object"}'],
    ['a pointer to nothing', '#/components/schemas/Nope', 'ref-dangling'],
    ['a missing file', 'sub/nope.yaml', 'ref-not-found'],
    ['a parent folder', '../outside.yaml#/Secret', 'ref-unsafe'],
    ['a parent folder, percent-encoded', '%2e%2e/outside.yaml#/Secret', 'ref-unsafe'],
    ['an absolute path', join(dir, 'outside.yaml'), 'ref-unsafe'],
    ['a file: URL', 'file:///etc/passwd', 'ref-unsafe'],
    ['an http URL', 'http://127.0.0.1:1/x.yaml', 'ref-unsafe'],
    ['a protocol-relative URL', '//example.invalid/x.yaml', 'ref-unsafe'],
    ['a plain-name fragment', '#Pet', 'ref-unsupported'],
  ];
  for (const [name, ref, want] of table) it(name, () => expect(resolve(ref)).toBe(want));
});

describe('the structure walker finds refs, and only refs', () => {
  const refsOf = (value: unknown) => {
    const out: string[] = [];
    forEachRef(value, '', (ref, pointer) => out.push(`${pointer} ${ref}`));
    return out;
  };
  it('reads properties named like keywords as names, and example values as data', () => {
    const schema = {
      type: 'object',
      properties: { example: { $ref: '#/A' }, default: { $ref: '#/B' }, enum: { $ref: '#/C' } },
      example: { $ref: 'not-a-ref' },
      default: { $ref: 'not-a-ref' },
      enum: [{ $ref: 'not-a-ref' }],
      examples: [{ $ref: 'not-a-ref' }],
    };
    expect(refsOf(schema)).toEqual(['/properties/example #/A', '/properties/default #/B', '/properties/enum #/C']);
  });
  it('an Example object\'s value is data; a Responses object\'s `default` is a response', () => {
    const op = {
      responses: { default: { $ref: '#/components/responses/E' } },
      requestBody: { content: { 'application/json': { examples: { one: { value: { $ref: 'not-a-ref' } }, two: { $ref: '#/components/examples/T' } } } } },
    };
    expect(refsOf(op)).toEqual(['/responses/default #/components/responses/E', '/requestBody/content/application~1json/examples/two #/components/examples/T']);
  });
});
