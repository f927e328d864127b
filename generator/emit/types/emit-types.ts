// schema.d.ts: the types of paths, operations and components, by openapi-typescript, fed the
// model printed as one OpenAPI 3.1 document (every ref `#/components/schemas/<name>`, no examples:
// types need none, and openapi-typescript's resolver would follow `externalValue`), its schemas
// rewritten so that each is printed as exactly as TypeScript can say it (type-document.ts).
import { createRequire } from 'node:module';
import type { astToString, OpenAPITSOptions, resolveRef, scanDiscriminators, transformSchema } from 'openapi-typescript';
import type { ApiEmitter } from '../emitter.ts';
import { apiTitle, generatedHeader, sourceName } from '../header.ts';
import { typeDocument } from './type-document.ts';

export const typesEmitter: ApiEmitter = {
  name: 'types',
  async emit(model) {
    const printer = await loadPrinter();
    const keys = shieldPrototypeKeys(typeDocument(model) as Record<string, unknown>);
    const ast = printTypes(printer, keys.document as never, {
      silent: true,
      // request types omit readOnly fields and response types writeOnly ones (openapi-fetch reads the markers)
      readWriteMarkers: true,
      // `type: object` with no properties is free-form data (a bag of profile properties, say), not `{}`
      emptyObjectsUnknown: true,
      // a property with a `default` may be left out of a request: keep it optional
      defaultNonNullable: false,
      alphabetize: false,
      exportType: false,
    });
    const header = generatedHeader(`Types of the ${apiTitle(model)} (openapi-typescript).`, sourceName(model));
    return [{ path: 'schema.d.ts', contents: header + keys.restore(printer.astToString(ast)) }];
  },
};

/** The names of Object.prototype's members (`constructor`, `hasOwnProperty`, `__proto__`…). */
const prototypeNames = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * openapi-typescript's transform looks names up in plain objects (`type.properties[name]`): a
 * component, property or header called `hasOwnProperty` or `toString` finds Object.prototype's
 * function there and crashes it. Such keys (every one is an identifier) go in as placeholder
 * identifiers that occur nowhere in the document, and come back in the printed types.
 */
function shieldPrototypeKeys(document: Record<string, unknown>): { document: unknown; restore: (text: string) => string } {
  // almost no spec has such a key: look before serialising and copying the whole document
  if (!hasPrototypeKey(document)) return { document, restore: (t) => t };
  const text = JSON.stringify(document);
  let nonce = 0;
  while (text.includes(`oaskit${nonce}_`)) nonce++;
  const placeholder = (name: string) => `oaskit${nonce}_${name}`;
  let used = false;
  const refPrefix = '#/components/schemas/';
  const copy = (root: unknown): unknown => {
    // iterative: the printed document is shallow, but a copy must not depend on it
    const out: { value?: unknown } = {};
    const stack: [unknown, Record<string, unknown> | unknown[], string | number][] = [[root, out as Record<string, unknown>, 'value']];
    while (stack.length) {
      const [v, parent, key] = stack.pop()!;
      let c: unknown = v;
      if (Array.isArray(v)) {
        const a: unknown[] = new Array(v.length);
        v.forEach((x, i) => stack.push([x, a, i]));
        c = a;
      } else if (v !== null && typeof v === 'object') {
        const o: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
          const name = prototypeNames.has(k) ? ((used = true), placeholder(k)) : k;
          let member = (v as Record<string, unknown>)[k];
          // a `$ref` or a discriminator mapping to such a component
          if (typeof member === 'string' && member.startsWith(refPrefix) && prototypeNames.has(member.slice(refPrefix.length))) {
            member = refPrefix + placeholder(member.slice(refPrefix.length));
          }
          Object.defineProperty(o, name, { value: undefined, enumerable: true, writable: true, configurable: true });
          stack.push([member, o, name]);
        }
        c = o;
      }
      (parent as Record<string | number, unknown>)[key] = c;
    }
    return out.value;
  };
  const shielded = copy(document);
  if (!used) return { document, restore: (t) => t };
  const pattern = new RegExp(`oaskit${nonce}_(${[...prototypeNames].map((n) => n.replace(/\$/g, '\\$')).join('|')})`, 'g');
  return { document: shielded, restore: (t) => t.replace(pattern, (_, name: string) => name) };
}

/** Does any key, or any `$ref` to a component, of the document name a member of Object.prototype? (iterative) */
function hasPrototypeKey(root: unknown): boolean {
  const refPrefix = '#/components/schemas/';
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (prototypeNames.has(k)) return true;
        const member = (v as Record<string, unknown>)[k];
        if (typeof member === 'string') {
          if (member.startsWith(refPrefix) && prototypeNames.has(member.slice(refPrefix.length))) return true;
        } else if (member !== null && typeof member === 'object') stack.push(member);
      }
    }
  }
  return false;
}

/**
 * openapi-typescript's `openapiTS` without its Redocly lint and bundle passes: the printed
 * document is already one bundled file whose every `$ref` is internal and valid, and the model
 * was checked by oaskit's own rules, so those passes (two walks and two ref resolutions of the
 * whole document, the largest part of the time on a large spec) would find nothing to do. The
 * one change the bundler makes to such a document, an empty `components` when there is none, is
 * made here. The context is the one `openapiTS` builds for these options.
 */
function printTypes(printer: Printer, document: Record<string, unknown>, options: OpenAPITSOptions): ReturnType<typeof transformSchema> {
  const { transformSchema, scanDiscriminators, resolveRef } = printer;
  document.components ??= {};
  const schema = document as unknown as Parameters<typeof transformSchema>[0];
  return transformSchema(schema, {
    additionalProperties: options.additionalProperties ?? false,
    alphabetize: options.alphabetize ?? false,
    arrayLength: options.arrayLength ?? false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: options.emptyObjectsUnknown ?? false,
    enum: options.enum ?? false,
    enumValues: options.enumValues ?? false,
    conditionalEnums: options.conditionalEnums ?? false,
    dedupeEnums: options.dedupeEnums ?? false,
    excludeDeprecated: options.excludeDeprecated ?? false,
    exportType: options.exportType ?? false,
    immutable: options.immutable ?? false,
    rootTypes: options.rootTypes ?? false,
    rootTypesNoSchemaPrefix: options.rootTypesNoSchemaPrefix ?? false,
    rootTypesKeepCasing: options.rootTypesKeepCasing ?? false,
    injectFooter: [],
    pathParamsAsTypes: options.pathParamsAsTypes ?? false,
    postTransform: options.postTransform,
    propertiesRequiredByDefault: options.propertiesRequiredByDefault ?? false,
    // only the lint and bundle passes read the Redocly config
    redoc: undefined as never,
    silent: options.silent ?? false,
    inject: options.inject,
    transform: options.transform,
    transformProperty: options.transformProperty,
    makePathsEnum: options.makePathsEnum ?? false,
    generatePathParams: options.generatePathParams ?? false,
    readWriteMarkers: options.readWriteMarkers ?? false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: options.silent ?? false }),
  });
}

interface Printer {
  transformSchema: typeof transformSchema;
  scanDiscriminators: typeof scanDiscriminators;
  resolveRef: typeof resolveRef;
  astToString: typeof astToString;
}

// openapi-typescript's own modules (the package exports every file), not its entry module: that one
// loads all of Redocly for the passes left out here. Their CommonJS build, required: its ES modules
// import TypeScript's 9 MB CommonJS compiler, which Node first scans for its module format and
// named exports (half a second per process). The modules have no declarations of their own (the
// entry's declarations type them, above).
const require = createRequire(import.meta.url);

async function loadPrinter(): Promise<Printer> {
  const transform = require('openapi-typescript/dist/transform/index.cjs') as Printer['transformSchema'];
  const utils = require('openapi-typescript/dist/lib/utils.cjs') as Pick<Printer, 'scanDiscriminators' | 'resolveRef'>;
  const ts = require('openapi-typescript/dist/lib/ts.cjs') as Pick<Printer, 'astToString'>;
  return { transformSchema: transform, scanDiscriminators: utils.scanDiscriminators, resolveRef: utils.resolveRef, astToString: ts.astToString };
}
