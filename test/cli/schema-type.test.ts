// The type `oaskit validator` gives `isValid(value): value is T`: a table of schemas and types,
// and soundness on the JSON Schema Test Suite — every instance the suite calls valid must be
// assignable to the type derived from its schema (checked by the TypeScript compiler).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { schemaType } from '../../generator/cli/schema-type.ts';
import { sharedAvailable } from '../support/shared.ts';

describe('schemaType', () => {
  it.each([
    ['no schema', true, 'unknown'],
    ['nothing valid', false, 'never'],
    ['a string', { type: 'string', pattern: '^a' }, 'string'],
    ['several types', { type: ['integer', 'null'] }, 'number | null'],
    ['an enum', { enum: ['a', 1, null, true] }, '"a" | 1 | null | true'],
    ['an enum inside its type', { type: 'string', enum: ['a', 'b'] }, '"a" | "b"'],
    ['a const object (not expressed)', { const: { a: 1 } }, 'unknown'],
    ['an object', { type: 'object', required: ['id', 'extra'], properties: { id: { type: 'integer' }, 'a-b': { type: 'string' } } }, '{ id: number; "a-b"?: string; extra: unknown }'],
    ['a map', { type: 'object', additionalProperties: { type: 'boolean' } }, '{ [key: string]: boolean }'],
    ['an array', { type: 'array', items: { type: ['string', 'number'] } }, '(string | number)[]'],
    ['a tuple (not expressed)', { type: 'array', prefixItems: [{ type: 'string' }] }, 'unknown[]'],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, 'string | string[]'],
    ['anyOf with an open member', { anyOf: [{ type: 'string' }, { minimum: 1 }] }, 'unknown'],
    ['allOf', { allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', required: ['b'] }] }, '{ a?: string } & { b: unknown }'],
    ['a local $ref', { $defs: { n: { type: 'number' } }, type: 'object', properties: { n: { $ref: '#/$defs/n' } } }, '{ n?: number }'],
    ['a recursive $ref', { $defs: { t: { type: 'object', properties: { next: { $ref: '#/$defs/t' } } } }, $ref: '#/$defs/t' }, '{ next?: unknown }'],
    ['a remote $ref', { $ref: 'https://example.com/s.json' }, 'unknown'],
    ['refs under a nested $id', { $defs: { a: { $id: 'a.json', type: 'string' } }, $ref: '#/$defs/a' }, 'unknown'],
    ['hostile names', { type: 'object', properties: { '*/ x /* y': { enum: ['// z', '\u2028'] } } }, '{ "*\\/ x \\/* y"?: "\\/\\/ z" | "\\u2028" }'],
  ])('%s', (_, schema, type) => {
    expect(schemaType(schema)).toBe(type);
  });
});

const suite = fileURLToPath(new URL('../../../shared/jsts/tests/draft2020-12/', import.meta.url));

describe.runIf(sharedAvailable('the JSON Schema Test Suite (soundness of validator types)'))('soundness on the JSON Schema Test Suite', () => {
  it('every valid instance is assignable to the type of its schema', { timeout: 300_000 }, () => {
    const lines = ['type J = string | number | boolean | null | J[] | { [key: string]: J };', 'declare function json<const T extends J>(value: T): T;'];
    const where: string[] = [];
    let typed = 0;
    for (const file of readdirSync(suite).filter((f) => f.endsWith('.json')).sort()) {
      const groups = JSON.parse(readFileSync(join(suite, file), 'utf8')) as { description: string; schema: unknown; tests: { description: string; data: unknown; valid: boolean }[] }[];
      for (const group of groups) {
        const type = schemaType(group.schema);
        if (type !== 'unknown') typed++;
        for (const test of group.tests) {
          // `__proto__` in an object literal sets the prototype instead of a property
          if (!test.valid || JSON.stringify(test.data).includes('"__proto__"')) continue;
          const n = where.length;
          where.push(`${file}: ${group.description}: ${test.description}`);
          lines.push(`const raw${n} = json(${JSON.stringify(test.data)});`, `const value${n}: ${type} = raw${n};`);
        }
      }
    }
    const text = lines.join('\n');
    const host = ts.createCompilerHost({});
    const read = host.getSourceFile;
    host.getSourceFile = (name, ...rest) => (name === 'sound.ts' ? ts.createSourceFile(name, text, ts.ScriptTarget.ES2022) : read.call(host, name, ...rest));
    const program = ts.createProgram(['sound.ts'], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, types: [], lib: ['lib.es2022.d.ts'] }, host);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const line = d.file!.getLineAndCharacterOfPosition(d.start!).line;
      return `${where[(line - 2) >> 1] ?? `line ${line + 1}`}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 300)}`;
    });
    expect(errors).toEqual([]);
    // the test says something: the suite's schemas are mostly single keywords (a type of
    // `unknown`), yet dozens get a type of their own (a wrong type for `integer` fails 16 here)
    expect(where.length).toBeGreaterThan(700);
    expect(typed).toBeGreaterThan(50);
  });
});
