// The files of one spec and the `$ref`s between them. Resolution is sandboxed: a ref may point
// into the same file or into a file inside the root spec's folder, nothing else. A URL, an
// absolute path or a path that climbs out of the folder is a diagnostic, never a fetch or a read.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.ts';
import { limits } from '../core/limits.ts';
import type { Loc } from '../core/loc.ts';
import { child, escapeSegment, isObject, parsePointer, toPointer } from '../core/pointer.ts';
import { closest } from '../core/suggest.ts';
import { walkStructure } from './spec-walk.ts';
import { parseSource, tooLarge, type SourceFile } from './source-file.ts';

export type { Loc };

export interface Resolved {
  loc: Loc;
  value: unknown;
}

export type RefResult = { ok: true; target: Resolved } | { ok: false; code: RefProblemCode; message: string; /** the target is in an entry a syntax error left out */ unreadable?: true; /** the ref probably meant */ suggestion?: string };
export type RefProblemCode = 'ref-unsafe' | 'ref-not-found' | 'ref-dangling' | 'ref-unsupported' | 'ref-cycle' | 'limit-ref-chain';

/** Where a chain of `$ref`s from a node ends: `hops` refs later, or in a cycle, or at a problem. */
type ChainEnd = { hops: number; end: Resolved } | { problem: RefResult & { ok: false } };

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
  /** the sandbox with symbolic links resolved: a ref's real path must be inside it */
  private readonly realSandbox: string;
  private readonly files = new Map<string, SourceFile | { missing: string }>();
  /** characters read so far, against limits.workspaceChars */
  private chars = 0;
  /** chains of refs already followed, by `file#pointer` of each link */
  private readonly chains = new Map<string, ChainEnd>();
  /** refs already resolved, by the file they are written in and their text (the files of a
   * workspace never change, and the index, the rules and the model resolve the same refs) */
  private readonly resolved = new Map<string, RefResult>();

  constructor(rootPath: string, private readonly options: WorkspaceOptions = {}) {
    const abs = resolve(rootPath);
    this.sandbox = dirname(abs);
    this.realSandbox = realPath(this.sandbox) ?? this.sandbox;
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
        const size = this.options.overlay?.has(abs) || this.options.read ? undefined : statSync(abs).size;
        if (size !== undefined && size > limits.fileChars * 4) {
          // not even read: no file this big holds fewer characters than the limit
          f = tooLarge(abs, size);
        } else {
          const text = this.options.overlay?.get(abs) ?? (this.options.read ?? ((p) => readFileSync(p, 'utf8')))(abs);
          this.chars += text.length;
          if (this.chars > limits.workspaceChars && this.files.size > 0) {
            const message = `the spec's files together have more than ${limits.workspaceChars.toLocaleString('en')} characters, the most oaskit reads`;
            f = { ...tooLarge(abs, text.length), syntaxErrors: [{ code: 'limit-file-size', severity: 'error', message, file: abs, offsets: { start: 0, end: 0 } }] };
          } else f = (this.options.parse ?? parseSource)(abs, text);
        }
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
    const key = from + '\0' + ref;
    let r = this.resolved.get(key);
    if (!r) this.resolved.set(key, (r = this.resolveUncached(from, ref)));
    return r;
  }

  private resolveUncached(from: string, ref: string): RefResult {
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
      if (/[\u0000-\u001f]/.test(decoded)) {
        return { ok: false, code: 'ref-dangling', message: `$ref ${JSON.stringify(ref)} names a file with control characters in its name` };
      }
      if (isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded) || decoded.startsWith('\\')) {
        return { ok: false, code: 'ref-unsafe', message: `$ref ${JSON.stringify(ref)} is an absolute path; refs must stay inside the spec's folder` };
      }
      const abs = resolve(dirname(from), decoded);
      const rel = relative(this.sandbox, abs);
      if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) {
        return { ok: false, code: 'ref-unsafe', message: `$ref ${JSON.stringify(ref)} climbs out of the spec's folder; refs must stay inside it` };
      }
      // a link inside the folder may lead out of it: judge the real path
      const real = this.options.overlay?.has(abs) ? undefined : realPath(abs);
      if (real !== undefined) {
        const realRel = relative(this.realSandbox, real);
        if (realRel === '..' || realRel.startsWith('..' + sep) || isAbsolute(realRel)) {
          return { ok: false, code: 'ref-unsafe', message: `$ref ${JSON.stringify(ref)}: ${rel} is a symbolic link to a file outside the spec's folder; refs must stay inside it` };
        }
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
      at = { file: at.file, pointer: at.pointer + '/' + escapeSegment(seg) };
    }
    return { ok: true, target: { loc: at, value: current } };
  }

  /** Follow a chain of `$ref`s from a node to the first node that is not a ref (at most limits.refChain links). */
  deref(loc: Loc, value: unknown): RefResult {
    // most nodes are not refs: nothing to follow
    if (!(isObject(value) && typeof value.$ref === 'string')) return { ok: true, target: { loc, value } };
    const chain = this.chain(loc, value);
    if ('problem' in chain) return chain.problem;
    if (chain.hops > limits.refChain) return { ok: false, code: 'limit-ref-chain', message: `a chain of more than ${limits.refChain} $refs to $refs starts here, more than oaskit follows` };
    return { ok: true, target: chain.end };
  }

  /**
   * Where the chain of refs from a node ends. Every link is remembered, so following all the refs
   * of a spec costs one step per link even when long chains share their tails.
   */
  private chain(loc: Loc, value: unknown): ChainEnd {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: Resolved = { loc, value };
    let end: ChainEnd;
    for (;;) {
      if (!(isObject(current.value) && typeof current.value.$ref === 'string')) {
        end = { hops: 0, end: current };
        break;
      }
      const key = current.loc.file + '#' + current.loc.pointer;
      const known = this.chains.get(key);
      if (known) {
        end = known;
        break;
      }
      if (onPath.has(key)) {
        end = { problem: { ok: false, code: 'ref-cycle', message: `$ref ${JSON.stringify(current.value.$ref)} refers to itself` } };
        break;
      }
      path.push(key);
      onPath.add(key);
      const r = this.resolveRef(current.loc.file, current.value.$ref);
      if (!r.ok) {
        end = { problem: r };
        break;
      }
      current = r.target;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const hops = 'problem' in end ? undefined : end.hops + (path.length - i);
      this.chains.set(path[i]!, hops === undefined ? end : { hops, end: (end as { end: Resolved }).end });
    }
    return 'problem' in end ? end : { hops: end.hops + path.length, end: end.end };
  }

  /**
   * Visit every `$ref` reachable from the root, loading the files they point to, and return a
   * diagnostic for each one that cannot be resolved safely.
   */
  checkRefs(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    type Link = { holder: string; target: string; ref: string; file: string; pointer: string };
    const tooLong: Link[] = [];
    /** the refs into each cycle (the links of one cycle share its problem) */
    const cycles = new Map<object, Link[]>();
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
        const end = this.chain(r.target.loc, r.target.value);
        if ('problem' in end && end.problem.code === 'ref-cycle') {
          const link = { holder: file.path + '#' + pointer, target: r.target.loc.file + '#' + r.target.loc.pointer, ref, file: file.path, pointer };
          const group = cycles.get(end.problem);
          if (group) group.push(link);
          else cycles.set(end.problem, [link]);
        } else if (!('problem' in end) && end.hops + 1 > limits.refChain) {
          tooLong.push({ holder: file.path + '#' + pointer, target: r.target.loc.file + '#' + r.target.loc.pointer, ref, file: file.path, pointer });
        }
      });
    }
    // a cycle is reported where it is entered from outside, else at its first link (not at each one)
    for (const group of cycles.values()) {
      const targets = new Set(group.map((l) => l.target));
      const entries = group.filter((l) => !targets.has(l.holder));
      for (const l of entries.length ? entries : group.slice(0, 1)) {
        diagnostics.push({ code: 'ref-cycle', severity: 'error', message: `$ref ${JSON.stringify(l.ref)} starts a chain of refs that only refers back to itself`, file: l.file, pointer: l.pointer + '/$ref' });
      }
    }
    // an over-long chain is reported once, where it starts (not at each of its links)
    const links = new Set(tooLong.map((t) => t.target));
    for (const t of tooLong) {
      if (links.has(t.holder)) continue;
      diagnostics.push({ code: 'limit-ref-chain', severity: 'error', message: `$ref ${JSON.stringify(t.ref)} starts a chain of more than ${limits.refChain} $refs to $refs, more than oaskit follows`, file: t.file, pointer: t.pointer + '/$ref' });
    }
    for (const f of this.loadedFiles()) diagnostics.push(...(f === this.root ? [] : f.syntaxErrors));
    return diagnostics;
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
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
