// Hooks: add headers, log and measure, against a real server. They see no credential.
import { describe, expect, it } from 'vitest';
import { buildClient, type ClientOptions } from '../../generator/runtime/client.ts';
import type { ErrorEvent, RequestEvent, ResponseEvent } from '../../generator/runtime/config.ts';
import { ApiError, TimeoutError } from '../../generator/runtime/errors.ts';
import { api, type Loose } from './api.ts';
import { fakeClock, json, useTestServer } from './helpers.ts';

const t = useTestServer();
const client = (options: ClientOptions & Record<string, unknown> = {}): Loose =>
  buildClient({ baseUrl: t.server.url, apiKey: 'secret-key-1', appGroupId: 'secret-group-1', clock: fakeClock(), ...options }, api);

describe('hooks', () => {
  it('onRequest adds headers to every attempt and sees neither credentials nor a credential in the URL', async () => {
    const seen: RequestEvent[] = [];
    let n = 0;
    t.handler = (_req, res) => (n++ === 0 ? json(res, 503, {}) : json(res, 200, []));
    await client({
      onRequest(event) {
        seen.push(structuredClone(event));
        event.headers['X-Request-Id'] = `req-${event.attempt}`;
      },
    }).items.listItems({ query: { limit: 2 } });
    expect(t.server.requests.map((r) => r.headers['x-request-id'])).toEqual(['req-1', 'req-2']);
    expect(seen.map((e) => e.attempt)).toEqual([1, 2]);
    expect(seen[0]).toMatchObject({ operationId: 'listItems', method: 'GET', url: `${t.server.url}/items?limit=2&app_group_id=%5Bredacted%5D` });
    expect(JSON.stringify(seen)).not.toContain('secret');
    // the credential still goes out, added after the hook
    expect(new URL(t.server.requests[0]!.url, t.server.url).searchParams.get('app_group_id')).toBe('secret-group-1');
  });

  it('a header credential is added after onRequest, which cannot see it', async () => {
    const headers: Record<string, string>[] = [];
    t.handler = (_req, res) => json(res, 201, {});
    await client({ onRequest: (e) => void headers.push({ ...e.headers }) }).items.createItem({ body: {} });
    expect(headers).toEqual([{ 'Content-Type': 'application/json' }]);
    expect(t.server.requests[0]!.headers['x-api-key']).toBe('secret-key-1');
  });

  it('onResponse reports each attempt with its status and duration; onError each rejection', async () => {
    const responses: Omit<ResponseEvent, 'headers'>[] = [];
    const errors: ErrorEvent[] = [];
    let n = 0;
    t.handler = (_req, res) => json(res, [503, 503, 400][n++ % 3]!, { message: 'no' });
    const c = client({ onResponse: ({ headers: _, ...e }) => void responses.push(e), onError: (e) => void errors.push(e) });
    const error = await c.items.listItems().catch((e: unknown) => e);
    expect(responses.map((r) => [r.attempt, r.status])).toEqual([[1, 503], [2, 503], [3, 400]]);
    expect(responses.every((r) => r.ms >= 0 && r.operationId === 'listItems')).toBe(true);
    expect(errors).toEqual([{ operationId: 'listItems', error }]);
    expect(error).toBeInstanceOf(ApiError);
    // a documented outcome in the result style is not an error
    n = 2;
    await c.items.listItems.result();
    expect(errors).toHaveLength(1);
    // errors without a response too
    t.handler = () => {};
    const slow = await c.items.listItems({ timeoutMs: 30, retry: false }).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(TimeoutError);
    expect(errors.at(-1)).toEqual({ operationId: 'listItems', error: slow });
  });

  it('a hook that throws fails the call with its own error; nothing is sent', async () => {
    const boom = new Error('hook says no');
    const error = await client({ onRequest: () => Promise.reject(boom) }).items.listItems().catch((e: unknown) => e);
    expect(error).toBe(boom);
    expect(t.server.requests).toHaveLength(0);
  });
});
