// Where a project keeps its files: specs in spec/ (spec/petstore.yaml), the generated package of
// each in generated/<name>/. The commands (cli/project.ts) and the language server (which files
// are specs, where the generated code of one is) read the same layout.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** The specs of a project: spec/*.yaml, *.yml and *.json, sorted. */
export function specFiles(cwd: string): string[] {
  const dir = join(cwd, 'spec');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** spec/petstore.yaml -> petstore */
export function specName(spec: string): string {
  return basename(spec, extname(spec));
}

/** Is this file one of its project's specs (`<project>/spec/<name>.yaml`)? */
export function isProjectSpec(path: string): boolean {
  return basename(dirname(path)) === 'spec' && /\.(ya?ml|json)$/i.test(path);
}

/** Where `oaskit generate` writes a project spec's package (`<project>/generated/<name>/`), if it is one. */
export function generatedFolder(spec: string): string | undefined {
  return isProjectSpec(spec) ? join(dirname(dirname(spec)), 'generated', specName(spec)) : undefined;
}
