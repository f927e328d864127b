// The language service: protocol-free functions from a document (by uri) and a position to LSP
// data types. The server (server.ts) only connects them to a connection. Every answer is computed
// from the spec's analysis (project.ts): the root document and the files its refs reach.
import type {
  CodeAction,
  CompletionItem,
  Diagnostic as LspDiagnostic,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range as LspRange,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import type { Diagnostic } from '../core/diagnostic.ts';
import { escapeSegment, isObject, toPointer } from '../core/pointer.ts';
import type { SourceFile } from '../load/source-file.ts';
import type { Loc } from '../load/workspace.ts';
import { grammar } from '../core/grammar.ts';
import { codeActions } from './code-actions.ts';
import { complete } from './completion.ts';
import { offsetAt, toLspDiagnostic, toRange } from './convert.ts';
import { code, describeObject, describeSchema, refLabel } from './describe.ts';
import { FileStore, pathToUri, uriToPath } from './files.ts';
import { componentAt, kindInFile, nodeAt, valueAt } from './locate.ts';
import { Analysis, Project } from './project.ts';
import { documentSymbols, workspaceSymbols } from './symbols.ts';
import { describeGenerated, generatedAt, generatedLocation } from './generated.ts';
import { LineIndex } from '../core/line-index.ts';
import { readFileSync } from 'node:fs';

/** One document's view: its parse, and the analysis of the spec it belongs to. */
export interface DocumentView {
  path: string;
  uri: string;
  text: string;
  source: SourceFile;
  analysis: Analysis | undefined;
}

export class RenameError extends Error {}

const componentName = /^[A-Za-z0-9._-]+$/;

export class LanguageService {
  readonly files = new FileStore();
  readonly project = new Project(this.files);

  // ---- documents -------------------------------------------------------------------------

  open(uri: string, text: string, version: number): void {
    this.files.openDocument(uri, text, version);
  }

  change(uri: string, text: string, version: number): void {
    this.files.openDocument(uri, text, version);
  }

  close(uri: string): void {
    this.files.closeDocument(uri);
  }

  /** Files changed on disk (the client's file watcher): forget what was read. */
  filesChanged(uris: string[]): void {
    for (const uri of uris) this.files.invalidate(uriToPath(uri));
    this.project.resetOwners();
  }

  async view(uri: string): Promise<DocumentView | undefined> {
    const path = uriToPath(uri);
    const source = this.files.source(path);
    if (!source) return undefined;
    const roots = await this.project.rootsOf(path);
    // not an OpenAPI document, nor a file one reads: nothing to say about it
    if (!roots.length) return undefined;
    const analysis = await this.project.analysis(roots[0]!);
    return { path, uri, text: source.text, source, analysis };
  }

  // ---- diagnostics -----------------------------------------------------------------------

  /** The roots whose diagnostics change when this document changes. */
  async rootsOf(uri: string): Promise<string[]> {
    return this.project.rootsOf(uriToPath(uri));
  }

  /**
   * Diagnostics of every file of a spec, by uri. `cheap`: loading problems and the cheap rules,
   * plus the expensive rules' last findings re-located in the current texts (they are pointers,
   * so they follow the edit); `all`: the expensive rules too, run now.
   */
  async diagnostics(root: string, mode: 'cheap' | 'all', previousExpensive: Diagnostic[] = [], isStale?: () => boolean): Promise<{ analysis: Analysis; byUri: Map<string, LspDiagnostic[]>; expensive: Diagnostic[] } | undefined> {
    const analysis = await this.project.analysis(root);
    if (!analysis) return undefined;
    let expensive: Diagnostic[];
    if (mode === 'all') {
      const found = isStale ? await analysis.expensiveSliced(isStale) : analysis.expensive();
      if (!found) return undefined;
      expensive = found;
    } else expensive = analysis.hasExpensive() ? analysis.expensive() : previousExpensive;
    const all = [...analysis.cheap(), ...expensive];
    const byUri = new Map<string, LspDiagnostic[]>();
    for (const file of analysis.files()) byUri.set(pathToUri(file), []);
    for (const d of all) {
      const uri = pathToUri(d.file);
      const list = byUri.get(uri) ?? [];
      list.push(toLspDiagnostic(d, analysis.workspace.get(d.file), (f) => analysis.workspace.get(f)));
      byUri.set(uri, list);
    }
    for (const list of byUri.values()) list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { analysis, byUri, expensive };
  }

  // ---- hover -----------------------------------------------------------------------------

  async hover(uri: string, position: Position): Promise<Hover | null> {
    const view = await this.view(uri);
    if (!view) return null;
    const { source, analysis } = view;
    const offset = offsetAt(view.text, position);
    const at = nodeAt(source, offset);
    const segs = at.segments;
    const value = source.value;
    const range = toRange(source, source.locate(at.pointer, at.part));
    const ws = analysis?.workspace;
    // a $ref: what it points to
    if (segs.at(-1) === '$ref') {
      const ref = valueAt(value, segs);
      if (typeof ref !== 'string' || !ws) return null;
      const r = ws.resolveRef(view.path, ref);
      if (!r.ok) return { contents: { kind: 'markdown', value: `${code(ref)}: ${r.message}` }, range };
      const kind = kindInFile(analysis, view.path, value, segs.slice(0, -1), 'expected') ?? 'schema';
      const body = describeObject(kind === 'reference' ? 'schema' : kind, r.target.value, refLabel(ref), ws, r.target.loc);
      return { contents: { kind: 'markdown', value: `${body}\n\n${code(ref)}` }, range };
    }
    // an operation or a component schema: what the generator makes of it
    const generated = analysis && (at.part === 'key' || segs.at(-1) === 'operationId') ? generatedAt(analysis, view.path, segs) : undefined;
    const codeNote = generated && analysis ? describeGenerated(analysis, generated) : undefined;
    // a key: the field's meaning, and for a named member (a component, a property) the member
    if (at.part === 'key' && segs.length) {
      const key = segs.at(-1)!;
      const parentKind = kindInFile(analysis, view.path, value, segs.slice(0, -1), 'expected');
      const field = parentKind ? grammar[parentKind].fields[key] : undefined;
      const ownKind = kindInFile(analysis, view.path, value, segs, 'expected');
      const parts: string[] = [];
      if (field && parentKind) parts.push(`**${key}** (${grammar[parentKind].title}): ${field.doc}`);
      else if (parentKind && grammar[parentKind].entries) parts.push(`**${key}**: ${grammar[parentKind].entries!.keyDoc}`);
      if (ownKind === 'schema') parts.push(describeSchema(valueAt(value, segs), { title: field ? undefined : key, ws, loc: { file: view.path, pointer: at.pointer } }));
      else if (ownKind && !field && ownKind !== 'reference') parts.push(describeObject(ownKind, valueAt(value, segs), key, ws, { file: view.path, pointer: at.pointer }));
      if (codeNote) parts.push(codeNote);
      if (!parts.length) return null;
      return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range };
    }
    if (codeNote) return { contents: { kind: 'markdown', value: codeNote }, range };
    // a value inside a schema: the innermost schema
    for (let n = segs.length; n >= 0; n--) {
      const k = kindInFile(analysis, view.path, value, segs.slice(0, n), 'expected');
      if (k === 'schema') {
        const pointer = toPointer(segs.slice(0, n));
        return { contents: { kind: 'markdown', value: describeSchema(valueAt(value, segs.slice(0, n)), { ws, loc: { file: view.path, pointer } }) }, range: toRange(source, source.locate(pointer)) };
      }
      if (k && k !== 'reference' && n < segs.length) break;
    }
    return null;
  }

  // ---- definition, references, rename ----------------------------------------------------

  /** The node a position refers to: a $ref's target, a security requirement's scheme, a mapping's schema. */
  private async targetAt(uri: string, position: Position): Promise<{ view: DocumentView; target: Loc; origin: LspRange } | undefined> {
    const view = await this.view(uri);
    if (!view?.analysis) return undefined;
    const { source, analysis } = view;
    const at = nodeAt(source, offsetAt(view.text, position));
    const segs = at.segments;
    const origin = toRange(source, source.locate(at.pointer, at.part));
    const ws = analysis.workspace;
    if (segs.at(-1) === '$ref') {
      const ref = valueAt(source.value, segs);
      if (typeof ref !== 'string') return undefined;
      const r = ws.resolveRef(view.path, ref);
      return r.ok ? { view, target: r.target.loc, origin } : undefined;
    }
    if (segs.length >= 2 && segs.at(-2) === 'mapping' && segs.at(-3) === 'discriminator') {
      const v = valueAt(source.value, segs);
      if (typeof v !== 'string') return undefined;
      const r = ws.resolveRef(view.path, componentName.test(v) ? '#/components/schemas/' + v : v);
      return r.ok ? { view, target: r.target.loc, origin } : undefined;
    }
    if (at.part === 'key' && kindInFile(analysis, view.path, source.value, segs.slice(0, -1)) === 'securityRequirement') {
      return { view, target: { file: analysis.root, pointer: toPointer(['components', 'securitySchemes', segs.at(-1)!]) }, origin };
    }
    // on a component's own name
    const own = componentAt(analysis, { file: view.path, pointer: at.pointer });
    if (own && at.part === 'key') return { view, target: own.loc, origin };
    return undefined;
  }

  private locationOf(analysis: Analysis, loc: Loc, part: 'key' | 'value' = 'key'): Location | undefined {
    const source = analysis.workspace.get(loc.file) ?? this.files.source(loc.file);
    if (!source) return undefined;
    return { uri: pathToUri(loc.file), range: toRange(source, source.locate(loc.pointer, part)) };
  }

  async definition(uri: string, position: Position): Promise<Location[]> {
    // an operation or a component schema of a generated project spec: its generated symbol
    const view = await this.view(uri);
    if (view?.analysis) {
      const at = nodeAt(view.source, offsetAt(view.text, position));
      const g = at.part === 'key' || at.segments.at(-1) === 'operationId' ? generatedAt(view.analysis, view.path, at.segments) : undefined;
      const loc = g && generatedLocation(view.analysis, g);
      if (loc) {
        const lines = new LineIndex(readFileSync(loc.file, 'utf8'));
        const pos = (o: number) => ({ line: lines.position(o).line - 1, character: lines.position(o).col - 1 });
        return [{ uri: pathToUri(loc.file), range: { start: pos(loc.start), end: pos(loc.end) } }];
      }
    }
    const t = await this.targetAt(uri, position);
    if (!t?.view.analysis) return [];
    const loc = this.locationOf(t.view.analysis, t.target);
    return loc ? [loc] : [];
  }

  /** Every place that refers to the target at a position (and the target itself, if asked). */
  async references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[]> {
    const t = await this.targetAt(uri, position);
    if (!t?.view.analysis) return [];
    const analysis = t.view.analysis;
    const out: Location[] = [];
    if (includeDeclaration) {
      const decl = this.locationOf(analysis, t.target);
      if (decl) out.push(decl);
    }
    for (const site of this.referrers(analysis, t.target)) {
      const loc = this.locationOf(analysis, site.loc, site.part);
      if (loc) out.push(loc);
    }
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
  }

  /** The `$ref` values, discriminator mappings and security requirement keys naming a target. */
  private referrers(analysis: Analysis, target: Loc): { loc: Loc; part: 'key' | 'value'; kind: 'ref' | 'mapping' | 'requirement'; text?: string }[] {
    const same = (l: Loc) => l.file === target.file && l.pointer === target.pointer;
    const out: { loc: Loc; part: 'key' | 'value'; kind: 'ref' | 'mapping' | 'requirement'; text?: string }[] = [];
    for (const r of analysis.index.refs) {
      if (r.target.ok && same(r.target.target.loc)) out.push({ loc: { file: r.loc.file, pointer: r.loc.pointer + '/$ref' }, part: 'value', kind: 'ref', text: r.ref });
    }
    for (const m of analysis.index.mappings) if (m.target.ok && same(m.target.target.loc)) out.push({ loc: m.loc, part: 'value', kind: 'mapping', text: m.value });
    const c = componentAt(analysis, target);
    if (c?.section === 'securitySchemes') {
      for (const site of analysis.index.ofKind('securityRequirement')) {
        if (isObject(site.value) && Object.prototype.hasOwnProperty.call(site.value, c.name)) out.push({ loc: { file: site.loc.file, pointer: site.loc.pointer + '/' + escapeSegment(c.name) }, part: 'key', kind: 'requirement' });
      }
    }
    // a referrer reached twice (a file read by two refs) counts once
    const seen = new Set<string>();
    return out.filter((o) => !seen.has(o.loc.file + '#' + o.loc.pointer) && seen.add(o.loc.file + '#' + o.loc.pointer));
  }

  async prepareRename(uri: string, position: Position): Promise<{ range: LspRange; placeholder: string } | null> {
    const t = await this.targetAt(uri, position);
    if (!t?.view.analysis) return null;
    const c = componentAt(t.view.analysis, t.target);
    if (!c) throw new RenameError('only components (schemas, responses, parameters, …) can be renamed');
    return { range: t.origin, placeholder: c.name };
  }

  /** Rename a component: its key and every `$ref`, mapping and security requirement naming it. */
  async rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit> {
    const t = await this.targetAt(uri, position);
    if (!t?.view.analysis) throw new RenameError('nothing to rename here: place the cursor on a component name or a $ref to it');
    const analysis = t.view.analysis;
    const c = componentAt(analysis, t.target);
    if (!c) throw new RenameError('only components (schemas, responses, parameters, …) can be renamed');
    if (!componentName.test(newName)) throw new RenameError(`a component name may only hold letters, digits, '.', '_' and '-' (OpenAPI): ${JSON.stringify(newName)}`);
    const members = valueAt(analysis.workspace.root.value, ['components', c.section]);
    if (newName !== c.name && isObject(members) && Object.prototype.hasOwnProperty.call(members, newName)) throw new RenameError(`components/${c.section} already has '${newName}'`);
    const changes: Record<string, TextEdit[]> = {};
    const edit = (file: string, range: LspRange, newText: string) => (changes[pathToUri(file)] ??= []).push({ range, newText });
    // the key
    const root = analysis.workspace.root;
    const keyRange = root.locate(c.loc.pointer, 'key');
    const keyText = root.text.slice(keyRange.start, keyRange.end);
    const quote = /^["']/.test(keyText) ? keyText[0]! : '';
    edit(root.path, toRange(root, { start: keyRange.start + quote.length, end: keyRange.end - quote.length }), newName);
    // the references
    for (const site of this.referrers(analysis, t.target)) {
      const source = analysis.workspace.get(site.loc.file);
      if (!source) continue;
      const range = source.locate(site.loc.pointer, site.part);
      const raw = source.text.slice(range.start, range.end);
      if (site.kind === 'requirement') {
        const q = /^["']/.test(raw) ? raw[0]! : '';
        edit(source.path, toRange(source, { start: range.start + q.length, end: range.end - q.length }), newName);
        continue;
      }
      // replace only the name inside the ref text: `…/components/schemas/<name>` at its end or before `/`
      const candidates = [escapeSegment(c.name), encodeURIComponent(escapeSegment(c.name))];
      const bare = site.kind === 'mapping' && site.text === c.name;
      let done = false;
      for (const old of candidates) {
        const needle = bare ? old : `/components/${c.section}/${old}`;
        let i = raw.indexOf(needle);
        while (i >= 0 && !done) {
          const after = raw[i + needle.length];
          if (after === undefined || after === '/' || after === '"' || after === "'" || /\s/.test(after)) {
            const start = range.start + i + needle.length - old.length;
            edit(source.path, toRange(source, { start, end: start + old.length }), newName);
            done = true;
          }
          i = raw.indexOf(needle, i + 1);
        }
        if (done) break;
      }
    }
    return { changes };
  }

  // ---- quick fixes -----------------------------------------------------------------------

  /** Quick fixes for the diagnostics the client sends back (they carry what a fix needs). */
  async codeActions(uri: string, diagnostics: LspDiagnostic[]): Promise<CodeAction[]> {
    const source = this.files.source(uriToPath(uri));
    return source ? codeActions(uri, source, diagnostics) : [];
  }

  // ---- completion, symbols ---------------------------------------------------------------

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const path = uriToPath(uri);
    const doc = this.files.document(path);
    const text = doc?.text ?? this.files.source(path)?.text;
    if (text === undefined) return [];
    const roots = await this.project.rootsOf(path);
    if (!roots.length) return [];
    // the last analysis that parsed (the text being typed may not): structure and components
    let analysis = roots.length ? await this.project.analysis(roots[0]!) : undefined;
    if (roots.length && analysis?.workspace.root.value === undefined) analysis = this.project.last(roots[0]!) ?? analysis;
    // a text with a syntax error is read without the broken entry, often the one being typed in
    const source = this.files.source(path);
    return complete({ path, text, offset: offsetAt(text, position), analysis, current: source?.syntaxErrors.length ? undefined : source?.value, lastGood: this.files.lastGoodValue(path) ?? source?.value });
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const view = await this.view(uri);
    if (!view) return [];
    return documentSymbols(view.source, view.analysis?.root === view.path || !view.analysis);
  }

  async workspaceSymbols(query: string): Promise<SymbolInformation[]> {
    const roots = new Set<string>();
    for (const d of this.files.openDocuments()) for (const r of await this.project.rootsOf(d.path)) roots.add(r);
    const out: SymbolInformation[] = [];
    for (const root of [...roots].sort()) {
      const a = await this.project.analysis(root);
      if (a && !a.unusable) out.push(...workspaceSymbols(a, query));
    }
    return out;
  }
}

