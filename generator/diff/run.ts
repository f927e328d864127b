// Two spec files in, the changes out: each is loaded like `check` loads it (the sandbox, the
// diagnostics; a spec with errors is unusable and throws SpecHasErrors with its report). Both
// models get the new spec's name, so the package and client names (from the file name) compare
// equal whatever the old file is called.
import { basename, extname } from 'node:path';
import type { DiagnoseOptions } from '../diagnostics/diagnose.ts';
import type { Workspace } from '../load/workspace.ts';
import { modelWithReport } from '../pipeline/model-of.ts';
import { diffModels, type DiffResult } from './diff.ts';

export interface SpecDiff extends DiffResult {
  /** the new spec's files, then the old one's: where the changes' locations are */
  workspaces: Workspace[];
  /** `title version` of each spec, for the changelog's heading */
  titles: { old: string; new: string };
}

export async function diffSpecs(oldPath: string, newPath: string, options: { name?: string; old?: DiagnoseOptions; new?: DiagnoseOptions } = {}): Promise<SpecDiff> {
  const name = options.name ?? basename(newPath, extname(newPath));
  // the rules whose errors never block are skipped: usable or not is decided as `generate` decides it
  const a = await modelWithReport(oldPath, name, { ...options.old, onlyBlocking: true });
  const b = await modelWithReport(newPath, name, { ...options.new, onlyBlocking: true });
  const title = (m: typeof a.model) => `${m.info.title} ${m.info.version}`;
  return { ...diffModels(a.model, b.model), workspaces: [b.workspace, a.workspace], titles: { old: title(a.model), new: title(b.model) } };
}
