// The official JSON Schema Test Suite (draft 2020-12, required tests) through oaskit's compiled
// validators, its interpreter, and Ajv 2020 on the same subset. oaskit must pass every selected
// test; Ajv's count is printed for comparison. The suite lives in ../shared/jsts (see its
// SOURCE.txt); without it the tests are skipped, except under CI where that is a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSchemaFile, interpret } from '../../generator/validators/index.ts';
import { importModule, typeCheck, type Guard, type Validate } from './harness.ts';

const SUITE = fileURLToPath(new URL('../../../shared/jsts/', import.meta.url));
const DIR = join(SUITE, 'tests', 'draft2020-12');
const present = existsSync(DIR);

/** Whole files left out, and why. */
const SKIPPED_FILES: Record<string, string> = {
  'refRemote.json': 'remote references: oaskit resolves $ref only inside the document (no network, no other files)',
  'dynamicRef.json': '$dynamicRef / $dynamicAnchor are not supported',
  'unevaluatedItems.json': 'unevaluatedItems is not supported',
  'unevaluatedProperties.json': 'unevaluatedProperties is not supported',
  'vocabulary.json': '$vocabulary (custom meta-schemas) is not supported',
  'format.json': 'in 2020-12 `format` is an annotation by default; oaskit asserts the formats it knows (OpenAPI usage), so this file\'s "invalid but accepted" expectations do not apply',
};

/** Single test cases left out (file -> case description -> reason). */
const SKIPPED_CASES: Record<string, Record<string, string>> = {
  'defs.json': {
    'validate definition against metaschema': 'a $ref to the 2020-12 meta-schema, a remote document (which needs $dynamicRef too)',
  },
  'ref.json': {
    'remote ref, containing refs itself': 'a $ref to the 2020-12 meta-schema, a remote document',
    'ref creates new scope when adjacent to keywords': 'the case is about unevaluatedProperties, not supported',
  },
  'not.json': {
    "collect annotations inside a 'not', even if collection is disabled": 'the case is about unevaluatedProperties, not supported',
  },
};

/** optional/format files of the formats oaskit asserts; single tests left out, and why. */
const FORMAT_FILES = ['date-time', 'date', 'time', 'email', 'uri', 'uuid', 'ipv4', 'ipv6', 'hostname'];
const SKIPPED_FORMAT_TESTS: { file: string; match: (t: Test) => boolean; reason: string }[] = [
  { file: 'hostname', match: (t) => /xn--/i.test(String(t.data)) && !t.valid, reason: 'IDNA A-labels (xn--...) are not decoded, so Punycode/IDNA rules are not checked' },
  { file: 'email', match: (t) => /^"|@\[/.test(String(t.data)), reason: 'quoted local parts and address literals (RFC 5321) are not accepted, as in ajv-formats' },
  { file: 'uri', match: (t) => /\[::ffff:0\d/.test(String(t.data)), reason: 'IP-literal hosts are checked loosely (hex digits, colons, dots)' },
];

interface Test {
  description: string;
  data: unknown;
  valid: boolean;
}
interface Case {
  description: string;
  schema: object | boolean;
  tests: Test[];
}

if (!present) {
  console.warn(`JSON-Schema-Test-Suite: skipped, ${DIR} not found (the suite is expected in ../shared/jsts beside the repository)`);
}

describe('JSON Schema Test Suite location', () => {
  it.runIf(!present && Boolean(process.env.CI))('is present under CI', () => {
    expect.fail(`JSON-Schema-Test-Suite not found at ${DIR}: CI must provide ../shared/jsts`);
  });
});

describe.skipIf(!present)('JSON Schema Test Suite, draft 2020-12', () => {
  const files = present ? readdirSync(DIR).filter((name) => name.endsWith('.json') && !(name in SKIPPED_FILES)).sort() : [];
  const suites = files.map((file) => ({ file, cases: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Case[] }));
  const selected = suites.map(({ file, cases }) => ({ file, cases: cases.filter((c) => !SKIPPED_CASES[file]?.[c.description]) }));
  const compiled = new Map<Case, { validate: Validate; isValid: Guard } | Error>();
  const sources: Record<string, string> = {};
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  const ajvPasses = new Set<Test>();
  const counts = { total: 0, compiled: 0, interpreter: 0, ajv: 0 };

  beforeAll(async () => {
    await Promise.all(
      selected.flatMap(({ cases }) =>
        cases.map(async (c) => {
          try {
            const source = await compileSchemaFile(c.schema);
            sources[`case${Object.keys(sources).length}.ts`] = source;
            compiled.set(c, (await importModule(source)) as unknown as { validate: Validate; isValid: Guard });
          } catch (error) {
            compiled.set(c, error as Error);
          }
        }),
      ),
    );
    for (const { cases } of selected) {
      for (const c of cases) {
        let check: ((data: unknown) => boolean) | undefined;
        try {
          check = ajv.compile(c.schema) as (data: unknown) => boolean;
        } catch {
          check = undefined; // Ajv cannot compile it: every test of the case counts as a miss
        }
        for (const t of c.tests) {
          counts.total++;
          try {
            if (check && check(t.data) === t.valid) ajvPasses.add(t);
          } catch {
            // a throw is a miss
          }
        }
      }
    }
  }, 120_000);

  afterAll(() => {
    const { total, compiled: c, interpreter: i } = counts;
    console.log(`JSON-Schema-Test-Suite: oaskit compiled ${c}/${total}, interpreter ${i}/${total}, ajv ${ajvPasses.size}/${total}`);
    console.log(`  skipped files: ${Object.keys(SKIPPED_FILES).join(', ')}`);
    const cases = Object.entries(SKIPPED_CASES).flatMap(([file, list]) => Object.keys(list).map((name) => `${file}: ${name}`));
    console.log(`  skipped cases: ${cases.join('; ')}`);
  });

  it('every generated module passes tsc --strict', () => {
    expect(Object.keys(sources)).toHaveLength(selected.reduce((total, { cases }) => total + cases.length, 0));
    expect(typeCheck(sources)).toEqual([]);
  });

  for (const [file, reason] of Object.entries(SKIPPED_FILES)) it.skip(`${file} (skipped: ${reason})`, () => {});
  for (const { file, cases } of selected) {
    describe(file, () => {
      for (const [name, reason] of Object.entries(SKIPPED_CASES[file] ?? {})) it.skip(`${name} (skipped: ${reason})`, () => {});
      for (const c of cases) {
        describe(c.description, () => {
          for (const t of c.tests) {
            it(t.description, () => {
              const module = compiled.get(c)!;
              if (module instanceof Error) throw module;
              const result = module.validate(t.data);
              const guard = module.isValid(t.data);
              const errors = interpret(c.schema, c.schema, t.data);
              if (result.ok === t.valid && guard === t.valid) counts.compiled++;
              if ((errors.length === 0) === t.valid) counts.interpreter++;
              expect({ validate: result.ok, isValid: guard, interpreter: errors.length === 0 }).toEqual({ validate: t.valid, isValid: t.valid, interpreter: t.valid });
              // The interpreter and the compiled code report the same errors.
              expect(result.ok ? [] : result.errors).toEqual(errors);
            });
          }
        });
      }
    });
  }
});

describe.skipIf(!present)('JSON Schema Test Suite, draft 2020-12 optional/format (the formats oaskit asserts)', () => {
  const cases = FORMAT_FILES.map((file) => ({
    file,
    cases: present ? (JSON.parse(readFileSync(join(DIR, 'optional', 'format', `${file}.json`), 'utf8')) as Case[]) : [],
  }));
  const modules = new Map<Case, { validate: Validate; isValid: Guard }>();
  const counts = { total: 0, passed: 0, skipped: 0 };
  beforeAll(async () => {
    for (const { cases: list } of cases) {
      for (const c of list) modules.set(c, (await importModule(await compileSchemaFile(c.schema))) as unknown as { validate: Validate; isValid: Guard });
    }
  }, 60_000);
  afterAll(() => console.log(`JSON-Schema-Test-Suite optional/format: oaskit ${counts.passed}/${counts.total} (${counts.skipped} skipped with reasons)`));
  for (const { file, cases: list } of cases) {
    describe(file, () => {
      for (const c of list) {
        for (const t of c.tests) {
          const skip = SKIPPED_FORMAT_TESTS.find((entry) => entry.file === file && entry.match(t));
          if (skip) {
            counts.skipped++;
            it.skip(`${c.description}: ${t.description} (skipped: ${skip.reason})`, () => {});
            continue;
          }
          it(`${c.description}: ${t.description}`, () => {
            counts.total++;
            const module = modules.get(c)!;
            const verdicts = { validate: module.validate(t.data).ok, isValid: module.isValid(t.data), interpreter: interpret(c.schema, c.schema, t.data).length === 0 };
            expect(verdicts).toEqual({ validate: t.valid, isValid: t.valid, interpreter: t.valid });
            counts.passed++;
          });
        }
      }
    });
  }
});
