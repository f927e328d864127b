// The files of one spec and the `$ref`s between them. Resolution is sandboxed: a ref may point
// into the same file or into a file inside the root spec's folder, nothing else. A URL, an
// absolute path or a path that climbs out of the folder is a diagnostic, never a fetch or a read.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { Loc } from '../core/loc.ts';
import { child, escapeSegment, isObject, parsePointer, toPointer } from '../core/pointer.ts';
import { closest } from '../core/suggest.ts';
import { walkStructure } from './spec-walk.ts';
import { parseSource, type SourceFile } from './source-file.ts';

export type { Loc };

export interface Resolved {
  loc: Loc;
  value: unknown;
}

export type RefResult = { ok: true; target: Resolved } | { ok: false; code: RefProblemCode; message: string; /** the target is in an entry a syntax error left out */ unreadable?: true; /** the ref probably meant */ suggestion?: string };
export type RefProblemCode = 'ref-unsafe' | 'ref-not-found' | 'ref-dangling' | 'ref-unsupported' | 'ref-cycle';

export interface WorkspaceOptions {
  /** texts that replace what is on disk (an editor's unsaved buffers), keyed by absolute path */
  overlay?: ReadonlyMap<string, string>;
  /** read a file; defaults to the file system */
  read?: (path: string) => string;
  /** parse a file's text; defaults to parseSource (the language server passes a cache) */
  parse?: (path: string, text: string) => SourceFile;
}

export class Workspace {
  readonly root: SourceFile;
  /** the folder refs may not leave */
  readonly sandbox: string;
  private readonly files = new Map<string, SourceFile | { missing: string }>();

  constructor(rootPath: string, private readonly options: WorkspaceOptions = {}) {
    const abs = resolve(rootPath);
    this.sandbox = dirname(abs);
    const root = this.file(abs);
    if ('missing' in root) throw new UnreadableSpecError(abs, root.missing);
    this.root = root;
  }

  /** Every file loaded so far (the root and those reached through refs). */
  loadedFiles(): SourceFile[] {
    return [...this.files.values()].filter((f): f is SourceFile => !('missing' in f));
  }

  get(path: string): SourceFile | undefined {
    const f = this.files.get(path);
    return f && !('missing' in f) ? f : undefined;
  }

  private file(abs: string): SourceFile | { missing: string } {
    let f = this.files.get(abs);
    if (!f) {
      try {
        const text = this.options.overlay?.get(abs) ?? (this.options.read ?? ((p) => readFileSync(p, 'utf8')))(abs);
        f = (this.options.parse ?? parseSource)(abs, text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        f = { missing: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message };
      }
      this.files.set(abs, f);
    }
    return f;
  }

  /** Resolve a `$ref` string found in `from`. Pointers may go anywhere, even through other refs. */
  resolveRef(from: string, ref: string): RefResult {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    let target: SourceFile;
    if (filePart === '') {
      const f = this.get(from);
      if (!f) return { ok: false, code: 'ref-not-found', message: `cannot resolve ${JSON.stringify(ref)}: ${from} is not loaded` };
      target = f;
    } else {
      if (/^[a-z][a-z0-9+.-]*:/i.test(filePart) || filePart.startsWith('//')) {
        return { ok: false, code: 'ref-unsafe', message: `$ref ${JSON.stringify(ref)} points to a URL; oaskit resolves refs only inside the spec's folder and never fetches` };
      }
      let decoded: string;
      try {
        decoded = decodeURIComponent(filePart);
      } catch {
        return { ok: false, code: 'ref-dangling', message: `$ref ${JSON.stringify(ref)} is not a valid URI reference` };
      }
      if (isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded) || decoded.startsWith('\\')) {
        return { ok: false, code: 'ref-unsafe', message: `$ref ${JSON.stringify(ref)} is an absolute path; refs must stay inside the spec's folder` };
      }
      const abs = resolve(dirname(from), decoded);
      const rel = relative(this.sandbox, abs);
      if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) {
        return { ok: false, code: 'ref-unsafe', message: `$ref ${JSON.stringify(ref)} climbs out of the spec's folder; refs must stay inside it` };
      }
      const f = this.file(abs);
      if ('missing' in f) return { ok: false, code: 'ref-not-found', message: `$ref ${JSON.stringify(ref)}: ${rel}: ${f.missing}` };
      if (f.value === undefined) return { ok: false, code: 'ref-not-found', message: `$ref ${JSON.stringify(ref)}: ${rel} has syntax errors` };
      target = f;
    }
    let pointer: string;
    try {
      pointer = decodeURIComponent(fragment);
    } catch {
      return { ok: false, code: 'ref-dangling', message: `$ref ${JSON.stringify(ref)} has an invalid fragment` };
    }
    if (pointer !== '' && !pointer.startsWith('/')) {
      return { ok: false, code: 'ref-unsupported', message: `$ref ${JSON.stringify(ref)} uses a plain-name fragment; only JSON pointers are supported` };
    }
    return this.walk({ file: target.path, pointer: '' }, target.value, parsePointer(pointer), ref);
  }

  /** The node at a JSON pointer of a loaded file, following refs on the way. */
  resolvePointer(file: string, pointer: string): RefResult {
    const f = this.get(file);
    if (!f) return { ok: false, code: 'ref-not-found', message: `${file} is not loaded` };
    return this.walk({ file, pointer: '' }, f.value, parsePointer(pointer), '#' + pointer);
  }

  /**
   * Follow `segments` from a node. When a segment is missing and the node is a `$ref`, the ref is
   * followed first: `#/paths/~1a/get/responses/200/content/application~1json/schema/properties/x`
   * works even when `schema` is itself a ref (real specs rely on this).
   */
  private walk(loc: Loc, value: unknown, segments: string[], ref: string, depth = 0): RefResult {
    let current = value;
    let at = loc;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      let next = child(current, seg);
      if (next === undefined && isObject(current) && typeof current.$ref === 'string') {
        if (depth > 64) return { ok: false, code: 'ref-cycle', message: `$ref ${JSON.stringify(ref)} goes through too many refs (a cycle?)` };
        const via = this.resolveRef(at.file, current.$ref);
        if (!via.ok) return via;
        return this.walk(via.target.loc, via.target.value, segments.slice(i), ref, depth + 1);
      }
      if (next === undefined) {
        const pointer = at.pointer + toPointer([seg]);
        // into an entry a syntax error left out (recover.ts): not known to be dangling
        const unreadable = this.get(at.file)?.broken?.some((b) => pointer === b || pointer.startsWith(b + '/') || b.startsWith(pointer + '/'));
        // the last name misspelt: the closest one there (did you mean)
        const meant = i === segments.length - 1 && isObject(current) ? closest(seg, Object.keys(current)) : undefined;
        const hash = ref.lastIndexOf('/');
        const suggestion = meant !== undefined && hash >= 0 ? ref.slice(0, hash + 1) + escapeSegment(meant) : undefined;
        return { ok: false, code: 'ref-dangling', message: `$ref ${JSON.stringify(ref)} points to nothing: no ${JSON.stringify(seg)} at ${at.pointer || '/'}${suggestion ? `; did you mean '${suggestion}'?` : ''}`, ...(unreadable ? { unreadable } : {}), ...(suggestion ? { suggestion } : {}) };
      }
      current = next;
      at = { file: at.file, pointer: at.pointer + toPointer([seg]) };
    }
    return { ok: true, target: { loc: at, value: current } };
  }

  /** Follow a chain of `$ref`s from a node to the first node that is not a ref. */
  deref(loc: Loc, value: unknown): RefResult {
    let current: Resolved = { loc, value };
    const seen = new Set<string>();
    while (isObject(current.value) && typeof current.value.$ref === 'string') {
      const key = current.loc.file + '#' + current.loc.pointer;
      if (seen.has(key)) return { ok: false, code: 'ref-cycle', message: `$ref ${JSON.stringify(current.value.$ref)} refers to itself` };
      seen.add(key);
      const r = this.resolveRef(current.loc.file, current.value.$ref);
      if (!r.ok) return r;
      current = r.target;
    }
    return { ok: true, target: current };
  }

  /**
   * Visit every `$ref` reachable from the root, loading the files they point to, and return a
   * diagnostic for each one that cannot be resolved safely.
   */
  checkRefs(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const queue: SourceFile[] = [this.root];
    const visited = new Set<string>();
    while (queue.length) {
      const file = queue.shift()!;
      if (visited.has(file.path)) continue;
      visited.add(file.path);
      forEachRef(file.value, '', (ref, pointer) => {
        const r = this.resolveRef(file.path, ref);
        if (!r.ok) {
          if (r.unreadable) return;
          diagnostics.push({ code: r.code, severity: 'error', message: r.message, file: file.path, pointer: pointer + '/$ref', ...(r.suggestion ? { suggestion: { text: r.suggestion, part: 'value' as const } } : {}) });
          return;
        }
        if (r.target.loc.file !== file.path) {
          const f = this.get(r.target.loc.file);
          if (f) queue.push(f);
        }
        // a chain of refs that comes back to itself never reaches a node
        const end = this.deref(r.target.loc, r.target.value);
        if (!end.ok && end.code === 'ref-cycle') {
          diagnostics.push({ code: 'ref-cycle', severity: 'error', message: `$ref ${JSON.stringify(ref)} starts a chain of refs that only refers back to itself`, file: file.path, pointer: pointer + '/$ref' });
        }
      });
    }
    for (const f of this.loadedFiles()) diagnostics.push(...(f === this.root ? [] : f.syntaxErrors));
    return diagnostics;
  }
}

export class UnreadableSpecError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Calls `visit` for every `{ $ref: string }` in a spec, with the pointer of the object. */
export function forEachRef(value: unknown, pointer: string, visit: (ref: string, pointer: string) => void): void {
  walkStructure(
    value,
    (node, ctx) => {
      if (!ctx.isNameMap && typeof node.$ref === 'string') visit(node.$ref, ctx.pointer);
    },
    pointer,
  );
}
