// schema.d.ts: the types of paths, operations and components, by openapi-typescript, fed the
// model printed as one OpenAPI 3.1 document (every ref `#/components/schemas/<name>`, no examples:
// types need none, and openapi-typescript's resolver would follow `externalValue`), its schemas
// rewritten so that each is printed as exactly as TypeScript can say it (type-document.ts).
import openapiTS, { astToString } from 'openapi-typescript';
import type { ApiEmitter } from '../emitter.ts';
import { apiTitle, generatedHeader, sourceName } from '../header.ts';
import { typeDocument } from './type-document.ts';

export const typesEmitter: ApiEmitter = {
  name: 'types',
  async emit(model) {
    const ast = await openapiTS(typeDocument(model) as never, {
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
    return [{ path: 'schema.d.ts', contents: header + astToString(ast) }];
  },
};
