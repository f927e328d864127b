// The rule table: every rule oaskit runs, its default severity and its cost (the language server
// runs cheap rules on every change and expensive ones after a pause), plus the codes the loader
// reports itself. Severity lives here and in the configuration, never inside a rule.
import type { Diagnostic, Severity } from '../core/diagnostic.ts';
import { componentUnused } from './component-unused.ts';
import { downloadInvalid } from './download-invalid.ts';
import { enumTypeMismatch } from './enum-type-mismatch.ts';
import { exampleInvalid } from './example-invalid.ts';
import { keyMisspelt } from './key-misspelt.ts';
import { limitContradiction } from './limit-contradiction.ts';
import { limitRefDepth } from './limit-ref-depth.ts';
import { limits } from '../core/limits.ts';
import { modelRule } from './model.ts';
import { oasSchema } from './oas-schema.ts';
import { operationIdDuplicate } from './operation-id-duplicate.ts';
import { operationIdMissing } from './operation-id-missing.ts';
import { operationNoErrorResponse } from './operation-no-error-response.ts';
import { paginationInvalid } from './pagination-invalid.ts';
import { pathParamUndeclared } from './path-param-undeclared.ts';
import { pathParamUnused } from './path-param-unused.ts';
import { provenanceGuess } from './provenance-guess.ts';
import { rateLimitInvalid } from './rate-limit-invalid.ts';
import { refCycle } from './ref-cycle.ts';
import { refDangling } from './ref-dangling.ts';
import { refNotFound } from './ref-not-found.ts';
import { refUnsafe } from './ref-unsafe.ts';
import { refUnsupported } from './ref-unsupported.ts';
import { refWrongKind } from './ref-wrong-kind.ts';
import { requiredUndefined } from './required-undefined.ts';
import type { Finding, Rule, RuleContext } from './rule.ts';
import { securitySchemeUnknown } from './security-scheme-unknown.ts';

export type { Rule, RuleContext } from './rule.ts';

export type Cost = 'cheap' | 'expensive';

export interface RuleEntry {
  rule: Rule;
  /** the severity it reports with (once enabled, when `optIn`) */
  severity: Severity;
  cost: Cost;
  /** off unless the configuration names it */
  optIn?: true;
}

export const ruleTable: readonly RuleEntry[] = [
  { rule: refDangling, severity: 'error', cost: 'cheap' },
  { rule: refUnsafe, severity: 'error', cost: 'cheap' },
  { rule: refNotFound, severity: 'error', cost: 'cheap' },
  { rule: refUnsupported, severity: 'error', cost: 'cheap' },
  { rule: refCycle, severity: 'error', cost: 'cheap' },
  { rule: refWrongKind, severity: 'error', cost: 'cheap' },
  { rule: limitRefDepth, severity: 'error', cost: 'cheap' },
  { rule: oasSchema, severity: 'error', cost: 'cheap' },
  { rule: operationIdMissing, severity: 'warning', cost: 'cheap' },
  { rule: operationIdDuplicate, severity: 'error', cost: 'cheap' },
  { rule: pathParamUndeclared, severity: 'error', cost: 'cheap' },
  { rule: pathParamUnused, severity: 'error', cost: 'cheap' },
  { rule: exampleInvalid, severity: 'error', cost: 'expensive' },
  { rule: requiredUndefined, severity: 'warning', cost: 'cheap' },
  { rule: operationNoErrorResponse, severity: 'warning', cost: 'cheap' },
  { rule: componentUnused, severity: 'warning', cost: 'cheap' },
  { rule: securitySchemeUnknown, severity: 'error', cost: 'cheap' },
  { rule: enumTypeMismatch, severity: 'error', cost: 'cheap' },
  { rule: limitContradiction, severity: 'error', cost: 'cheap' },
  { rule: keyMisspelt, severity: 'warning', cost: 'cheap' },
  { rule: rateLimitInvalid, severity: 'error', cost: 'cheap' },
  { rule: paginationInvalid, severity: 'error', cost: 'cheap' },
  { rule: downloadInvalid, severity: 'error', cost: 'cheap' },
  { rule: modelRule, severity: 'error', cost: 'expensive' },
  { rule: provenanceGuess, severity: 'info', cost: 'cheap', optIn: true },
];

/** Codes the loader reports before any rule runs (and limit-time, which a rule hits). `fixed`
 * ones cannot be configured: without a readable OpenAPI document there is nothing else to check,
 * and a limit protects whatever reads the spec next. */
export const loaderCodes: readonly { id: string; description: string; fixed?: true }[] = [
  { id: 'file-unreadable', description: 'The spec file must exist and be readable.', fixed: true },
  { id: 'yaml-syntax', description: 'The file must be well-formed YAML (unique keys, no tabs for indentation, …).', fixed: true },
  { id: 'json-syntax', description: 'The file must be well-formed JSON.', fixed: true },
  { id: 'oas-not-object', description: 'An OpenAPI document must be an object.', fixed: true },
  { id: 'oas-version', description: 'The document must declare an OpenAPI version oaskit reads: 3.0.x or 3.1.x.', fixed: true },
  { id: 'oas-version-not-string', description: 'The `openapi` version must be a string such as "3.1.0".' },
  { id: 'info-version-not-string', description: '`info.version` must be a string.' },
  { id: 'oas-paths-missing', description: 'An OpenAPI 3.0 document must have `paths`.' },
  { id: 'oas-invalid', description: 'The document must be a valid OpenAPI description.' },
  { id: 'internal-error', description: 'oaskit failed while checking; please report it.', fixed: true },
  { id: 'limit-file-size', description: 'A spec file (and all its files together) must stay under the size oaskit reads.', fixed: true },
  { id: 'limit-depth', description: 'Objects and arrays must not be nested deeper than oaskit reads (256 levels).', fixed: true },
  { id: 'limit-nodes', description: 'A spec file must not hold more values than oaskit reads (4,000,000).', fixed: true },
  { id: 'limit-ref-chain', description: 'A chain of $refs to $refs must reach a node within 64 links.', fixed: true },
  { id: 'limit-time', description: `Testing a pattern against an example must take less than ${limits.patternMs} ms (the pattern backtracks catastrophically); reported by example-invalid.`, fixed: true },
];

/** Every code oaskit can report, with its description (for SARIF and documentation). */
export function describedCodes(): { id: string; description: string; severity?: Severity; optIn?: true }[] {
  return [...ruleTable.map((e) => ({ id: e.rule.id, description: e.rule.description, severity: e.severity, ...(e.optIn ? { optIn: e.optIn } : {}) })), ...loaderCodes.map(({ id, description }) => ({ id, description }))];
}

export type RuleSetting = Severity | 'off';

export interface RunOptions {
  /** severities by code ('off' skips the rule) */
  settings?: Readonly<Record<string, RuleSetting>>;
  /** only the rules of this cost (default: all) */
  cost?: Cost;
}

/** Run the rules; each finding becomes a diagnostic with the rule's code and configured severity. */
export function runRules(ctx: RuleContext, options: RunOptions = {}): Diagnostic[] {
  const out = new Collector(ctx);
  for (const entry of selected(options)) {
    try {
      out.add(entry, entry.rule.check(ctx), options);
    } catch (error) {
      out.crashed(entry, error);
    }
  }
  return out.diagnostics;
}

/**
 * The same, in time slices: after `sliceMs` of work it yields to the event loop, and gives up
 * (returns undefined) as soon as `isStale()` says the input changed. For the language server.
 */
export async function runRulesSliced(ctx: RuleContext, options: RunOptions & { sliceMs?: number; isStale: () => boolean }): Promise<Diagnostic[] | undefined> {
  const out = new Collector(ctx);
  const slice = options.sliceMs ?? 15;
  let since = performance.now();
  const pause = async () => {
    if (performance.now() - since < slice) return false;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
    return options.isStale();
  };
  for (const entry of selected(options)) {
    try {
      if (entry.rule.steps) {
        for (const findings of entry.rule.steps(ctx)) {
          out.add(entry, findings, options);
          if (await pause()) return undefined;
        }
      } else {
        out.add(entry, entry.rule.check(ctx), options);
        if (await pause()) return undefined;
      }
    } catch (error) {
      out.crashed(entry, error);
    }
  }
  return out.diagnostics;
}

/** The setting that applies to a rule: the configured one, else its default ('off' for opt-in rules). */
export function settingOf(entry: RuleEntry, settings?: Readonly<Record<string, RuleSetting>>): RuleSetting {
  // a limit protects whatever reads the spec next: it cannot be switched off or down
  if (entry.rule.id.startsWith('limit-ref')) return entry.severity;
  return settings?.[entry.rule.id] ?? (entry.optIn ? 'off' : entry.severity);
}

function selected(options: RunOptions): RuleEntry[] {
  return ruleTable.filter((e) => (!options.cost || e.cost === options.cost) && settingOf(e, options.settings) !== 'off');
}

class Collector {
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  /** per file, the pointers of entries left out by a syntax error */
  private readonly broken = new Map<string, readonly string[]>();
  constructor(private readonly ctx: RuleContext) {
    for (const f of ctx.workspace.loadedFiles()) if (f.broken?.length) this.broken.set(f.path, f.broken);
  }

  private inBroken(f: Finding): boolean {
    const pointers = this.broken.get(f.file);
    if (!pointers) return false;
    return pointers.some((b) => f.pointer === b || f.pointer.startsWith(b + '/') || f.pointer === b.slice(0, b.lastIndexOf('/')));
  }

  add(entry: RuleEntry, findings: Finding[], options: RunOptions): void {
    const severity = settingOf(entry, options.settings) as Severity;
    // entries left out by a syntax error (load/recover.ts): nothing to say about them, their
    // parents (which may read as null) or what only they referred to (unused components)
    if (this.broken.size && entry.rule.id === 'component-unused') return;
    for (const f of findings) {
      if (this.inBroken(f)) continue;
      const code = f.limit ?? entry.rule.id;
      const key = `${code}\0${f.file}\0${f.pointer}\0${f.atKey ? 1 : 0}\0${f.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.diagnostics.push({ code, severity: f.limit ? 'error' : severity, message: f.message, file: f.file, pointer: f.pointer, ...(f.atKey ? { atKey: true } : {}), ...(f.suggestion ? { suggestion: f.suggestion } : {}), ...(f.related ? { related: f.related } : {}), ...(f.subject !== undefined ? { subject: f.subject } : {}) });
    }
  }

  crashed(entry: RuleEntry, error: unknown): void {
    this.diagnostics.push({ code: 'internal-error', severity: 'error', message: `rule ${entry.rule.id} failed: ${(error as Error)?.message ?? String(error)}`, file: this.ctx.workspace.root.path, pointer: '' });
  }
}
