// schema.d.ts: the types of paths, operations and components, by openapi-typescript, fed the
// model printed as one OpenAPI 3.1 document (every ref `#/components/schemas/<name>`, no examples:
// types need none, and openapi-typescript's resolver would follow `externalValue`), its schemas
// rewritten so that each is printed as exactly as TypeScript can say it (type-document.ts).
import type { astToString, OpenAPITSOptions, resolveRef, scanDiscriminators, transformSchema } from 'openapi-typescript';
import type { ApiEmitter } from '../emitter.ts';
import { apiTitle, generatedHeader, sourceName } from '../header.ts';
import { typeDocument } from './type-document.ts';

export const typesEmitter: ApiEmitter = {
  name: 'types',
  async emit(model) {
    const printer = await loadPrinter();
    const ast = printTypes(printer, typeDocument(model), {
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
    return [{ path: 'schema.d.ts', contents: header + printer.astToString(ast) }];
  },
};

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
// loads all of Redocly for the passes left out here. Specifiers held in variables: the modules
// have no declarations of their own (the entry's declarations type them, above).
const transformModule: string = 'openapi-typescript/dist/transform/index.mjs';
const utilsModule: string = 'openapi-typescript/dist/lib/utils.mjs';
const tsModule: string = 'openapi-typescript/dist/lib/ts.mjs';

async function loadPrinter(): Promise<Printer> {
  const [transform, utils, ts] = await Promise.all([import(transformModule), import(utilsModule), import(tsModule)]);
  return { transformSchema: transform.default, scanDiscriminators: utils.scanDiscriminators, resolveRef: utils.resolveRef, astToString: ts.astToString };
}
