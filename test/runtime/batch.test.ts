// Batches: every item in comes back as exactly one outcome, whatever happens to its request.
import { describe, expect, it } from 'vitest';
import { buildClient } from '../../generator/runtime/client.ts';
import { ApiError } from '../../generator/runtime/errors.ts';
import { locateError, planChunks } from '../../generator/runtime/batch.ts';
import type { BatchMeta } from '../../generator/runtime/meta.ts';
import type { BatchOutcome, BatchReport } from '../../generator/runtime/types.ts';
import { api, type Loose } from './api.ts';
import { fakeClock, json, useTestServer } from './helpers.ts';

const t = useTestServer();

const track: BatchMeta = api.operations[3]!.batch!;

describe('planChunks', () => {
  it('cuts every capped array side by side and copies the other properties', () => {
    const body = { app_group_id: 'g', attributes: Array.from({ length: 120 }, (_, i) => i), events: [1, 2], purchases: [] };
    const plans = planChunks(track, body);
    expect(plans).toHaveLength(3);
    expect(plans[0]!.body).toEqual({ app_group_id: 'g', attributes: body.attributes.slice(0, 50), events: [1, 2] });
    expect(plans[2]!.body).toEqual({ app_group_id: 'g', attributes: body.attributes.slice(100) });
    expect(plans.map((p) => p.ranges)).toEqual([[['attributes', 0, 50], ['events', 0, 2]], [['attributes', 50, 50]], [['attributes', 100, 20]]]);
  });

  it('cuts an array body by its own cap, and sends nothing for nothing', () => {
    expect(planChunks({ arrays: [], root: 2 }, [1, 2, 3]).map((p) => p.body)).toEqual([[1, 2], [3]]);
    expect(planChunks(track, { app_group_id: 'g' })).toEqual([]);
  });

  it.each([
    [{ index: 3, input_array: 'events' }, { array: 'events', index: 3 }],
    ["events[1]: 'time' must be an ISO 8601 datetime", { array: 'events', index: 1 }],
    ['purchases[12] is invalid', { array: 'purchases', index: 12 }],
    ['something went wrong', undefined],
    [{ index: 1, input_array: 'nope' }, undefined],
    [{ input_array: 'events' }, undefined],
    [42, undefined],
  ])('locateError(%j)', (entry, want) => {
    expect(locateError(entry, track)).toEqual(want);
  });
});

describe('batch()', () => {
  it('delivers 10,000 items as 10,000 outcomes: failed chunks (after retries), rejected and unconfirmed items included', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    t.handler = async (req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      const body = JSON.parse(req.body) as { app_group_id: string; attributes?: { id: number }[]; events?: { id: number }[]; purchases?: { id: number }[] };
      for (const k of ['attributes', 'events', 'purchases'] as const) if ((body[k]?.length ?? 0) > 50) return json(res, 400, { message: 'cap exceeded' });
      const first = body.events?.[0]?.id ?? body.attributes?.[0]?.id ?? 0;
      if (first % 1000 === 500) return json(res, 503, { message: 'always down' }); // retried, then failed
      if (first % 1000 === 250) return json(res, 400, { message: 'rejected chunk' }); // not retried
      const errors: unknown[] = [];
      if (body.events?.some((e) => e.id % 97 === 0)) body.events.forEach((e, i) => e.id % 97 === 0 && errors.push({ type: 'bad', input_array: 'events', index: i }));
      if (body.attributes?.some((a) => a.id % 89 === 0)) body.attributes.forEach((a, i) => a.id % 89 === 0 && errors.push(`attributes[${i}]: bad attribute`));
      if (first % 1000 === 900) errors.push('something unexplained');
      json(res, 200, errors.length ? { message: 'success', errors } : { message: 'success' });
    };
    const clock = fakeClock();
    const c = buildClient({ baseUrl: t.server.url, appGroupId: 'g', clock, retry: { retries: 2, baseDelayMs: 5 } }, api) as Loose;
    const events = Array.from({ length: 6000 }, (_, id) => ({ id }));
    const attributes = Array.from({ length: 4000 }, (_, id) => ({ id }));
    const report = (await c.users.track.batch({ events, attributes }, { concurrency: 4 })) as BatchReport<BatchOutcome<{ id: number }>>;

    expect(report.outcomes).toHaveLength(10_000);
    expect(report.outcomes.filter((o) => o.array === 'attributes').map((o) => o.item)).toEqual(attributes);
    expect(report.outcomes.filter((o) => o.array === 'events').map((o) => o.index)).toEqual(events.map((_, i) => i));
    expect(report.delivered + report.rejected + report.failed + report.unconfirmed).toBe(10_000);
    expect(report.ok).toBe(false);
    expect(report.chunks).toHaveLength(120); // 6000 events / 50
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(maxInFlight).toBeGreaterThan(1);

    const byId = (array: string, id: number) => report.outcomes.find((o) => o.array === array && o.item.id === id)!;
    // chunk starting with event 500 failed after 2 retries; its attributes (500..549) failed with it
    expect(byId('events', 520)).toMatchObject({ status: 'failed', chunk: 10 });
    expect(byId('attributes', 520).status).toBe('failed');
    const failed = byId('events', 520) as Extract<BatchOutcome, { status: 'failed' }>;
    expect(failed.error).toBeInstanceOf(ApiError);
    expect((failed.error as ApiError).status).toBe(503);
    expect((failed.error as ApiError).attempts).toBe(3);
    expect(byId('events', 260)).toMatchObject({ status: 'failed' });
    expect(((byId('events', 260) as { error: ApiError }).error).attempts).toBe(1);
    // rejected items named by the response (objects and "array[index]" strings)
    expect(byId('events', 97)).toMatchObject({ status: 'rejected', reason: { type: 'bad', input_array: 'events', index: 47 } });
    expect(byId('attributes', 89)).toMatchObject({ status: 'rejected', reason: 'attributes[39]: bad attribute' });
    expect(byId('events', 96).status).toBe('delivered');
    // an error that names no item leaves its chunk's other items unconfirmed
    expect(byId('events', 910)).toMatchObject({ status: 'unconfirmed', errors: ['something unexplained'] });
    const failedCount = report.outcomes.filter((o) => o.status === 'failed').length;
    expect(failedCount).toBe(report.failed);
    expect(report.failed).toBe((6 + 6) * 50 + (4 + 4) * 50); // chunks at 250 and 500 of each thousand
  });

  it('never sends more than a cap and returns an empty report for no items', async () => {
    t.handler = (req, res) => json(res, 200, { message: 'success' });
    const c = buildClient({ baseUrl: t.server.url, apiKey: 'k' }, api) as Loose;
    const report = await c.misc.deleteIds.batch(Array.from({ length: 101 }, (_, i) => `id${i}`));
    expect(t.server.requests.map((r) => JSON.parse(r.body).length)).toEqual([50, 50, 1]);
    expect(report.delivered).toBe(101);
    expect(report.ok).toBe(true);
    const empty = await c.misc.deleteIds.batch([]);
    expect(empty).toMatchObject({ outcomes: [], chunks: [], ok: true });
  });

  it('reports a thrown error (network, credentials) for the items of its chunk', async () => {
    const c = buildClient({ baseUrl: 'http://127.0.0.1:9', retry: false }, api) as Loose;
    const report = await c.users.track.batch({ events: [{ id: 1 }] });
    expect(report.outcomes[0].status).toBe('failed');
    expect(report.outcomes[0].error.name).toBe('MissingCredentialError');
  });
});
