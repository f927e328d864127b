// `oaskit mock` and `oaskit proxy` never let Prism fetch or read what the spec names: Prism gets
// the printed document, and Prism follows every `$ref` in a file, data included. A canary HTTP
// server on loopback counts the requests a spec's URLs would cause; a real Prism is started on a
// 3.0 spec and on a 3.1 spec that names its dialect (`jsonSchemaDialect`, `$schema`), both
// carrying URL `$ref`s in a default, an enum and a const, and `$id`/`$dynamicRef` URLs.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePortRange } from '../../generator/mock/ports.ts';
import { fetchJson, runOaskit, type Run } from '../mock/helpers.ts';

let canary: Server;
let base = '';
const hits: string[] = [];
const runs: Run[] = [];
const dir = mkdtempSync(join(tmpdir(), 'oaskit-no-fetch-'));

beforeAll(async () => {
  canary = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'application/json');
    res.end('{"canary":"fetched"}');
  });
  await new Promise<void>((r) => canary.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const r of runs) r.kill('SIGKILL');
  await new Promise((r) => canary.close(r));
  rmSync(dir, { recursive: true, force: true });
});

function spec(version: '3.0' | '3.1'): string {
  const v31 = version === '3.1';
  return `openapi: ${v31 ? '3.1.0' : '3.0.3'}
${v31 ? `jsonSchemaDialect: ${base}/dialect\n` : ''}info: { title: canary, version: '1' }
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
${v31 ? `                $schema: ${base}/schema-dialect\n                $id: ${base}/id\n` : ''}                type: object
                default: { $ref: '${base}/default' }
                properties:
                  e: { type: object, enum: [ { $ref: '${base}/enum' } ] }
${v31 ? `                  c: { const: { $ref: '${base}/const' } }\n                  d: { $dynamicRef: '${base}/dynamic' }\n` : ''}                  f: { type: object, default: { $ref: '../../../etc/passwd' } }
              example: { e: { $ref: '${base}/example' } }
`;
}

describe.each(['3.0', '3.1'] as const)('OpenAPI %s: the mock fetches nothing the spec names', (version) => {
  it('serves without a single request to the canary, and says what it left out', { timeout: 180_000 }, async () => {
    const file = join(dir, `canary-${version}.yaml`);
    writeFileSync(file, spec(version));
    hits.length = 0;
    const [port] = [await freePortRange(1)];
    const run = runOaskit(['mock', '--port', String(port), file]);
    runs.push(run);
    await run.waitFor(/mock canary-[\d.]+: (\S+)\n/);
    const answer = await fetchJson(`http://127.0.0.1:${port}/a`);
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain('canary');
    expect(answer.text).not.toContain('root:');
    run.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toMatch(/\d `\$ref` members inside examples, defaults, enums or extensions left out of what Prism serves/);
    expect(hits).toEqual([]);
  });
});

describe('a spec whose schema $ref is a URL', () => {
  it.each(['mock', 'proxy'])('oaskit %s refuses it with the diagnostics and starts no Prism', { timeout: 120_000 }, async (command) => {
    const file = join(dir, `url-ref-${command}.yaml`);
    writeFileSync(file, spec('3.0').replace(/schema:\n/, `schema: { $ref: '${base}/schema.yaml#/X' }\n              x-was-schema:\n`));
    hits.length = 0;
    const port = await freePortRange(1);
    const args = command === 'mock' ? ['mock', '--port', String(port), file] : ['proxy', '--spec', file, '--upstream', base, '--port', String(port)];
    const run = runOaskit(args);
    runs.push(run);
    // mock: 1 (a spec cannot be served); proxy: 2 (its one spec is unusable input)
    expect(await run.exited).toBe(command === 'mock' ? 1 : 2);
    expect(run.stderr()).toMatch(/url-ref-\w+\.yaml:12:31 - error ref-unsafe: \$ref "http:\/\/127\.0\.0\.1:\d+\/schema\.yaml#\/X" points to a URL/);
    expect(hits).toEqual([]);
  });
});
