// The client object, `createXClient(options).<group>.<method>(input)`: the convenient form, built
// from the same pieces as the standalone operations (createConfig + defineOperation), with every
// codec, `.result()`, `.batch()`, the job and Segment-style helpers, and validation on request.
import { authenticate } from './auth.ts';
import { runBatch } from './batch.ts';
import { createConfig, type Config, type ConfigOptions } from './config.ts';
import { download, type DownloadOptions } from './download.ts';
import { encodeBody } from './encode.ts';
import { waitForJob } from './jobs.ts';
import type { ApiMeta, ParamLocation } from './meta.ts';
import { defineOperation, type RawOperation } from './operation.ts';
import { items, pages } from './paginate.ts';
import { styledParams } from './params.ts';
import { pacing, type RateLimitOptions } from './ratelimit.ts';
import type { Codec, RawInput } from './request.ts';
import { validation, type Validators } from './validate.ts';

/** Options every generated client takes (credentials come on top, named after the spec's schemes). */
export interface ClientOptions extends Omit<ConfigOptions, 'validation' | 'rateLimit'> {
  /**
   * Pacing by the spec's budgets (`x-oaskit-rate-limit`), on by default: calls wait for a token of
   * their bucket instead of being sent to be rejected. Other budgets per bucket, or `false` for no pacing.
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Check requests and/or responses against the spec (default 'off'). The package's validators
   * are loaded on the first check, so a client that never validates never loads them.
   */
  validate?: 'off' | 'request' | 'response' | 'both';
}

/** Everything an operation may need beyond the core. */
export const fullCodec: Codec = { params: styledParams, auth: authenticate, body: encodeBody };

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: false });
}

/**
 * Builds a client object from the API table. `validators`: the package's validator functions,
 * or a loader of them (`() => import('./validators.ts')`).
 */
export function buildClient(options: ClientOptions | (ClientOptions & Record<string, unknown>), api: ApiMeta, validators?: Validators): unknown {
  const validate = options.validate ?? 'off';
  if (validate !== 'off' && (validators === undefined || (typeof validators === 'object' && !Object.values(validators).some((v) => typeof v === 'function')))) {
    throw new Error(`validate: '${validate}' needs validators, but this ${api.name} client was generated without them`);
  }
  const config: Config<string> = createConfig<never>({
    ...options,
    validation: validate === 'off' ? undefined : validation(validate, validators!, api),
    rateLimit: options.rateLimit === false ? false : pacing(options.rateLimit),
  });
  // tables written before operations carried their servers fall back on the API's
  const ops = api.operations.map((meta) => defineOperation<RawOperation>(meta.servers ? meta : { ...meta, servers: api.servers }, fullCodec));
  const client = {};
  for (const [group, methods] of api.layout) {
    // '' holds the untagged operations: methods of the client itself
    const target = group === '' ? client : {};
    for (const [name, index] of methods) define(target, name, methodOf(config, ops[index]!));
    if (group !== '') define(client, group, target);
  }
  if (api.job) {
    const job = api.job;
    define(client, job.helper, (value: unknown, opts?: Parameters<typeof waitForJob>[4]) => waitForJob(config, ops[job.operation]!, job, value, opts));
  }
  const identify = api.segment?.identify;
  if (identify) {
    define(client, identify.helper, (userId: string, traits: unknown, input: RawInput = {}) =>
      ops[identify.operation]!(config, withUserId(input, identify.userId, userId, identify.traits ? { [identify.traits]: traits } : traits)),
    );
  }
  const track = api.segment?.track;
  if (track) {
    define(client, track.helper, (userId: string, event: string, properties?: unknown, input: RawInput = {}) => {
      const body: Record<string, unknown> = {};
      if (track.event) body[track.event] = event;
      if (track.properties && properties !== undefined) body[track.properties] = properties;
      if (track.timestamp) body[track.timestamp] = new Date(config.clock.now()).toISOString();
      return ops[track.operation]!(config, withUserId(input, track.userId, userId, body));
    });
  }
  return client;
}

function withUserId(input: RawInput, [location, name]: [ParamLocation | 'body', string], userId: string, body: unknown): RawInput {
  if (location === 'body') return { ...input, body: { ...(body as object), [name]: userId } };
  return { ...input, [location]: { ...input[location], [name]: userId }, body };
}

function methodOf(config: Config<string>, operation: RawOperation) {
  const method = (input?: RawInput) => operation(config, input);
  define(method, 'result', (input?: RawInput) => operation.result(config, input));
  define(method, 'isError', operation.isError);
  define(method, 'operationId', operation.operationId);
  if (operation.meta.batch) {
    define(method, 'batch', (body: unknown, opts: RawInput & { concurrency?: number } = {}) => runBatch(config, operation.meta, body, opts, operation.codec));
  }
  if (operation.meta.pagination) {
    define(method, 'all', (input?: RawInput) => items(config, operation, input));
    define(method, 'pages', (input?: RawInput) => pages(config, operation, input));
  }
  if (operation.meta.download) define(method, 'download', (input: RawInput | undefined, opts: DownloadOptions) => download(config, operation, input, opts));
  return method;
}
