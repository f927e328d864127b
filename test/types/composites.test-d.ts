// Type-level tests of the types emitter, one composite form at a time, against a client generated
// from test/types/fixtures/composites.yaml into test/types/composites-client (kept fresh by
// test/client/generate.test.ts). Each `@ts-expect-error` must be an error: tsc fails on an unused one.
import { describe, expectTypeOf, it } from 'vitest';
import type { CompositesClient, components } from './composites-client/index.ts';

type S = components['schemas'];
declare const client: CompositesClient;

describe('discriminated oneOf', () => {
  it('narrows on the discriminator and checks each member', () => {
    const cat: S['Pet'] = { petType: 'cat', lives: 9 };
    void cat;
    // @ts-expect-error a cat has no breed, and needs its lives
    const wrong: S['Pet'] = { petType: 'cat', breed: 'pug' };
    // @ts-expect-error an unknown discriminator value
    const unknownType: S['Pet'] = { petType: 'cow', lives: 1 };
    // @ts-expect-error a wrong enum value in a member
    const pug: S['Pet'] = { petType: 'dog', breed: 'poodle' };
    void [wrong, unknownType, pug];
    const pet = {} as S['Pet'];
    if (pet.petType === 'dog') expectTypeOf(pet.breed).toEqualTypeOf<'collie' | 'pug'>();
  });
});

describe('constraint-only anyOf', () => {
  it('needs one of the alternatives, either or both', () => {
    const a: S['Message'] = { text: 'hi', segment: 's' };
    const b: S['Message'] = { text: 'hi', user_ids: ['u'] };
    const both: S['Message'] = { text: 'hi', segment: 's', user_ids: ['u'] };
    void [a, b, both];
    // @ts-expect-error neither segment nor user_ids
    const neither: S['Message'] = { text: 'hi' };
    // @ts-expect-error the alternative's property keeps its type
    const wrongType: S['Message'] = { text: 'hi', segment: 1 };
    // @ts-expect-error the base's required text is still required
    const noText: S['Message'] = { segment: 's' };
    void [neither, wrongType, noText];
  });

  it('is checked in the request body of a method', () => {
    void client.sendMessage({ body: { text: 'hi', segment: 's' } });
    // @ts-expect-error a body with neither alternative
    void client.sendMessage({ body: { text: 'hi' } });
  });
});

describe('constraint-only oneOf', () => {
  it('needs exactly one of the alternatives', () => {
    const ext: S['Removal'] = { external_ids: ['a'] };
    const int: S['Removal'] = { internal_ids: [1] };
    void [ext, int];
    // @ts-expect-error both alternatives
    const both: S['Removal'] = { external_ids: ['a'], internal_ids: [1] };
    // @ts-expect-error neither alternative
    const neither: S['Removal'] = {};
    // @ts-expect-error a wrong item type inside the chosen alternative
    const wrongItem: S['Removal'] = { internal_ids: ['1'] };
    void [both, neither, wrongItem];
    // @ts-expect-error the method's body too
    void client.removeUsers({ body: { external_ids: ['a'], internal_ids: [1] } });
  });
});

describe('if/then/else', () => {
  it('requires what the branch of the condition requires', () => {
    const courier: S['Delivery'] = { method: 'courier', address: '1 Main St' };
    const pickup: S['Delivery'] = { method: 'pickup', store_id: 's1' };
    void [courier, pickup];
    // @ts-expect-error a courier delivery needs an address
    const noAddress: S['Delivery'] = { method: 'courier', store_id: 's1' };
    // @ts-expect-error a pickup needs a store
    const noStore: S['Delivery'] = { method: 'pickup', address: '1 Main St' };
    // @ts-expect-error a wrong enum value
    const drone: S['Delivery'] = { method: 'drone', address: 'x' };
    void [noAddress, noStore, drone];
  });
});

describe('dependentRequired', () => {
  it('requires the dependent property when the first one is there', () => {
    const none: S['Upload'] = { name: 'a' };
    const both: S['Upload'] = { url: 'https://x', media_type: 'text/csv' };
    const onlyDependent: S['Upload'] = { media_type: 'text/csv' };
    void [none, both, onlyDependent];
    // @ts-expect-error url without media_type
    const missing: S['Upload'] = { url: 'https://x' };
    void missing;
  });
});

describe('not', () => {
  it('forbids a property the schema rules out, and says in JSDoc what it cannot', () => {
    const ok: S['Account'] = { id: 'a', handle: 'someone' };
    void ok;
    // @ts-expect-error not: {required: [legacy_id]}
    const legacy: S['Account'] = { id: 'a', legacy_id: 'b' };
    // @ts-expect-error a number for a string (the pattern of `not` is left to the validators)
    const handle: S['Account'] = { id: 'a', handle: 1 };
    void [legacy, handle];
    expectTypeOf<S['Handle']>().toEqualTypeOf<string>();
  });
});

describe('nullable', () => {
  it('admits null where the schema does, and only there', () => {
    const n: S['Note'] = { text: null, deleted_at: null };
    void n;
    // @ts-expect-error text is required, even if it may be null
    const missing: S['Note'] = { deleted_at: null };
    // @ts-expect-error a number is not a nullable string
    const wrong: S['Note'] = { text: 1 };
    void [missing, wrong];
  });
});

describe('readOnly and writeOnly', () => {
  it('takes writeOnly and forbids readOnly properties in requests, and the reverse in responses', async () => {
    const user = await client.createUser({ body: { name: 'n', password: 'p' } });
    expectTypeOf(user).toEqualTypeOf<{ id: number; name: string }>();
    // @ts-expect-error the id is readOnly: the server assigns it
    void client.createUser({ body: { id: 1, name: 'n', password: 'p' } });
    // @ts-expect-error the password is writeOnly and required in a request
    void client.createUser({ body: { name: 'n' } });
  });
});

describe('recursion', () => {
  it('checks nested levels of a recursive schema', () => {
    const tree: S['TreeNode'] = { value: 'a', children: [{ value: 'b', children: [{ value: 'c' }] }] };
    void tree;
    // @ts-expect-error a wrong type two levels down
    const deep: S['TreeNode'] = { value: 'a', children: [{ value: 'b', children: [{ value: 3 }] }] };
    void deep;
  });
});

describe('additionalProperties beside properties', () => {
  it('keeps the declared property types and checks the other values', () => {
    const labels: S['Labels'] = { count: 2, colour: 'red' };
    void labels;
    // @ts-expect-error the declared property keeps its type
    const count: S['Labels'] = { count: 'two' };
    // @ts-expect-error another value must be a string
    const other: S['Labels'] = { colour: true };
    void [count, other];
  });
});

describe('flexible dates', () => {
  it('is a string, never a number', () => {
    const when: S['When'] = '2024-01-01';
    void when;
    // @ts-expect-error a number where only date strings are allowed
    const n: S['When'] = 20240101;
    void n;
  });
});
