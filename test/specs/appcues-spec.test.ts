// Proves from spec/appcues.yaml itself that the hand-written Appcues spec carries every endpoint,
// limit, auth rule, lifecycle event and example that the source documents define, and that every
// example validates against its schema (Ajv, JSON Schema 2020-12).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { provenance } from '../../generator/model/provenance.ts';
import { countByKind, provenanceOf } from './provenance-walk.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

// Both packages are CommonJS and also export themselves as `.default`; under NodeNext the default
// import is the module object, so take `.default` (present at runtime in both interop modes).
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

const specPath = fileURLToPath(new URL('../../spec/appcues.yaml', import.meta.url));
const doc: Json = parse(readFileSync(specPath, 'utf8'));

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** JSON pointer (RFC 6901) from path segments. */
const pointer = (segments: (string | number)[]): string =>
  segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

/** The same pointer as a URI fragment, for Ajv `$ref`s. */
const fragment = (segments: (string | number)[]): string =>
  segments.map((s) => '/' + encodeURIComponent(String(s).replace(/~/g, '~0').replace(/\//g, '~1'))).join('');

function at(ptr: string): Json {
  let node: Json = doc;
  for (const raw of ptr.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === undefined || node === null) return undefined;
    node = node[key];
  }
  return node;
}

/** Follows a local `$ref` (one level is all this spec uses for parameters and responses). */
const deref = (node: Json): Json => (node && typeof node.$ref === 'string' ? at(node.$ref.slice(1)) : node);

interface Op {
  method: string;
  path: string;
  op: Json;
}
const operations: Op[] = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] })),
);
const byId = (id: string): Op => {
  const found = operations.find((o) => o.op.operationId === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
};

// (a) The 20 Appcues endpoints of research/seed-endpoints.txt, written out here on purpose: the
// table must not be derived from the spec under test.
const ENDPOINTS: [string, string][] = [
  ['POST', '/v1/accounts/{account_id}/users/{user_id}/activity'],
  ['GET', '/v2/accounts/{account_id}/flows'],
  ['GET', '/v2/accounts/{account_id}/flows/{flow_id}'],
  ['POST', '/v2/accounts/{account_id}/flows/{flow_id}/publish'],
  ['POST', '/v2/accounts/{account_id}/flows/{flow_id}/unpublish'],
  ['GET', '/v2/accounts/{account_id}/users/{user_id}/profile'],
  ['PATCH', '/v2/accounts/{account_id}/users/{user_id}/profile'],
  ['GET', '/v2/accounts/{account_id}/users/{user_id}/events'],
  ['GET', '/v2/accounts/{account_id}/segments'],
  ['GET', '/v2/accounts/{account_id}/segments/{segment_id}'],
  ['POST', '/v2/accounts/{account_id}/segments'],
  ['PATCH', '/v2/accounts/{account_id}/segments/{segment_id}'],
  ['DELETE', '/v2/accounts/{account_id}/segments/{segment_id}'],
  ['POST', '/v2/accounts/{account_id}/segments/{segment_id}/add_user_ids'],
  ['POST', '/v2/accounts/{account_id}/segments/{segment_id}/remove_user_ids'],
  ['POST', '/v2/accounts/{account_id}/users/{user_id}/events'],
  ['POST', '/v2/accounts/{account_id}/import/profiles'],
  ['POST', '/v2/accounts/{account_id}/import/events'],
  ['POST', '/v2/accounts/{account_id}/export/events'],
  ['GET', '/v2/accounts/{account_id}/jobs/{job_id}'],
];

const LIFECYCLE_EVENTS = [
  'flow_shown',
  'flow_skipped',
  'flow_finished',
  'flow_form_submission',
  'form_field_submission',
  'step_activated',
  'hotspots_shown',
  'hotspots_skipped',
  'hotspots_completed',
  'hotspot_activated',
  'coachmarks_shown',
  'coachmarks_completed',
];

describe('appcues spec: document header', () => {
  it('is OpenAPI 3.1 with the 2020-12 dialect and the Appcues server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.servers[0].url).toBe('https://api.appcues.com');
  });
});

describe('appcues spec: (a) endpoints', () => {
  it.each(ENDPOINTS)('%s %s is present', (method, path) => {
    expect(doc.paths[path], `path ${path}`).toBeDefined();
    expect(doc.paths[path][method.toLowerCase()], `${method} ${path}`).toBeDefined();
  });

  it('has exactly these 20 operations and no others', () => {
    const actual = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(actual).toEqual(ENDPOINTS.map(([m, p]) => `${m} ${p}`).sort());
  });

  it('every operation has a summary, a description and a tag from the declared tag list', () => {
    const tagNames = new Set((doc.tags as Json[]).map((t) => t.name));
    for (const { method, path, op } of operations) {
      const where = `${method} ${path}`;
      expect(op.summary, where).toBeTruthy();
      expect(op.description, where).toBeTruthy();
      expect(op.tags?.length, where).toBeGreaterThan(0);
      for (const t of op.tags) expect(tagNames.has(t), `${where} tag ${t}`).toBe(true);
    }
  });

  it('every path parameter is declared, required and has an example', () => {
    for (const { method, path, op } of operations) {
      const params = (op.parameters ?? []).map(deref);
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const name of names) {
        const p = params.find((x: Json) => x.in === 'path' && x.name === name);
        expect(p, `${method} ${path} {${name}}`).toBeDefined();
        expect(p.required, `${method} ${path} {${name}} required`).toBe(true);
        expect(p.example, `${method} ${path} {${name}} example`).toBeDefined();
      }
      for (const p of params.filter((x: Json) => x.required)) {
        expect(p.example ?? p.examples, `${method} ${path} ${p.name} example`).toBeDefined();
      }
    }
  });
});

describe('appcues spec: (b) operationIds', () => {
  it('are present, unique and camelCase', () => {
    const ids = operations.map((o) => o.op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(20);
  });
});

describe('appcues spec: (c) documented limits and constraints', () => {
  const S = '/components/schemas';

  it('event names: at most 127 characters, the appcues: prefix reserved', () => {
    expect(at(`${S}/EventName/type`)).toBe('string');
    expect(at(`${S}/EventName/maxLength`)).toBe(127);
    expect(at(`${S}/EventName/not/pattern`)).toBe('^appcues:');
    expect(at(`${S}/EventName/x-oaskit-note`)).toMatch(/appcues:/);
    expect(at(`${S}/Event/properties/name/$ref`)).toBe('#/components/schemas/EventName');
    expect(at(`${S}/RecordedEvent/properties/name/anyOf/1/maxLength`)).toBe(127);
    expect(at(`${S}/RecordedEvent/properties/name/anyOf/0/$ref`)).toBe('#/components/schemas/ContentLifecycleEventName');
  });

  it('events: name and timestamp required; timestamp is Unix seconds OR an ISO 8601 string', () => {
    expect(at(`${S}/Event/required`)).toEqual(expect.arrayContaining(['name', 'timestamp']));
    expect(at(`${S}/Event/properties/timestamp/$ref`)).toBe('#/components/schemas/Timestamp');
    expect(at(`${S}/RecordedEvent/properties/timestamp/$ref`)).toBe('#/components/schemas/Timestamp');
    const oneOf = at(`${S}/Timestamp/oneOf`);
    expect(oneOf).toHaveLength(2);
    expect(oneOf).toContainEqual(expect.objectContaining({ type: 'integer' }));
    expect(oneOf).toContainEqual(expect.objectContaining({ type: 'string', pattern: expect.stringMatching(/^\^\\d\{4\}-/) }));
    expect(at(`${S}/Event/properties/attributes/type`)).toBe('object');
  });

  it('v1 activity: events and/or profile_update (request_id optional), response contents required', () => {
    expect(at(`${S}/ActivityRequest/anyOf`)).toEqual([{ required: ['events'] }, { required: ['profile_update'] }]);
    expect(at(`${S}/ActivityRequest/required`)).toBeUndefined();
    expect(at(`${S}/ActivityRequest/properties/events/items/$ref`)).toBe('#/components/schemas/Event');
    expect(at(`${S}/ActivityResponse/required`)).toEqual(['contents']);
    const v1 = byId('recordUserActivity').op;
    expect(Object.keys(v1.requestBody.content)).toEqual(['application/json']);
    expect(Object.keys(v1.responses).sort()).toEqual(['200', '202', '400', '502']);
  });

  it('required fields of the v2 bodies', () => {
    expect(at(`${S}/SegmentCreate/required`)).toEqual(['name']);
    expect(at(`${S}/Segment/required`)).toEqual(expect.arrayContaining(['id', 'name']));
    expect(at(`${S}/UserIdList/required`)).toEqual(['user_ids']);
    expect(at(`${S}/UserIdCsvUpload/required`)).toEqual(['file']);
    expect(at(`${S}/JobAccepted/required`)).toEqual(['job_id', 'job_url', 'status', 'title']);
    expect(at(`${S}/JobAccepted/properties/job_id/format`)).toBe('uuid');
    expect(at(`${S}/JobAccepted/properties/job_url/format`)).toBe('uri');
    expect(at(`${S}/Problem/properties`)).toEqual(
      expect.objectContaining({ error: expect.anything(), status: expect.anything(), title: expect.anything(), detail: expect.anything() }),
    );
  });

  it('add_user_ids takes the guide\'s multipart CSV (part "file") and JSON user_ids, and answers 202 with a job', () => {
    for (const id of ['addUserIdsToSegment', 'removeUserIdsFromSegment']) {
      const op = byId(id).op;
      const content = op.requestBody.content;
      expect(content['multipart/form-data'].schema.$ref).toBe('#/components/schemas/UserIdCsvUpload');
      expect(content['multipart/form-data'].encoding.file.contentType).toBe('text/csv');
      expect(content['application/json'].schema.$ref).toBe('#/components/schemas/UserIdList');
      expect(deref(op.responses['202']).content['application/json'].schema.$ref).toBe('#/components/schemas/JobAccepted');
    }
  });

  it('HTTP basic auth on every v2 operation, none on v1', () => {
    expect(doc.components.securitySchemes.BasicAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'basic' }),
    );
    expect(doc.components.securitySchemes.BasicAuth.description).toMatch(/key/i);
    expect(doc.components.securitySchemes.BasicAuth.description).toMatch(/secret/i);
    for (const { path, method, op } of operations) {
      if (path.startsWith('/v2/')) expect(op.security, `${method} ${path}`).toEqual([{ BasicAuth: [] }]);
      else {
        expect(op.security, `${method} ${path}`).toEqual([]);
        expect(op['x-oaskit-note'], `${method} ${path} note`).toBeTruthy();
      }
    }
  });

  it('every operation documents an error; v2 operations carry the generic codes of the overview', () => {
    for (const { path, method, op } of operations) {
      const codes = Object.keys(op.responses);
      expect(codes.some((c) => /^[45]/.test(c)), `${method} ${path}`).toBe(true);
      if (path.startsWith('/v2/')) {
        for (const c of ['400', '401', '403', '404', '429', '500']) expect(codes, `${method} ${path}`).toContain(c);
        if (op.requestBody) expect(codes, `${method} ${path}`).toContain('415');
        else expect(codes, `${method} ${path}`).not.toContain('415');
      }
    }
  });

  it('paces v2 by the account-wide 60 requests per second of appcues/cli, not v1, and has no download URL for the emailed export', () => {
    expect(doc['x-oaskit-rate-limit']).toEqual({ bucket: 'account', limit: 60, window: 1 });
    expect(doc['x-oaskit-evidence'][0]).toMatch(/^Document \(REAL-A appcues\/cli client.rs\)/);
    expect(doc.paths['/v1/accounts/{account_id}/users/{user_id}/activity'].post['x-oaskit-rate-limit']).toBe(false);
    const exportEvents = doc.paths['/v2/accounts/{account_id}/export/events'].post;
    expect(exportEvents['x-oaskit-download']).toBeUndefined();
    expect(exportEvents['x-oaskit-note'].join(' ')).toMatch(/no\s+`x-oaskit-download`/);
  });

  it('declares no rate-limit headers, since no source document supports them, and says so', () => {
    expect(JSON.stringify(doc)).not.toMatch(/"X-RateLimit-[A-Za-z]+":/i);
    expect(at('/components/responses/TooManyRequests/x-oaskit-note')).toMatch(/rate-limit header/);
  });

  it('the content lifecycle events of Segment\'s page are complete, as a named enum', () => {
    expect(at(`${S}/ContentLifecycleEventName/type`)).toBe('string');
    expect(at(`${S}/ContentLifecycleEventName/enum`)).toEqual(LIFECYCLE_EVENTS);
    expect(at(`${S}/ContentLifecycleEventName/description`)).toMatch(/Segment/);
  });

  it('identify and track map onto exactly one operation each, with a note', () => {
    const calls = operations.filter((o) => o.op['x-oaskit-segment-call']);
    expect(calls.map((o) => [o.op.operationId, o.op['x-oaskit-segment-call']]).sort()).toEqual([
      ['importUserEvent', { call: 'track', userId: 'user_id', event: 'name', properties: 'attributes', timestamp: 'timestamp' }],
      ['updateUserProfile', { call: 'identify', userId: 'user_id' }],
    ]);
    for (const o of calls) expect(provenance(o.op).some((p) => p.extension === 'x-oaskit-note' && /identify|track/.test(p.text))).toBe(true);
    // identify sends the traits as the body; track sends an event (name + attributes).
    expect(byId('updateUserProfile').op.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ProfileProperties',
    );
    expect(byId('importUserEvent').op.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Event',
    );
  });

  it('202 jobs: every 202 job body links to the one job-status operation, whose terminal states are declared', () => {
    const pollers = operations.filter((o) => o.op['x-oaskit-job-status']);
    expect(pollers.map((o) => o.op['x-oaskit-job-status'])).toEqual([{ property: 'status' }]);
    expect(pollers.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual(['GET /v2/accounts/{account_id}/jobs/{job_id}']);
    const jobOps = operations.filter((o) => deref(o.op.responses['202'])?.content?.['application/json']?.schema?.$ref === '#/components/schemas/JobAccepted');
    expect(jobOps.map((o) => o.op.operationId).sort()).toEqual(
      ['addUserIdsToSegment', 'exportEvents', 'importEvents', 'importProfiles', 'removeUserIdsFromSegment'],
    );
    expect(at('/components/responses/JobAccepted/links/pollJob/operationId')).toBe('getJob');
    const statusEnum: number[] = at(`${S}/JobStatus/properties/status/enum`);
    const terminal: number[] = at(`${S}/JobStatus/x-oaskit-terminal-states`);
    expect(terminal.length).toBeGreaterThan(0);
    for (const t of terminal) expect(statusEnum).toContain(t);
    expect(terminal).not.toContain(202);
    expect(statusEnum).toContain(202);
    expect(provenance(at(`${S}/JobStatus`)).filter((p) => p.kind === 'guess').length).toBeGreaterThan(0);
  });

  it('never sets additionalProperties: false (no document asks for it)', () => {
    expect(JSON.stringify(doc)).not.toMatch(/"additionalProperties":false/);
  });
});

// ---- (d) examples -------------------------------------------------------------------------------

interface Example {
  where: string;
  schemaRef: string;
  value: Json;
}

/** Every `example` / `examples.*.value` next to a `schema` (media types, parameters), anywhere. */
function collectExamples(): Example[] {
  const out: Example[] = [];
  const walk = (node: Json, segs: (string | number)[]) => {
    if (!node || typeof node !== 'object') return;
    if (node.schema && typeof node.schema === 'object' && segs.at(-1) !== 'properties') {
      const schemaRef = 'spec#' + fragment([...segs, 'schema']);
      if ('example' in node) out.push({ where: pointer([...segs, 'example']), schemaRef, value: node.example });
      if (node.examples && typeof node.examples === 'object' && !Array.isArray(node.examples)) {
        for (const [name, ex] of Object.entries(node.examples as Record<string, Json>)) {
          const e = deref(ex);
          expect('value' in e, `${pointer([...segs, 'examples', name])} has a value`).toBe(true);
          out.push({ where: pointer([...segs, 'examples', name, 'value']), schemaRef, value: e.value });
        }
      }
    }
    for (const [k, v] of Object.entries(node)) walk(v, [...segs, Array.isArray(node) ? Number(k) : k]);
  };
  walk(doc, []);
  return out;
}

function makeAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'spec');
  return ajv;
}

describe('appcues spec: (d) examples', () => {
  const ajv = makeAjv();
  const examples = collectExamples();
  const validatorFor = (schemaRef: string) => ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });

  it('there are examples to check', () => {
    expect(examples.length).toBeGreaterThan(40);
  });

  it.each(examples.map((e) => [e.where, e] as const))('%s validates against its schema', (_where, e) => {
    const validate = validatorFor(e.schemaRef);
    const ok = validate(e.value);
    expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('every request body media type has an example', () => {
    for (const { method, path, op } of operations) {
      for (const [mt, media] of Object.entries((op.requestBody?.content ?? {}) as Record<string, Json>)) {
        expect(media.example ?? media.examples, `${method} ${path} ${mt}`).toBeDefined();
      }
    }
  });

  it('every response body has an example', () => {
    for (const { method, path, op } of operations) {
      for (const [code, r] of Object.entries(op.responses as Record<string, Json>)) {
        for (const [mt, media] of Object.entries((deref(r).content ?? {}) as Record<string, Json>)) {
          expect(media.example ?? media.examples, `${method} ${path} ${code} ${mt}`).toBeDefined();
        }
      }
    }
  });

  it('carries the documents\' own examples (corrected where they were invalid)', () => {
    const v1 = byId('recordUserActivity').op.requestBody.content['application/json'].examples;
    expect(v1.documentExample.value).toEqual({
      request_id: 'abc123',
      events: [{ name: 'clicked widget', timestamp: 1452854179, attributes: { widget_color: 'blue', ab_group: 'a' } }],
      profile_update: { 'favorite team': 'Red Sox', 'favorite boat type': 'Duck' },
    });
    expect(v1.sendingEvents.value.events[1]).toEqual({
      name: 'purchased a plan',
      timestamp: 1452855000,
      attributes: { plan_tier: 'Enterprise' },
    });
    expect(v1.sendingProfileProperties.value).toEqual({ profile_update: { team: 'Product', tier: 'Beginner' } });
    expect(at('/components/responses/ActivityAccepted200/content/application~1json/examples/documentExample/value')).toEqual({
      request_id: 'abc123',
      contents: [],
    });
    const create = byId('createSegment').op;
    expect(create.requestBody.content['application/json'].examples.guide.value).toEqual({
      name: 'My best friends',
      description: 'A complete list of my best friends',
    });
    expect(create.responses['201'].content['application/json'].examples.guide.value).toEqual({
      created_at: '2022-02-03T18:23:33.178Z',
      created_by: 'de0138b9-0a84-498e-8a09-78a23ddab4b6-02',
      description: 'Feb 3 Demo',
      id: '-Mv-owpQUFrI5RFTdh5_',
      name: 'Segment Upload Demo Feb 3',
      updated_at: '2022-02-03T18:23:33.178Z',
      updated_by: 'de0138b9-0a84-498e-8a09-78a23ddab4b6-02',
      url: 'https://api.appcues.com/v2/accounts/94742/segments/-Mv-owpQUFrI5RFTdh5_',
    });
    expect(at('/components/responses/JobAccepted/content/application~1json/examples/guide/value')).toEqual({
      job_id: 'c5abb279-85d1-4c8b-9930-f37a0460a82f',
      job_url: 'https://api.appcues.com/v2/accounts/94742/jobs/c5abb279-85d1-4c8b-9930-f37a0460a82f',
      status: 202,
      title: 'Accepted',
    });
    const identify = byId('updateUserProfile').op.requestBody.content['application/json'].examples;
    expect(identify.segmentIdentify.value.name).toBe('John Joe');
    const track = byId('importUserEvent').op.requestBody.content['application/json'].examples;
    expect(track.segmentTrack.value).toEqual(expect.objectContaining({ name: 'step_activated', attributes: { property: 'test' } }));
  });

  it('the validator has teeth: invalid values are rejected', () => {
    const event = validatorFor('spec#/components/schemas/Event');
    expect(event({ name: 'clicked widget', timestamp: 1452854179 })).toBe(true);
    expect(event({ name: 'x'.repeat(128), timestamp: 1452854179 })).toBe(false);
    expect(event({ name: 'appcues:flow_shown', timestamp: 1452854179 })).toBe(false);
    expect(event({ name: 'clicked widget', timestamp: 'yesterday' })).toBe(false);
    // "ISO 8601 compliant": with or without a UTC offset, extended format only (a decision)
    expect(event({ name: 'clicked widget', timestamp: '2016-01-13T13:05:22' })).toBe(true);
    expect(event({ name: 'clicked widget', timestamp: '2016-01-13T13:05:22+01:00' })).toBe(true);
    expect(event({ name: 'clicked widget', timestamp: '2016-01-13T13:05:22.000Z' })).toBe(true);
    expect(event({ name: 'clicked widget', timestamp: '2016-01-13' })).toBe(false);
    expect(event({ name: 'clicked widget', timestamp: '20160113T130522Z' })).toBe(false);
    expect(event({ name: 'clicked widget', timestamp: 1.5 })).toBe(false);
    expect(event({ name: 'clicked widget' })).toBe(false);
    const activity = validatorFor('spec#/components/schemas/ActivityRequest');
    expect(activity({ request_id: 'abc123' })).toBe(false);
    const job = validatorFor('spec#/components/schemas/JobAccepted');
    expect(job({ job_id: 'not-a-uuid', job_url: 'https://api.appcues.com/x', status: 202, title: 'Accepted' })).toBe(false);
  });
});

// ---- issue 17: what the documents say is visible; guesses and decisions are labelled -----------

describe('appcues spec: the documents\' statements, decisions and guesses are visible', () => {
  const S = '/components/schemas';

  it('says that the Public API is not available for legacy subscription tiers', () => {
    expect(doc.info.description).toMatch(/not available for legacy subscription tiers/);
    expect(doc.info.description).toMatch(/sales@appcues\.com/);
  });

  it('carries the support note: full request details, never the secret', () => {
    expect(doc.info.description).toMatch(/full HTTP request\s+details/);
    expect(doc.info.description).toMatch(/never send\s+the API key's secret/);
  });

  it('says the legacy key is still needed for installation and some integrations, not that it "does not work"', () => {
    const d: string = doc.components.securitySchemes.BasicAuth.description;
    expect(d).toMatch(/still needed for the initial installation of\s+Appcues and for some integrations/);
    expect(d).not.toMatch(/does not work/);
  });

  it('labels guessed shapes as guesses where readers see them', () => {
    const importEvents = byId('importEvents').op.description;
    expect(importEvents).toMatch(/Guessed shape/);
    expect(importEvents).toMatch(/127 characters/); // still said, as part of the guess
    expect(importEvents.indexOf('Guessed shape')).toBeLessThan(importEvents.indexOf('127 characters'));
    expect(byId('importProfiles').op.description).toMatch(/Guessed shape/);
    const getJob = byId('getJob').op.description;
    expect(getJob).toMatch(/Guessed shape/);
    expect(getJob).toMatch(/Check the result yourself/);
    expect(at(`${S}/JobStatus/description`)).toMatch(/Guessed shape/);
    expect(at(`${S}/JobStatus/properties/status/description`)).toMatch(/guessed/);
    expect(byId('exportEvents').op.description).toMatch(/guesses/);
    expect(byId('listUserEvents').op.description).toMatch(/Newest first is a guess/);
    expect(at(`${S}/Flow/description`)).toMatch(/guess/);
  });

  it('labels the optional segment description as a decision against the guide\'s "name and description"', () => {
    expect(at(`${S}/SegmentCreate/required`)).toEqual(['name']);
    expect(at(`${S}/SegmentCreate/description`)).toMatch(/Give the Segment a name and\s+description.*decision/s);
    expect(provenance(at(`${S}/SegmentCreate`)).map((p) => [p.kind, p.sources])).toEqual([['decision', ['SEED 002 Step 2', 'REAL-A appcues/cli segments.rs']]]);
  });

  it('says only what the documents say about profile properties and removal', () => {
    const props: string = at(`${S}/ProfileProperties/description`);
    expect(props).toMatch(/"arbitrary key-value data"/);
    expect(props).not.toMatch(/strings, numbers, booleans or dates/);
    const remove: string = byId('removeUserIdsFromSegment').op.description;
    expect(remove).not.toMatch(/stay in it/);
    expect(remove).toMatch(/only works if the user was added with the API/);
    expect(remove).toMatch(/Guess: the multipart CSV form and the `202` job response/);
  });
});

describe('appcues spec: provenance', () => {
  const found = provenanceOf(doc);
  const levels = Object.keys(doc.info['x-oaskit-evidence-levels']);

  it('labels every x-oaskit-evidence and x-oaskit-note text with its kind', () => {
    expect(found.problems).toEqual([]);
    expect(found.keys).toEqual({ 'x-oaskit-evidence': 37, 'x-oaskit-note': 29 });
    expect(countByKind(found.entries)).toEqual({
      'x-oaskit-evidence': { document: 65, guess: 14 },
      'x-oaskit-note': { decision: 23, document: 10, guess: 7 },
    });
  });

  it('names sources by a declared level, and the seeds by their number', () => {
    for (const e of found.entries) {
      for (const source of e.sources) {
        expect(levels, `${e.at}: ${source}`).toContain(source.split(' ')[0]);
        if (source.startsWith('SEED ')) expect(source, e.at).toMatch(/^SEED 00[0-3]( .+)?$/);
      }
      if (e.kind !== 'guess') expect(e.sources.length, e.at).toBeGreaterThan(0);
    }
  });

  it('labels every GUESS the old free text marked as a guess', () => {
    // no text says "GUESS" in capitals any more; each guessed statement is a Guess entry
    const all = found.entries.map((e) => e.text).join('\n');
    expect(all).not.toMatch(/\bGUESS/);
    expect(JSON.stringify(doc)).not.toMatch(/\bGUESS\b/);
  });
});
