// The CSV encoder (RFC 4180), job waiting (fake clock), the Segment-style helpers and the
// validation hook of the runtime.
import { describe, expect, it } from 'vitest';
import { buildClient } from '../../generator/runtime/client.ts';
import { CsvEncodeError, encodeCsv, encodeCsvField } from '../../generator/runtime/csv.ts';
import { JobTimeoutError, RequestValidationError, ResponseValidationError } from '../../generator/runtime/errors.ts';
import { matchPath } from '../../generator/runtime/jobs.ts';
import { api, type Loose } from './api.ts';
import { fakeClock, json, useTestServer } from './helpers.ts';

const t = useTestServer();

describe('encodeCsv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rlf', '"cr\rlf"'],
    ['', ''],
    ['  spaced  ', '  spaced  '],
    ['émoji 😀', 'émoji 😀'],
    [42, '42'],
    [-1.5, '-1.5'],
  ])('field %j -> %j', (value, want) => {
    expect(encodeCsvField(value)).toBe(want);
  });

  it.each([
    ['NUL', 'a\u0000b', /NUL/],
    ['lone high surrogate', 'a\ud800b', /surrogate/],
    ['lone low surrogate', '\udc00', /surrogate/],
    ['boolean', true, /boolean cannot be a CSV value/],
    ['null', null, /null cannot be a CSV value/],
    ['object', { a: 1 }, /object cannot be a CSV value/],
    ['NaN', Number.NaN, /not a finite number/],
    ['Infinity', Infinity, /not a finite number/],
    ['bigint', 1n, /bigint cannot be a CSV value/],
  ])('refuses %s', (_name, value, message) => {
    expect(() => encodeCsvField(value, 3, 1)).toThrow(message);
    expect(() => encodeCsvField(value, 3, 1)).toThrow(CsvEncodeError);
  });

  it('writes one-value rows, value lists and records (header from the keys) with CRLF', () => {
    expect(encodeCsv(['u1', 'u,2', 7])).toBe('u1\r\n"u,2"\r\n7\r\n');
    expect(encodeCsv([['a', 1], ['b"', 2]])).toBe('a,1\r\n"b""",2\r\n');
    expect(encodeCsv([{ user_id: '1', team: 'x' }, { user_id: '2', tier: 'y,z' }])).toBe('user_id,team,tier\r\n1,x,\r\n2,,"y,z"\r\n');
    expect(encodeCsv([{ b: 1, a: 2 }], { columns: ['a', 'b'], header: false })).toBe('2,1\r\n');
    expect(encodeCsv([''])).toBe('""\r\n');
    expect(encodeCsv([])).toBe('');
  });

  it('says where a bad value is, and refuses mixed rows', () => {
    const error = (() => {
      try {
        encodeCsv([{ a: 'ok' }, { a: 'ok' }, { a: 'bad\u0000' }]);
      } catch (e) {
        return e as CsvEncodeError;
      }
    })();
    expect(error).toMatchObject({ row: 2, column: 0 });
    expect(() => encodeCsv(['a', { a: 'b' }])).toThrow(/mixed/);
    expect(() => encodeCsv([[true as never]])).toThrow(CsvEncodeError);
  });

  it('fails an upload with a bad row before anything is sent', async () => {
    t.handler = (_req, res) => json(res, 202, {});
    const c = buildClient({ baseUrl: t.server.url, apiKey: 'u', apiSecret: 'p' }, api) as Loose;
    await expect(c.segments.upload({ path: { segment_id: 's' }, contentType: 'multipart/form-data', body: { file: ['ok', 'x\u0000'] } })).rejects.toThrow(CsvEncodeError);
    expect(t.server.requests).toHaveLength(0);
  });
});

describe('waitForJob', () => {
  const jobUrl = 'https://api.example.invalid/v2/accounts/94742/jobs/c5abb279';

  it('reads the status operation\'s path parameters from the job URL or the job\'s properties', () => {
    expect(matchPath('/accounts/{account_id}/jobs/{job_id}', jobUrl)).toEqual({ account_id: '94742', job_id: 'c5abb279' });
    expect(matchPath('/accounts/{account_id}/jobs/{job_id}', 'https://x/other/path')).toBeUndefined();
    expect(matchPath('/a/{id}', '/a/x%20y/')).toEqual({ id: 'x y' });
  });

  it('polls until a terminal state and resolves with the last status', async () => {
    const states = [202, 202, 202, 200];
    t.handler = (_req, res) => json(res, 200, { job_id: 'c5abb279', status: states.shift() });
    const clock = fakeClock();
    const c = buildClient({ baseUrl: t.server.url, apiKey: 'u', apiSecret: 'p', clock }, api) as Loose;
    const done = await c.waitForJob({ job_id: 'c5abb279', job_url: jobUrl, status: 202 }, { intervalMs: 1000, timeoutMs: 60_000 });
    expect(done).toEqual({ job_id: 'c5abb279', status: 200 });
    expect(t.server.requests.map((r) => r.url)).toEqual(Array(4).fill('/accounts/94742/jobs/c5abb279'));
    expect(clock.sleeps).toEqual([1000, 1000, 1000]);
  });

  it('stops at a failed terminal state too, and times out with the last status', async () => {
    t.handler = (_req, res) => json(res, 200, { status: 422, detail: 'row 3' });
    const c = buildClient({ baseUrl: t.server.url, apiKey: 'u', apiSecret: 'p', clock: fakeClock() }, api) as Loose;
    expect(await c.waitForJob({ job_url: jobUrl })).toEqual({ status: 422, detail: 'row 3' });
    t.handler = (_req, res) => json(res, 200, { status: 202 });
    const clock = fakeClock();
    const slow = buildClient({ baseUrl: t.server.url, apiKey: 'u', apiSecret: 'p', clock, pathParams: { account_id: '1' } }, api) as Loose;
    const error = await slow.waitForJob({ job_id: 'j' }, { timeoutMs: 10_000, intervalMs: 3000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect((error as JobTimeoutError).last).toEqual({ status: 202 });
    expect(clock.elapsed()).toBeLessThanOrEqual(10_000);
    expect(t.server.requests.at(-1)!.url).toBe('/accounts/1/jobs/j');
  });
});

describe('Segment-style helpers', () => {
  it('identify sends the traits as the body; track maps event and properties and stamps the time', async () => {
    t.handler = (req, res) => {
      if (req.method === 'PATCH') json(res, 200, { user_id: 'u1' });
      else res.writeHead(204).end();
    };
    const clock = fakeClock(Date.UTC(2022, 1, 3, 18, 30, 12));
    const c = buildClient({ baseUrl: t.server.url, apiKey: 'u', apiSecret: 'p', clock, pathParams: { account_id: 'acc' } }, api) as Loose;
    expect(await c.identify('u/1', { name: 'John', plan: 'pro' })).toEqual({ user_id: 'u1' });
    await c.track('u1', 'flow_shown', { flowId: 'f' }, { path: { account_id: 'other' } });
    const [identify, track] = t.server.requests;
    expect(identify).toMatchObject({ method: 'PATCH', url: '/accounts/acc/users/u%2F1/profile' });
    expect(JSON.parse(identify!.body)).toEqual({ name: 'John', plan: 'pro' });
    expect(track).toMatchObject({ method: 'POST', url: '/accounts/other/users/u1/events' });
    expect(JSON.parse(track!.body)).toEqual({ name: 'flow_shown', attributes: { flowId: 'f' }, timestamp: '2022-02-03T18:30:12.000Z' });
  });
});

describe('validation hook', () => {
  const validators = {
    validateBody: (v: unknown) =>
      typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string'
        ? { ok: true, value: v }
        : { ok: false, errors: [{ instancePath: '/name', schemaPath: '#/properties/name/type', keyword: 'type', params: { type: 'string' }, message: 'must be string' }] },
    validateQuery: (v: unknown) =>
      typeof (v as { limit?: unknown }).limit === 'string'
        ? { ok: false, errors: [{ instancePath: '/limit', schemaPath: '#/properties/limit/type', keyword: 'type', params: {}, message: 'must be integer' }] }
        : { ok: true, value: v },
    validateResponse: (v: unknown) => (Array.isArray(v) ? { ok: true, value: v } : { ok: false, errors: [{ instancePath: '', schemaPath: '#/type', keyword: 'type', params: {}, message: 'must be array' }] }),
  };
  const withValidators = structuredClone(api);
  withValidators.operations[0]!.validators = { query: 'validateQuery', responses: [['200', 'application/json', 'validateResponse']] };
  withValidators.operations[2]!.validators = { body: [['application/json', 'validateBody']] };

  it('never sends an invalid request and lists every problem', async () => {
    t.handler = (_req, res) => json(res, 201, {});
    const c = buildClient({ baseUrl: t.server.url, apiKey: 'k', appGroupId: 'g', validate: 'request' }, withValidators, validators) as Loose;
    const error = await c.items.createItem({ body: { name: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).errors).toEqual([expect.objectContaining({ location: 'body', instancePath: '/name', message: 'must be string' })]);
    const missing = await c.items.createItem({}).catch((e: unknown) => e);
    expect((missing as RequestValidationError).errors[0]!.message).toBe('a body is required');
    expect(t.server.requests).toHaveLength(0);
    await c.items.createItem({ body: { name: 'ok' } });
    expect(t.server.requests).toHaveLength(1);
  });

  it('raises ResponseValidationError with the raw payload for an invalid response', async () => {
    t.handler = (_req, res) => json(res, 200, { not: 'an array' });
    const c = buildClient({ baseUrl: t.server.url, appGroupId: 'g', validate: 'response' }, withValidators, validators) as Loose;
    const error = await c.items.listItems({ query: { limit: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).payload).toEqual({ not: 'an array' });
    expect((error as ResponseValidationError).status).toBe(200);
    expect(t.server.requests).toHaveLength(1); // 'response' does not check requests
  });

  it('refuses validate without validators', () => {
    expect(() => buildClient({ validate: 'both' }, api, {})).toThrow(/without them/);
  });
});
