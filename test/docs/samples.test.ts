// The TypeScript samples of the docs are type-checked against the generated client, so the docs
// cannot drift from it: every sample becomes a module importing the client's index.ts, and
// `tsc --noEmit --strict` must accept all of them. Runs for the fixture specs (their client is
// generated into a temp folder) and for every generated/<name>/ that has a client and a spec.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitApi, writeFolder } from '../../generator/pipeline/pipeline.ts';
import { fixtureSpecs, modelsOf, removeDir, repoRoot, tempDir, typecheckSamples, typescriptSamples } from './support.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeDir));

describe('TypeScript samples type-check against the generated client', () => {
  it('for the fixture specs', async (ctx) => {
    const models = await modelsOf(fixtureSpecs);
    const root = tempDir('docs-client');
    made.push(root);
    const groups = [];
    for (const model of models) {
      const files = await emitApi(model);
      if (!files.some((f) => f.path === 'index.ts')) {
        console.log('docs samples type-check skipped: the API emitters write no index.ts (no client emitter yet)');
        return ctx.skip('no client emitter yet');
      }
      const dir = join(root, model.name);
      writeFolder(dir, files);
      groups.push({ samples: typescriptSamples(model), packageName: model.names.packageName, clientIndex: join(dir, 'index.ts') });
    }
    const out = tempDir('docs-samples');
    made.push(out);
    expect(await typecheckSamples(groups, out)).toBe('');
  }, 600_000);

  it('for generated/<name>/ (the committed clients)', async (ctx) => {
    const generated = join(repoRoot, 'generated');
    const names = existsSync(generated) ? readdirSync(generated).filter((n) => existsSync(join(generated, n, 'index.ts')) && existsSync(join(repoRoot, 'spec', `${n}.yaml`))) : [];
    if (!names.length) {
      console.log('docs samples type-check of generated/ skipped: no generated/<name>/index.ts with a spec/<name>.yaml (run `oaskit generate`)');
      return ctx.skip('no generated client');
    }
    const models = await modelsOf(names.map((n) => join(repoRoot, 'spec', `${n}.yaml`)));
    const out = tempDir('docs-samples');
    made.push(out);
    const groups = models.map((model, i) => ({ samples: typescriptSamples(model), packageName: model.names.packageName, clientIndex: join(generated, names[i]!, 'index.ts') }));
    expect(await typecheckSamples(groups, out)).toBe('');
  }, 600_000);
});
