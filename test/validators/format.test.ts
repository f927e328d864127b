// Generated modules are laid out by format.ts, not by running prettier over them: the result must
// be exactly what prettier makes of it (prettier leaves it unchanged), with prettier's defaults
// and with the generate pipeline's options, over whole modules: the project's specs, hostile
// text, JSON Schema Test Suite schemas and a slice of GitHub's API description.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { prettierString } from '../../generator/validators/code.ts';
import { formatStatements, formatStats } from '../../generator/validators/format.ts';
import { compileSchemaFile, emitValidatorModule, type ValidatorEntry } from '../../generator/validators/index.ts';
import { dialectOf } from './fuzz.ts';

const STYLES = [
  { name: "prettier's defaults", format: { printWidth: 80, singleQuote: false } },
  { name: 'the pipeline (100 columns, single quotes)', format: { printWidth: 100, singleQuote: true } },
];

function expectPrettierOutput(source: string, format: { printWidth: number; singleQuote: boolean }) {
  return prettier.format(source, { parser: 'typescript', ...format }).then((formatted) => {
    if (formatted !== source) {
      const a = source.split('\n');
      const b = formatted.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      expect(a.slice(line, line + 6).join('\n')).toBe(b.slice(line, line + 6).join('\n'));
    }
    expect(formatted === source).toBe(true);
  });
}

function componentEntries(doc: Record<string, unknown>): ValidatorEntry[] {
  const schemas = ((doc.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<string, unknown>;
  return Object.keys(schemas)
    .sort()
    .map((name) => ({ name: name.replace(/[^A-Za-z0-9_]/g, '_'), schema: `#/components/schemas/${encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'))}`, description: `The ${name} schema.` }));
}

describe('prettierString', () => {
  const chars = ['a', '"', "'", '\\', 'é', '\u2028', '<', ' ', '日'];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const samples = [
    '"plain"',
    '"say \\"hi\\""',
    '"it\'s"',
    '"\\\\"',
    "'single'",
    ...Array.from({ length: 200 }, () => JSON.stringify(Array.from({ length: 6 }, () => chars[Math.floor(random() * chars.length)]).join(''))),
  ];
  for (const singleQuote of [false, true]) {
    it(`quotes strings as prettier does${singleQuote ? ' with singleQuote' : ''}`, async () => {
      for (const raw of samples) {
        const printed = (await prettier.format(`x = ${raw};`, { parser: 'typescript', singleQuote })).trim().slice(4, -1);
        expect(prettierString(raw, singleQuote), raw).toBe(printed);
      }
    });
  }
});

describe('statements laid out as prettier does', () => {
  it('gives statements it cannot lay out line by line to prettier', async () => {
    const chunks = [
      'function a(d0: any): boolean {\n\nreturn true;\n}',
      'function b(d0: any): boolean {\n// a comment\nreturn d0 === `x${1}`;\n}',
      'const x = 1; const y = 2;',
      'if (aVeryLongConditionName !== anotherVeryLongName || yetAnotherVeryLongName === 12345678) return false;',
    ];
    const formatted = await formatStatements(chunks);
    for (const [i, chunk] of chunks.entries()) expect(formatted[i]).toBe((await prettier.format(chunk, { parser: 'typescript' })).trimEnd());
  });
});

const specs = ['appboy', 'appcues'].map((name) => fileURLToPath(new URL(`../../spec/${name}.yaml`, import.meta.url))).filter((path) => existsSync(path));

const CANARY = 'globalThis.__x = 1';
const hostileNames = ['*/', `"; ${CANARY}; "`, `'; ${CANARY}; '`, '`${x}`', '\u2028', '__proto__', 'constructor', '</script>', '日本語の名前', 'e\u0301', '🙂', 'a'.repeat(120), 'tab\there', '\\'];
const hostile = {
  title: 'Hostile',
  type: 'object',
  required: hostileNames,
  properties: Object.fromEntries(hostileNames.map((name) => [name, { type: 'string', enum: [name, 'x'.repeat(90)], pattern: `^${name.replace(/[^a-z]/g, '')}` }])),
  patternProperties: { '^\\*/`\\$\\{\\}"\'$': { const: '*/`${x}`' } },
  additionalProperties: { oneOf: [{ type: 'integer', minimum: -1e21, maximum: 1e21 }, { type: 'array', items: { type: 'number', multipleOf: 0.001 }, uniqueItems: true }] },
};

describe('whole modules are what prettier makes of them', () => {
  for (const style of STYLES) {
    describe(`with ${style.name}`, () => {
      for (const path of specs) {
        it(`every component schema of spec/${path.split('/').pop()}`, async () => {
          const doc = YAML.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
          const fallbacks = formatStats.fallbacks;
          const source = await emitValidatorModule(componentEntries(doc), { root: doc, dialect: dialectOf(doc), format: style.format, imports: ["import type { Schemas } from './schemas.ts';"] });
          await expectPrettierOutput(source, style.format);
          expect(formatStats.fallbacks, 'statements given to prettier whole').toBe(fallbacks);
        }, 60_000);
      }

      it('a module of hostile text', async () => {
        const source = await emitValidatorModule([{ name: 'Hostile', schema: '#', description: 'hostile */ text \u2028 end' }], { root: hostile, dialect: '2020-12', format: style.format });
        await expectPrettierOutput(source, style.format);
      });
    });
  }

  const suite = fileURLToPath(new URL('../../../shared/jsts/tests/draft2020-12/', import.meta.url));
  it.skipIf(!existsSync(suite))('modules of JSON Schema Test Suite schemas (every 4th case)', async () => {
    const schemas = readdirSync(suite)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .flatMap((file) => (JSON.parse(readFileSync(join(suite, file), 'utf8')) as { schema: object | boolean }[]).map((c) => c.schema));
    for (const [i, schema] of schemas.entries()) {
      if (i % 4 !== 0) continue;
      let source: string;
      try {
        source = await compileSchemaFile(schema);
      } catch {
        continue; // remote references and such: not compiled at all
      }
      await expectPrettierOutput(source, STYLES[0]!.format);
    }
  }, 120_000);

  const github = (() => {
    try {
      return createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    } catch {
      return undefined;
    }
  })();
  it.skipIf(!github)("the first 400 validators of GitHub's API description, as the pipeline plans them", async () => {
    const { loadSpec } = await import('../../generator/load/load-spec.ts');
    const { buildModel } = await import('../../generator/model/build-model.ts');
    const { validatorEntries } = await import('../../generator/emit/validators/plan.ts');
    const { printDocument } = await import('../../generator/model/document.ts');
    const model = buildModel(await loadSpec(github!), 'github');
    const printed = printDocument(model, { examples: false });
    const format = STYLES[1]!.format;
    const fallbacks = formatStats.fallbacks;
    const source = await emitValidatorModule(validatorEntries(model, printed).slice(0, 400), { root: printed.document, dialect: 'openapi-3.1', format });
    await expectPrettierOutput(source, format);
    expect(formatStats.fallbacks, 'statements given to prettier whole').toBe(fallbacks);
  }, 180_000);
});
