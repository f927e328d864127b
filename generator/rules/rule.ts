// What a rule is: an id, a one-line description and a check. A check reads the model and the
// workspace and returns findings (where and what); the code and the severity are added by the
// runner from the rule table and the configuration, never by the rule itself.
import type { Diagnostic, Related, Suggestion } from '../core/diagnostic.ts';
import type { Loc, Workspace } from '../load/workspace.ts';
import type { ApiModel } from '../model/types.ts';
import type { SpecIndex } from '../load/spec-index.ts';
import type { ExampleVerdicts } from './example-validator.ts';

export interface RuleContext {
  workspace: Workspace;
  version: '3.0' | '3.1';
  /** every OpenAPI object and `$ref` of the spec, with locations */
  index: SpecIndex;
  /** the model, when the caller built it (rules that need semantics the index lacks read it) */
  model?: ApiModel;
  /** the caller's build of the model, once for every reader (the language server's analysis):
   * returns it or throws its ModelError; the model rule calls it instead of building its own */
  buildModel?: () => ApiModel;
  /** verdicts kept from earlier versions of the spec (the language server's) */
  exampleVerdicts?: ExampleVerdicts;
  /** what loading found: syntax errors, ref problems */
  loadDiagnostics: readonly Diagnostic[];
}

export interface Finding {
  message: string;
  file: string;
  pointer: string;
  /** point at the key rather than the value */
  atKey?: boolean;
  /** did-you-mean: the text the key or value was probably meant to be */
  suggestion?: Suggestion;
  /** other places the problem involves */
  related?: Related[];
  /** the name the problem is about, when a fix needs it */
  subject?: string;
  /** a limit the rule hit: reported under the limit's code, as an error nobody can switch off */
  limit?: 'limit-time';
}

export interface Rule {
  id: string;
  /** one line, for `--format sarif` and documentation */
  description: string;
  check(ctx: RuleContext): Finding[];
  /**
   * The same findings in steps (an expensive rule): the language server runs the steps in time
   * slices and drops the work when the text changes under it. `check` collects them all.
   */
  steps?(ctx: RuleContext): Iterable<Finding[]>;
}

export function finding(loc: Loc, message: string, atKey = false): Finding {
  return atKey ? { message, file: loc.file, pointer: loc.pointer, atKey } : { message, file: loc.file, pointer: loc.pointer };
}
