// From the spec to the wire: `x-oaskit-idempotent` and `x-oaskit-idempotency-key` (EXTENSIONS.md)
// reach the operation table, and the generated client retries those operations, and only them,
// after a failure that may come after the server did the work. A spec written to a scratch folder,
// generated, imported and run against a real server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInto, removeDir, scratchDir, tsc } from '../client/helpers.ts';
import { fakeClock, json, useTestServer } from './helpers.ts';

const spec = `openapi: 3.1.0
info: { title: Payments, version: '1' }
servers: [{ url: 'https://pay.example.invalid/v1' }]
components:
  securitySchemes:
    Key: { type: apiKey, in: header, name: X-Key }
security: [{ Key: [] }]
paths:
  /charges:
    post:
      operationId: createCharge
      parameters:
        - { name: Idempotency-Key, in: header, required: true, schema: { type: string }, x-oaskit-idempotency-key: true }
      requestBody: { required: true, content: { application/json: { schema: { type: object } } } }
      responses: { '201': { description: created, content: { application/json: { schema: { type: object } } } } }
  /refunds:
    post:
      operationId: createRefund
      x-oaskit-idempotent: true
      requestBody: { required: true, content: { application/json: { schema: { type: object } } } }
      responses: { '201': { description: created, content: { application/json: { schema: { type: object } } } } }
  /transfers:
    post:
      operationId: createTransfer
      requestBody: { required: true, content: { application/json: { schema: { type: object } } } }
      responses: { '201': { description: created, content: { application/json: { schema: { type: object } } } } }
`;

const t = useTestServer();
let dir: string;
let client: (o: object) => Record<string, (input: object) => Promise<unknown>>;
let source: string;

beforeAll(async () => {
  dir = scratchDir('idempotency');
  writeFileSync(join(dir, 'payments.yaml'), spec);
  const files = await generateInto(join(dir, 'payments.yaml'), join(dir, 'out'));
  source = files.find((f) => f.path === 'client.ts')!.contents;
  const mod = (await import(join(dir, 'out', 'index.ts'))) as Record<string, unknown>;
  client = mod.createPaymentsClient as typeof client;
}, 120_000);
afterAll(() => removeDir(dir));

describe('idempotency from the spec', () => {
  it('writes the markers, the servers and the security schemes into each operation of the table', () => {
    expect(source).toMatch(/id: 'createCharge'.*idempotencyKey: 'Idempotency-Key'/);
    expect(source).toMatch(/id: 'createRefund'.*idempotent: true/);
    expect(source).not.toMatch(/id: 'createTransfer'.*idempot/);
    expect(source).toMatch(/id: 'createTransfer'.*servers: \['https:\/\/pay\.example\.invalid\/v1'\]/);
    expect(source).toMatch(/security: \[\[\{ name: 'Key', type: 'apiKey', in: 'header', param: 'X-Key', option: 'key' \}\]\]/);
    // the key the client fills is optional in the input type
    expect(source).toContain('autoHeader: "Idempotency-Key"');
  });

  it('retries a POST with a key or declared idempotent after a 502; never a plain POST', async () => {
    const c = client({ baseUrl: t.server.url, key: 'k', clock: fakeClock(), retry: { retries: 2 } });
    let n = 0;
    t.handler = (_req, res) => (n++ % 2 === 0 ? json(res, 502, {}) : json(res, 201, { ok: true }));
    await c.createCharge!({ body: {} });
    await c.createRefund!({ body: {} });
    const plain = await c.createTransfer!({ body: {} }).catch((e: unknown) => e);
    expect((plain as { status: number }).status).toBe(502);
    expect(t.server.requests.map((r) => r.url)).toEqual(['/charges', '/charges', '/refunds', '/refunds', '/transfers']);
    const [first, second] = t.server.requests;
    expect(first!.headers['idempotency-key']).toBeTruthy();
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
  });
});

it('types the key the client fills as optional (tsc --strict on a consumer)', async () => {
  writeFileSync(
    join(dir, 'out', 'consumer.ts'),
    `import { createPaymentsClient } from './index.ts';
const c = createPaymentsClient({ key: 'k' });
export const a = c.createCharge({ body: {} });
export const b = c.createCharge({ body: {}, header: { 'Idempotency-Key': 'mine' }, retry: { unsafe: true } });
`,
  );
  const { code, output } = await tsc(join(dir, 'out'));
  expect(output).toBe('');
  expect(code).toBe(0);
}, 300_000);
