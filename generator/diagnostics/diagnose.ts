// All diagnostics for one spec: loading problems (syntax, unreadable files) and, when the
// document is an OpenAPI 3.0/3.1 object, oaskit's rules (refs, the OpenAPI schema, and the rules
// of generator/rules/), with severities from the rule table and the configuration.
// Shared by `check`, the language server and `generate`.
import { loadSpec, type LoadOptions, type LoadedSpec } from '../load/load-spec.ts';
import { isObject } from '../core/pointer.ts';
import { ruleTable, runRules, runRulesSliced, type Cost, type RuleContext, type RuleSetting } from '../rules/index.ts';
import { SpecIndex } from '../load/spec-index.ts';
import { configFor, defaultConfig, type OaskitConfig } from './config.ts';
import type { Diagnostic } from '../core/diagnostic.ts';

export interface Diagnosis extends LoadedSpec {
  /** true when the input could not be used at all (syntax errors, not an OpenAPI document) */
  unusable: boolean;
}

export interface DiagnoseOptions extends LoadOptions {
  /** undefined: the config found next to the spec (or in the working folder); null: defaults */
  config?: OaskitConfig | null;
  /** run only the rules of this cost; 'none' for loading problems only (default: every rule) */
  rules?: Cost | 'all' | 'none';
}

/** Throws UnreadableSpecError when the spec cannot be read, ConfigError for a bad config file. */
export async function diagnose(path: string, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  const config = options.config === undefined ? configFor(path) : (options.config ?? defaultConfig);
  const loaded = await loadSpec(path, { ...options });
  const unusable = isUnusable(loaded);
  const diagnostics = loaderDiagnostics(loaded, config.rules);
  if (!unusable && options.rules !== 'none') {
    diagnostics.push(...ruleDiagnostics(loaded, new SpecIndex(loaded.workspace, loaded.version), config.rules, options.rules === 'all' ? undefined : options.rules));
  }
  return { ...loaded, diagnostics, unusable };
}

export function isUnusable(loaded: LoadedSpec): boolean {
  return loaded.workspace.root.value === undefined || !loaded.version || loaded.diagnostics.some((d) => d.code === 'oas-version' || d.code === 'oas-not-object');
}

const ruleIds = new Set(ruleTable.map((e) => e.rule.id));
const fixedCodes = new Set(['limit-file-size', 'limit-depth', 'limit-nodes', 'limit-ref-chain', 'limit-time']);

/** What loading found, except the problems a rule hands on (refs), with configured severities. */
export function loaderDiagnostics(loaded: LoadedSpec, settings: Readonly<Record<string, RuleSetting>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of loaded.diagnostics) {
    if (ruleIds.has(d.code)) continue;
    // a limit protects whatever reads the spec next: it cannot be switched off or down
    const setting = fixedCodes.has(d.code) ? undefined : settings[d.code];
    if (setting === 'off') continue;
    out.push(setting ? { ...d, severity: setting } : d);
  }
  return out;
}

/** What a caller may add to the rules' context: its own build of the model, kept verdicts. */
export type RuleExtras = Pick<RuleContext, 'buildModel' | 'exampleVerdicts'>;

/** The rules' diagnostics for a usable spec. */
export function ruleDiagnostics(loaded: LoadedSpec, index: SpecIndex, settings: Readonly<Record<string, RuleSetting>>, cost?: Cost, extras: RuleExtras = {}): Diagnostic[] {
  if (!loaded.version || !isObject(loaded.workspace.root.value)) return [];
  return runRules({ workspace: loaded.workspace, version: loaded.version, index, loadDiagnostics: loaded.diagnostics, ...extras }, { settings, cost });
}

/** ruleDiagnostics in time slices; undefined when `isStale()` says the input changed meanwhile. */
export async function ruleDiagnosticsSliced(loaded: LoadedSpec, index: SpecIndex, settings: Readonly<Record<string, RuleSetting>>, cost: Cost | undefined, isStale: () => boolean, extras: RuleExtras = {}): Promise<Diagnostic[] | undefined> {
  if (!loaded.version || !isObject(loaded.workspace.root.value)) return [];
  return runRulesSliced({ workspace: loaded.workspace, version: loaded.version, index, loadDiagnostics: loaded.diagnostics, ...extras }, { settings, cost, isStale });
}
