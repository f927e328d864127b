// The harness's own units: requests from examples, Prefer codes, status ranges, coverage.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../mock/helpers.ts';
import { Coverage, documentedResponse, exampleRequest, loadApi, preferCode, statusMatches } from './harness.ts';

describe('conformance harness', () => {
  it('builds a request from the examples of the spec', async () => {
    const model = await loadApi(join(fixtures, 'pets.yaml'));
    const op = (id: string) => model.operations.find((o) => o.id === id)!;
    expect(exampleRequest(model, op('getPet'))).toMatchObject({ method: 'GET', path: '/pets/1', query: '', missing: [] });
    expect(exampleRequest(model, op('listPets'))).toMatchObject({ path: '/pets', query: 'limit=10' });
    expect(exampleRequest(model, op('createPet'))).toMatchObject({ method: 'POST', contentType: 'application/json', body: { name: 'Rex', tags: ['dog'] }, rawBody: '{"name":"Rex","tags":["dog"]}', headers: { 'content-type': 'application/json' } });
  });

  it('maps statuses to documented responses and picks Prefer codes', async () => {
    expect(statusMatches('4XX', 404)).toBe(true);
    expect(statusMatches('4XX', 500)).toBe(false);
    expect(statusMatches('default', 418)).toBe(true);
    const model = await loadApi(join(fixtures, 'pets.yaml'));
    const getPet = model.operations.find((o) => o.id === 'getPet')!;
    expect(documentedResponse(getPet, 404)?.status).toBe('404');
    expect(documentedResponse(getPet, 500)).toBeUndefined();
    const fake = { ...getPet, responses: [{ ...getPet.responses[0]!, status: '5XX' }, { ...getPet.responses[0]!, status: '500' }, { ...getPet.responses[0]!, status: 'default' }] };
    expect(preferCode(fake, '5XX')).toBe(501);
    expect(preferCode(fake, '200')).toBe(200);
    expect(preferCode(fake, 'default')).toBe(418);
  });

  it('counts operations and responses and lists what was left out', async () => {
    const model = await loadApi(join(fixtures, 'pets.yaml'));
    const c = new Coverage(model);
    c.operationDone('getPet');
    c.responseDone('getPet', '200');
    expect(c.summary('pets')).toBe('conformance pets: operations 1/3, responses 1/5');
    expect(c.missing()).toEqual(['listPets', 'listPets 200', 'createPet', 'createPet 201', 'createPet 400', 'getPet 404']);
    expect(() => c.responseDone('getPet', '500')).toThrow(/no response 500/);
  });
});
