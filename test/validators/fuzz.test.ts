// Differential fuzzing against Ajv (fuzz.ts) over the project's specs, when they exist, over
// built-in fixture documents that exercise the keywords the specs may not use, and over GitHub's
// API description (big, repetitive: shared functions and property tables everywhere).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { fuzzAgainstAjv, type FuzzReport } from './fuzz.ts';

const RUNS = 40;

function summary(label: string, report: FuzzReport): string {
  return `fuzz ${label}: ${report.schemas} schemas, ${report.payloads} payloads (${report.valid} valid, ${report.invalid} invalid), ${report.disagreements.length} disagreements with Ajv, ${report.inconsistencies.length} between oaskit's own paths`;
}

function expectAgreement(label: string, report: FuzzReport): void {
  console.log(summary(label, report));
  expect(report.disagreements.slice(0, 5)).toEqual([]);
  expect(report.inconsistencies.slice(0, 5)).toEqual([]);
  expect(report.valid).toBeGreaterThan(0);
  expect(report.invalid).toBeGreaterThan(0);
}

const string = { type: 'string' };
const fixture31 = {
  openapi: '3.1.0',
  info: { title: 'fuzz fixture', version: '1' },
  paths: {},
  components: {
    schemas: {
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
      },
      Cat: { type: 'object', required: ['kind', 'lives'], properties: { kind: { const: 'cat' }, lives: { type: 'integer', minimum: 0, maximum: 9 } }, additionalProperties: false },
      Dog: { type: 'object', required: ['kind'], properties: { kind: { enum: ['dog', 'puppy'] }, bark: { type: 'string', maxLength: 10 } } },
      Order: {
        type: 'object',
        required: ['id', 'placed', 'price', 'items'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          placed: { type: 'string', format: 'date-time' },
          contact: { type: 'string', format: 'email' },
          price: { type: 'number', minimum: 0, multipleOf: 0.01 },
          quantity: { type: 'integer', minimum: 1, maximum: 100, format: 'int32' },
          status: { enum: ['open', 'paid', 'shipped'] },
          tags: { type: 'array', maxItems: 5, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 8 } },
          items: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Pet' } },
          note: { type: ['string', 'null'], maxLength: 20 },
        },
        additionalProperties: false,
        examples: [{ id: '11ae5b4b-2445-4440-a04f-bf537764c9ad', placed: '2024-01-01T00:00:00Z', price: 19.99, items: [{ kind: 'cat', lives: 9 }] }],
      },
      Tree: { type: 'object', required: ['value'], properties: { value: { type: 'number', exclusiveMinimum: 0 }, children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
      Headers: {
        type: 'object',
        propertyNames: { maxLength: 12 },
        patternProperties: { '^x-': string },
        additionalProperties: { type: 'integer' },
        minProperties: 1,
        maxProperties: 4,
      },
      Settings: {
        type: 'object',
        properties: { mode: { enum: ['auto', 'manual'] }, level: { type: 'integer' }, card: string, billing: string },
        if: { properties: { mode: { const: 'manual' } }, required: ['mode'] },
        then: { required: ['level'] },
        else: { not: { required: ['level'] } },
        dependentRequired: { card: ['billing'] },
      },
      Value: { anyOf: [{ type: 'string', pattern: '^[a-z]+$' }, { type: 'number', multipleOf: 5 }, { type: 'array', contains: { type: 'boolean' }, maxContains: 2 }] },
      Pair: { type: 'array', prefixItems: [string, { type: 'integer' }], items: false, minItems: 2 },
    },
  },
};

const fixture30 = {
  openapi: '3.0.3',
  info: { title: 'fuzz fixture 3.0', version: '1' },
  paths: {},
  components: {
    schemas: {
      Account: {
        type: 'object',
        required: ['id', 'balance'],
        properties: {
          id: { type: 'integer', format: 'int64', minimum: 1 },
          balance: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1000, exclusiveMaximum: false },
          nickname: { type: 'string', nullable: true, maxLength: 5 },
          owner: { $ref: '#/components/schemas/Owner', description: 'siblings of $ref are ignored in 3.0' },
        },
        additionalProperties: false,
      },
      Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email', nullable: true } } },
    },
  },
};

describe('differential fuzzing against Ajv', () => {
  it('agrees on the built-in OpenAPI 3.1 fixture', async () => {
    expectAgreement('fixture 3.1', await fuzzAgainstAjv(fixture31, { seed: 20240601, runs: RUNS }));
  }, 60_000);

  it('agrees on the built-in OpenAPI 3.0 fixture', async () => {
    expectAgreement('fixture 3.0', await fuzzAgainstAjv(fixture30, { seed: 7, runs: RUNS }));
  }, 60_000);

  it('is deterministic for a seed', async () => {
    const a = await fuzzAgainstAjv(fixture31, { seed: 3, runs: 5 });
    const b = await fuzzAgainstAjv(fixture31, { seed: 3, runs: 5 });
    expect({ ...a }).toEqual({ ...b });
  }, 60_000);

  for (const name of ['appboy', 'appcues']) {
    const path = fileURLToPath(new URL(`../../spec/${name}.yaml`, import.meta.url));
    const present = existsSync(path);
    if (!present) console.warn(`fuzz spec/${name}.yaml: skipped, the file does not exist yet`);
    it.skipIf(!present)(`agrees on every component schema of spec/${name}.yaml`, async () => {
      const doc = YAML.parse(readFileSync(path, 'utf8')) as object;
      expectAgreement(`spec/${name}.yaml`, await fuzzAgainstAjv(doc, { seed: 42, runs: RUNS }));
    }, 120_000);
  }

  const github = (() => {
    try {
      return createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    } catch {
      return undefined;
    }
  })();
  it.skipIf(!github)("agrees on every component schema of GitHub's API description", async () => {
    const doc = JSON.parse(readFileSync(github!, 'utf8')) as object;
    expectAgreement("GitHub's API description", await fuzzAgainstAjv(doc, { seed: 11, runs: 3 }));
  }, 300_000);
});
