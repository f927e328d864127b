// The `oaskit.breakingChanges` command: the changes of an open spec (its unsaved text included)
// against its version at a git ref (default: the merge base with main), as `oaskit diff --base`
// finds them, each with the uri and range of its node. A change located in the old version points
// at the current file without a range (the line is the old one's) and says so.
import { rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Level, Semver } from '../diff/checks.ts';
import { baseRef, gitRoot, specAtRef } from '../diff/git-base.ts';
import { diffSpecs } from '../diff/run.ts';
import { toRange } from './convert.ts';
import { pathToUri, uriToPath } from './files.ts';
import type { LanguageService } from './service.ts';
import type { Range } from 'vscode-languageserver-protocol';

export const breakingChangesCommand = 'oaskit.breakingChanges';

export interface BreakingChanges {
  /** the ref compared with */
  base: string;
  /** false when the spec did not exist at the ref (nothing to compare) */
  compared: boolean;
  semver: Semver;
  summary: Record<Level, number>;
  changes: { id: string; level: Level; operation?: string; message: string; uri?: string; range?: Range }[];
}

export async function breakingChanges(service: LanguageService, uri: string, ref?: string): Promise<BreakingChanges> {
  const path = uriToPath(uri);
  const root = (await service.rootsOf(uri))[0] ?? path;
  const repo = gitRoot(dirname(root));
  const base = baseRef(dirname(root), ref);
  const copy = specAtRef(repo, root, base);
  try {
    if (!copy.path) return { base, compared: false, semver: 'none', summary: { breaking: 0, warning: 0, info: 0 }, changes: [] };
    const result = await diffSpecs(copy.path, root, { new: { overlay: service.files.overlay() } });
    const [current] = result.workspaces;
    const changes = result.changes.map((c) => {
      const out = { id: c.id, level: c.level, ...(c.operation ? { operation: c.operation } : {}), message: c.message } as BreakingChanges['changes'][number];
      if (!c.loc) return out;
      if (c.loc.file.startsWith(copy.root + sep)) {
        out.uri = pathToUri(join(repo, relative(copy.root, c.loc.file)));
        out.message += ` (at ${base})`;
        return out;
      }
      const source = current!.get(c.loc.file);
      out.uri = pathToUri(c.loc.file);
      if (source) out.range = toRange(source, source.locate(c.loc.pointer));
      return out;
    });
    return { base, compared: true, semver: result.semver, summary: result.summary, changes };
  } finally {
    rmSync(copy.root, { recursive: true, force: true });
  }
}
