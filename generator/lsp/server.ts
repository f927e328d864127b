// The language server: thin handlers connecting an LSP connection to the language service.
// Diagnostics run per spec (a root and the files its refs reach): after a change, the cheap pass
// (parse, refs, the OpenAPI schema, cheap rules) runs after `cheapDelayMs` of quiet (default 0:
// at the next turn of the event loop, so changes that arrive together are analysed once; a wait
// would only make every publication later) and is published with the document's version; the expensive rules (examples) run after
// `expensiveDelayMs` more. Between two expensive passes their last findings are re-located in the
// new texts (they are JSON pointers, so they follow the edit). With `expensiveDelayMs: 0` every
// version gets one pass with every rule and one publication (the benchmark times that).
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, ErrorCodes, ResponseError, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import type { Diagnostic } from '../core/diagnostic.ts';
import { SpecHasErrors } from '../pipeline/model-of.ts';
import { GitError } from '../diff/git-base.ts';
import { breakingChanges, breakingChangesCommand } from './breaking.ts';
import { pathToUri, uriToPath } from './files.ts';
import { LanguageService, RenameError } from './service.ts';

export interface ServerOptions {
  cheapDelayMs?: number;
  expensiveDelayMs?: number;
}

interface RootState {
  cheapTimer?: NodeJS.Timeout;
  expensiveTimer?: NodeJS.Timeout;
  /** the last expensive findings, re-located on every cheap pass */
  expensive: Diagnostic[];
  /** uris published for this root, to clear those that leave the spec */
  published: Set<string>;
  queue: Promise<void>;
  /** bumped by every change: an expensive pass of an older generation is dropped */
  generation: number;
}

export function startServer(connection: Connection, options: ServerOptions = {}): LanguageService {
  const cheapDelay = options.cheapDelayMs ?? 0;
  const expensiveDelay = options.expensiveDelayMs ?? 300;
  const documents = new TextDocuments(TextDocument);
  const service = new LanguageService();
  const roots = new Map<string, RootState>();
  const log = (message: string) => connection.console.error(`oaskit: ${message}`);
  // OASKIT_LSP_TRACE=1: one line per publication, with the time since the change arrived
  const trace = process.env.OASKIT_LSP_TRACE ? (message: string) => process.stderr.write(`oaskit-lsp ${message}\n`) : undefined;
  const received = new Map<string, number>();

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['/', '#', '"', "'", ' '] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: [breakingChangesCommand] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'oaskit' },
    }),
  );

  const state = (root: string): RootState => {
    let s = roots.get(root);
    if (!s) roots.set(root, (s = { expensive: [], published: new Set(), queue: Promise.resolve(), generation: 0 }));
    return s;
  };

  /** Run `work` after the previous work of the same root (a pass never overlaps another). */
  const enqueue = (root: string, work: () => Promise<void>) => {
    const s = state(root);
    s.queue = s.queue.then(work).catch((error) => log(`diagnostics of ${root} failed: ${(error as Error).stack ?? error}`));
  };

  const publish = (root: string, byUri: Map<string, LspDiagnostic[]>) => {
    const s = state(root);
    for (const uri of s.published) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    s.published = new Set(byUri.keys());
    for (const [uri, diagnostics] of byUri) {
      const version = service.files.document(uriToPath(uri))?.version;
      const since = received.get(`${uri}@${version}`);
      if (trace && since !== undefined) trace(`publish ${uri.split('/').pop()} v${version} ${diagnostics.length} diagnostics ${(performance.now() - since).toFixed(1)} ms after the change`);
      void connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
    }
  };

  const pass = (root: string, mode: 'cheap' | 'all') =>
    enqueue(root, async () => {
      const s = state(root);
      const started = performance.now();
      const generation = s.generation;
      const result = await service.diagnostics(root, mode, s.expensive, () => s.generation !== generation);
      trace?.(`${mode} pass of ${root.split('/').pop()} ${(performance.now() - started).toFixed(1)} ms${result ? '' : ' (dropped: the text changed)'}`);
      if (!result) return;
      s.expensive = result.expensive;
      publish(root, result.byUri);
      if (mode === 'cheap' && !result.analysis.hasExpensive()) {
        clearTimeout(s.expensiveTimer);
        s.expensiveTimer = setTimeout(() => pass(root, 'all'), expensiveDelay);
      }
    });

  const schedule = async (uri: string) => {
    let owners: string[];
    try {
      owners = await service.rootsOf(uri);
    } catch (error) {
      log(`cannot find the spec of ${uri}: ${(error as Error).message}`);
      return;
    }
    if (owners.length === 0) {
      // not OpenAPI (docker-compose.yml, a CI workflow): nothing, and nothing left from before
      const version = service.files.document(uriToPath(uri))?.version;
      void connection.sendDiagnostics({ uri, diagnostics: [], ...(version !== undefined ? { version } : {}) });
      return;
    }
    for (const root of owners) {
      const s = state(root);
      s.generation++;
      clearTimeout(s.cheapTimer);
      clearTimeout(s.expensiveTimer);
      // no pause asked for the expensive rules: one pass, one complete publication per version
      s.cheapTimer = setTimeout(() => pass(root, expensiveDelay === 0 ? 'all' : 'cheap'), cheapDelay);
    }
  };

  documents.onDidChangeContent((e) => {
    if (trace) received.set(`${e.document.uri}@${e.document.version}`, performance.now());
    service.change(e.document.uri, e.document.getText(), e.document.version);
    void schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    service.close(e.document.uri);
    void schedule(e.document.uri);
  });
  connection.onDidChangeWatchedFiles((e) => {
    service.filesChanged(e.changes.map((c) => c.uri));
    for (const root of roots.keys()) void schedule(pathToUri(root));
  });

  const guard =
    <P, R>(name: string, fallback: R, handler: (params: P) => Promise<R>) =>
    async (params: P): Promise<R> => {
      try {
        return await handler(params);
      } catch (error) {
        if (error instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidRequest, error.message);
        log(`${name} failed: ${(error as Error).stack ?? error}`);
        return fallback;
      }
    };

  connection.onHover(guard('hover', null, (p) => service.hover(p.textDocument.uri, p.position)));
  connection.onDefinition(guard('definition', [], (p) => service.definition(p.textDocument.uri, p.position)));
  connection.onReferences(guard('references', [], (p) => service.references(p.textDocument.uri, p.position, p.context.includeDeclaration)));
  connection.onCompletion(guard('completion', [], (p) => service.completion(p.textDocument.uri, p.position)));
  connection.onDocumentSymbol(guard('documentSymbol', [], (p) => service.documentSymbols(p.textDocument.uri)));
  connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (p) => service.workspaceSymbols(p.query)));
  connection.onPrepareRename(guard('prepareRename', null, (p) => service.prepareRename(p.textDocument.uri, p.position)));
  connection.onCodeAction(guard('codeAction', [], (p) => service.codeActions(p.textDocument.uri, p.context.diagnostics)));
  connection.onRenameRequest(guard('rename', null, (p) => service.rename(p.textDocument.uri, p.position, p.newName)));
  // the breaking changes of a spec against a git ref: arguments [uri, ref?]
  connection.onExecuteCommand(async (p) => {
    const [uri, ref] = (p.arguments ?? []) as [unknown, unknown];
    if (p.command !== breakingChangesCommand || typeof uri !== 'string' || (ref !== undefined && typeof ref !== 'string')) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${breakingChangesCommand} takes [uri, ref?]`);
    }
    try {
      return await breakingChanges(service, uri, ref);
    } catch (error) {
      if (error instanceof GitError) throw new ResponseError(ErrorCodes.InvalidRequest, error.message);
      if (error instanceof SpecHasErrors) throw new ResponseError(ErrorCodes.InvalidRequest, `${error.spec} cannot be compared: it has errors\n${error.report}`);
      log(`${breakingChangesCommand} failed: ${(error as Error).stack ?? error}`);
      throw new ResponseError(ErrorCodes.InternalError, (error as Error).message);
    }
  });

  documents.listen(connection);
  connection.listen();
  return service;
}
