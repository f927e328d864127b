// validators.ts: the adapter from the model to the validator compiler. One validator per component
// schema, request body, parameter set and documented response body (see plan.ts for the names).
// The client's `validate` option calls them; teams can also import them on their own.
import type { ApiEmitter } from '../emitter.ts';
import { generatedHeader, sourceName } from '../header.ts';
import type { ApiModel } from '../../model/types.ts';
import { format } from 'prettier';
import { PRETTIER_OPTIONS } from '../format.ts';
import { validatorPlan } from './plan.ts';

type Compiler = typeof import('../../validators/index.ts');

let compiler: Promise<Compiler | undefined> | undefined;

/** The validator compiler, when it is there (it is built alongside the client). */
export function loadCompiler(): Promise<Compiler | undefined> {
  compiler ??= import('../../validators/index.ts').then(
    (m: Compiler) => (typeof m.emitValidatorModule === 'function' ? m : undefined),
    () => undefined,
  );
  return compiler;
}

export function dialectOf(model: ApiModel): 'openapi-3.0' | 'openapi-3.1' {
  return model.openapi === '3.0' ? 'openapi-3.0' : 'openapi-3.1';
}

const imports = [
  `import type { components, paths } from './schema.d.ts';`,
  `import type { Plain, Readable, Writable } from './runtime/types.ts';`,
];

/** The module text, or undefined when the compiler is missing. Entries it cannot compile are left
 * out (found in the same single compile) and named in `skipped`. The text is formatted as the
 * pipeline formats every file (format.ts), by the compiler itself. */
export async function validatorModule(model: ApiModel): Promise<{ text: string; skipped: string[] } | undefined> {
  const c = await loadCompiler();
  if (!c) return undefined;
  const plan = validatorPlan(model);
  const format = { printWidth: PRETTIER_OPTIONS.printWidth, singleQuote: PRETTIER_OPTIONS.singleQuote };
  const { text, skipped } = await c.emitValidatorModuleSkipping(plan.entries, { root: model.document, dialect: dialectOf(model), imports, format });
  return { text, skipped: skipped.map((entry) => entry.name) };
}

const modules = new WeakMap<ApiModel, Promise<{ text: string; skipped: string[] } | undefined>>();

/** Cached per model: the client emitter asks which validators exist. */
export function validatorModuleOf(model: ApiModel): Promise<{ text: string; skipped: string[] } | undefined> {
  let m = modules.get(model);
  if (!m) modules.set(model, (m = validatorModule(model)));
  return m;
}

export const validatorsEmitter: ApiEmitter = {
  name: 'validators',
  async emit(model) {
    const header = generatedHeader(`Validators of the ${model.info.title} API: validate*(value) returns every error, is*(value) is a type guard.`, sourceName(model));
    const mod = await validatorModuleOf(model);
    if (!mod) {
      return [{ path: 'validators.ts', contents: `${header}// The validator compiler was not available when this package was generated.\nexport {};\n` }];
    }
    // The module is formatted already: only the header (a comment, formatted here the same way)
    // and the list of left-out entries (a line comment) join it.
    const body = mod.text.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, '');
    const left = mod.skipped.length ? `\n// Left out (their schemas cannot be compiled): ${mod.skipped.join(', ')}\n` : '';
    const formattedHeader = await format(header, { parser: 'typescript', ...PRETTIER_OPTIONS });
    return [{ path: 'validators.ts', contents: formattedHeader + body + left, formatted: true }];
  },
};
