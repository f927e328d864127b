// An independent JSON Schema 2020-12 checker (Ajv) for the bodies Prism sends, used where the
// suite checks the spec and Prism against each other. The generated validators are checked
// against the same bodies in the client layer of the suite.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ApiModel, MediaType } from '../../generator/model/types.ts';

export interface BodyCheck {
  ok: boolean;
  errors: string[];
}

export function bodyOracle(model: ApiModel): (media: MediaType, body: unknown) => BodyCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const id = `urn:oaskit:${model.name}`;
  // the spec file as written (not oaskit's model of it), as one resource: a media type's schema is
  // referenced by the pointer where it is written, and its own $refs resolve inside the same file
  const document = parse(readFileSync(model.source, 'utf8')) as Record<string, unknown>;
  ajv.addSchema({ ...document, $id: id } as never);
  const cache = new Map<string, ReturnType<Ajv2020['compile']>>();
  return (media, body) => {
    if (!media.schema) return { ok: true, errors: [] };
    const pointer = media.schema.loc.pointer;
    let validate = cache.get(pointer);
    if (!validate) cache.set(pointer, (validate = ajv.compile({ $ref: `${id}#${pointer.split('/').map(encodeURIComponent).join('/')}` })));
    const ok = validate(body) as boolean;
    return { ok, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`) };
  };
}
