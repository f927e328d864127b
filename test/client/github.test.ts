// GitHub's spec (1,200+ operations): the generated package — types, client, its ~5,700
// validators — compiles with `tsc --strict`, and a few calls type-check against it. One test, a
// long timeout. Only the Markdown README (11 MB of prose, checked by the docs tests) is left out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { EmittedFile } from '../../generator/emit/emitter.ts';
import { apiEmitters } from '../../generator/emit/index.ts';
import { writeFolder } from '../../generator/pipeline/pipeline.ts';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import { removeDir, root, scratchDir, tsc } from './helpers.ts';

let dir: string | undefined;
afterAll(() => dir && removeDir(dir));

const usage = `import { createGithubClient, type ReposOperations } from './index.ts';
const gh = createGithubClient({ headers: { authorization: 'Bearer t' }, baseUrl: 'https://api.github.com' });
export async function check(): Promise<void> {
  const repo = await gh.repos.reposGet({ path: { owner: 'o', repo: 'r' } });
  const name: string = repo.full_name;
  const r = await gh.issues.issuesListForRepo.result({ path: { owner: 'o', repo: 'r' }, query: { state: 'open', per_page: 10 } });
  if (r.status === 200) { const n: number = r.data[0]!.number; void n; }
  if (r.status === 404) { const m: string | undefined = r.error.message; void m; }
  // @ts-expect-error a wrong enum value
  await gh.issues.issuesListForRepo({ path: { owner: 'o', repo: 'r' }, query: { state: 'half-open' } });
  // @ts-expect-error a missing path parameter
  await gh.repos.reposGet({ path: { owner: 'o' } });
  // @ts-expect-error a missing required body field
  await gh.issues.issuesCreate({ path: { owner: 'o', repo: 'r' }, body: { body: 'no title' } });
  void name;
}
export type Repos = ReposOperations;
`;

it('generates a client for GitHub\'s spec that passes tsc --strict', { timeout: 600_000 }, async () => {
  const loaded = await loadSpec(join(root, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json'));
  const model = await buildModel(loaded, 'github');
  expect(model.operations.length).toBeGreaterThan(1000);
  const ctx = {};
  const files: EmittedFile[] = [];
  for (const emitter of apiEmitters.filter((e) => e.name !== 'docs-readme')) files.push(...(await emitter.emit(model, ctx)));
  expect(files.map((f) => f.path)).toContain('validators.ts');
  const formatted = files;
  dir = scratchDir('github');
  writeFolder(dir, formatted);
  writeFileSync(join(dir, 'usage.ts'), usage);
  const result = await tsc(dir);
  expect(result.output).toBe('');
  expect(result.code).toBe(0);
});
