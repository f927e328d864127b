// validators.ts: the adapter from the model to the validator compiler. One validator per component
// schema, request body, parameter set and documented response body, named by the model's name
// planner (plan.ts). The compiler compiles from the model printed as one OpenAPI 3.1 document.
// The client's `validate` option calls them; teams can also import them on their own.
import { printDocument } from '../../model/document.ts';
import type { ApiModel } from '../../model/types.ts';
import type { ValidatorsMeta } from '../../runtime/meta.ts';
import { emitValidatorModuleSkipping } from '../../validators/index.ts';
import type { ApiEmitter } from '../emitter.ts';
import { apiTitle, generatedHeader, sourceName } from '../header.ts';
import { compactLiteral, literal } from '../safe.ts';
import { validatorEntries, validatorNames } from './plan.ts';

const imports = [
  `import type { components, paths } from './schema.d.ts';`,
  `import type { Plain, Readable, Writable } from './runtime/types.ts';`,
  `import type { ValidatorsMeta } from './runtime/meta.ts';`,
];

/**
 * The module text (without a leading comment: the emitter writes the header). An entry the compiler cannot compile still exports its two functions: they
 * throw, saying why, so a client that asks for that validation fails loudly instead of passing.
 */
export async function validatorModule(model: ApiModel): Promise<string> {
  const printed = printDocument(model, { examples: false });
  const { text, skipped } = await emitValidatorModuleSkipping(validatorEntries(model, printed), { root: printed.document, dialect: 'openapi-3.1', imports, header: false });
  const stubs = skipped.map(({ name, error }) => {
    const message = literal(`validate${name}: its schema cannot be compiled (${error.message})`);
    return `\nexport function validate${name}(_value: unknown): never {\n  throw new Error(${message});\n}\n\nexport function is${name}(_value: unknown): never {\n  throw new Error(${message});\n}\n`;
  });
  return text + stubs.join('') + operationTable(model);
}

/**
 * The validators of each operation by operationId. The standalone operations leave their names
 * out (so that a bundle of one operation carries none): validation finds them here, in the
 * module it loads anyway.
 */
function operationTable(model: ApiModel): string {
  const table: [string, ValidatorsMeta][] = [];
  for (const op of model.operations) {
    const names = validatorNames(model, op);
    if (names) table.push([op.id, names]);
  }
  return `\n/** The validators of each operation: [operationId, names], for the standalone operations. */\nexport const operationValidators: [string, ValidatorsMeta][] = ${compactLiteral(table)};\n`;
}

export const validatorsEmitter: ApiEmitter = {
  name: 'validators',
  async emit(model) {
    const header = generatedHeader(`Validators of the ${apiTitle(model)}: validate*(value) returns every error, is*(value) is a type guard.`, sourceName(model));
    // the module comes without a header comment of its own (nothing to cut from a large text)
    return [{ path: 'validators.ts', contents: header + '\n\n' + (await validatorModule(model)) }];
  },
};
