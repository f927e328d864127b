// Conformance, client layer: for every operation of every spec in spec/, a request built from the
// spec's own examples goes through the generated client to a real Prism serving that spec. The
// success comes back as a documented status, its body passes the generated validator and equals
// the spec's example; every documented error response (asked for with `Prefer: code=...`) comes
// back as the client's typed ApiError, body parsed; a request that breaks the contract is stopped
// by the client's validation, and with validation off Prism refuses it and the client surfaces
// that as an ApiError. Prints `conformance: operations X/Y, responses A/B` and fails when any
// operation or documented response is left out.
import { basename, extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specFiles } from '../../generator/cli/commands/check.ts';
import { clientTable, type ClientTable } from '../../generator/emit/client/analyze.ts';
import { unwrap } from '../../generator/model/schema.ts';
import { freePort } from '../../generator/mock/ports.ts';
import { startPrism, type PrismServer } from '../../generator/mock/prism.ts';
import type { ApiModel, Operation, Parameter } from '../../generator/model/types.ts';
import { fixtures, root } from '../mock/helpers.ts';
import { loadGenerated, type GeneratedPackage } from './generated.ts';
import { Coverage, documentedResponse, exampleRequest, isSuccess, loadApi, mediaExamples, preferCode, requestMediaType, testCredentials, type ExampleRequest } from './harness.ts';

type Validate = (value: unknown) => { ok: boolean; errors?: { instancePath: string; message: string }[] };
type Result = { ok: boolean; status: number; data?: unknown; error?: unknown; headers: Record<string, unknown>; response: Response };
type MethodFn = ((input?: unknown) => Promise<unknown>) & { result(input?: unknown): Promise<Result>; isError(e: unknown): boolean; operationId: string };
type Client = Record<string, Record<string, MethodFn>>;
type ErrorClass = new (...args: never[]) => Error;

// the project's specs, and a small fixture whose operations do not all document a 400 (so Prism's own 422 shows)
const apis = [...specFiles(root), join(fixtures, 'pets.yaml')].map((spec) => [basename(spec, extname(spec)), spec] as const);

// the one line for both project specs together, printed after every API's suite
const projectCoverage: ReturnType<Coverage['counts']>[] = [];
afterAll(() => {
  const sum = (k: keyof (typeof projectCoverage)[number]) => projectCoverage.reduce((n, c) => n + c[k], 0);
  console.log(`conformance: operations ${sum('operations')}/${sum('operationsTotal')}, responses ${sum('responses')}/${sum('responsesTotal')}`);
});

describe.each(apis)('conformance through the generated client: %s', (name, spec) => {
  let model: ApiModel;
  let facts: ClientTable;
  let pkg: GeneratedPackage;
  let prism: PrismServer;
  let coverage: Coverage;
  let prefer: string | undefined;
  let sent = 0;
  let make: (validate: 'off' | 'request' | 'response' | 'both') => Client;
  let ApiError: ErrorClass;
  let RequestValidationError: ErrorClass;

  beforeAll(async () => {
    model = await loadApi(spec);
    facts = clientTable(model);
    coverage = new Coverage(model);
    [pkg, prism] = await Promise.all([loadGenerated(name, spec), startPrism({ model, port: await freePort(), mode: 'mock' })]);
    // a value for every credential option the client has (Prism checks presence and form)
    const credentials: Record<string, string> = {};
    for (const s of facts.meta.schemes) {
      if (s.type === 'apiKey') credentials[s.option] = testCredentials.apiKey;
      else if (s.type === 'bearer') credentials[s.option] = testCredentials.token;
      else if (s.type === 'basic') {
        credentials[s.usernameOption] = testCredentials.user;
        credentials[s.passwordOption] = testCredentials.password;
      }
    }
    const factory = pkg.index[model.names.factory] as (options: Record<string, unknown>) => Client;
    expect(factory, `${pkg.dir}/index.ts exports ${model.names.factory}`).toBeTypeOf('function');
    const fetchThroughPrism = (request: Request) => {
      sent++;
      if (prefer) request.headers.set('prefer', prefer);
      return fetch(request);
    };
    make = (validate) => factory({ ...credentials, baseUrl: prism.url, fetch: fetchThroughPrism, retry: false, timeoutMs: 30_000, validate });
    ApiError = pkg.index.ApiError as ErrorClass;
    RequestValidationError = pkg.index.RequestValidationError as ErrorClass;
  }, 900_000);

  afterAll(async () => {
    await prism?.stop();
    pkg?.dispose();
  });

  function methodOf(client: Client, op: Operation): MethodFn {
    const f = facts.operations.find((x) => x.op.id === op.id)!;
    const m = f.group === undefined ? (client as unknown as Record<string, MethodFn>)[f.method] : client[f.group]?.[f.method];
    if (typeof m !== 'function') throw new Error(`the ${name} client has no ${f.group ?? ''}.${f.method} for ${op.id}`);
    return m;
  }

  /** The typed call's input, from the request the spec's examples make. */
  function inputOf(req: ExampleRequest): Record<string, unknown> {
    const f = facts.operations.find((x) => x.op.id === req.op.id)!;
    const input: Record<string, unknown> = {};
    for (const where of ['path', 'query', 'header', 'cookie'] as const) if (Object.keys(req.params[where]).length) input[where] = req.params[where];
    if (req.contentType !== undefined) {
      input.body = req.body;
      if (req.contentType !== f.facts.defaultMedia) input.contentType = req.contentType;
    }
    return input;
  }

  /** The generated validator of a documented response body accepts `body`; the body is the spec's first example. */
  function expectDocumentedBody(op: Operation, key: string, contentType: string, body: unknown): void {
    const response = op.responses.find((r) => r.status === key)!;
    if (!response.content.length) return;
    const media = response.content.find((c) => contentType.toLowerCase().startsWith(c.contentType.toLowerCase())) ?? response.content[0]!;
    const names = model.names.operations.get(op)!.validators.responses;
    const validatorName = names.find(([status, m]) => status === key && m === media.contentType)?.[2];
    if (media.schema) {
      expect(validatorName, `${op.id} ${key} ${media.contentType} has a generated validator`).toBeDefined();
      const validate = pkg.validators[validatorName!] as Validate;
      const r = validate(body);
      expect(r.errors ?? [], `${op.id} ${key}: the generated validator on ${JSON.stringify(body)?.slice(0, 300)}`).toEqual([]);
      expect(r.ok).toBe(true);
    }
    const example = mediaExamples(model, media)[0];
    if (example && /json/i.test(media.contentType)) expect(body, `${op.id} ${key}: the spec's example`).toEqual(example.value);
  }

  it('every operation: the example request through the client, a documented success, its body valid and typed', async () => {
    const client = make('response'); // the client checks responses too: it must agree with Prism
    const problems: string[] = [];
    for (const op of model.operations) {
      const media = requestMediaType(op);
      const count = Math.max(1, media && /json/i.test(media.contentType) ? mediaExamples(model, media).length : 1);
      let passed = 0;
      for (let i = 0; i < count; i++) {
        const req = exampleRequest(model, op, i);
        if (req.missing.length) {
          problems.push(`${op.id}: no example for ${req.missing.join(', ')}`);
          continue;
        }
        let result: Result;
        try {
          result = await methodOf(client, op).result(inputOf(req));
        } catch (error) {
          problems.push(`${op.id}${req.exampleName ? ` (example ${req.exampleName})` : ''}: ${(error as Error).name}: ${(error as Error).message}`);
          continue;
        }
        const documented = documentedResponse(op, result.status);
        expect(result.ok, `${op.id}: ${result.status}`).toBe(true);
        expect(documented && isSuccess(documented.status), `${op.id}: ${result.status} is a documented success`).toBe(true);
        expect(result.response).toBeInstanceOf(Response);
        expect(typeof result.headers).toBe('object');
        expectDocumentedBody(op, documented!.status, result.response.headers.get('content-type') ?? '', result.data);
        // the throwing style resolves to the same body
        expect(await methodOf(client, op)(inputOf(req))).toEqual(result.data);
        coverage.responseDone(op.id, documented!.status);
        passed++;
      }
      if (passed === count) coverage.operationDone(op.id);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('every documented response, asked for with Prefer: code: successes as results, errors as typed ApiErrors with the body parsed', async () => {
    const client = make('response');
    const problems: string[] = [];
    try {
      for (const op of model.operations) {
        const req = exampleRequest(model, op);
        if (req.missing.length) continue; // reported above
        const method = methodOf(client, op);
        for (const response of op.responses) {
          const code = preferCode(op, response.status);
          prefer = `code=${code}`;
          if (isSuccess(response.status)) {
            const result = await method.result(inputOf(req));
            if (result.status !== code) {
              problems.push(`${op.id} ${response.status}: asked for ${code}, got ${result.status}`);
              continue;
            }
            expect(result.ok).toBe(true);
            expectDocumentedBody(op, response.status, result.response.headers.get('content-type') ?? '', result.data);
          } else {
            const error = await method(inputOf(req)).then(
              () => undefined,
              (e: unknown) => e,
            );
            if (!(error instanceof ApiError)) {
              problems.push(`${op.id} ${response.status}: expected an ApiError, got ${String(error)}`);
              continue;
            }
            const e = error as Error & { status: number; error: unknown; documented: boolean; result: Result; request: { operationId: string } };
            expect(e.status, `${op.id} ${response.status}`).toBe(code);
            expect(e.documented).toBe(true);
            expect(method.isError(e)).toBe(true);
            expect(e.request.operationId).toBe(op.id);
            expectDocumentedBody(op, response.status, e.result.response.headers.get('content-type') ?? '', e.error);
            // the result style returns the same documented failure instead of throwing
            const result = await method.result(inputOf(req));
            expect(result).toMatchObject({ ok: false, status: code });
            expect(result.error).toEqual(e.error);
          }
          coverage.responseDone(op.id, response.status);
        }
      }
    } finally {
      prefer = undefined;
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('a request that breaks the contract: stopped by the client when it validates; refused by Prism (typed ApiError) when it does not', async () => {
    const strict = make('request');
    const loose = make('off');
    let tried = 0;
    const problems: string[] = [];
    for (const op of model.operations) {
      const req = exampleRequest(model, op);
      if (req.missing.length) continue;
      const bad = badInput(model, op, inputOf(req));
      if (!bad) continue;
      tried++;
      const before = sent;
      const stopped = await methodOf(strict, op)(bad.input).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(stopped instanceof RequestValidationError)) problems.push(`${op.id} (${bad.what}): the validating client let it through: ${String(stopped)}`);
      else expect((stopped as Error & { errors: { location: string }[] }).errors.some((x) => x.location === bad.location), `${op.id}: ${stopped.message}`).toBe(true);
      expect(sent, `${op.id}: nothing sent when the client stops the request`).toBe(before);

      const refused = await methodOf(loose, op)(bad.input).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(refused instanceof ApiError)) {
        problems.push(`${op.id} (${bad.what}): expected Prism's refusal as an ApiError, got ${String(refused)}`);
        continue;
      }
      const e = refused as Error & { status: number; error: unknown; documented: boolean };
      // Prism answers the spec's own 400 when it documents one, else its 422
      expect(e.status, `${op.id} (${bad.what}): ${JSON.stringify(e.error)?.slice(0, 300)}`).toBe(documentedResponse(op, 400) ? 400 : 422);
      if (e.status === 422 && !documentedResponse(op, 422)) {
        expect(e.documented).toBe(false);
        expect(e.error).toMatchObject({ status: 422, title: 'Invalid request' });
      } else expect(e.documented).toBe(true);
    }
    expect(problems).toEqual([]);
    expect(tried, 'operations with something a request can break').toBeGreaterThan(0);
  }, 600_000);

  it('leaves no operation or documented response out', () => {
    console.log(coverage.summary(name) + (pkg.committed ? '' : ' (client generated for this run)'));
    if (spec.startsWith(join(root, 'spec'))) projectCoverage.push(coverage.counts());
    expect(coverage.missing()).toEqual([]);
  });
});

/** An input that breaks the contract: a JSON body of the wrong type, else a typed parameter given a word. */
function badInput(model: ApiModel, op: Operation, good: Record<string, unknown>): { input: Record<string, unknown>; what: string; location: string } | undefined {
  const media = requestMediaType(op);
  if (media && /json/i.test(media.contentType) && op.requestBody?.required) {
    const schema = media.schema && unwrap(media.schema);
    if (schema && !(schema.type?.length === 1 && schema.type[0] === 'string')) return { input: { ...good, body: 'not what the contract says' }, what: 'a string body', location: 'body' };
  }
  const typed = op.parameters.find((p: Parameter) => (p.in === 'query' || p.in === 'path') && p.schema !== undefined && unwrap(p.schema).type?.length === 1 && ['integer', 'number', 'boolean'].includes(unwrap(p.schema).type![0]!));
  if (typed) {
    const bag = { ...(good[typed.in] as Record<string, unknown> | undefined), [typed.name]: 'not-a-number' };
    return { input: { ...good, [typed.in]: bag }, what: `${typed.in} parameter ${typed.name} as a word`, location: typed.in };
  }
  return undefined;
}
