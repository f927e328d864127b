// The compiled toolkit (dist/, scripts/build.js): the OpenAPI meta-schema validators precompiled
// as Ajv standalone code give the errors the in-process compile gives, and a command loads only
// the dependencies it needs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openApiValidators, type ValidateFunction } from '../../generator/rules/openapi-schemas.ts';
import { dist } from '../../scripts/build.js';
import { oaskitBin, root } from '../mock/helpers.ts';

type Precompiled = Record<'3.0' | '3.1', { validators: Record<string, ValidateFunction> }>;
const precompiled = createRequire(import.meta.url)(join(dist, 'rules', 'openapi-schemas.compiled.cjs')) as Precompiled;

const spec = (name: string) => parse(readFileSync(join(root, 'spec', name), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const v30 = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: { '/a': { get: { parameters: [{ name: 'x', in: 'nowhere' }], responses: { '200': { description: 'ok' } } } } },
  components: { schemas: { A: { type: 'string', nullable: 'yes' } } },
};

/** Valid and broken documents of both versions. */
function documents(): [string, '3.0' | '3.1', unknown][] {
  const appboy = spec('appboy.yaml');
  const untitled = structuredClone(appboy);
  delete untitled.info.title;
  const extra = structuredClone(appboy);
  extra.info.colour = 'blue';
  const badParameter = structuredClone(appboy);
  const firstPath = Object.keys(badParameter.paths)[0]!;
  badParameter.paths[firstPath].parameters = [{ name: 'p', in: 'body' }];
  return [
    ['appboy', '3.1', appboy],
    ['appcues', '3.1', spec('appcues.yaml')],
    ['appboy without info.title', '3.1', untitled],
    ['appboy with an unknown info field', '3.1', extra],
    ['appboy with a parameter in: body', '3.1', badParameter],
    ['a broken 3.0 document', '3.0', v30],
    ['not an object', '3.1', 42],
  ];
}

const errorsOf = (validate: ValidateFunction, value: unknown) => (validate(value) ? [] : structuredClone(validate.errors ?? []));

describe('the precompiled OpenAPI meta-schema validators', () => {
  it.each(documents())('%s: the same errors as Ajv compiling the schema in process', (_, version, doc) => {
    const compiled = openApiValidators(version);
    const standalone = precompiled[version].validators;
    expect(errorsOf(standalone['']!, doc)).toEqual(errorsOf(compiled.document, doc));
    const paths = (doc as { paths?: Record<string, unknown> })?.paths ?? {};
    for (const [key, item] of Object.entries(paths)) {
      const member = compiled.member({ kind: 'paths' }, key)!;
      const pointer = version === '3.1' ? '/$defs/path-item' : '/definitions/PathItem';
      expect(errorsOf(standalone[pointer]!, item), key).toEqual(errorsOf(member, item));
    }
  });

  it('a broken document has errors (the comparison above is not of two empty lists)', () => {
    const [, , untitled] = documents()[2]!;
    expect(errorsOf(precompiled['3.1'].validators['']!, untitled).length).toBeGreaterThan(0);
  });
});

describe('what a command loads', () => {
  const heavy = /\/node_modules\/(ts-morph|typescript|prettier|openapi-typescript|@apidevtools|@stoplight|markdown-it)\//;

  function loads(args: string[]): string[] {
    const file = join(mkdtempSync(join(tmpdir(), 'oaskit-loads-')), 'loads.txt');
    const r = spawnSync(process.execPath, ['--import', new URL('./fixtures/record-loads.mjs', import.meta.url).href, oaskitBin, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, OASKIT_LOADS: file },
    });
    expect(r.status, r.stderr).toBeLessThan(2);
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  }

  it('check: no code generator, no Prism, and the compiled toolkit', () => {
    const urls = loads(['check', 'spec/appcues.yaml']);
    expect(urls.filter((u) => heavy.test(u))).toEqual([]);
    expect(urls.some((u) => u.includes('/dist/cli/commands/check.js'))).toBe(true);
    expect(urls.some((u) => u.endsWith('.ts'))).toBe(false);
  });

  it('--help of a heavy command loads nothing of it', () => {
    const urls = loads(['generate', '--help']);
    expect(urls.filter((u) => heavy.test(u) || u.includes('/dist/emit/'))).toEqual([]);
  });
});
