// The generated Appboy and Appcues clients against a local server: the conventions of the two
// specs (body and query credentials, basic auth with apiKey/apiSecret, rate-limit headers, the
// CSV upload, the job poll, the Segment-style helpers).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadGenerated, type GeneratedPackage } from '../conformance/generated.ts';
import { fakeClock, json, startServer, type Handler, type TestServer } from '../runtime/helpers.ts';

// the generated packages are typed; here they are loaded by path, so calls are loose
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let server: TestServer;
let handler: Handler;
let appboy: GeneratedPackage;
let appcues: GeneratedPackage;
beforeAll(async () => {
  server = await startServer((req, res) => handler(req, res));
  [appboy, appcues] = await Promise.all([loadGenerated('appboy'), loadGenerated('appcues')]);
}, 600_000);
afterAll(async () => {
  await server.close();
  appboy?.dispose();
  appcues?.dispose();
});
beforeEach(() => {
  server.requests.length = 0;
});

describe('Appboy', () => {
  const client = (options: object = {}): Loose => (appboy.index.createAppboyClient as (o: object) => unknown)({ baseUrl: server.url, appGroupId: 'group-1', retry: false, ...options });

  it('sends app_group_id in the JSON body of POSTs and in the query of GETs', async () => {
    handler = (_req, res) => json(res, 200, { message: 'success' }, { 'X-RateLimit-Limit': '50000', 'X-RateLimit-Remaining': '49999', 'X-RateLimit-Reset': '1704110400' });
    const c = client();
    await c.userData.trackUsers({ body: { events: [{ external_id: 'u1', name: 'played', time: '2024-01-01T00:00:00Z' }] } });
    const r = await c.segmentExport.listSegments.result();
    const [track, list] = server.requests;
    expect(JSON.parse(track!.body)).toMatchObject({ app_group_id: 'group-1', events: [{ external_id: 'u1' }] });
    expect(new URL(list!.url, server.url).searchParams.get('app_group_id')).toBe('group-1');
    expect(r.headers).toEqual({ 'X-RateLimit-Limit': 50000, 'X-RateLimit-Remaining': 49999, 'X-RateLimit-Reset': new Date('2024-01-01T12:00:00Z') });
  });

  it('maps the reference\'s "events[1]: ..." non-fatal errors back to the items of a batch', async () => {
    handler = (req, res) => {
      const body = JSON.parse(req.body) as { events?: unknown[] };
      json(res, 200, { message: 'success', errors: body.events && body.events.length > 1 ? ["events[1]: 'time' must be an ISO 8601 datetime"] : [] });
    };
    const events = Array.from({ length: 120 }, (_, i) => ({ external_id: `u${i}`, name: 'e', time: '2024-01-01T00:00:00Z' }));
    const report = await client().userData.trackUsers.batch({ events }, { concurrency: 2 });
    expect(server.requests).toHaveLength(3);
    expect(report.outcomes).toHaveLength(120);
    expect(report.outcomes.filter((o: { status: string }) => o.status === 'rejected').map((o: { index: number }) => o.index)).toEqual([1, 51, 101]);
    expect(report.delivered).toBe(117);
  });
});

describe('Appcues', () => {
  const client = (options: object = {}): Loose =>
    (appcues.index.createAppcuesClient as (o: object) => unknown)({ baseUrl: server.url, apiKey: 'key', apiSecret: 'secret', pathParams: { account_id: '94742' }, ...options });

  it('authenticates v2 with apiKey:apiSecret as basic auth, and v1 with nothing', async () => {
    handler = (_req, res) => json(res, 200, { contents: [] });
    const c = client();
    await c.flows.listFlows();
    await c.activityV1.recordUserActivity({ path: { user_id: 'u1' }, body: { events: [] } });
    expect(server.requests[0]!.headers.authorization).toBe('Basic ' + Buffer.from('key:secret').toString('base64'));
    expect(server.requests[0]!.url).toBe('/v2/accounts/94742/flows');
    expect(server.requests[1]!.headers.authorization).toBeUndefined();
  });

  it('uploads user IDs as a CSV file part, then waits for the job the 202 points to', async () => {
    let polls = 0;
    handler = (req, res) => {
      if (req.url.endsWith('/add_user_ids')) return json(res, 202, { job_id: 'c5abb279', job_url: `https://api.appcues.com/v2/accounts/94742/jobs/c5abb279`, status: 202, title: 'Accepted' });
      polls++;
      json(res, 200, { job_id: 'c5abb279', status: polls < 3 ? 202 : 200, title: polls < 3 ? 'Accepted' : 'OK' });
    };
    const clock = fakeClock();
    const c = client({ clock });
    const job = await c.segments.addUserIdsToSegment({ path: { segment_id: '-Mv-owpQ' }, contentType: 'multipart/form-data', body: { file: ['12091906-01011992', '8675309', 'with,comma'] } });
    const upload = server.requests[0]!;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(upload.body).toContain('filename="file.csv"\r\nContent-Type: text/csv\r\n\r\n12091906-01011992\r\n8675309\r\n"with,comma"\r\n');
    const done = await c.waitForJob(job, { intervalMs: 2000 });
    expect(done).toMatchObject({ status: 200, title: 'OK' });
    expect(server.requests.slice(1).map((r) => r.url)).toEqual(Array(3).fill('/v2/accounts/94742/jobs/c5abb279'));
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('maps identify and track onto the operations the spec marks', async () => {
    handler = (req, res) => (req.method === 'PATCH' ? json(res, 200, { user_id: 'u1' }) : void res.writeHead(204).end());
    const clock = fakeClock(Date.UTC(2022, 1, 3, 18, 30, 12));
    const c = client({ clock });
    await c.identify('u1', { name: 'John Joe', email: 'john.joe@example.com' });
    await c.track('u1', 'step_activated', { property: 'test' });
    const [identify, track] = server.requests;
    expect(identify).toMatchObject({ method: 'PATCH', url: '/v2/accounts/94742/users/u1/profile' });
    expect(JSON.parse(identify!.body)).toEqual({ name: 'John Joe', email: 'john.joe@example.com' });
    expect(track).toMatchObject({ method: 'POST', url: '/v2/accounts/94742/users/u1/events' });
    expect(JSON.parse(track!.body)).toEqual({ name: 'step_activated', attributes: { property: 'test' }, timestamp: '2022-02-03T18:30:12.000Z' });
  });
});
