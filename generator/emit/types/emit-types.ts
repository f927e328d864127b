// schema.d.ts: the types of paths, operations and components, by openapi-typescript.
import openapiTS, { astToString } from 'openapi-typescript';
import type { ApiEmitter } from '../emitter.ts';
import { generatedHeader, sourceName } from '../header.ts';
import { hoistDeepRefs } from './hoist-deep-refs.ts';
import { stripForTypes } from './strip-for-types.ts';

export const typesEmitter: ApiEmitter = {
  name: 'types',
  async emit(model) {
    // the bundled document has internal refs only, so openapi-typescript resolves nothing outside it
    const ast = await openapiTS(stripForTypes(hoistDeepRefs(model.document)) as never, {
      silent: true,
      // request types omit readOnly fields and response types writeOnly ones (openapi-fetch reads the markers)
      readWriteMarkers: true,
      // `type: object` with no properties is free-form data (Appcues profile properties), not `{}`
      emptyObjectsUnknown: true,
      // a property with a `default` may be left out of a request: keep it optional
      defaultNonNullable: false,
      alphabetize: false,
      exportType: false,
    });
    const header = generatedHeader(`Types of the ${model.info.title} API (openapi-typescript).`, sourceName(model));
    return [{ path: 'schema.d.ts', contents: header + astToString(ast) }];
  },
};
