// Where the cursor is, for completion, on text being typed (the caret marks the cursor).
import { describe, expect, it } from 'vitest';
import { cursorContext } from '../../generator/lsp/cursor.ts';
import { caret } from './lsp-client.ts';

function at(marked: string, format: 'yaml' | 'json' = 'yaml') {
  const { text, offset } = caret(marked);
  const ctx = cursorContext(format === 'yaml' ? 'x.yaml' : 'x.json', text, offset, format);
  if (!ctx) return undefined;
  const { kind, prefix } = ctx;
  const where = 'parent' in ctx ? ctx.parent : ctx.holder;
  return { kind, where: where.join('/'), prefix, replaced: text.slice(ctx.range.start, ctx.range.end), ...('key' in ctx ? { key: ctx.key } : {}) };
}

const spec = `openapi: 3.1.0
info:
  title: T
  version: '1'
paths:
  /pets:
    get:
      operationId: list
`;

describe('yaml', () => {
  it.each([
    ['a new key in an operation', spec + '      |\n', { kind: 'key', where: 'paths//pets/get', prefix: '', replaced: '' }],
    ['a partial key', spec + '      resp|\n', { kind: 'key', where: 'paths//pets/get', prefix: 'resp', replaced: 'resp' }],
    ['a key of the path item (less indented)', spec + '    pa|\n', { kind: 'key', where: 'paths//pets', prefix: 'pa', replaced: 'pa' }],
    ['a key of a new list item', spec + '      parameters:\n        - na|\n', { kind: 'key', where: 'paths//pets/get/parameters/0', prefix: 'na', replaced: 'na' }],
    ['a key inside a partly typed document', spec + '      responses:\n        "200":\n          descr|\n    post: [\n', { kind: 'key', where: 'paths//pets/get/responses/200', prefix: 'descr', replaced: 'descr' }],
    ['a $ref value, quoted', spec + "      requestBody:\n        $ref: '#/components/re|'\n", { kind: 'ref', where: 'paths//pets/get/requestBody', prefix: '#/components/re', replaced: '#/components/re' }],
    ['a $ref value, not yet quoted', spec + '      requestBody:\n        $ref: |\n', { kind: 'ref', where: 'paths//pets/get/requestBody', prefix: '', replaced: '' }],
    ['a value', spec + '      parameters:\n        - name: a\n          in: qu|\n', { kind: 'value', where: 'paths//pets/get/parameters/0', key: 'in', prefix: 'qu', replaced: 'qu' }],
  ])('%s', (_, marked, want) => {
    expect(at(marked)).toEqual(want);
  });
});

describe('json', () => {
  it.each([
    ['a partial key', '{\n  "openapi": "3.1.0",\n  "info": {\n    "ti|"\n  }\n}', { kind: 'key', where: 'info', prefix: 'ti', replaced: '"ti"' }],
    ['a $ref value', '{\n  "paths": {\n    "/a": {\n      "$ref": "#/comp|"\n    }\n  }\n}', { kind: 'ref', where: 'paths//a', prefix: '#/comp', replaced: '"#/comp"' }],
    ['a value', '{\n  "info": {\n    "title": "T|"\n  }\n}', { kind: 'value', where: 'info', key: 'title', prefix: 'T', replaced: '"T"' }],
  ])('%s', (_, marked, want) => {
    expect(at(marked, 'json')).toEqual(want);
  });
});
