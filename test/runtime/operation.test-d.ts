// Type-level tests of a standalone operation (`Operation<…>` of runtime/types.ts), typed from the
// generated petstore fixture's `paths`, as the emitter will type `defineOperation(...)`.
// Each `@ts-expect-error` must be an error: tsc fails on an unused one.
import { describe, expectTypeOf, it } from 'vitest';
import { createConfig, type Config } from '../../generator/runtime/config.ts';
import { defineOperation } from '../../generator/runtime/operation.ts';
import type { Operation, Readable } from '../../generator/runtime/types.ts';
import type { components, paths } from '../types/fixture-client/schema.d.ts';

declare const getPet: Operation<paths['/pets/{petId}']['get']>;
type Pet = Readable<components['schemas']['Pet']>;

describe('a standalone operation', () => {
  it('takes a config and the input, and resolves with the success body', () => {
    const config = createConfig({ baseUrl: 'https://example.invalid' });
    expectTypeOf(getPet(config, { path: { petId: 1 } })).resolves.toMatchTypeOf<Pet>();
    // @ts-expect-error path parameters are required
    void getPet(config);
    // @ts-expect-error a config is required
    void getPet({ path: { petId: 1 } });
  });

  it('takes path parameters from a config that has them', () => {
    const withDefaults = createConfig({ pathParams: { petId: 7 } });
    expectTypeOf(withDefaults).toEqualTypeOf<Config<'petId'>>();
    void getPet(withDefaults);
  });

  it('narrows .result() by status', async () => {
    const r = await getPet.result(createConfig({}), { path: { petId: 1 } });
    if (r.status === 200) expectTypeOf(r.data).toMatchTypeOf<Pet>();
    expectTypeOf(defineOperation<Operation<paths['/pets/{petId}']['get']>>).returns.toEqualTypeOf<Operation<paths['/pets/{petId}']['get']>>();
  });
});
