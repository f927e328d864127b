// Conformance, HTTP layer: every operation of every spec in spec/ sent to a real Prism serving
// that spec, with a request built from the spec's own examples; every documented response asked
// for with `Prefer: code=...`; bodies checked against the documented schemas; requests that
// break the contract refused. Fails when any operation or documented response is left out.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specFiles } from '../../generator/cli/commands/check.ts';
import { freePort } from '../../generator/mock/ports.ts';
import { startPrism, type PrismServer } from '../../generator/mock/prism.ts';
import type { ApiModel, Operation } from '../../generator/model/types.ts';
import { fixtures, root } from '../mock/helpers.ts';
import { Coverage, documentedResponse, exampleRequest, loadApi, mediaExamples, preferCode, requestMediaType, type ExampleRequest } from './harness.ts';
import { bodyOracle } from './oracle.ts';

const specs = [...specFiles(root), join(fixtures, 'pets.yaml')];

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: unknown;
}

async function send(prism: PrismServer, req: ExampleRequest, extra: Record<string, string> = {}, rawBody = req.rawBody): Promise<Answer> {
  const res = await fetch(`${prism.url}${req.path}${req.query ? `?${req.query}` : ''}`, {
    method: req.method,
    headers: { ...req.headers, ...extra },
    body: rawBody,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let body: unknown = text;
  if (/json/i.test(contentType) && text) body = JSON.parse(text);
  return { status: res.status, contentType, text, body };
}

describe.each(specs.map((s) => [s.slice(root.length), s]))('conformance over HTTP: %s', (_label, spec) => {
  let model: ApiModel;
  let prism: PrismServer;
  let coverage: Coverage;
  let check: ReturnType<typeof bodyOracle>;

  beforeAll(async () => {
    model = await loadApi(spec);
    coverage = new Coverage(model);
    check = bodyOracle(model);
    prism = await startPrism({ model, port: await freePort(), mode: 'mock' });
  }, 180_000);

  afterAll(async () => {
    await prism?.stop();
  });

  /** The body of a documented response matches its schema (JSON media types). */
  function expectDocumentedBody(op: Operation, answer: Answer, key: string): void {
    const response = op.responses.find((r) => r.status === key)!;
    if (!response.content.length) {
      expect(answer.text, `${op.id} ${key} documents no body`).toBe('');
      return;
    }
    const media = response.content.find((c) => answer.contentType.toLowerCase().startsWith(c.contentType.toLowerCase())) ?? response.content[0]!;
    if (!/json/i.test(media.contentType)) return;
    const result = check(media, answer.body);
    expect(result.errors, `${op.id} ${answer.status} body: ${answer.text.slice(0, 300)}`).toEqual([]);
  }

  it('every operation answers the request built from its examples with a documented success', async () => {
    const problems: string[] = [];
    for (const op of model.operations) {
      const media = requestMediaType(op);
      const count = Math.max(1, mediaExamples(model, media).length);
      for (let i = 0; i < count; i++) {
        const req = exampleRequest(model, op, i);
        if (req.missing.length) {
          problems.push(`${op.id}: no example for ${req.missing.join(', ')}`);
          continue;
        }
        const answer = await send(prism, req);
        const documented = documentedResponse(op, answer.status);
        if (!documented || !/^2/.test(documented.status)) {
          problems.push(`${op.id}${req.exampleName ? ` (example ${req.exampleName})` : ''}: ${answer.status} ${answer.text.slice(0, 400)}`);
          continue;
        }
        expectDocumentedBody(op, answer, documented.status);
        coverage.operationDone(op.id);
        coverage.responseDone(op.id, documented.status);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('every documented response comes back, with its documented body, when asked for with Prefer: code', async () => {
    const problems: string[] = [];
    for (const op of model.operations) {
      const req = exampleRequest(model, op);
      if (req.missing.length) continue; // reported above
      for (const response of op.responses) {
        const code = preferCode(op, response.status);
        const answer = await send(prism, req, { prefer: `code=${code}` });
        if (answer.status !== code) {
          problems.push(`${op.id} ${response.status}: asked for ${code}, got ${answer.status} ${answer.text.slice(0, 300)}`);
          continue;
        }
        expectDocumentedBody(op, answer, response.status);
        coverage.responseDone(op.id, response.status);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('a request that breaks the contract is refused with a client error', async () => {
    let tried = 0;
    for (const op of model.operations) {
      const req = exampleRequest(model, op);
      if (req.missing.length) continue;
      const media = requestMediaType(op);
      if (media && /json/i.test(media.contentType) && op.requestBody?.required) {
        // a JSON body of the wrong shape altogether: a string where the spec wants an object or array
        const answer = await send(prism, req, {}, JSON.stringify('not what the contract says'));
        expect(answer.status, `${op.id}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${op.id}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
        tried++;
      }
    }
    if (model.operations.some((op) => op.requestBody?.required)) expect(tried).toBeGreaterThan(0);
  }, 300_000);

  it('leaves no operation or documented response out', () => {
    const summary = coverage.summary(model.name);
    console.log(summary);
    expect(coverage.missing()).toEqual([]);
  });
});
