// Standalone operations: `defineOperation(meta, codec)` called as `op(config, input)`, the form a
// generated package exports per operation so that importing one costs little. Same behaviour as
// the client object, built from the same pieces.
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../generator/runtime/auth.ts';
import { batch } from '../../generator/runtime/batch.ts';
import { createConfig } from '../../generator/runtime/config.ts';
import { encodeBody } from '../../generator/runtime/encode.ts';
import { ApiError, RequestValidationError, ResponseValidationError } from '../../generator/runtime/errors.ts';
import { waitForJob } from '../../generator/runtime/jobs.ts';
import { defineOperation, type RawOperation } from '../../generator/runtime/operation.ts';
import { styledParams } from '../../generator/runtime/params.ts';
import { codecFor, type Codec } from '../../generator/runtime/request.ts';
import { validation } from '../../generator/runtime/validate.ts';
import { api, ops } from './api.ts';
import { fakeClock, json, useTestServer } from './helpers.ts';

const t = useTestServer();
const all: Codec = { params: styledParams, auth: authenticate, body: encodeBody };
/** What the emitter writes for one operation: its meta and the codecs codecFor names. */
const standalone = (index: number): RawOperation => {
  const meta = api.operations[index]!;
  const codec: Codec = {};
  for (const k of codecFor(meta)) Object.assign(codec, { [k]: all[k] });
  return defineOperation(meta, codec);
};

describe('codecFor', () => {
  it.each([
    ['track', ops.track, []],
    ['createItem', ops.create, ['auth']],
    ['listItems', ops.list, ['params', 'auth']],
    ['getItem', ops.get, ['params', 'auth']],
    ['upload', ops.upload, ['params', 'auth', 'body']],
    ['report', ops.report, []],
    ['withCookie', ops.cookie, ['params', 'auth']],
  ])('%s needs %j', (_name, index, want) => {
    expect(codecFor(api.operations[index]!)).toEqual(want);
  });
});

describe('a standalone operation', () => {
  it('calls with a config: the success body, or the result narrowed by status', async () => {
    const listItems = standalone(ops.list);
    const config = createConfig({ baseUrl: t.server.url, appGroupId: 'g', clock: fakeClock() });
    t.handler = (_req, res) => json(res, 200, [{ id: 1 }], { 'X-Total': '1' });
    expect(await listItems(config, { query: { limit: 1 } })).toEqual([{ id: 1 }]);
    expect(t.server.requests[0]!.url).toBe('/items?limit=1&app_group_id=g');
    const result = await listItems.result(config);
    expect(result).toMatchObject({ ok: true, status: 200, data: [{ id: 1 }], headers: { 'X-Total': 1 } });
    t.handler = (_req, res) => json(res, 400, { message: 'bad' });
    const error = await listItems(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(listItems.isError(error)).toBe(true);
    expect(standalone(ops.get).isError(error)).toBe(false);
  });

  it('takes path defaults from the config, and runs batches and job polling', async () => {
    const config = createConfig({ baseUrl: t.server.url, apiKey: 'u', apiSecret: 'p', pathParams: { account_id: 'acc' }, clock: fakeClock() });
    const states = [202, 200];
    t.handler = (_req, res) => json(res, 200, { status: states.shift() });
    expect(await waitForJob(config, standalone(ops.job), { property: 'status', terminal: [200] }, { job_id: 'j1' }, { intervalMs: 10 })).toEqual({ status: 200 });
    expect(t.server.requests.map((r) => r.url)).toEqual(['/accounts/acc/jobs/j1', '/accounts/acc/jobs/j1']);
    t.server.requests.length = 0;
    t.handler = (_req, res) => json(res, 200, { message: 'success' });
    const report = await batch(standalone(ops.ids), createConfig({ baseUrl: t.server.url, apiKey: 'k' }), Array.from({ length: 120 }, (_, i) => i));
    expect(report).toMatchObject({ delivered: 120, ok: true });
    expect(t.server.requests.map((r) => JSON.parse(r.body).length)).toEqual([50, 50, 20]);
    await expect(batch(standalone(ops.get), createConfig({}), [])).rejects.toThrow(/no capped arrays/);
  });

  it('validates only when asked, with the validators it is given, loading them on the first check only', async () => {
    const createItem = standalone(ops.create);
    const withNames = { ...api.operations[ops.create]!, validators: { body: [['application/json', 'validateItem']] as [string, string][] } };
    const checked = defineOperation<RawOperation>(withNames, { auth: authenticate });
    let loads = 0;
    const loader = async () => {
      loads++;
      return { validateItem: (v: unknown) => (typeof (v as { name?: unknown }).name === 'string' ? { ok: true } : { ok: false, errors: [{ instancePath: '/name', schemaPath: '#/properties/name/type', keyword: 'type', params: {}, message: 'must be string' }] }) };
    };
    t.handler = (_req, res) => json(res, 201, {});
    const off = createConfig({ baseUrl: t.server.url, apiKey: 'k' });
    await createItem(off, { body: { name: 1 } });
    const on = createConfig({ baseUrl: t.server.url, apiKey: 'k', validation: validation('request', loader) });
    expect(loads).toBe(0);
    await expect(checked(on, { body: { name: 1 } })).rejects.toBeInstanceOf(RequestValidationError);
    await checked(on, { body: { name: 'ok' } });
    expect(loads).toBe(1);
    expect(t.server.requests).toHaveLength(2);
  });

  it("finds a standalone operation's validators in the module's operationValidators (its meta names none)", async () => {
    const createItem = standalone(ops.create);
    expect(createItem.meta.validators).toBeUndefined();
    const issue = { instancePath: '/name', schemaPath: '#/properties/name/type', keyword: 'type', params: {}, message: 'must be string' };
    const module = {
      operationValidators: [[createItem.operationId, { body: [['application/json', 'validateItem']], responses: [['201', 'application/json', 'validateCreated']] }]],
      validateItem: (v: unknown) => (typeof (v as { name?: unknown }).name === 'string' ? { ok: true } : { ok: false, errors: [issue] }),
      validateCreated: (v: unknown) => (typeof (v as { id?: unknown }).id === 'number' ? { ok: true } : { ok: false, errors: [{ ...issue, instancePath: '/id' }] }),
    };
    const on = createConfig({ baseUrl: t.server.url, apiKey: 'k', validation: validation('both', async () => module) });
    await expect(createItem(on, { body: { name: 1 } })).rejects.toBeInstanceOf(RequestValidationError);
    expect(t.server.requests).toHaveLength(0);
    t.handler = (_req, res) => json(res, 201, { id: 'not a number' });
    await expect(createItem(on, { body: { name: 'ok' } })).rejects.toBeInstanceOf(ResponseValidationError);
    t.handler = (_req, res) => json(res, 201, { id: 7 });
    expect(await createItem(on, { body: { name: 'ok' } })).toEqual({ id: 7 });
  });
});
