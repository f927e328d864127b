// Checks spec/appboy.yaml against the Appboy REST API reference it describes: every endpoint,
// the documented limits (addressed by JSON pointer), the credential model, the responses, and
// that every example in the spec validates against its own schema (Ajv, JSON Schema 2020-12).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { provenance } from '../../generator/model/provenance.ts';
import { countByKind, provenanceOf } from './provenance-walk.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const specPath = fileURLToPath(new URL('../../spec/appboy.yaml', import.meta.url));
const doc: Json = parse(readFileSync(specPath, 'utf8'));

// ---------------------------------------------------------------- JSON pointer helpers

const escapeSegment = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapeSegment = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');
const pointer = (segments: readonly string[]): string =>
  segments.map((s) => '/' + escapeSegment(s)).join('');
const splitPointer = (p: string): string[] => (p === '' ? [] : p.slice(1).split('/').map(unescapeSegment));

function at(p: string): Json {
  let node: Json = doc;
  for (const seg of splitPointer(p)) {
    if (node === null || typeof node !== 'object' || !(seg in node)) return undefined;
    node = node[seg];
  }
  return node;
}

/** Follows local `$ref`s (Reference Objects) until a non-reference node. */
function deref(node: Json): Json {
  let n = node;
  for (let i = 0; n && typeof n === 'object' && typeof n.$ref === 'string' && i < 20; i++) {
    expect(n.$ref.startsWith('#/'), `external $ref ${n.$ref}`).toBe(true);
    n = at(n.$ref.slice(1));
    expect(n, `dangling $ref`).toBeDefined();
  }
  return n;
}

// ---------------------------------------------------------------- Ajv with the whole spec as a resource

// ajv and ajv-formats are CommonJS; depending on the loader the class is the default export
// itself or sits on its `default` property.
type AjvInstance = {
  addSchema(schema: object, key: string): unknown;
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
  errorsText(errors?: unknown): string;
};
const AjvClass = ((Ajv2020 as unknown as { default?: unknown }).default ?? Ajv2020) as new (
  opts: object,
) => AjvInstance;
const formats = ((addFormats as unknown as { default?: unknown }).default ?? addFormats) as (
  ajv: AjvInstance,
) => void;

const ajv = new AjvClass({ strict: false, allErrors: true, validateSchema: false });
formats(ajv);
ajv.addSchema(doc, 'spec');

const validators = new Map<string, ReturnType<AjvInstance['compile']>>();
function validatorFor(schemaPointer: string) {
  let v = validators.get(schemaPointer);
  if (!v) {
    const fragment = splitPointer(schemaPointer)
      .map((s) => '/' + encodeURIComponent(escapeSegment(s)))
      .join('');
    v = ajv.compile({ $ref: 'spec#' + fragment });
    validators.set(schemaPointer, v);
  }
  return v;
}
function check(schemaPointer: string, value: unknown): { ok: boolean; errors: string } {
  const v = validatorFor(schemaPointer);
  const ok = v(value);
  return { ok, errors: ok ? '' : ajv.errorsText(v.errors) };
}
const schemaOf = (name: string): string => pointer(['components', 'schemas', name]);

// ---------------------------------------------------------------- the reference's endpoints

const ENDPOINTS: ReadonlyArray<readonly [method: string, path: string, operationId: string]> = [
  ['post', '/users/track', 'trackUsers'],
  ['post', '/users/delete', 'deleteUsers'],
  ['post', '/push_notification/remove', 'removePushTokens'],
  ['post', '/messages/send', 'sendMessages'],
  ['post', '/campaigns/trigger/send', 'sendCampaignTrigger'],
  ['post', '/messages/schedule/create', 'createMessageSchedule'],
  ['post', '/campaigns/trigger/schedule/create', 'createCampaignTriggerSchedule'],
  ['post', '/messages/schedule/update', 'updateMessageSchedule'],
  ['post', '/campaigns/trigger/schedule/update', 'updateCampaignTriggerSchedule'],
  ['post', '/messages/schedule/delete', 'deleteMessageSchedule'],
  ['post', '/campaigns/trigger/schedule/delete', 'deleteCampaignTriggerSchedule'],
  ['get', '/email/unsubscribes', 'getEmailUnsubscribes'],
  ['post', '/email/status', 'setEmailSubscriptionStatus'],
  ['post', '/email/bounce/remove', 'removeEmailBounces'],
  ['post', '/email/spam/remove', 'removeEmailSpam'],
  ['post', '/users/export/ids', 'exportUsersByIds'],
  ['post', '/users/export/segment', 'exportUsersBySegment'],
  ['get', '/segments/list', 'listSegments'],
  ['get', '/segments/data_series', 'getSegmentDataSeries'],
  ['get', '/segments/details', 'getSegmentDetails'],
  ['get', '/campaigns/list', 'listCampaigns'],
  ['get', '/campaigns/data_series', 'getCampaignDataSeries'],
  ['get', '/campaigns/details', 'getCampaignDetails'],
  ['get', '/feed/list', 'listNewsFeedCards'],
  ['get', '/feed/data_series', 'getNewsFeedCardDataSeries'],
  ['get', '/feed/details', 'getNewsFeedCardDetails'],
  ['get', '/kpi/mau/data_series', 'getMonthlyActiveUsersDataSeries'],
  ['get', '/kpi/dau/data_series', 'getDailyActiveUsersDataSeries'],
  ['get', '/kpi/new_users/data_series', 'getNewUsersDataSeries'],
  ['get', '/kpi/uninstalls/data_series', 'getUninstallsDataSeries'],
  ['get', '/sessions/data_series', 'getSessionsDataSeries'],
  ['get', '/events/list', 'listCustomEvents'],
  ['get', '/events/data_series', 'getCustomEventDataSeries'],
  ['get', '/purchases/product_list', 'listProducts'],
  ['get', '/purchases/revenue_series', 'getRevenueSeries'],
  ['get', '/purchases/quantity_series', 'getPurchaseQuantitySeries'],
  ['post', '/raw_data/export', 'exportRawEvents'],
];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Op = { method: string; path: string; op: Json; ptr: string };
const operations: Op[] = [];
for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
  for (const method of HTTP_METHODS) {
    if (item[method]) operations.push({ method, path, op: item[method], ptr: pointer(['paths', path, method]) });
  }
}

describe('appboy spec: document shape', () => {
  it('is OpenAPI 3.1 with the 2020-12 dialect and the Appboy server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.servers.map((s: Json) => s.url)).toContain('https://api.appboy.com');
  });

  it('has exactly the 37 endpoints of the reference', () => {
    expect(ENDPOINTS).toHaveLength(37);
    expect(operations).toHaveLength(37);
    for (const [method, path, operationId] of ENDPOINTS) {
      const op = doc.paths?.[path]?.[method];
      expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
      expect(op.operationId, `${method.toUpperCase()} ${path}`).toBe(operationId);
    }
  });

  it('has unique camelCase operationIds', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('gives every operation declared tags, a summary and a description', () => {
    const declared = new Set(doc.tags.map((t: Json) => t.name));
    for (const { op, method, path } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.tags?.length, where).toBeGreaterThan(0);
      for (const t of op.tags) expect(declared.has(t), `${where} tag ${t}`).toBe(true);
      expect(op.summary, where).toBeTruthy();
      expect(op.description, where).toBeTruthy();
    }
  });

  it('models the app_group_id credential: query scheme on GET, body property on POST', () => {
    expect(doc.components.securitySchemes.AppGroupId).toMatchObject({
      type: 'apiKey',
      in: 'query',
      name: 'app_group_id',
    });
    for (const { op, method, path } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      if (method === 'get') {
        expect(op.security, where).toEqual([{ AppGroupId: [] }]);
        expect(op.requestBody, where).toBeUndefined();
      } else {
        expect(op.security, where).toEqual([]);
        expect(provenance(op).map((p) => `${p.kind} ${p.text}`).join('\n'), where).toMatch(/^decision The app_group_id credential is sent in the JSON body/m);
        const body = deref(op.requestBody);
        expect(body.required, where).toBe(true);
        const schema = deref(body.content['application/json'].schema);
        expect(schema.required, where).toContain('app_group_id');
        expect(schema.properties.app_group_id, where).toMatchObject({
          type: 'string',
          'x-oaskit-credential': 'AppGroupId',
        });
      }
    }
  });

  it('documents an error response and a 429 with rate-limit headers on every operation, required on every success', () => {
    let successes = 0;
    for (const { op, method, path } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      const codes = Object.keys(op.responses);
      expect(codes, where).toContain('429');
      expect(codes.some((c) => /^[45]/.test(c)), where).toBe(true);
      expect(codes.some((c) => /^2/.test(c)), where).toBe(true);
      for (const code of codes) {
        const response = deref(op.responses[code]);
        expect(response.description, `${where} ${code}`).toBeTruthy();
        // "Any valid request will include in its response headers the current rate limit statuses"
        const success = code.startsWith('2');
        if (success) successes++;
        for (const h of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']) {
          const ref = response.headers?.[h]?.$ref;
          expect(ref, `${where} ${code} ${h}`).toBe(`#/components/headers/${h}${success ? '' : '-OnError'}`);
          expect(deref(response.headers[h]).required === true, `${where} ${code} ${h} required`).toBe(success);
        }
      }
      if (method === 'post') expect(codes, where).toContain('413');
    }
    expect(successes).toBe(37 + 11); // a 200 on every operation, a 202 (queued) on the 11 User Data and Messaging POSTs
  });

  it('follows each chapter\'s documented fatal codes', () => {
    const codesOf = (path: string, method = 'post') => Object.keys(doc.paths[path][method].responses).sort();
    expect(codesOf('/users/track')).toEqual(['200', '202', '400', '401', '404', '413', '429', '5XX']);
    expect(codesOf('/messages/send')).toEqual(['200', '202', '400', '401', '403', '404', '413', '429', '5XX']);
    expect(codesOf('/segments/list', 'get')).toEqual(['200', '400', '401', '429', '5XX']);
    expect(doc.paths['/messages/send'].post.responses['400'].$ref).toBe('#/components/responses/MessagingBadRequest');
    expect(doc.components.responses.Queued.content['application/json'].examples.queued.value).toEqual({
      message: 'queued',
    });
  });

  it('gives every request body, response body and required query parameter an example', () => {
    for (const { op, method, path } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      if (op.requestBody) {
        const media = deref(op.requestBody).content['application/json'];
        expect(media.example !== undefined || Object.keys(media.examples ?? {}).length > 0, where).toBe(true);
      }
      for (const [code, r] of Object.entries<Json>(op.responses)) {
        for (const [type, media] of Object.entries<Json>(deref(r).content ?? {})) {
          const has = media.example !== undefined || Object.keys(media.examples ?? {}).length > 0;
          expect(has, `${where} ${code} ${type}`).toBe(true);
        }
      }
      for (const p of (op.parameters ?? []).map(deref)) {
        if (p.required) expect(p.example, `${where} ${p.name}`).toBeDefined();
      }
    }
  });

  it('carries every example URL of the reference, with valid parameter values', () => {
    let urls = 0;
    for (const { op, method, path, ptr } of operations) {
      if (method !== 'get') continue;
      const raw = op['x-oaskit-example-url'];
      if (raw === undefined) continue;
      urls++;
      const url = new URL(raw);
      expect(url.origin + url.pathname).toBe('https://api.appboy.com' + path);
      const params = (op.parameters ?? []).map((p: Json, i: number) => ({
        p: deref(p),
        schemaPtr: typeof p.$ref === 'string' ? p.$ref.slice(1) + '/schema' : `${ptr}/parameters/${i}/schema`,
      }));
      for (const { p } of params) {
        if (p.required) expect(url.searchParams.has(p.name), `${path} ${p.name}`).toBe(true);
      }
      for (const [name, value] of url.searchParams) {
        if (name === 'app_group_id') continue; // the AppGroupId security scheme
        const found = params.find((x: { p: Json }) => x.p.name === name);
        expect(found, `${path} ?${name}`).toBeDefined();
        const type = deref(found.p.schema).type;
        const typed = type === 'integer' ? Number(value) : type === 'boolean' ? value === 'true' : value;
        const r = check(found.schemaPtr, typed);
        expect(r.ok, `${path} ?${name}=${value}: ${r.errors}`).toBe(true);
      }
    }
    expect(urls).toBe(19); // every GET but /email/unsubscribes has an Example URL in the reference
  });

  it('writes down every contradiction where it applies', () => {
    const list: Json[] = doc['x-oaskit-contradictions'];
    expect(list.length).toBeGreaterThanOrEqual(30);
    for (const c of list) {
      const node = at(c.where);
      expect(node, `${c.id} ${c.where}`).toBeDefined();
      // the decision is written at the place it applies (a corrected example says so in its description)
      expect(node['x-oaskit-note'] ?? node.description, `${c.id} note at ${c.where}`).toBeTruthy();
      expect(c.about, c.id).toBeTruthy();
      expect(c.decision, c.id).toBeTruthy();
    }
  });
});

// ---------------------------------------------------------------- documented limits, by pointer

describe('appboy spec: documented limits', () => {
  const s = '/components/schemas';
  const p = '/components/parameters';
  const limits: ReadonlyArray<readonly [string, unknown]> = [
    // at most 50 objects per request
    [`${s}/UsersTrackRequest/properties/attributes/maxItems`, 50],
    [`${s}/UsersTrackRequest/properties/events/maxItems`, 50],
    [`${s}/UsersTrackRequest/properties/purchases/maxItems`, 50],
    [`${s}/UsersDeleteRequest/properties/external_ids/maxItems`, 50],
    [`${s}/UsersDeleteRequest/properties/appboy_ids/maxItems`, 50],
    [`${s}/UsersExportIdsRequest/properties/external_ids/maxItems`, 50],
    [`${s}/PushTokenRemovalRequest/properties/push_tokens/maxItems`, 50],
    [`${s}/ExternalUserIds/maxItems`, 50],
    [`${s}/CampaignsTriggerSendRequest/properties/recipients/maxItems`, 50],
    [`${s}/CampaignsTriggerScheduleCreateRequest/properties/recipients/maxItems`, 50],
    [`${s}/EmailAddressOrList/oneOf/1/maxItems`, 50],
    [`${s}/EmailStatusRequest/properties/email/$ref`, '#/components/schemas/EmailAddressOrList'],
    [`${s}/EmailListRemovalRequest/properties/email/$ref`, '#/components/schemas/EmailAddressOrList'],
    // string or array (email endpoints), string or object (Apple alert)
    [`${s}/EmailAddressOrList/oneOf/0/type`, 'string'],
    [`${s}/EmailAddressOrList/oneOf/1/type`, 'array'],
    [`${s}/ApplePushObject/properties/alert/oneOf/0/type`, 'string'],
    [`${s}/ApplePushObject/properties/alert/oneOf/1/$ref`, '#/components/schemas/ApplePushAlertObject'],
    // lengths
    [`${s}/InAppMessageObject/properties/message/maxLength`, 140],
    [`${s}/PropertiesObject/propertyNames/maxLength`, 255],
    [`${s}/PropertiesObject/propertyNames/minLength`, 1],
    [`${s}/PropertiesObject/propertyNames/pattern`, '^[^$]'],
    [`${s}/PropertiesObject/additionalProperties/oneOf/0/maxLength`, 255],
    // counts and ranges
    [`${s}/InAppMessageObject/properties/buttons/maxItems`, 2],
    [`${p}/LengthDays/schema/minimum`, 1],
    [`${p}/LengthDays/schema/maximum`, 100],
    [`${p}/LengthUnits/schema/minimum`, 1],
    [`${p}/LengthUnits/schema/maximum`, 100],
    [`${s}/NotificationPriority/type`, 'integer'],
    [`${s}/AndroidPushObject/properties/priority/$ref`, '#/components/schemas/NotificationPriority'],
    [`${s}/KindlePushObject/properties/priority/$ref`, '#/components/schemas/NotificationPriority'],
    [`${s}/PurchaseObject/properties/quantity/maximum`, 100],
    [`${s}/PurchaseObject/properties/quantity/default`, 1],
    // patterns and formats
    [`${s}/HexColor/pattern`, '^0x[0-9A-Fa-f]{8}$'],
    [`${s}/InAppMessageObject/properties/background_color/$ref`, '#/components/schemas/HexColor'],
    [`${s}/ButtonObject/properties/text_color/$ref`, '#/components/schemas/HexColor'],
    [`${s}/InAppMessageObject/properties/icon/pattern`, '^[0-9A-Fa-f]{4}$'],
    [`${s}/UserAttributesObject/properties/country/pattern`, '^[A-Z]{2}$'],
    [`${s}/UserAttributesObject/properties/language/pattern`, '^[a-z]{2}$'],
    [`${s}/PurchaseObject/properties/currency/pattern`, '^[A-Z]{3}$'],
    [`${s}/UserAttributesObject/properties/dob/format`, 'date'],
    [`${p}/EndingAt/schema/format`, 'date-time'],
    [`${s}/RawDataExportRequest/properties/starting_at/format`, 'date-time'],
    [`${s}/RawDataExportRequest/properties/ending_at/format`, 'date-time'],
    [`${s}/ApplePushObject/properties/expiry/format`, 'date-time'],
    // enums
    [`${s}/SubscriptionState/enum`, ['opted_in', 'unsubscribed', 'subscribed']],
    [`${s}/RecipientSubscriptionState/enum`, ['opted_in', 'subscribed', 'all']],
    [`${s}/RecipientSubscriptionState/default`, 'subscribed'],
    [`${s}/EmailStatusRequest/properties/subscription_state/enum`, ['subscribed', 'unsubscribed', 'opted_in']],
    [`${s}/ClickAction/enum`, ['NONE', 'NEWS_FEED', 'URI']],
    [`${s}/ClickAction/default`, 'NONE'],
    [`${s}/InAppMessageObject/properties/type/enum`, ['SLIDEUP', 'MODAL', 'FULL']],
    [`${s}/InAppMessageObject/properties/type/default`, 'SLIDEUP'],
    [`${s}/InAppMessageObject/properties/slide_from/enum`, ['TOP', 'BOTTOM']],
    [`${s}/InAppMessageObject/properties/message_close/enum`, ['SWIPE', 'AUTO_DISMISS']],
    [`${s}/ApplePushObject/properties/asset_file_type/enum`, ['aif', 'gif', 'jpg', 'm4a', 'mp3', 'mp4', 'png', 'wav']],
    [`${s}/WindowsPhone8PushObject/properties/push_type/enum`, ['toast']],
    [`${s}/WebhookObject/properties/request_method/enum`, ['POST', 'PUT', 'DELETE', 'GET']],
    [`${s}/RawDataExportRequest/properties/output_format/enum`, ['zip', 'gzip']],
    [`${p}/Unit/schema/enum`, ['day', 'hour']],
    [`${p}/Unit/schema/default`, 'day'],
    [`${s}/SubscriptionStatusCondition/properties/comparison/enum`, ['is', 'is_not']],
    [`${s}/SubscriptionStatusCondition/properties/value/enum`, ['opted_in', 'subscribed', 'unsubscribed']],
    [`${s}/UserAttributesObject/properties/gender/enum`, ['M', 'F']],
    [`${s}/NewsFeedListResponse/properties/cards/items/properties/type/enum`, ['NewsItem', 'CaptionedImage', 'Banner', 'DevPick']],
    // recursion and custom attribute operations
    [`${s}/ConnectedAudienceObject/oneOf/1/properties/AND/items/$ref`, '#/components/schemas/ConnectedAudienceObject'],
    [`${s}/ConnectedAudienceObject/oneOf/2/properties/OR/items/$ref`, '#/components/schemas/ConnectedAudienceObject'],
    [`${s}/CustomAttributeIncrement/required`, ['inc']],
    [`${s}/CustomAttributeIncrement/properties/inc/type`, 'integer'],
    [`${s}/CustomAttributeArrayOperation/properties/add/type`, 'array'],
    [`${s}/CustomAttributeArrayOperation/properties/remove/type`, 'array'],
    [`${s}/UserAttributesObject/additionalProperties/$ref`, '#/components/schemas/CustomAttributeValue'],
    [`${s}/UsersExportIdsResponse/properties/users/items/$ref`, '#/components/schemas/UserExportObject'],
    // deprecated fields the reference names
    [`${s}/CompanySecret/deprecated`, true],
    [`${p}/CompanySecret/deprecated`, true],
    // the schedule create listing's own keys, not deprecated
    [`${s}/ScheduleMessagesObject/properties/windows_push/$ref`, '#/components/schemas/WindowsPhone8PushObject'],
    [`${s}/ScheduleMessagesObject/properties/windows8_push/$ref`, '#/components/schemas/WindowsUniversalPushObject'],
    [`${s}/ScheduleMessagesObject/properties/windows_push/deprecated`, undefined],
    [`${s}/ScheduleMessagesObject/properties/windows8_push/deprecated`, undefined],
    [`${s}/ScheduleMessagesObject/properties/windows_phone8_push/deprecated`, undefined],
    [`${s}/ScheduleMessagesObject/properties/windows_universal_push/deprecated`, undefined],
  ];

  it.each(limits)('%s', (ptr, expected) => {
    expect(at(ptr)).toEqual(expected);
  });

  it('lists every comparison of the Custom Attribute Filter', () => {
    const byType = at(`${s}/CustomAttributeFilter/x-oaskit-comparisons-by-type`);
    const all = new Set(Object.values<string[]>(byType).flat());
    expect(all.size).toBe(19);
    expect(new Set(at(`${s}/CustomAttributeFilter/properties/custom_attribute/properties/comparison/enum`))).toEqual(all);
  });

  it('lists the 24 Appboy Event Names', () => {
    expect(at(`${s}/AppboyEventName/enum`)).toHaveLength(24);
    expect(at(`${s}/AppboyEventName/enum`)).toContain('$campaign_received');
  });

  it('sets no event name length the reference does not state', () => {
    expect(at(`${s}/EventObject/properties/name/maxLength`)).toBeUndefined();
    expect(at(`${s}/EventObject/properties/name/x-oaskit-note`)).toMatch(/127/);
  });

  it('does not close objects the reference leaves open', () => {
    const closed: string[] = [];
    const visit = (node: Json, path: string[]): void => {
      if (!node || typeof node !== 'object') return;
      if (!Array.isArray(node) && node.additionalProperties === false) closed.push(pointer(path));
      for (const [k, v] of Object.entries<Json>(node)) {
        if (k === 'example' || k === 'examples' || k.startsWith('x-')) continue;
        visit(v, [...path, k]);
      }
    };
    visit(doc, []);
    expect(closed).toEqual([]);
  });
});

// ---------------------------------------------------------------- the schemas enforce them

describe('appboy spec: schemas enforce the limits', () => {
  const track = schemaOf('UsersTrackRequest');
  const event = { external_id: 'user1', name: 'rented_movie', time: '2013-07-16T19:20:45+01:00' };
  const agid = '75480f9a-4db8-4057-8b7e-4d59bfd73709';

  const cases: ReadonlyArray<readonly [string, string, unknown, boolean]> = [
    ['50 events', track, { app_group_id: agid, events: Array(50).fill(event) }, true],
    ['51 events', track, { app_group_id: agid, events: Array(51).fill(event) }, false],
    ['no app_group_id', track, { events: [event] }, false],
    ['event time in yyyy-MM-ddTHH:mm:ss.SSSZ', schemaOf('EventObject'), { ...event, time: '2013-07-16T19:20:45.000+0100' }, true],
    ['event time not a date', schemaOf('EventObject'), { ...event, time: 'yesterday' }, false],
    // "ISO 8601" includes date-times without a UTC offset
    ['event time in ISO 8601 without offset', schemaOf('EventObject'), { ...event, time: '2013-07-16T19:20:45' }, true],
    ['event time in ISO 8601 without offset or seconds', schemaOf('EventObject'), { ...event, time: '2013-07-16T19:20' }, true],
    ['event time in ISO 8601 UTC with fraction', schemaOf('EventObject'), { ...event, time: '2013-07-16T19:20:45.123Z' }, true],
    ['purchase time without offset', schemaOf('PurchaseObject'), { external_id: 'u', product_id: 'p', currency: 'USD', price: 1, time: '2013-07-16T19:20:30' }, true],
    ['first session without offset', schemaOf('UserAttributesObject'), { external_id: 'u', date_of_first_session: '2013-07-16T19:20:30' }, true],
    ['event time as a date only', schemaOf('EventObject'), { ...event, time: '2013-07-16' }, false],
    ['event time in the basic format (a decision)', schemaOf('EventObject'), { ...event, time: '20130716T192045Z' }, false],
    ['event time with a space', schemaOf('EventObject'), { ...event, time: '2013-07-16 19:20:45' }, false],
    ['attributes without external_id', schemaOf('UserAttributesObject'), { first_name: 'Jon' }, false],
    ['push token import without external_id', schemaOf('UserAttributesObject'), { push_token_import: true, push_tokens: [{ app_id: 'a', token: 't' }] }, true],
    ['push token import with external_id', schemaOf('UserAttributesObject'), { push_token_import: true, external_id: 'u', push_tokens: [{ app_id: 'a', token: 't' }] }, false],
    ['custom attribute inc', schemaOf('UserAttributesObject'), { external_id: 'u', visits: { inc: -1 } }, true],
    ['custom attribute inc by a float', schemaOf('UserAttributesObject'), { external_id: 'u', visits: { inc: 1.5 } }, false],
    ['custom attribute add and remove', schemaOf('UserAttributesObject'), { external_id: 'u', tags: { add: ['a'], remove: ['b'] } }, true],
    // arrays: no element type stated, and longer arrays are truncated (25 by default, up to 100), not rejected
    ['custom attribute array of numbers', schemaOf('UserAttributesObject'), { external_id: 'u', scores: [1, 2.5, 3] }, true],
    ['custom attribute array of 101 strings', schemaOf('UserAttributesObject'), { external_id: 'u', tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }, true],
    ['custom attribute add of numbers', schemaOf('UserAttributesObject'), { external_id: 'u', scores: { add: [4] } }, true],
    ['gender X', schemaOf('UserAttributesObject'), { external_id: 'u', gender: 'X' }, false],
    ['country in lower case', schemaOf('UserAttributesObject'), { external_id: 'u', country: 'us' }, false],
    ['property name of 255', schemaOf('PropertiesObject'), { ['p'.repeat(255)]: 1 }, true],
    ['property name of 256', schemaOf('PropertiesObject'), { ['p'.repeat(256)]: 1 }, false],
    ['property name with a leading $', schemaOf('PropertiesObject'), { $price: 1 }, false],
    ['property value of 256 characters', schemaOf('PropertiesObject'), { note: 'v'.repeat(256) }, false],
    ['quantity 101', schemaOf('PurchaseObject'), { external_id: 'u', product_id: 'p', currency: 'USD', price: 1, time: '2013-07-16T19:20:30+01:00', quantity: 101 }, false],
    ['both id lists on delete', schemaOf('UsersDeleteRequest'), { app_group_id: agid, external_ids: ['a'], appboy_ids: ['b'] }, false],
    ['neither id list on delete', schemaOf('UsersDeleteRequest'), { app_group_id: agid }, false],
    ['in-app message of 140', schemaOf('InAppMessageObject'), { message: 'm'.repeat(140) }, true],
    ['in-app message of 141', schemaOf('InAppMessageObject'), { message: 'm'.repeat(141) }, false],
    ['three buttons', schemaOf('InAppMessageObject'), { message: 'm', buttons: [{ text: 'a' }, { text: 'b' }, { text: 'c' }] }, false],
    ['colour without 0x', schemaOf('InAppMessageObject'), { message: 'm', background_color: 'FF00AA88' }, false],
    ['click action OPEN', schemaOf('ButtonObject'), { text: 'a', ios_click_action: 'OPEN' }, false],
    ['android priority 2', schemaOf('AndroidPushObject'), { alert: 'a', title: 't', priority: 2 }, true],
    // out-of-range priorities "will default to 0": the server accepts them, so does the schema
    ['android priority 3', schemaOf('AndroidPushObject'), { alert: 'a', title: 't', priority: 3 }, true],
    ['android priority -3', schemaOf('AndroidPushObject'), { alert: 'a', title: 't', priority: -3 }, true],
    ['kindle priority 100', schemaOf('KindlePushObject'), { alert: 'a', title: 't', priority: 100 }, true],
    ['android priority 1.5', schemaOf('AndroidPushObject'), { alert: 'a', title: 't', priority: 1.5 }, false],
    ['android priority "high"', schemaOf('AndroidPushObject'), { alert: 'a', title: 't', priority: 'high' }, false],
    ['android without title', schemaOf('AndroidPushObject'), { alert: 'a' }, false],
    ['send_to_sync without alert', schemaOf('AndroidPushObject'), { send_to_sync: true }, true],
    ['send_to_sync with alert', schemaOf('AndroidPushObject'), { send_to_sync: true, alert: 'a' }, false],
    ['apple alert object', schemaOf('ApplePushObject'), { alert: { body: 'b', loc_args: ['x'] } }, true],
    ['apple alert object without body', schemaOf('ApplePushObject'), { alert: { title: 't' } }, false],
    ['apple content-available without alert', schemaOf('ApplePushObject'), { 'content-available': true }, true],
    ['apple without alert', schemaOf('ApplePushObject'), { badge: 1 }, false],
    ['apple asset_url without type', schemaOf('ApplePushObject'), { alert: 'a', asset_url: 'https://x.example/a.png' }, false],
    ['apple extra with aps', schemaOf('ApplePushObject'), { alert: 'a', extra: { aps: {} } }, false],
    ['email without body or template', schemaOf('EmailObject'), { app_id: 'a', from: 'A <a@b.example>' }, false],
    ['email from without display name', schemaOf('EmailObject'), { app_id: 'a', from: 'a@b.example', body: 'x' }, false],
    ['webhook PATCH', schemaOf('WebhookObject'), { url: 'https://x.example', request_method: 'PATCH' }, false],
    ['send without target', schemaOf('MessagesSendRequest'), { app_group_id: agid, messages: { apple_push: { alert: 'a' } } }, false],
    ['send with audience only', schemaOf('MessagesSendRequest'), { app_group_id: agid, audience: { email_subscription_status: { comparison: 'is', value: 'opted_in' } }, messages: { apple_push: { alert: 'a' } } }, true],
    ['send with campaign but no variation', schemaOf('MessagesSendRequest'), { app_group_id: agid, segment_id: 's', campaign_id: 'c', messages: { apple_push: { alert: 'a' } } }, false],
    ['send with 51 users', schemaOf('MessagesSendRequest'), { app_group_id: agid, external_user_ids: Array(51).fill('u'), messages: { apple_push: { alert: 'a' } } }, false],
    ['subscription state everyone', schemaOf('MessagesSendRequest'), { app_group_id: agid, segment_id: 's', recipient_subscription_state: 'everyone', messages: { apple_push: { alert: 'a' } } }, false],
    ['nested AND/OR audience', schemaOf('ConnectedAudienceObject'), { OR: [{ AND: [{ custom_attribute: { custom_attribute_name: 'n', comparison: 'exists' } }] }] }, true],
    ['comparison without value', schemaOf('CustomAttributeFilter'), { custom_attribute: { custom_attribute_name: 'n', comparison: 'equals' } }, false],
    ['before with a non-date', schemaOf('CustomAttributeFilter'), { custom_attribute: { custom_attribute_name: 'n', comparison: 'before', value: 'soon' } }, false],
    ['unknown comparison', schemaOf('CustomAttributeFilter'), { custom_attribute: { custom_attribute_name: 'n', comparison: 'contains', value: 'x' } }, false],
    ['both windows spellings', schemaOf('ScheduleMessagesObject'), { windows_push: { toast_content: 'a' }, windows_phone8_push: { toast_content: 'a' } }, false],
    ['both windows universal spellings', schemaOf('ScheduleMessagesObject'), { windows8_push: { push_type: 'toast_text_01', toast_text1: 'a' }, windows_universal_push: { push_type: 'toast_text_01', toast_text1: 'a' } }, false],
    ['schedule listing windows keys', schemaOf('ScheduleMessagesObject'), { windows_push: { toast_content: 'a' }, windows8_push: { push_type: 'toast_text_01', toast_text1: 'a' } }, true],
    ['send-endpoint windows keys on a schedule', schemaOf('ScheduleMessagesObject'), { windows_phone8_push: { toast_content: 'a' } }, true],
    ['schedule create without messages (a decision)', schemaOf('MessagesScheduleCreateRequest'), { app_group_id: agid, segment_id: 's', schedule: { time: '2015-02-20T13:14:47' } }, false],
    ['schedule create with empty messages', schemaOf('MessagesScheduleCreateRequest'), { app_group_id: agid, segment_id: 's', schedule: { time: '2015-02-20T13:14:47' }, messages: {} }, false],
    ['schedule create with a message', schemaOf('MessagesScheduleCreateRequest'), { app_group_id: agid, segment_id: 's', schedule: { time: '2015-02-20T13:14:47' }, messages: { windows_push: { toast_content: 'a' } } }, true],
    ['local schedule time', schemaOf('ScheduleObject'), { time: '2015-02-20T13:14:47', in_local_time: true }, true],
    ['schedule update with neither part', schemaOf('MessagesScheduleUpdateRequest'), { app_group_id: agid, schedule_id: 's' }, false],
    ['trigger schedule update without schedule', schemaOf('CampaignsTriggerScheduleUpdateRequest'), { app_group_id: agid, campaign_id: 'c', schedule_id: 's' }, false],
    ['51 emails', schemaOf('EmailStatusRequest'), { app_group_id: agid, email: Array(51).fill('a@b.example'), subscription_state: 'opted_in' }, false],
    ['one email string', schemaOf('EmailListRemovalRequest'), { app_group_id: agid, email: 'a@b.example' }, true],
    ['51 export ids', schemaOf('UsersExportIdsRequest'), { app_group_id: agid, external_ids: Array(51).fill('u') }, false],
    ['raw export as tar', schemaOf('RawDataExportRequest'), { app_group_id: agid, starting_at: '2016-02-23T22:49:05+00:00', ending_at: '2016-02-23T23:49:05+00:00', output_format: 'tar' }, false],
    ['length 0', pointer(['components', 'parameters', 'LengthDays', 'schema']), 0, false],
    ['length 101', pointer(['components', 'parameters', 'LengthUnits', 'schema']), 101, false],
  ];

  it.each(cases)('%s', (_name, ptr, value, valid) => {
    const r = check(ptr, value);
    expect(r.ok, r.errors).toBe(valid);
  });
});

// ---------------------------------------------------------------- every example validates

type ExampleSite = { where: string; schemaPtr: string; value: unknown };

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_SINGLE = [
  'items', 'additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames', 'contains',
  'unevaluatedProperties', 'unevaluatedItems',
];

function collectExamples(): ExampleSite[] {
  const sites: ExampleSite[] = [];

  const visitSchema = (node: Json, path: string[]): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const ptr = pointer(path);
    if (node.example !== undefined) sites.push({ where: `${ptr}/example`, schemaPtr: ptr, value: node.example });
    if (Array.isArray(node.examples)) {
      node.examples.forEach((value: unknown, i: number) => sites.push({ where: `${ptr}/examples/${i}`, schemaPtr: ptr, value }));
    }
    for (const k of SUBSCHEMA_MAPS) {
      for (const [name, sub] of Object.entries<Json>(node[k] ?? {})) visitSchema(sub, [...path, k, name]);
    }
    for (const k of SUBSCHEMA_LISTS) {
      (node[k] ?? []).forEach((sub: Json, i: number) => visitSchema(sub, [...path, k, String(i)]));
    }
    for (const k of SUBSCHEMA_SINGLE) if (node[k] !== undefined) visitSchema(node[k], [...path, k]);
  };

  // Media types, parameters and headers: objects with a `schema`, whose examples are values or Example Objects.
  const visit = (node: Json, path: string[]): void => {
    if (!node || typeof node !== 'object') return;
    if (!Array.isArray(node) && node.schema && typeof node.schema === 'object') {
      const schemaPtr = pointer([...path, 'schema']);
      visitSchema(node.schema, [...path, 'schema']);
      if (node.example !== undefined) sites.push({ where: pointer([...path, 'example']), schemaPtr, value: node.example });
      for (const [name, ex] of Object.entries<Json>(node.examples ?? {})) {
        const example = deref(ex);
        expect(example && 'value' in example, `${pointer([...path, 'examples', name])} has a value`).toBe(true);
        sites.push({ where: pointer([...path, 'examples', name]), schemaPtr, value: example.value });
      }
    }
    for (const [k, v] of Object.entries<Json>(node)) {
      if (k === 'schema' || k === 'example' || k === 'examples' || k.startsWith('x-')) continue;
      if (path.length === 1 && path[0] === 'components' && k === 'schemas') continue;
      visit(v, [...path, k]);
    }
  };

  visit(doc.paths, ['paths']);
  visit(doc.components, ['components']);
  for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) visitSchema(schema, ['components', 'schemas', name]);
  return sites;
}

describe('appboy spec: examples', () => {
  const sites = collectExamples();

  it('has examples everywhere the reference gives them', () => {
    expect(sites.length).toBeGreaterThanOrEqual(140);
    const where = sites.map((x) => x.where);
    const body = (path: string) => pointer(['paths', path, 'post', 'requestBody', 'content', 'application/json', 'examples']);
    for (const name of ['userAttributes', 'events', 'purchases', 'languageSamples', 'customAttributeOperations']) {
      expect(where).toContain(`${body('/users/track')}/${name}`);
    }
    expect(where).toContain(`${body('/email/status')}/unsubscribe`);
    expect(where).toContain(`${body('/raw_data/export')}/curlExample`);
    expect(where).toContain(`${schemaOf('HexColor')}/examples/0`);
  });

  it.each(sites.map((x) => [x.where, x] as const))('%s', (_where, site) => {
    const r = check(site.schemaPtr, site.value);
    expect(r.ok, r.errors).toBe(true);
  });

  it('rejects a broken copy of an example (the check can fail)', () => {
    const media = `${pointer(['paths', '/messages/send', 'post', 'requestBody', 'content', 'application/json'])}`;
    const value = structuredClone(at(`${media}/examples/connectedAudience/value`));
    expect(check(`${media}/schema`, value).ok).toBe(true);
    value.messages.in_app_message.message = 'x'.repeat(141);
    expect(check(`${media}/schema`, value).ok).toBe(false);
  });
});

// ---------------------------------------------------------------- issue 17: decisions readers see

describe('appboy spec: decisions and guesses are visible', () => {
  const s = (name: string) => doc.components.schemas[name];

  it('quotes both chapters\' rate limits in the API description, with the decision', () => {
    const d: string = doc.info.description;
    expect(d).toContain('API access for enterprise customers is unlimited');
    expect(d).toContain('API access for non-enterprise customers is limited to 100 requests per');
    expect(d).toContain('starts at 50,000 requests per hour');
    expect(d).toMatch(/Decision: no number is encoded/);
    expect(d).toMatch(/Guess: the Messaging chapter's 100 per hour/);
    expect(doc.tags.find((t: Json) => t.name === 'Messaging').description).toMatch(/is unlimited".*100 requests per hour/s);
  });

  it('says on every 200 response that its status code is a guess', () => {
    expect(doc.info.description).toMatch(/never states a success status\s+code/);
    for (const { op, method, path } of operations) {
      const r = deref(op.responses['200']);
      expect(r.description, `${method} ${path}`).toMatch(/Status 200 is a\s+guess/);
      expect(provenance(r).some((p) => p.kind === 'guess' && /status code/.test(p.text)), `${method} ${path}`).toBe(true);
    }
  });

  it('states the priority range and its coercion instead of enforcing it', () => {
    expect(s('NotificationPriority').minimum).toBeUndefined();
    expect(s('NotificationPriority').maximum).toBeUndefined();
    expect(s('NotificationPriority').description).toMatch(/-2.*2.*will default to 0.*decision/s);
    expect(provenance(s('NotificationPriority')).map((p) => p.kind)).toEqual(['decision']);
  });

  it('states that FlexibleDateTime takes ISO 8601 with or without an offset, and what it leaves out', () => {
    expect(s('FlexibleDateTime').format).toBeUndefined();
    expect(s('FlexibleDateTime').description).toMatch(/may be left out.*Decision.*basic format/s);
  });

  it('shows the 25/100 array limit and its truncation, and leaves array elements open', () => {
    const d: string = s('CustomAttributeValue').description;
    expect(d).toMatch(/25 elements by default/);
    expect(d).toMatch(/raised to 100/);
    expect(d).toMatch(/truncated/);
    expect(s('CustomAttributeValue').oneOf[3]).toMatchObject({ type: 'array', items: {} });
    expect(s('CustomAttributeArrayOperation').properties.add.items).toEqual({});
  });

  it('labels `messages` required on schedule create and on send as decisions, with the reason', () => {
    for (const name of ['MessagesScheduleCreateRequest', 'MessagesSendRequest']) {
      expect(s(name).required, name).toContain('messages');
      expect(s(name).properties.messages.description, name).toMatch(/Required by decision.*No message\s+to send/s);
      expect(provenance(s(name)).some((p) => p.kind === 'decision' && /`messages` is marked neither required nor optional/.test(p.text)), name).toBe(true);
    }
  });

  it('documents the schedule listing\'s Windows keys and uses them in the schedule create examples', () => {
    const examples = doc.paths['/messages/schedule/create'].post.requestBody.content['application/json'].examples;
    const keys = Object.values<Json>(examples).flatMap((e) => Object.keys(e.value.messages));
    expect(keys).toContain('windows_push');
    expect(keys).toContain('windows8_push');
    expect(keys).not.toContain('windows_phone8_push');
    expect(keys).not.toContain('windows_universal_push');
    expect(s('ScheduleMessagesObject').description).toMatch(/windows_push.*windows8_push.*Decision/s);
  });
});

// ---------------------------------------------------------------- issue 16: budgets, pages, files

describe('appboy spec: the client behaviour its chapters state', () => {
  const op = (method: string, path: string) => doc.paths[path][method];
  const tag = (name: string) => doc.tags.find((t: Json) => t.name === name);

  it('carries each chapter\'s rate limit as a pacing budget, with its source', () => {
    // Basics: "limited to 50,000 requests per hour"; Messaging: "limited to 100 requests per hour"
    expect(doc['x-oaskit-rate-limit']).toEqual({ bucket: 'api', limit: 50000, window: 3600 });
    expect(tag('Messaging')['x-oaskit-rate-limit']).toEqual({ bucket: 'messaging', limit: 100, window: 3600 });
    expect(tag('Schedules')['x-oaskit-rate-limit']).toEqual({ bucket: 'messaging' });
    expect(doc['x-oaskit-evidence'][0]).toMatch(/^Document \(SEED 004 Basics, API Limits\)/);
    expect(tag('Messaging')['x-oaskit-evidence']).toMatch(/^Document \(SEED 004 Messaging, API Limits\)/);
  });

  it('pages the lists by `page` (100 or 250 a page) and the unsubscribes by `offset`', () => {
    const pages: [string, string, number][] = [
      ['/segments/list', 'segments', 100],
      ['/campaigns/list', 'campaigns', 100],
      ['/feed/list', 'cards', 100],
      ['/events/list', 'events', 250],
      ['/purchases/product_list', 'products', 250],
    ];
    for (const [path, items, size] of pages) expect(op('get', path)['x-oaskit-pagination'], path).toEqual({ style: 'page', param: 'page', items: `/${items}`, size });
    expect(op('get', '/email/unsubscribes')['x-oaskit-pagination']).toEqual({ style: 'offset', param: 'offset', items: '/emails' });
  });

  it('downloads the segment export from the `url` of its response, and declares no "not ready" status', () => {
    expect(op('post', '/users/export/segment')['x-oaskit-download']).toEqual({ url: '/url' });
    expect(op('post', '/raw_data/export')['x-oaskit-download']).toBeUndefined();
  });
});

// ---------------------------------------------------------------- issue 17: provenance a program reads

describe('appboy spec: provenance', () => {
  const found = provenanceOf(doc);
  const levels = Object.keys(doc.info['x-oaskit-evidence-levels']);

  it('labels every x-oaskit-evidence and x-oaskit-note text with its kind', () => {
    expect(found.problems).toEqual([]);
    expect(found.keys).toEqual({ 'x-oaskit-evidence': 37, 'x-oaskit-note': 69 });
    expect(countByKind(found.entries)).toEqual({
      'x-oaskit-evidence': { decision: 6, document: 14, guess: 26 },
      'x-oaskit-note': { decision: 80, document: 6, guess: 6 },
    });
  });

  it('names sources by a declared level, and the reference by its number and chapter', () => {
    for (const e of found.entries) {
      for (const source of e.sources) {
        expect(levels, `${e.at}: ${source}`).toContain(source.split(' ')[0]);
        if (source.startsWith('SEED ')) expect(source, e.at).toMatch(/^SEED 004( (Basics|User Data|Messaging|Email Sync|Export|Raw Event Stream Export)(, .+)?)?$/);
      }
      if (e.kind !== 'guess') expect(e.sources.length, e.at).toBeGreaterThan(0);
    }
  });
});
