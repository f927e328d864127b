// model: the spec can be modelled, as `generate` models it. Some problems only the model sees (an
// `x-oaskit-*` extension that names a property the body does not have, a schema where a
// parameter must be); without this rule `check` passed specs that `generate` then refused. Run
// only when loading found no error (those are reported on their own, and stop the model too).
import { buildModel, ModelError } from '../model/build-model.ts';
import { finding, type Rule } from './rule.ts';

export const modelRule: Rule = {
  id: 'model',
  description: 'The spec can be modelled as generate models it (extensions and structure the generator relies on).',
  check(ctx) {
    if (ctx.model || ctx.loadDiagnostics.some((d) => d.severity === 'error')) return [];
    try {
      if (ctx.buildModel) ctx.buildModel();
      else buildModel({ workspace: ctx.workspace, version: ctx.version, diagnostics: [] });
    } catch (error) {
      if (error instanceof ModelError) return [finding(error.loc, error.message)];
      throw error;
    }
    return [];
  },
};
