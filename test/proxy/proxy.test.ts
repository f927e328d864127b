// The validation proxy in front of real (local) servers: Prism validates, oaskit reports.
import { modelOf } from '../../generator/pipeline/pipeline.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../generator/mock/ports.ts';
import { formatViolation, parseViolationHeader, startValidationProxy, violationPointer, type ExchangeReport, type ValidationProxy } from '../../generator/mock/proxy.ts';
import { fetchJson, fixtures, prismPidsOnPort, runOaskit, type Run } from '../mock/helpers.ts';
import { runCli } from '../support/cli.ts';
import { broken, honest, startUpstream, type Upstream } from './upstreams.ts';

const spec = join(fixtures, 'pets.yaml');
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('validation proxy in front of a server that honours the contract', () => {
  let upstream: Upstream;
  let proxy: ValidationProxy;
  const reports: ExchangeReport[] = [];

  beforeAll(async () => {
    upstream = await startUpstream(honest);
    proxy = await startValidationProxy({ model: await modelOf(spec), upstream: upstream.url, port: 0, onExchange: (r) => reports.push(r) });
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    await upstream?.close();
  });

  it('passes every exchange through unchanged and reports nothing', async () => {
    const list = await fetchJson(`${proxy.url}/pets?limit=10`);
    expect(list).toMatchObject({ status: 200, body: [{ id: 1, name: 'Rex', tags: ['dog'] }] });
    const one = await fetchJson(`${proxy.url}/pets/1`);
    expect(one).toMatchObject({ status: 200, body: { id: 1, name: 'Rex' } });
    const missing = await fetchJson(`${proxy.url}/pets/9`);
    expect(missing).toMatchObject({ status: 404, body: { message: 'no such pet' } });
    const created = await fetchJson(`${proxy.url}/pets`, json({ name: 'Fido', tags: ['dog'] }));
    expect(created).toMatchObject({ status: 201, body: { id: 7, name: 'Fido', tags: ['dog'] } });

    expect(upstream.received.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /pets?limit=10', 'GET /pets/1', 'GET /pets/9', 'POST /pets']);
    expect(upstream.received[3]!.body).toBe('{"name":"Fido","tags":["dog"]}');
    expect(reports.map((r) => [r.operation, r.status, r.violations.length])).toEqual([
      ['listPets', 200, 0],
      ['getPet', 200, 0],
      ['getPet', 404, 0],
      ['createPet', 201, 0],
    ]);
    expect(proxy.violations).toEqual([]);
    expect(proxy.requests).toBe(4);
  }, 60_000);

  it('reports a request that breaks the contract, and still forwards it', async () => {
    const before = proxy.violations.length;
    const r = await fetchJson(`${proxy.url}/pets`, json({ tags: ['dog'], colour: 'brown' }));
    expect(r.status).toBe(400); // the upstream's own answer
    const found = proxy.violations.slice(before);
    expect(found.map((v) => [v.operation, v.status, v.pointer, v.severity, v.code])).toEqual([
      ['createPet', 400, '/request/body/name', 'error', 'required'],
      ['createPet', 400, '/request/body', 'error', 'unevaluatedProperties'],
    ]);
    expect(found[1]!.message).toContain("'colour'");
  }, 60_000);

  it('names query and path parameters as the spec spells them', async () => {
    const before = proxy.violations.length;
    await fetchJson(`${proxy.url}/pets?limit=1000`);
    await fetchJson(`${proxy.url}/pets/abc`);
    const found = proxy.violations.slice(before).filter((v) => v.pointer.startsWith('/request'));
    expect(found.map((v) => [v.operation, v.pointer, v.code])).toEqual([
      ['listPets', '/request/query/limit', 'maximum'],
      ['getPet', '/request/path/petId', 'type'],
    ]);
  }, 60_000);
});

describe('validation proxy in front of a server that breaks the contract', () => {
  let upstream: Upstream;
  let proxy: ValidationProxy;

  beforeAll(async () => {
    upstream = await startUpstream(broken);
    proxy = await startValidationProxy({ model: await modelOf(spec), upstream: upstream.url, port: 0 });
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    await upstream?.close();
  });

  it('reports each broken response with its operation, status and pointer', async () => {
    const missingField = await fetchJson(`${proxy.url}/pets/1`);
    expect(missingField).toMatchObject({ status: 200, body: { id: 1 } }); // passed through as the server sent it
    expect(missingField.headers.get('sl-violations')).toContain('required');
    await fetchJson(`${proxy.url}/pets/2`);
    await fetchJson(`${proxy.url}/pets/3`);
    await fetchJson(`${proxy.url}/pets`);

    expect(proxy.violations.map((v) => [v.operation, v.method, v.path, v.status, v.pointer, v.code ?? '-'])).toEqual([
      ['getPet', 'GET', '/pets/1', 200, '/response/body/name', 'required'],
      ['getPet', 'GET', '/pets/2', 200, '/response/body/id', 'type'],
      ['getPet', 'GET', '/pets/3', 418, '/response', '-'],
      ['listPets', 'GET', '/pets', 200, '/response/body/0/tags/0', 'type'],
      ['listPets', 'GET', '/pets', 200, '/response/body/0/tags/1', 'type'],
    ]);
    expect(proxy.violations[0]!.message).toBe("Response body must have required property 'name'");
    expect(proxy.violations[1]!.message).toBe('Response body property id must be integer');
    expect(proxy.violations[2]!.message).toMatch(/Unable to match the returned status code with those defined in the document: 200,404/);
    expect(formatViolation(proxy.violations[0]!)).toBe("violation getPet GET /pets/1 200 /response/body/name error required: Response body must have required property 'name'");
  }, 60_000);

  it('a request for a path the spec does not have is reported without an operation', async () => {
    const before = proxy.violations.length;
    await fetchJson(`${proxy.url}/owners`);
    expect(proxy.violations.slice(before).map((v) => [v.operation, v.pointer, v.severity, v.message])).toEqual([[undefined, '/request', 'warning', 'Selected route not found']]);
  }, 60_000);
});

describe('oaskit proxy (the command)', () => {
  const runs: Run[] = [];
  const upstreams: Upstream[] = [];

  afterAll(async () => {
    for (const r of runs) r.kill('SIGKILL');
    for (const u of upstreams) await u.close();
  });

  async function start(handler: typeof honest, args: string[]): Promise<{ run: Run; port: number }> {
    const upstream = await startUpstream(handler);
    upstreams.push(upstream);
    const port = await freePort();
    const run = runOaskit(['proxy', '--spec', spec, '--upstream', upstream.url, '--port', String(port), ...args]);
    runs.push(run);
    await run.waitFor(/^proxy pets: .*\n/m);
    return { run, port };
  }

  it('prints one line per violation; --fail-on-violation exits 1 after --requests N', async () => {
    const { run, port } = await start(broken, ['--fail-on-violation', '--requests', '3']);
    expect(run.stdout()).toBe(`proxy pets: http://127.0.0.1:${port} -> ${upstreams.at(-1)!.url}/\n`);
    for (const id of [1, 2, 3]) await fetchJson(`http://127.0.0.1:${port}/pets/${id}`);
    expect(await run.exited).toBe(1);
    const lines = run.stdout().trimEnd().split('\n');
    expect(lines.slice(1)).toEqual([
      "violation getPet GET /pets/1 200 /response/body/name error required: Response body must have required property 'name'",
      'violation getPet GET /pets/2 200 /response/body/id error type: Response body property id must be integer',
      'violation getPet GET /pets/3 418 /response warning -: Unable to match the returned status code with those defined in the document: 200,404',
      'proxy pets: 3 requests, 3 violations (2 errors, 1 warning)',
    ]);
    expect(prismPidsOnPort(port)).toEqual([]);
  }, 180_000);

  it('a server that honours the contract: no violation lines, exit 0', async () => {
    const { run, port } = await start(honest, ['--fail-on-violation', '--requests', '2']);
    await fetchJson(`http://127.0.0.1:${port}/pets/1`);
    await fetchJson(`http://127.0.0.1:${port}/pets`, json({ name: 'Fido' }));
    expect(await run.exited).toBe(0);
    expect(run.stdout()).not.toContain('violation ');
    expect(run.stdout()).toContain('proxy pets: 2 requests, 0 violations (0 errors, 0 warnings)');
  }, 180_000);

  it('SIGTERM ends it: exit 1 with --fail-on-violation when violations were seen, 0 without the flag', async () => {
    const strict = await start(broken, ['--fail-on-violation']);
    const lenient = await start(broken, []);
    await fetchJson(`http://127.0.0.1:${strict.port}/pets/1`);
    await fetchJson(`http://127.0.0.1:${lenient.port}/pets/1`);
    await strict.run.waitFor(/^violation /m);
    await lenient.run.waitFor(/^violation /m);
    strict.run.kill('SIGTERM');
    lenient.run.kill('SIGTERM');
    expect(await strict.run.exited).toBe(1);
    expect(await lenient.run.exited).toBe(0);
    expect(lenient.run.stdout()).toContain('proxy pets: 1 request, 1 violation (1 error, 0 warnings)');
  }, 180_000);

  it('--duration stops it', async () => {
    const { run } = await start(honest, ['--duration', '1']);
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain('proxy pets: 0 requests, 0 violations');
  }, 180_000);

  it('bad usage exits 2; an unusable spec exits 1 naming it', async () => {
    // usage is checked before anything starts: in this process (test/support/cli.ts)
    const noUpstream = await runCli(['proxy', '--spec', spec]);
    expect(noUpstream.code).toBe(2);
    expect(noUpstream.err).toContain('--upstream URL is required');
    const badUrl = await runCli(['proxy', '--spec', spec, '--upstream', 'not a url']);
    expect(badUrl.code).toBe(2);
    const unusable = runOaskit(['proxy', '--spec', join(fixtures, 'no-operations.yaml'), '--upstream', 'http://127.0.0.1:9', '--port', String(await freePort())]);
    expect(await unusable.exited).toBe(1);
    expect(unusable.stderr()).toMatch(/no-operations\.yaml: Prism cannot serve it: No operations found/);
  }, 180_000);
});

describe('reading Prism violations', () => {
  it('turns locations into JSON pointers', () => {
    expect(violationPointer(['response', 'body', 'items', '0', 'a~1b'], 'type', 'x')).toBe('/response/body/items/0/a~1b');
    expect(violationPointer(['response', 'body'], 'required', "Response body must have required property 'a/b'")).toBe('/response/body/a~1b');
    expect(violationPointer(['request', 'header', 'x/y'], 'type', 'x')).toBe('/request/header/x~1y');
    expect(violationPointer(['response'], undefined, 'x')).toBe('/response');
  });

  it('keeps what it can of a truncated header and says it was cut', () => {
    const full = JSON.stringify([
      { location: ['response', 'body', 'a'], severity: 'Error', code: 'type', message: 'a' },
      { location: ['response', 'body', 'b'], severity: 'Error', code: 'type', message: 'b' },
    ]);
    const cut = 'Too many violations! ' + full.slice(0, full.length - 10);
    const parsed = parseViolationHeader(cut);
    expect(parsed.map((v) => v.message)).toEqual(['a', 'more violations than fit in the sl-violations header; the list above is incomplete']);
    expect(parseViolationHeader(full)).toHaveLength(2);
    expect(parseViolationHeader(undefined)).toEqual([]);
  });
});
