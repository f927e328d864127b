// Type-level tests of a generated client (test/types/fixture-client, generated from
// test/client/fixtures/petstore.yaml; test/client/fixture-client.test.ts checks it is fresh).
// Each `@ts-expect-error` must be an error: tsc fails on an unused one.
import { describe, expectTypeOf, it } from 'vitest';
import {
  ApiError,
  createPetstoreClient,
  type BatchOutcome,
  type ContentLifecycleEventName,
  type PetstoreClient,
  type components,
} from './fixture-client/index.ts';

declare const client: PetstoreClient;
type Pet = components['schemas']['Pet'];

describe('inputs', () => {
  it('checks path parameters', () => {
    void client.pets.getPet({ path: { petId: 1 } });
    // @ts-expect-error a wrong path parameter name
    void client.pets.getPet({ path: { petID: 1 } });
    // @ts-expect-error a wrong path parameter type
    void client.pets.getPet({ path: { petId: 'one' } });
    // @ts-expect-error path parameters are required
    void client.pets.getPet();
    // @ts-expect-error this operation has no path parameters
    void client.pets.listPets({ path: { petId: 1 } });
  });

  it('checks query parameters and enum values', () => {
    void client.pets.listPets();
    void client.pets.listPets({ query: { limit: 10, status: 'sold', tags: ['a'] }, header: { 'X-Request-Id': 'r' } });
    // @ts-expect-error a wrong enum value
    void client.pets.listPets({ query: { status: 'lost' } });
    // @ts-expect-error an unknown query parameter
    void client.pets.listPets({ query: { limit: 1, page: 2 } });
  });

  it('checks request bodies: required fields, readOnly fields left out, writeOnly fields allowed', () => {
    void client.pets.createPet({ body: { name: 'Rex', secret: 's', status: 'available' } });
    // @ts-expect-error a missing required body field
    void client.pets.createPet({ body: { status: 'available' } });
    // @ts-expect-error readOnly `id` cannot be sent
    void client.pets.createPet({ body: { id: 1, name: 'Rex' } });
    // @ts-expect-error the body is required
    void client.pets.createPet({});
    // @ts-expect-error a wrong enum value in the body
    void client.pets.createPet({ body: { name: 'Rex', status: 'lost' } });
  });

  it('makes credential-filled body properties optional', () => {
    void client.users.trackEvents({ body: { events: [{ external_id: 'u', name: 'e' }] } });
    void client.users.trackEvents({ body: { api_key: 'explicit', attributes: [{ external_id: 'u', plan: 'pro' }] } });
    // @ts-expect-error a body item with a missing required field
    void client.users.trackEvents({ body: { events: [{ external_id: 'u' }] } });
  });

  it('selects the body type by content type; the JSON one is the default', () => {
    void client.pets.uploadPetPhoto({ path: { petId: 1 }, body: { url: 'https://x' } });
    void client.pets.uploadPetPhoto({ path: { petId: 1 }, contentType: 'multipart/form-data', body: { photo: new Blob([]), owners: ['u1', 'u2'] } });
    void client.pets.uploadPetPhoto({ path: { petId: 1 }, contentType: 'multipart/form-data', body: { photo: new Blob([]), owners: [{ id: 'u1', team: 'a' }] } });
    // @ts-expect-error a multipart body sent as JSON
    void client.pets.uploadPetPhoto({ path: { petId: 1 }, body: { photo: new Blob([]) } });
    // @ts-expect-error an unknown content type
    void client.pets.uploadPetPhoto({ path: { petId: 1 }, contentType: 'text/plain', body: 'x' });
  });

  it('takes call options', () => {
    void client.pets.listPets({ signal: AbortSignal.timeout(1), timeoutMs: 5, retry: false });
    void client.pets.listPets({ retry: { retries: 1, statuses: [503] } });
    // @ts-expect-error retry is options or false
    void client.pets.listPets({ retry: true });
  });
});

describe('results', () => {
  it('resolves to the success body, readOnly fields in, writeOnly fields out', async () => {
    const pets = await client.pets.listPets();
    expectTypeOf(pets[0]!.id).toEqualTypeOf<number>();
    expectTypeOf(pets[0]!.status).toEqualTypeOf<'available' | 'pending' | 'sold' | undefined>();
    // @ts-expect-error writeOnly `secret` is not in responses
    void pets[0]!.secret;
    // @ts-expect-error a wrong response field
    void pets[0]!.nmae;
    expectTypeOf(await client.pets.deletePet({ path: { petId: 1 } })).toEqualTypeOf<undefined>();
    expectTypeOf(await client.jobs.getReport()).toEqualTypeOf<string>();
  });

  it('narrows result() on status to the exact body and headers', async () => {
    const r = await client.pets.listPets.result();
    if (r.status === 200) {
      expectTypeOf(r.ok).toEqualTypeOf<true>();
      expectTypeOf(r.data).toEqualTypeOf<{ id: number; name: string; status?: 'available' | 'pending' | 'sold'; tags?: string[] }[]>();
      expectTypeOf(r.headers['X-RateLimit-Limit']).toEqualTypeOf<number | undefined>();
      expectTypeOf(r.headers['X-RateLimit-Reset']).toEqualTypeOf<Date | undefined>();
      expectTypeOf(r.headers['X-Total-Count']).toEqualTypeOf<number | undefined>();
    } else if (r.status === 400) {
      expectTypeOf(r.error).toEqualTypeOf<{ message: string; fields: string[] }>();
      // @ts-expect-error a 400 has no data
      void r.data;
    } else if (r.status === 429) {
      expectTypeOf(r.error).toEqualTypeOf<{ message: string; retryable: boolean }>();
      expectTypeOf(r.headers['Retry-After']).toEqualTypeOf<string | undefined>();
      expectTypeOf(r.headers['X-RateLimit-Remaining']).toEqualTypeOf<number | undefined>();
    } else {
      expectTypeOf(r.status).toEqualTypeOf<500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 509 | 510 | 511 | 512 | 513 | 514 | 515 | 516 | 517 | 518 | 519 | 520 | 521 | 522 | 523 | 524 | 525 | 526 | 527 | 528 | 529 | 530 | 531 | 532 | 533 | 534 | 535 | 536 | 537 | 538 | 539 | 540 | 541 | 542 | 543 | 544 | 545 | 546 | 547 | 548 | 549 | 550 | 551 | 552 | 553 | 554 | 555 | 556 | 557 | 558 | 559 | 560 | 561 | 562 | 563 | 564 | 565 | 566 | 567 | 568 | 569 | 570 | 571 | 572 | 573 | 574 | 575 | 576 | 577 | 578 | 579 | 580 | 581 | 582 | 583 | 584 | 585 | 586 | 587 | 588 | 589 | 590 | 591 | 592 | 593 | 594 | 595 | 596 | 597 | 598 | 599>();
      expectTypeOf(r.error).toEqualTypeOf<{ message: string }>();
    }
    if (r.ok) expectTypeOf(r.status).toEqualTypeOf<200>();
  });

  it('gives `default` the statuses nothing else documents', async () => {
    const r = await client.pets.getPet.result({ path: { petId: 1 } });
    if (!r.ok && r.status === 404) expectTypeOf(r.error).toEqualTypeOf<{ message: string; resource: string }>();
    if (!r.ok && r.status === 500) expectTypeOf(r.error).toEqualTypeOf<{ message: string }>();
    // @ts-expect-error 404 is documented on its own, so `default` does not cover it
    if (!r.ok && r.status === 404) void r.error.nope;
  });

  it('types the errors of the throwing style per operation', async () => {
    try {
      await client.pets.createPet({ body: { name: 'x' } });
    } catch (e) {
      if (client.pets.createPet.isError(e)) {
        expectTypeOf(e).toMatchTypeOf<ApiError>();
        if (e.result.status === 429) expectTypeOf(e.result.error.retryable).toEqualTypeOf<boolean>();
        if (e.result.status === 400) expectTypeOf(e.result.error.fields).toEqualTypeOf<string[]>();
        expectTypeOf(e.status).toEqualTypeOf<400 | 429 | (typeof e.result)['status']>();
      }
    }
  });
});

describe('helpers', () => {
  it('batches with one typed outcome per item', async () => {
    const report = await client.users.trackEvents.batch({ events: [{ external_id: 'u', name: 'e' }], attributes: [] }, { concurrency: 2 });
    const o = report.outcomes[0]!;
    if (o.array === 'events') expectTypeOf(o.item).toEqualTypeOf<{ external_id: string; name: string }>();
    if (o.status === 'failed') expectTypeOf(o.error).toEqualTypeOf<unknown>();
    expectTypeOf(report.delivered).toEqualTypeOf<number>();
    expectTypeOf<BatchOutcome['status']>().toEqualTypeOf<'delivered' | 'rejected' | 'failed' | 'unconfirmed'>();
    // @ts-expect-error only capped arrays are batched
    void client.pets.getPet.batch;
  });

  it('waits for jobs with the status body type', async () => {
    const job = await client.jobs.startExport({ path: { account_id: 'a' }, body: { format: 'csv' } });
    const done = await client.waitForJob(job, { timeoutMs: 1000, intervalMs: 10 });
    expectTypeOf(done.status).toEqualTypeOf<'queued' | 'running' | 'done' | 'failed'>();
  });

  it('has Segment-style helpers with typed event names', async () => {
    expectTypeOf<ContentLifecycleEventName>().toEqualTypeOf<'flow_shown' | 'flow_skipped' | 'flow_finished'>();
    void client.identify('u1', { plan: 'pro' }, { path: { account_id: 'a' } });
    void client.track('u1', 'flow_shown', { step: 1 }, { path: { account_id: 'a' } });
    void client.track('u1', 'any custom event', undefined, { path: { account_id: 'a' } });
    // @ts-expect-error the account id is needed when the client has no default for it
    void client.identify('u1', { plan: 'pro' });
    const withDefault = createPetstoreClient({ apiKeyAuth: 'k', pathParams: { account_id: 'a' } });
    void withDefault.identify('u1', { plan: 'pro' });
    void withDefault.jobs.startExport();
    // @ts-expect-error an unknown path parameter default
    createPetstoreClient({ pathParams: { acount_id: 'a' } });
  });

  it('names credentials after the security schemes', () => {
    createPetstoreClient({ apiKeyAuth: 'k', queryKey: 'q', token: 't', user: 'u', password: 'p', baseUrl: 'http://x', timeoutMs: 1, validate: 'both' });
    // @ts-expect-error an unknown option
    createPetstoreClient({ apiKey: 'k' });
    // @ts-expect-error validate takes fixed values
    createPetstoreClient({ validate: 'all' });
  });
});
