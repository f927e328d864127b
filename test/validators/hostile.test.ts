// Untrusted spec text never becomes code: a schema whose names, enum values, patterns and
// descriptions are built to break out of string literals, comments and template strings must
// compile to a module that passes `tsc --strict`, runs nothing it should not, and validates
// correctly. Also the documented limits: nesting depth, slow patterns, deep data, bad input.
import { describe, expect, it } from 'vitest';
import { compileSchemaFile, emitValidatorModule, interpret, MAX_SCHEMA_DEPTH, ValidatorCompileError } from '../../generator/validators/index.ts';
import { importModule, typeCheck, type Guard, type Validate } from './harness.ts';

const CANARY = 'globalThis.__oaskitPwned = 1';
const nasty = [
  '*/',
  '/*',
  `"; ${CANARY}; "`,
  `'; ${CANARY}; '`,
  '`${' + CANARY + '}`',
  '${' + CANARY + '}',
  '\u2028' + CANARY,
  '\u2029' + CANARY,
  '__proto__',
  'constructor',
  'toString',
  'line\nbreak',
  '\\',
  '</script><script>' + CANARY + '</script>',
  `*/ ${CANARY} /*`,
  `\n${CANARY}\n//`,
];

const propertyNames = Object.fromEntries(nasty.map((name) => [name, { type: 'string', enum: [name, 'x'], description: `described ${name}` }]));
const schema = JSON.parse(
  JSON.stringify({
    title: `Hostile */ ${CANARY} /* title`,
    description: `*/ ${CANARY}; /*\n\u2028 </script>`,
    type: 'object',
    properties: propertyNames,
    required: nasty,
    additionalProperties: false,
    patternProperties: { '^\\*/`\\$\\{\\}\u2028"\'</script>$': { const: '*/`${x}`' } },
    $defs: Object.fromEntries(nasty.map((name, i) => [name, { const: { [name]: [name, i] } }])),
    propertyNames: { pattern: '^[\\s\\S]*$' },
  }),
);
const valid = Object.fromEntries(nasty.map((name) => [name, name]));

describe('hostile spec text', () => {
  it('compiles to a module that passes tsc --strict and validates correctly', async () => {
    const source = await emitValidatorModule(
      [
        { name: 'Hostile', schema: '#', description: `*/ ${CANARY} /* \u2028 end` },
        { name: `x*/ ${CANARY} /*`, schema: '#/properties/%2A~1' },
        ...nasty.map((name, i) => ({ name: `Def${i}`, schema: `#/$defs/${encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'))}` })),
      ],
      { root: schema, dialect: 'openapi-3.1' },
    );
    // No raw line separators, no closing script tag anywhere in the output.
    expect(source).not.toMatch(/[\u2028\u2029]/);
    expect(source).not.toContain('</script>');
    expect(typeCheck({ 'hostile.ts': source })).toEqual([]);

    delete (globalThis as Record<string, unknown>).__oaskitPwned;
    const module = (await importModule(source)) as Record<string, Validate | Guard>;
    const validate = module.validateHostile as Validate;
    const isHostile = module.isHostile as Guard;
    expect(validate(valid)).toEqual({ ok: true, value: valid });
    expect(isHostile(valid)).toBe(true);
    expect(interpret(schema, schema, valid)).toEqual([]);

    const missing = { ...valid } as Record<string, unknown>;
    delete missing['*/'];
    const result = validate(missing);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ keyword: 'required', message: 'must have required property "*/"' }));
    const wrong = { ...valid, '</script><script>globalThis.__oaskitPwned = 1</script>': 'other' };
    const errors = (validate(wrong) as { errors: unknown[] }).errors;
    expect(errors).toEqual(interpret(schema, schema, wrong));
    expect(errors).toContainEqual(expect.objectContaining({ instancePath: '/<~1script><script>globalThis.__oaskitPwned = 1<~1script>', keyword: 'enum' }));
    expect(isHostile(JSON.parse(`${JSON.stringify(valid).slice(0, -1)},"__proto__":"x"}`))).toBe(true);
    expect(isHostile({ ...valid, extra: 1 })).toBe(false);
    // The sanitised entry name exists and nothing ran.
    expect(typeof module.validatex_globalThis___oaskitPwned_1).toBe('function');
    expect((globalThis as Record<string, unknown>).__oaskitPwned).toBeUndefined();
  });

  it('rejects a type expression that is not one', async () => {
    await expect(emitValidatorModule([{ name: 'A', schema: '#', type: `string; ${CANARY}` }], { root: {}, dialect: '2020-12' })).rejects.toThrow(/not a TypeScript type expression/);
  });

  it('output is byte-identical run to run', async () => {
    expect(await compileSchemaFile(schema)).toBe(await compileSchemaFile(JSON.parse(JSON.stringify(schema))));
  });
});

describe('limits (documented in generator/validators/index.ts and schema-index.ts)', () => {
  it(`a schema nested deeper than ${MAX_SCHEMA_DEPTH} levels is a compile-time error with its location`, async () => {
    let deep: object = { type: 'string' };
    for (let i = 0; i < MAX_SCHEMA_DEPTH + 10; i++) deep = { properties: { a: deep } };
    const error = await compileSchemaFile(deep).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidatorCompileError);
    expect((error as ValidatorCompileError).message).toMatch(/^schema nesting is deeper than 128 levels at #\/properties\/a\/properties\/a/);
  });

  it('an invalid pattern is a compile-time error naming the pattern and its location', async () => {
    await expect(compileSchemaFile({ properties: { a: { pattern: '(' } } })).rejects.toThrow(/^invalid pattern "\(" \(.*\) at #\/properties\/a\/pattern$/);
    await expect(compileSchemaFile({ patternProperties: { '[': {} } })).rejects.toThrow(/at #\/patternProperties\/%5B$/);
  });

  it('a $ref outside the document or to nothing is a compile-time error', async () => {
    await expect(compileSchemaFile({ $ref: 'https://example.com/schema.json' })).rejects.toThrow(/points outside this document .* at #\/\$ref$/);
    await expect(compileSchemaFile({ $ref: '#/$defs/missing' })).rejects.toThrow(/points to nothing at #\/\$ref$/);
  });

  it('patterns run only on strings within maxLength, so a slow pattern meets bounded input', async () => {
    const slow = { type: 'string', maxLength: 64, pattern: '^(a+)+$' };
    const module = (await importModule(await compileSchemaFile(slow))) as { validate: Validate; isValid: Guard };
    // Unbounded, this input would keep the backtracking pattern busy for ages (the test would time out).
    const attack = `${'a'.repeat(100_000)}!`;
    expect(module.isValid(attack)).toBe(false);
    const result = module.validate(attack);
    expect(result.ok ? [] : result.errors.map((error) => error.keyword)).toEqual(['maxLength']);
    expect(interpret(slow, slow, attack).map((error) => error.keyword)).toEqual(['maxLength']);
    expect(module.isValid('a'.repeat(64))).toBe(true);
  });

  it('data nested deeper than the stack gives an error (or false), never a throw', async () => {
    const tree = { $defs: { node: { type: 'array', items: { $ref: '#/$defs/node' } } }, $ref: '#/$defs/node' };
    const module = (await importModule(await compileSchemaFile(tree))) as { validate: Validate; isValid: Guard };
    let deep: unknown[] = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(module.isValid(deep)).toBe(false);
    const result = module.validate(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.at(-1)).toEqual({ instancePath: '', schemaPath: '#', keyword: '$ref', params: {}, message: 'is nested too deeply to validate' });
    expect(interpret(tree, tree, deep).at(-1)?.message).toBe('is nested too deeply to validate');
    expect(module.isValid([[[[]]]])).toBe(true);
  });
});
