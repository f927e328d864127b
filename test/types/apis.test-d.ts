// Type-level tests of the committed Appboy and Appcues clients (generated/): the conventions of
// the two specs show up in the types.
import { describe, expectTypeOf, it } from 'vitest';
import { createAppboyClient, type AppboyClient } from '../../generated/appboy/index.ts';
import { createAppcuesClient, type AppcuesClient, type ContentLifecycleEventName } from '../../generated/appcues/index.ts';

declare const appboy: AppboyClient;
declare const appcues: AppcuesClient<'account_id'>;

describe('Appboy', () => {
  it('requires the app group id once, in the options, and makes it optional in bodies', () => {
    createAppboyClient({ appGroupId: 'g' });
    // @ts-expect-error the credential every operation needs
    createAppboyClient({});
    void appboy.userData.trackUsers({ body: { events: [{ external_id: 'u', name: 'e', time: '2024-01-01T00:00:00Z' }] } });
    // @ts-expect-error a misspelt array of the track body
    void appboy.userData.trackUsers({ body: { event: [] } });
  });

  it('walks the list pages: .all() yields the items of the spec\'s schema, .pages() the pages', async () => {
    type Segment = NonNullable<Awaited<ReturnType<AppboyClient['segmentExport']['listSegments']>>['segments']>[number];
    for await (const segment of appboy.segmentExport.listSegments.all()) {
      expectTypeOf(segment).toEqualTypeOf<Segment>();
      expectTypeOf(segment.id).toEqualTypeOf<string | undefined>();
    }
    for await (const email of appboy.emailSync.getEmailUnsubscribes.all({ query: { start_date: '2024-01-01', end_date: '2024-01-31' } })) expectTypeOf(email.email).toEqualTypeOf<string>();
    for await (const page of appboy.segmentExport.listSegments.pages()) expectTypeOf(page.items).toEqualTypeOf<Segment[]>();
    // @ts-expect-error an operation without x-oaskit-pagination has no .all()
    void appboy.segmentExport.getSegmentDetails.all;
  });

  it('streams the segment export through .download()', async () => {
    const r = await appboy.userExport.exportUsersBySegment.download({ body: { segment_id: 's' } }, { to: 'users.zip' });
    expectTypeOf(r.bytes).toEqualTypeOf<number>();
    // @ts-expect-error only operations with x-oaskit-download have it
    void appboy.userExport.exportUsersByIds.download;
  });

  it('types rate-limit headers and the 429 body', async () => {
    const r = await appboy.userData.trackUsers.result({ body: {} });
    if (r.status === 200) {
      expectTypeOf(r.headers['X-RateLimit-Reset']).toEqualTypeOf<Date | undefined>();
      expectTypeOf(r.headers['X-RateLimit-Remaining']).toEqualTypeOf<number | undefined>();
      expectTypeOf(r.data.errors).toEqualTypeOf<string[] | undefined>();
    }
    if (r.status === 429) expectTypeOf(r.error.message).toEqualTypeOf<string>();
  });

  it('batches the capped arrays of track', async () => {
    const report = await appboy.userData.trackUsers.batch({ attributes: [], events: [], purchases: [] }, { concurrency: 4 });
    expectTypeOf(report.outcomes[0]!.array).toEqualTypeOf<'attributes' | 'events' | 'purchases'>();
  });
});

describe('Appcues', () => {
  it('names the basic-auth halves apiKey and apiSecret', () => {
    createAppcuesClient({ apiKey: 'k', apiSecret: 's', pathParams: { account_id: '94742' } });
    // @ts-expect-error the generic names are not used
    createAppcuesClient({ username: 'k' });
  });

  it('takes CSV rows for the multipart upload and JSON user ids by default', () => {
    void appcues.segments.addUserIdsToSegment({ path: { segment_id: 's' }, body: { user_ids: ['a'] } });
    void appcues.segments.addUserIdsToSegment({ path: { segment_id: 's' }, contentType: 'multipart/form-data', body: { file: ['a', 'b'] } });
    // @ts-expect-error the JSON body has no file
    void appcues.segments.addUserIdsToSegment({ path: { segment_id: 's' }, body: { file: ['a'] } });
  });

  it('types the job poll, the lifecycle event names and the Segment-style helpers', async () => {
    const job = await appcues.segments.addUserIdsToSegment({ path: { segment_id: 's' }, body: { user_ids: ['a'] } });
    const done = await appcues.waitForJob(job);
    expectTypeOf(done.status).toEqualTypeOf<202 | 200 | 400 | 422>();
    expectTypeOf<'flow_shown'>().toMatchTypeOf<ContentLifecycleEventName>();
    // (traits and properties are `{type: object}` schemas; their property bags depend on how the
    // types emitter renders an object schema without properties)
    void appcues.identify('u1', {});
    void appcues.track('u1', 'flow_shown');
    void appcues.track('u1', 'a custom event', undefined, { timeoutMs: 1000 });
    // @ts-expect-error the user id is a string
    void appcues.track(1, 'flow_shown');
  });
});
