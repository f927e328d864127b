// A small operation table written by hand, so runtime tests do not depend on the generator.
import type { ApiMeta, OperationMeta, SchemeMeta } from '../../generator/runtime/meta.ts';

const rateHeaders = [
  { name: 'X-RateLimit-Limit', kind: 'integer' as const },
  { name: 'X-RateLimit-Remaining', kind: 'integer' as const },
  { name: 'X-RateLimit-Reset', kind: 'date' as const },
];

const errors: OperationMeta['responses'] = [
  { status: '400', media: ['application/json'], headers: [] },
  { status: '429', media: ['application/json'], headers: [{ name: 'Retry-After', kind: 'string' }, ...rateHeaders] },
  { status: '5XX', media: ['application/json'], headers: [] },
];

export const ops = {
  list: 0,
  get: 1,
  create: 2,
  track: 3,
  upload: 4,
  job: 5,
  report: 6,
  basic: 7,
  bearer: 8,
  profile: 9,
  event: 10,
  cookie: 11,
  ids: 12,
  upsert: 13,
  charge: 14,
  refund: 15,
} as const;

const Key: SchemeMeta = { name: 'Key', type: 'apiKey', in: 'header', param: 'X-API-Key', option: 'apiKey' };
const AppGroupId: SchemeMeta = { name: 'AppGroupId', type: 'apiKey', in: 'query', param: 'app_group_id', option: 'appGroupId' };
const Session: SchemeMeta = { name: 'Session', type: 'apiKey', in: 'cookie', param: 'sid', option: 'session' };
const Basic: SchemeMeta = { name: 'Basic', type: 'basic', usernameOption: 'apiKey', passwordOption: 'apiSecret' };
const Bearer: SchemeMeta = { name: 'Bearer', type: 'bearer', option: 'token' };

export const api: ApiMeta = {
  name: 'test',
  servers: ['https://api.example.invalid/v1'],
  schemes: [Key, AppGroupId, Session, Basic, Bearer],
  operations: [
    {
      id: 'listItems',
      method: 'get',
      path: '/items',
      params: [
        { name: 'limit', in: 'query' },
        { name: 'tags', in: 'query', style: 'form', explode: false },
        { name: 'ids', in: 'query' },
        { name: 'X-Trace', in: 'header' },
      ],
      security: [[AppGroupId]],
      responses: [{ status: '200', media: ['application/json'], headers: [...rateHeaders, { name: 'X-Total', kind: 'integer' }] }, ...errors],
    },
    {
      id: 'getItem',
      method: 'get',
      path: '/items/{id}',
      params: [{ name: 'id', in: 'path', required: true }],
      security: [[Key], [Bearer]],
      responses: [
        { status: '200', media: ['application/json'], headers: [] },
        { status: '404', media: ['application/json'], headers: [] },
        { status: 'default', media: ['application/json'], headers: [] },
      ],
    },
    {
      id: 'createItem',
      method: 'post',
      path: '/items',
      params: [],
      security: [[Key]],
      body: { required: true, media: ['application/json'] },
      responses: [{ status: '201', media: ['application/json'], headers: [] }, ...errors],
    },
    {
      id: 'track',
      method: 'post',
      path: '/users/track',
      params: [],
      security: [],
      body: { required: true, media: ['application/json'], credentials: [['app_group_id', 'appGroupId']] },
      batch: {
        arrays: [
          ['attributes', 50],
          ['events', 50],
          ['purchases', 50],
        ],
        errors: { property: 'errors', index: 'index', array: 'input_array' },
      },
      responses: [{ status: '200', media: ['application/json'], headers: rateHeaders }, ...errors],
    },
    {
      id: 'upload',
      method: 'post',
      path: '/segments/{segment_id}/add_user_ids',
      params: [{ name: 'segment_id', in: 'path', required: true }],
      security: [[Basic]],
      body: { required: true, media: ['application/json', 'multipart/form-data', 'text/csv'], csvParts: ['file'] },
      responses: [{ status: '202', media: ['application/json'], headers: [] }, ...errors],
    },
    {
      id: 'getJob',
      method: 'get',
      path: '/accounts/{account_id}/jobs/{job_id}',
      params: [
        { name: 'account_id', in: 'path', required: true },
        { name: 'job_id', in: 'path', required: true },
      ],
      security: [[Basic]],
      responses: [{ status: '200', media: ['application/json'], headers: [] }, ...errors],
    },
    {
      id: 'report',
      method: 'get',
      path: '/report',
      params: [],
      security: [],
      responses: [{ status: '200', media: ['text/csv'], headers: [] }],
    },
    {
      id: 'basicOnly',
      method: 'get',
      path: '/basic',
      params: [],
      security: [[Basic]],
      responses: [{ status: '200', media: ['application/json'], headers: [] }],
    },
    {
      id: 'bearerOrNothing',
      method: 'get',
      path: '/maybe',
      params: [],
      security: [[Bearer], []],
      responses: [{ status: '200', media: ['application/json'], headers: [] }],
    },
    {
      id: 'updateProfile',
      method: 'patch',
      path: '/accounts/{account_id}/users/{user_id}/profile',
      params: [
        { name: 'account_id', in: 'path', required: true },
        { name: 'user_id', in: 'path', required: true },
      ],
      security: [[Basic]],
      body: { required: true, media: ['application/json'] },
      responses: [{ status: '200', media: ['application/json'], headers: [] }],
    },
    {
      id: 'recordEvent',
      method: 'post',
      path: '/accounts/{account_id}/users/{user_id}/events',
      params: [
        { name: 'account_id', in: 'path', required: true },
        { name: 'user_id', in: 'path', required: true },
      ],
      security: [[Basic]],
      body: { required: true, media: ['application/json'] },
      responses: [
        { status: '202', media: [], headers: [] },
        { status: '204', media: [], headers: [] },
      ],
    },
    {
      id: 'withCookie',
      method: 'get',
      path: '/session',
      params: [{ name: 'theme', in: 'cookie' }],
      security: [[Session]],
      responses: [{ status: '200', media: ['application/json'], headers: [] }],
    },
    {
      id: 'deleteIds',
      method: 'post',
      path: '/ids/delete',
      params: [],
      security: [[Key]],
      body: { required: true, media: ['application/json'] },
      batch: { arrays: [], root: 50 },
      responses: [{ status: '200', media: ['application/json'], headers: [] }, ...errors],
    },
    {
      id: 'upsertItem',
      method: 'put',
      path: '/items/{id}',
      params: [{ name: 'id', in: 'path', required: true }],
      security: [[Key]],
      body: { required: true, media: ['application/json'] },
      responses: [{ status: '200', media: ['application/json'], headers: [] }, ...errors],
    },
    {
      id: 'charge',
      method: 'post',
      path: '/charges',
      params: [{ name: 'Idempotency-Key', in: 'header' }],
      security: [[Key]],
      body: { required: true, media: ['application/json'] },
      responses: [{ status: '201', media: ['application/json'], headers: [] }, ...errors],
      idempotencyKey: 'Idempotency-Key',
    },
    {
      id: 'refund',
      method: 'post',
      path: '/refunds',
      params: [],
      security: [[Key]],
      body: { required: true, media: ['application/json'] },
      responses: [{ status: '201', media: ['application/json'], headers: [] }, ...errors],
      idempotent: true,
    },
  ],
  layout: [
    ['items', [['listItems', 0], ['getItem', 1], ['createItem', 2]]],
    ['users', [['track', 3], ['updateProfile', 9], ['recordEvent', 10]]],
    ['segments', [['upload', 4]]],
    ['jobs', [['getJob', 5], ['report', 6]]],
    ['misc', [['basicOnly', 7], ['bearerOrNothing', 8], ['withCookie', 11], ['deleteIds', 12]]],
    ['payments', [['upsertItem', 13], ['charge', 14], ['refund', 15]]],
  ],
  job: { operation: 5, property: 'status', terminal: [200, 400, 422], helper: 'waitForJob' },
  segment: {
    identify: { operation: 9, userId: ['path', 'user_id'], helper: 'identify' },
    track: { operation: 10, userId: ['path', 'user_id'], event: 'name', properties: 'attributes', timestamp: 'timestamp', helper: 'track' },
  },
};

/** The runtime client is untyped (the generated interface types it); tests use it loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;
