// The texts the language service reads: open editor buffers (by uri and version) and files on
// disk (read once, until the client says they changed). Parses are cached per file and text, so
// a workspace rebuilt after an edit re-parses only the edited file.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SourceFile } from '../load/source-file.ts';
import { ChunkCache } from '../load/chunked-source.ts';

export interface OpenDocument {
  uri: string;
  path: string;
  text: string;
  version: number;
}

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

export class FileStore {
  private readonly open = new Map<string, OpenDocument>();
  private readonly disk = new Map<string, { text: string; mtimeMs: number }>();
  private readonly parses = new Map<string, { text: string; source: SourceFile }>();
  private readonly chunks = new Map<string, ChunkCache>();
  private readonly good = new Map<string, unknown>();
  /** counts, for tests and the benchmark: how many parses and disk reads happened */
  readonly stats = { parses: 0, reads: 0 };

  openDocument(uri: string, text: string, version: number): OpenDocument {
    const doc = { uri, path: uriToPath(uri), text, version };
    this.open.set(doc.path, doc);
    return doc;
  }

  closeDocument(uri: string): void {
    this.open.delete(uriToPath(uri));
  }

  document(uriOrPath: string): OpenDocument | undefined {
    return this.open.get(uriToPath(uriOrPath));
  }

  openDocuments(): OpenDocument[] {
    return [...this.open.values()];
  }

  /** Forget what was read from disk (the client reported a change, or a file was saved). */
  invalidate(path?: string): void {
    if (path === undefined) this.disk.clear();
    else this.disk.delete(path);
  }

  /** The unsaved buffers, as the Workspace `overlay` option wants them. */
  overlay(): Map<string, string> {
    return new Map([...this.open.values()].map((d) => [d.path, d.text]));
  }

  /** The text of a file: its open buffer, else the disk (cached while its mtime holds). */
  read = (path: string): string => {
    const open = this.open.get(path);
    if (open) return open.text;
    const mtimeMs = statSync(path).mtimeMs;
    const cached = this.disk.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.text;
    this.stats.reads++;
    const text = readFileSync(path, 'utf8');
    this.disk.set(path, { text, mtimeMs });
    return text;
  };

  /** A parse of `text`, reused while the file's text is the same. */
  parse = (path: string, text: string): SourceFile => {
    const cached = this.parses.get(path);
    if (cached && cached.text === text) return cached.source;
    this.stats.parses++;
    let cache = this.chunks.get(path);
    if (!cache) this.chunks.set(path, (cache = new ChunkCache()));
    const source = cache.parse(path, text);
    this.parses.set(path, { text, source });
    if (source.value !== undefined && !source.syntaxErrors.length) this.good.set(path, source.value);
    return source;
  };

  /** The value of the last text of a file that parsed (completion works on text being typed). */
  lastGoodValue(path: string): unknown {
    return this.good.get(path);
  }

  /** The current parse of a file, when it can be read. */
  source(path: string): SourceFile | undefined {
    try {
      return this.parse(path, this.read(path));
    } catch {
      return undefined;
    }
  }
}
