// Checking requests and responses against the spec with the generated validators, when asked
// for. Only what a config names is loaded: a record of validator functions (import just the ones
// an operation uses; with `operationValidators` for a standalone operation, which leaves its
// validator names out) or a loader (`() => import('./validators.ts')`) called on the first check.
import type { Validation } from './config.ts';
import { RequestValidationError, ResponseValidationError, type ValidationIssue } from './errors.ts';
import type { OperationMeta, ParamLocation, ValidatorsMeta } from './meta.ts';
import { isJsonMedia, own, put } from './request.ts';
import { mediaOf } from './response.ts';

type Validator = (value: unknown) => { ok: true } | { ok: false; errors: ValidationIssue[] };
export type Validators = Record<string, unknown> | (() => Promise<Record<string, unknown>>);

export interface ValidationTables {
  /** ApiMeta.readOnlyRequired / writeOnlyRequired */
  readOnlyRequired?: [string, string][];
  writeOnlyRequired?: [string, string][];
}

/** A `required` error about a property the spec marks readOnly (in a request) or writeOnly (in a response). */
function onlyRequiredElsewhere(error: ValidationIssue, keys: Set<string>): boolean {
  if (error.keyword !== 'required' || keys.size === 0) return false;
  const property = error.params.missingProperty;
  if (typeof property !== 'string') return false;
  let at: string;
  try {
    at = error.schemaPath.replace(/^#/, '').split('/').map((s) => decodeURIComponent(s)).join('/');
  } catch {
    return false;
  }
  return keys.has(`${at}\u0000${property}`);
}

/**
 * Validation for a config: `mode` says what is checked. An invalid request is never sent
 * (RequestValidationError lists every problem); an invalid response rejects the call with a
 * ResponseValidationError that holds the payload.
 */
export function validation(mode: 'request' | 'response' | 'both', validators: Validators, tables: ValidationTables = {}): Validation {
  const keys = (list: [string, string][] | undefined) => new Set((list ?? []).map(([at, name]) => `${at}\u0000${name}`));
  const readOnly = keys(tables.readOnlyRequired);
  const writeOnly = keys(tables.writeOnlyRequired);
  let loaded: Promise<Record<string, unknown>> | undefined;
  const all = async () => (typeof validators === 'function' ? await (loaded ??= validators()) : validators);
  const lookup = async (name: string | undefined): Promise<Validator | undefined> => {
    if (name === undefined) return undefined;
    const fn = own(await all(), name);
    return typeof fn === 'function' ? (fn as Validator) : undefined;
  };
  // The client's table names each operation's validators; a standalone operation leaves them out
  // (a bundle of one call carries no names): they are in the validators module's operationValidators.
  const namesOf = async (op: OperationMeta): Promise<ValidatorsMeta | undefined> => {
    if (op.validators) return op.validators;
    const table = own(await all(), 'operationValidators');
    return Array.isArray(table) ? (table as [string, ValidatorsMeta][]).find(([id]) => id === op.id)?.[1] : undefined;
  };
  const checkRequests = mode !== 'response';
  const checkResponses = mode !== 'request';

  return {
    async request(op, input, request, pathDefaults) {
      if (!checkRequests) return;
      const { filledBody: body, media } = request;
      const names = await namesOf(op);
      const errors: RequestValidationError['errors'] = [];
      const run = async (location: string, name: string | undefined, value: unknown) => {
        const r = (await lookup(name))?.(value);
        if (r && !r.ok) for (const e of r.errors) if (!onlyRequiredElsewhere(e, readOnly)) errors.push({ ...e, location });
      };
      // the parameters as sent: the call's, the config's path defaults, the credentials filled in;
      // only declared headers (Content-Type and the client's own headers are not the spec's)
      const values = (location: ParamLocation) => {
        const out: Record<string, unknown> = {};
        for (const p of op.params) {
          if (p.in !== location) continue;
          const value = own(input[location], p.name) ?? (location === 'path' ? own(pathDefaults, p.name) : undefined);
          if (value !== undefined) put(out, p.name, value);
        }
        if (location === 'query' || location === 'cookie') for (const [name, value] of Object.entries(input[location] ?? {})) put(out, name, value);
        for (const [l, name, value] of request.filled) if (l === location && (location !== 'header' || op.params.some((p) => p.in === 'header' && p.name === name))) put(out, name, value);
        return out;
      };
      await run('path', names?.path, values('path'));
      await run('query', names?.query, values('query'));
      await run('header', names?.header, values('header'));
      await run('cookie', names?.cookie, values('cookie'));
      if (op.body?.required && body === undefined) {
        errors.push({ location: 'body', instancePath: '', schemaPath: '#/requestBody/required', keyword: 'required', params: {}, message: 'a body is required' });
      } else if (body !== undefined && media !== undefined && isJsonMedia(media)) {
        // CSV rows and files are checked by their encoder, not by the JSON schema
        await run('body', names?.body?.find(([m]) => m === media)?.[1], body);
      }
      if (errors.length) throw new RequestValidationError(op.id, errors);
    },

    async response(op, documented, response, payload, request) {
      if (!checkResponses) return;
      const entries = (await namesOf(op))?.responses?.filter(([s]) => s === documented.status) ?? [];
      if (!entries.length) return;
      const type = mediaOf(response.headers.get('content-type'));
      const entry = entries.find(([, m]) => m === type) ?? (type === undefined ? entries[0] : undefined);
      if (!entry) {
        if (documented.media.length && payload !== undefined) {
          throw new ResponseValidationError(op.id, response.status, [{ instancePath: '', schemaPath: '#/content', keyword: 'contentType', params: { contentType: type, allowed: documented.media }, message: `content type ${type} is not documented` }], payload, request());
        }
        return;
      }
      const r = (await lookup(entry[2]))?.(payload);
      const errors = r && !r.ok ? r.errors.filter((e) => !onlyRequiredElsewhere(e, writeOnly)) : [];
      if (errors.length) throw new ResponseValidationError(op.id, response.status, errors, payload, request());
    },
  };
}
