// The generated petstore client (test/types/fixture-client) against a real server: the operation
// table the generator wrote, the generated validators behind `validate`, and the helpers.
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  createPetstoreClient,
  MissingCredentialError,
  RequestValidationError,
  ResponseValidationError,
  type Clock,
} from '../types/fixture-client/index.ts';
import * as validators from '../types/fixture-client/validators.ts';
import { fakeClock, json, useTestServer } from '../runtime/helpers.ts';

const t = useTestServer();

const pet = { id: 1, name: 'Rex', status: 'available' };

describe('generated client', () => {
  it('sends each operation where the spec says, with the credentials its security names', async () => {
    t.handler = (req, res) => json(res, req.method === 'POST' ? 201 : 200, req.method === 'POST' ? pet : [pet]);
    const c = createPetstoreClient({ baseUrl: t.server.url, apiKeyAuth: 'key', queryKey: 'qk' });
    expect(await c.pets.listPets({ query: { limit: 2, tags: ['a', 'b'] } })).toEqual([pet]);
    expect(await c.pets.createPet({ body: { name: 'Rex' } })).toEqual(pet);
    await c.users.deleteUsers({ body: { ids: ['u1'] } });
    const [list, create, del] = t.server.requests;
    expect(list).toMatchObject({ method: 'GET', url: '/pets?limit=2&tags=a,b' });
    expect(list!.headers['x-api-key']).toBe('key');
    expect(create!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(del!.body)).toEqual({ ids: ['u1'], api_key: 'qk' });
    await expect(c.pets.deletePet({ path: { petId: 1 } })).rejects.toBeInstanceOf(MissingCredentialError);
  });

  it('returns typed results and throws typed errors, with parsed rate-limit headers', async () => {
    t.handler = (_req, res) => json(res, 429, { message: 'slow', retryable: true }, { 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1704110400' });
    const c = createPetstoreClient({ baseUrl: t.server.url, apiKeyAuth: 'k', retry: false });
    const r = await c.pets.listPets.result();
    expect(r.status).toBe(429);
    if (r.status === 429) {
      expect(r.error.retryable).toBe(true);
      expect(r.headers['X-RateLimit-Remaining']).toBe(0);
      expect(r.headers['X-RateLimit-Reset']).toEqual(new Date('2024-01-01T12:00:00Z'));
    }
    const error = await c.pets.listPets().catch((e: unknown) => e);
    expect(c.pets.listPets.isError(error)).toBe(true);
    expect((error as ApiError).request.url).toBe(`${t.server.url}/pets`);
  });

  it('validate: never sends an invalid request, and lists every problem (generated validators)', async () => {
    const c = createPetstoreClient({ baseUrl: t.server.url, apiKeyAuth: 'k', validate: 'request' });
    const error = await c.pets.listPets({ query: { limit: 500, status: 'lost' as 'sold' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    const problems = (error as RequestValidationError).errors.map((e) => `${e.location}${e.instancePath} ${e.keyword}`);
    expect(problems).toEqual(expect.arrayContaining(['query/limit maximum', 'query/status enum']));
    const bodyError = await c.pets.createPet({ body: { name: '' } }).catch((e: unknown) => e);
    expect((bodyError as RequestValidationError).errors).toEqual([expect.objectContaining({ location: 'body', instancePath: '/name', keyword: 'minLength' })]);
    expect(t.server.requests).toHaveLength(0);
  });

  it('validate: raises ResponseValidationError with the raw payload', async () => {
    t.handler = (_req, res) => json(res, 200, [{ id: 'not a number', name: 'Rex' }]);
    const c = createPetstoreClient({ baseUrl: t.server.url, apiKeyAuth: 'k', validate: 'both' });
    const error = await c.pets.listPets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).payload).toEqual([{ id: 'not a number', name: 'Rex' }]);
    expect((error as ResponseValidationError).errors[0]).toMatchObject({ instancePath: '/0/id' });
    t.handler = (_req, res) => json(res, 200, [pet]);
    expect(await c.pets.listPets()).toEqual([pet]);
  });

  it('exports the validators for direct use', () => {
    expect(validators.validatePet({ id: 1, name: 'x' })).toEqual({ ok: true, value: { id: 1, name: 'x' } });
    expect(validators.isPetStatus('gone')).toBe(false);
  });

  it('batches trackEvents within both caps and maps the non-fatal errors back to items', async () => {
    t.handler = (req, res) => {
      const body = JSON.parse(req.body) as { events?: unknown[]; attributes?: unknown[] };
      if ((body.events?.length ?? 0) > 50 || (body.attributes?.length ?? 0) > 75) return json(res, 400, { message: 'cap', fields: [] });
      json(res, 201, { message: 'ok', errors: body.events?.length ? [{ type: 'bad', input_array: 'events', index: 0 }] : [] });
    };
    const c = createPetstoreClient({ baseUrl: t.server.url, queryKey: 'qk' });
    const events = Array.from({ length: 120 }, (_, i) => ({ external_id: `u${i}`, name: 'e' }));
    const attributes = Array.from({ length: 160 }, (_, i) => ({ external_id: `u${i}` }));
    const report = await c.users.trackEvents.batch({ events, attributes }, { concurrency: 3 });
    expect(t.server.requests).toHaveLength(3);
    expect(report.outcomes).toHaveLength(280);
    expect(report.rejected).toBe(3); // events 0, 50 and 100
    expect(report.delivered).toBe(277);
    expect(report.outcomes.find((o) => o.array === 'events' && o.index === 50)).toMatchObject({ status: 'rejected' });
    expect(t.server.requests.every((r) => JSON.parse(r.body).api_key === 'qk')).toBe(true);
  });

  it('uploads CSV rows as a multipart file part', async () => {
    t.handler = (_req, res) => json(res, 200, { size: 3 });
    const c = createPetstoreClient({ baseUrl: t.server.url, apiKeyAuth: 'k' });
    await c.pets.uploadPetPhoto({ path: { petId: 7 }, contentType: 'multipart/form-data', body: { photo: new Blob(['img'], { type: 'image/png' }), owners: ['u1', 'u,2'], caption: 'hi' } });
    const req = t.server.requests[0]!;
    expect(req.url).toBe('/pets/7/photo');
    expect(req.body).toMatch(/name="owners"; filename="owners.csv"\r\nContent-Type: text\/csv\r\n\r\nu1\r\n"u,2"\r\n/);
    expect(req.body).toMatch(/name="photo"; filename="photo"\r\nContent-Type: image\/png\r\n\r\nimg/);
    expect(req.body).toMatch(/name="caption"\r\n\r\nhi/);
  });

  it('waits for a job it started, and has the Segment-style helpers', async () => {
    const states = ['queued', 'running', 'done'];
    t.handler = (req, res) => {
      if (req.url.endsWith('/exports')) return json(res, 202, { job_id: 'j1', job_url: `${t.server.url}/accounts/a1/jobs/j1` });
      if (req.url.includes('/jobs/')) return json(res, 200, { job_id: 'j1', status: states.shift() });
      if (req.method === 'PATCH') return json(res, 200, { ok: true });
      res.writeHead(202).end();
    };
    const clock: Clock & { sleeps: number[] } = fakeClock();
    const c = createPetstoreClient({ baseUrl: t.server.url, apiKeyAuth: 'k', clock, pathParams: { account_id: 'a1' } });
    const job = await c.jobs.startExport({ body: { format: 'csv' } });
    const done = await c.waitForJob(job, { intervalMs: 500 });
    expect(done).toEqual({ job_id: 'j1', status: 'done' });
    expect(clock.sleeps).toEqual([500, 500]);
    await c.identify('u 1', { plan: 'pro' });
    await c.track('u 1', 'flow_shown', { step: 2 });
    const identify = t.server.requests.find((r) => r.method === 'PATCH')!;
    const track = t.server.requests.at(-1)!;
    expect(identify.url).toBe('/accounts/a1/users/u%201/profile');
    expect(JSON.parse(identify.body)).toEqual({ plan: 'pro' });
    expect(track.url).toBe('/accounts/a1/users/u%201/events');
    expect(JSON.parse(track.body)).toEqual({ name: 'flow_shown', attributes: { step: 2 }, timestamp: new Date(clock.now()).toISOString() });
  });
});
