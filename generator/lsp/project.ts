// Specs as the language server sees them: a root document and the files its refs reach, loaded
// through the file store (open buffers win over the disk, parses are reused), analysed once per
// set of texts. A file that is not a root is served by the root whose refs reach it.
// An analysis builds the model once: the `model` rule reads that build (its ModelError is the
// rule's finding) and so do hover and definition into generated code (generated.ts), while it
// is still in memory. Example
// verdicts are kept across analyses of a root (rules/example-validator.ts `ExampleVerdicts`).
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, configFor, defaultConfig, type OaskitConfig } from '../diagnostics/config.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { isUnusable, loaderDiagnostics, ruleDiagnostics, ruleDiagnosticsSliced, type RuleExtras } from '../diagnostics/diagnose.ts';
import { buildModel, ModelError } from '../model/build-model.ts';
import type { ApiModel } from '../model/types.ts';
import { ExampleVerdicts } from '../rules/example-validator.ts';
import { loadSpec, type LoadedSpec } from '../load/load-spec.ts';
import { isObject } from '../core/pointer.ts';
import type { SourceFile } from '../load/source-file.ts';
import { UnreadableSpecError } from '../load/workspace.ts';
import { SpecIndex } from '../load/spec-index.ts';
import type { FileStore } from './files.ts';
import { isProjectSpec, specName } from '../pipeline/layout.ts';

export class Analysis {
  private cheapDiagnostics: Diagnostic[] | undefined;
  private expensiveDiagnostics: Diagnostic[] | undefined;
  private specIndex: SpecIndex | undefined;
  /** the model once built: held weakly (a large spec's model is hundreds of megabytes, and
   * hover may never ask for it), so a request after a collection builds it again */
  private built: { model: WeakRef<ApiModel> } | { error: unknown } | undefined;

  constructor(
    readonly root: string,
    readonly loaded: LoadedSpec,
    /** the parse of every file it read: the analysis holds while these are current */
    readonly sources: ReadonlyMap<string, SourceFile>,
    readonly config: OaskitConfig,
    private readonly configProblem: Diagnostic | undefined,
    private readonly verdicts?: ExampleVerdicts,
  ) {}

  /** The model, built once (throws what building threw: a ModelError when the spec cannot be modelled). */
  private readonly buildModel = (): ApiModel => {
    if (this.built && 'error' in this.built) throw this.built.error;
    const kept = this.built?.model.deref();
    if (kept) return kept;
    let model: ApiModel;
    try {
      model = buildModel(this.loaded, specName(this.root));
    } catch (error) {
      this.built = { error };
      throw error;
    }
    this.built = { model: new WeakRef(model) };
    return model;
  };

  /** The model of the spec, undefined when it cannot be built (shared with the `model` rule). */
  model(): ApiModel | undefined {
    if (this.unusable) return undefined;
    try {
      return this.buildModel();
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      return undefined;
    }
  }

  private get extras(): RuleExtras {
    return { buildModel: this.buildModel, exampleVerdicts: this.verdicts };
  }

  get workspace() {
    return this.loaded.workspace;
  }

  get unusable(): boolean {
    return isUnusable(this.loaded);
  }

  /** Every OpenAPI object and ref of the spec (built on first use). */
  get index(): SpecIndex {
    this.specIndex ??= new SpecIndex(this.loaded.workspace, this.loaded.version);
    return this.specIndex;
  }

  /** Loading problems and the cheap rules. */
  cheap(): Diagnostic[] {
    if (!this.cheapDiagnostics) {
      const out = loaderDiagnostics(this.loaded, this.config.rules);
      if (this.configProblem) out.push(this.configProblem);
      if (!this.unusable) out.push(...ruleDiagnostics(this.loaded, this.index, this.config.rules, 'cheap', this.extras));
      this.cheapDiagnostics = out;
    }
    return this.cheapDiagnostics;
  }

  /** The expensive rules (example validation). */
  expensive(): Diagnostic[] {
    this.expensiveDiagnostics ??= this.unusable ? [] : ruleDiagnostics(this.loaded, this.index, this.config.rules, 'expensive', this.extras);
    return this.expensiveDiagnostics;
  }

  /** The expensive rules in time slices; undefined when `isStale()` turned true meanwhile. */
  async expensiveSliced(isStale: () => boolean): Promise<Diagnostic[] | undefined> {
    if (this.expensiveDiagnostics) return this.expensiveDiagnostics;
    if (this.unusable) return (this.expensiveDiagnostics = []);
    const found = await ruleDiagnosticsSliced(this.loaded, this.index, this.config.rules, 'expensive', isStale, this.extras);
    if (found) this.expensiveDiagnostics = found;
    return found;
  }

  hasExpensive(): boolean {
    return this.expensiveDiagnostics !== undefined;
  }

  /** The files of the spec: the root and every file its refs reached. */
  files(): string[] {
    return [...this.sources.keys()];
  }
}

export class Project {
  private readonly analyses = new Map<string, Analysis>();
  /** the last analysis of a root whose files could be read (completion while the text is broken) */
  private readonly lastReadable = new Map<string, Analysis>();
  /** roots found for files that are not roots themselves */
  private readonly owners = new Map<string, string[]>();
  /** example verdicts of earlier analyses, reused while schema, example and refs are the same objects */
  readonly verdicts = new ExampleVerdicts();

  constructor(private readonly files: FileStore) {}

  /** The analysis of a root, rebuilt only when one of its files changed. */
  async analysis(root: string): Promise<Analysis | undefined> {
    const current = this.analyses.get(root);
    if (current && this.isCurrent(current)) return current;
    const sources = new Map<string, SourceFile>();
    const parse = (path: string, text: string) => {
      const s = this.files.parse(path, text);
      sources.set(path, s);
      return s;
    };
    let loaded: LoadedSpec;
    try {
      loaded = await loadSpec(root, { overlay: this.files.overlay(), read: this.files.read, parse });
    } catch (error) {
      if (error instanceof UnreadableSpecError) {
        this.analyses.delete(root);
        return undefined;
      }
      throw error;
    }
    // files that could not be read are part of the analysis too (they may appear later)
    let config: OaskitConfig = defaultConfig;
    let configProblem: Diagnostic | undefined;
    try {
      config = configFor(root);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      configProblem = { code: 'config-invalid', severity: 'error', message: `invalid config ${error.message}`, file: root, offsets: { start: 0, end: 0 } };
    }
    const analysis = new Analysis(root, loaded, sources, config, configProblem, this.verdicts);
    this.analyses.set(root, analysis);
    if (loaded.workspace.root.value !== undefined) this.lastReadable.set(root, analysis);
    return analysis;
  }

  /** The last analysis of a root whose document could be read, current or not (for requests while it is broken). */
  last(root: string): Analysis | undefined {
    return this.lastReadable.get(root);
  }

  knownRoots(): string[] {
    return [...this.analyses.keys()];
  }

  forget(root: string): void {
    this.analyses.delete(root);
    this.lastReadable.delete(root);
  }

  private isCurrent(a: Analysis): boolean {
    for (const [path, source] of a.sources) {
      if (this.files.source(path) !== source) return false;
    }
    return true;
  }

  /** Is this file an OpenAPI document (rather than a fragment reached through refs)? */
  isRoot(path: string): boolean {
    const s = this.files.source(path);
    if (s?.value !== undefined) return isObject(s.value) && ('openapi' in s.value || 'swagger' in s.value);
    // a broken document: judge by its first lines
    return /^\s*["']?(openapi|swagger)["']?\s*:/m.test((s?.text ?? '').slice(0, 2000));
  }

  /**
   * The roots a file belongs to: itself when it is a root; else a known root that reads it; else
   * a root document in its folder or up to three folders above that reads it; else itself when
   * it is one of its project's specs (spec/*.yaml: a spec being started). None: not OpenAPI
   * (docker-compose.yml), and the server leaves it alone.
   */
  async rootsOf(path: string): Promise<string[]> {
    if (this.isRoot(path)) return [path];
    const known = [...this.analyses.values()].filter((a) => a.sources.has(path)).map((a) => a.root);
    if (known.length) return known;
    const cached = this.owners.get(path);
    if (cached) return cached;
    const found: string[] = [];
    let dir = dirname(path);
    for (let up = 0; up < 4 && found.length === 0; up++) {
      for (const candidate of rootCandidates(dir)) {
        if (candidate === path) continue;
        const a = await this.analysis(candidate);
        if (a?.sources.has(path)) found.push(candidate);
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    if (found.length === 0 && isProjectSpec(path)) found.push(path);
    this.owners.set(path, found);
    return found;
  }

  /** Forget which roots own which fragments (files were added, removed or renamed). */
  resetOwners(): void {
    this.owners.clear();
  }
}

/** YAML and JSON files of a folder that start like an OpenAPI document. */
function rootCandidates(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.(ya?ml|json)$/i.test(n))
    .sort()
    .slice(0, 50)
    .map((n) => join(dir, n))
    .filter((p) => {
      try {
        if (!statSync(p).isFile()) return false;
        return /^\s*["']?openapi["']?\s*:/m.test(head(p, 2000));
      } catch {
        return false;
      }
    });
}

function head(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
