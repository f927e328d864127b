// validators.ts: the adapter from the model to the validator compiler. One validator per component
// schema, request body, parameter set and documented response body (see plan.ts for the names).
// The client's `validate` option calls them; teams can also import them on their own.
import type { ApiEmitter } from '../emitter.ts';
import { generatedHeader, sourceName } from '../header.ts';
import type { ApiModel } from '../../model/types.ts';
import { validatorPlan, type ValidatorEntry } from './plan.ts';

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

/** The module text, or undefined when the compiler is missing. Entries it cannot compile are left out. */
export async function validatorModule(model: ApiModel): Promise<{ text: string; skipped: string[] } | undefined> {
  const c = await loadCompiler();
  if (!c) return undefined;
  const plan = validatorPlan(model);
  const options = { root: model.document, dialect: dialectOf(model), header: undefined, imports };
  try {
    return { text: await c.emitValidatorModule(plan.entries, options), skipped: [] };
  } catch {
    // find the entries that cannot compile, leave them out (the client then skips their checks)
    const good: ValidatorEntry[] = [];
    const skipped: string[] = [];
    for (const entry of plan.entries) {
      try {
        await c.emitValidatorModule([entry], options);
        good.push(entry);
      } catch {
        skipped.push(entry.name);
      }
    }
    return { text: await c.emitValidatorModule(good, options), skipped };
  }
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
    const body = mod
      ? mod.text.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, '') +
        (mod.skipped.length ? `\n// Left out (their schemas cannot be compiled): ${mod.skipped.join(', ')}\n` : '')
      : '// The validator compiler was not available when this package was generated.\nexport {};\n';
    return [{ path: 'validators.ts', contents: header + body }];
  },
};
