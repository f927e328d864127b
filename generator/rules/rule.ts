// What a rule is: an id, a one-line description and a check. A check reads the model and the
// workspace and returns findings (where and what); the code and the severity are added by the
// runner from the rule table and the configuration, never by the rule itself.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Loc, Workspace } from '../load/workspace.ts';
import type { ApiModel } from '../model/types.ts';
import type { SpecIndex } from './spec-index.ts';

export interface RuleContext {
  workspace: Workspace;
  version: '3.0' | '3.1';
  /** every OpenAPI object and `$ref` of the spec, with locations */
  index: SpecIndex;
  /** the model, when the spec is sound enough to build it (no broken refs) */
  model: ApiModel | undefined;
  /** the model's locations, mapped back to the files of `workspace` (multi-file specs are bundled) */
  loc(loc: Loc): Loc;
  /** what loading found: syntax errors, ref problems */
  loadDiagnostics: readonly Diagnostic[];
}

export interface Finding {
  message: string;
  file: string;
  pointer: string;
  /** point at the key rather than the value */
  atKey?: boolean;
}

export interface Rule {
  id: string;
  /** one line, for `--format sarif` and documentation */
  description: string;
  check(ctx: RuleContext): Finding[];
}

export function finding(loc: Loc, message: string, atKey = false): Finding {
  return atKey ? { message, file: loc.file, pointer: loc.pointer, atKey } : { message, file: loc.file, pointer: loc.pointer };
}
