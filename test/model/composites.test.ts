// Type shapes (model/composites.ts): which composite keywords a TypeScript type can say, read as
// alternatives over properties; what it cannot say is never read loosely into a negation (that
// would reject valid values) but listed for the JSDoc.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import { typeShape, type Alternative } from '../../generator/model/composites.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The type shape of each component schema, alternatives written compactly: `a` required, `!a` absent, `a=[…]` values, `a~` narrowed. */
async function shapes(schemas: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-composites-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'spec.yaml'), YAML.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {}, components: { schemas } }));
  const model = buildModel(await loadSpec(join(dir, 'spec.yaml')));
  const text = (a: Alternative) =>
    [...a].map(([k, t]) => (t.absent ? `!${k}` : `${k}${t.required ? '' : '?'}${t.values ? '=' + JSON.stringify(t.values) : ''}${t.narrow.length ? '~' : ''}`)).join(' ');
  return Object.fromEntries(
    model.schemas.map(({ name, schema }) => {
      const s = typeShape(schema);
      return [name, { conjuncts: s.conjuncts.map((c) => c.alternatives.map(text)), folded: [...s.folded].sort(), unchecked: s.unchecked }];
    }),
  );
}

describe('type shapes', () => {
  it('reads constraint-only anyOf and oneOf as alternatives, oneOf ruling the others out', async () => {
    const s = await shapes({
      Any: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] },
      One: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] },
      Typed: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    });
    expect(s.Any!.conjuncts).toEqual([['a', 'b']]);
    expect(s.One!.conjuncts).toEqual([['a !b', 'b !a']]);
    expect(s.Typed).toEqual({ conjuncts: [], folded: [], unchecked: [] });
  });

  it('reads if/then/else with the negation of the condition, merged where it reads better', async () => {
    const s = await shapes({
      Flag: {
        type: 'object',
        properties: { f: { type: 'boolean' }, a: { type: 'string' }, b: { type: 'string' } },
        if: { properties: { f: { const: true } }, required: ['f'] },
        then: { required: ['a'] },
        else: { required: ['b'] },
      },
      Present: { type: 'object', properties: { c: { type: 'string' }, d: { type: 'string' } }, if: { required: ['c'] }, then: { properties: { d: { minLength: 1 } } } },
    });
    expect(s.Flag!.conjuncts).toEqual([['f=[true] a', 'f?=[false] b']]);
    expect(s.Present!.conjuncts).toEqual([['c d?~', '!c']]);
  });

  it('reads dependentRequired, not of required names and forbidden property names', async () => {
    const s = await shapes({
      Dep: { type: 'object', properties: { u: { type: 'string' }, m: { type: 'string' } }, dependentRequired: { u: ['m'] } },
      Not: { type: 'object', properties: { a: {}, b: {} }, not: { anyOf: [{ required: ['a'] }, { required: ['b'] }] } },
      Names: { type: 'object', additionalProperties: true, propertyNames: { not: { enum: ['x', 'y'] } } },
    });
    expect(s.Dep!.conjuncts).toEqual([['!u', 'u m']]);
    expect(s.Not!.conjuncts).toEqual([['!a'], ['!b']]);
    expect(s.Names!.conjuncts).toEqual([['!x'], ['!y']]);
  });

  it('drops alternatives that contradict what the object requires', async () => {
    const s = await shapes({
      Req: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], if: { required: ['a'] }, then: { required: ['b'] } },
    });
    expect(s.Req!.conjuncts).toEqual([['a b']]);
  });

  it('never negates what it reads loosely: a condition or `not` with a pattern or a type stays for the JSDoc', async () => {
    const s = await shapes({
      NotPattern: { type: 'string', not: { pattern: '^admin' } },
      TypedIf: { type: 'object', properties: { a: {} }, if: { type: 'object' }, then: { required: ['a'] } },
      Formats: { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] },
      Limits: { type: 'array', items: { type: 'string' }, maxItems: 50, uniqueItems: true },
    });
    expect(s.NotPattern).toEqual({ conjuncts: [], folded: [], unchecked: ['not (pattern `^admin`)'] });
    expect(s.TypedIf!.folded).toEqual([]);
    expect(s.TypedIf!.unchecked).toEqual(['if (type object) then (required a)']);
    expect(s.Formats).toEqual({ conjuncts: [], folded: ['anyOf'], unchecked: ['one or more of (format date | format date-time)'] });
    expect(s.Limits!.unchecked).toEqual(['at most 50 items', 'unique items']);
  });
});
