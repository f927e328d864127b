// A language client for tests and the benchmark: starts `node bin/oaskit.js lsp --stdio` as a child
// process and speaks JSON-RPC to it, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Position,
} from 'vscode-languageserver-protocol/node.js';

export const repoRoot = resolve(import.meta.dirname, '../..');

export function uriOf(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

/** 'ab|c' -> { text: 'abc', offset: 2, position: {line: 0, character: 2} }: the caret marks the cursor. */
export function caret(marked: string, marker = '|'): { text: string; offset: number; position: Position } {
  const offset = marked.indexOf(marker);
  if (offset < 0) throw new Error(`no ${marker} caret in the text`);
  const text = marked.slice(0, offset) + marked.slice(offset + marker.length);
  return { text, offset, position: positionAt(text, offset) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
export function find(text: string, needle: string, delta = 0, nth = 1): Position {
  let i = -1;
  for (let n = 0; n < nth; n++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth} times`);
  }
  return positionAt(text, i + delta);
}

export class LspClient {
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly stderr: string[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of this.waiters.slice()) {
        if (w.test(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => this.stderr.push(p.message));
  }

  static async start(env: Record<string, string> = {}): Promise<LspClient> {
    // OASKIT_LSP_NODE_ARGS: node flags for the server (e.g. `--cpu-prof` when profiling a bench)
    const nodeArgs = process.env.OASKIT_LSP_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, resolve(repoRoot, 'bin/oaskit.js'), 'lsp', '--stdio'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(repoRoot).href, capabilities: {}, workspaceFolders: null });
    connection.sendNotification('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Open a file (its text from disk unless given); returns its uri. */
  open(path: string, text = readFileSync(path, 'utf8')): string {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: /\.json$/.test(path) ? 'json' : 'yaml', version: 1, text } });
    return uri;
  }

  /** Replace the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental edit of one range; returns the new version. */
  edit(uri: string, range: { start: Position; end: Position }, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  close(uri: string): void {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** The next (or an already received) publication for `uri` that passes `test`. */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && test(p);
    const seen = this.published.filter(match).at(-1);
    if (seen) return Promise.resolve(seen);
    return this.nextDiagnostics(uri, test, timeoutMs);
  }

  /** The next publication for `uri` that passes `test`, ignoring those already received. */
  nextDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-2000)}`)), timeoutMs);
      this.waiters.push({
        test: (p) => p.uri === uri && test(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p);
        },
      });
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((r) => {
      if (this.child.exitCode !== null) return r();
      const timer = setTimeout(() => {
        this.child.kill();
        r();
      }, 3000);
      this.child.on('exit', () => {
        clearTimeout(timer);
        r();
      });
    });
    this.connection.dispose();
  }
}
