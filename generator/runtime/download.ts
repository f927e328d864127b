// Files an operation hands back (`x-oaskit-download`): either its success body is the file, or the
// body holds the URL of one. The file is streamed to a WritableStream or a file path chunk by
// chunk, never held whole in memory. A download URL is fetched with no credential at all: it
// usually points to another host (a storage service) that must never see the API's key.
import type { Config } from './config.ts';
import { ClientError, DownloadError } from './errors.ts';
import { toApiError, type RawOperation } from './operation.ts';
import { valueAt } from './paginate.ts';
import { safeUrl, type RawInput } from './request.ts';
import { send } from './send.ts';

export interface DownloadOptions {
  /** where the file goes: a WritableStream, or a file path (Node, Deno, Bun) */
  to: WritableStream<Uint8Array> | string;
  signal?: AbortSignal;
  /**
   * A download URL that is not ready yet (an export still being written) answers one of these
   * statuses: ask again every `intervalMs` (default 5 s) for up to `timeoutMs` (default 10 min).
   * Without it, any status but 2XX fails the download.
   */
  pending?: { statuses: number[]; intervalMs?: number; timeoutMs?: number };
}

export interface DownloadResult {
  /** bytes written */
  bytes: number;
  /** the Content-Type of the file ('' for none) */
  contentType: string;
  /** where it came from, without its query (which may carry a signature) */
  url: string;
}

/**
 * A file path as a WritableStream, through Node's own modules (no import: the runtime ships to
 * browsers too). Each chunk is written before the next is taken, so the file never queues in memory.
 */
function fileSink(path: string): { sink: WritableStream<Uint8Array>; remove(): Promise<void> } {
  const builtin = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule;
  if (!builtin) throw new TypeError('download: a file path needs Node.js (20.16 or later), Deno or Bun; pass a WritableStream instead');
  // (the few members used, typed here: the package needs no @types/node)
  type Handle = { write(chunk: Uint8Array): Promise<unknown>; close(): Promise<void> };
  const fs = builtin('node:fs') as { promises: { open(path: string, flags: string): Promise<Handle>; rm(path: string, options: { force: boolean }): Promise<void> } };
  let handle: Handle | undefined;
  const sink = new WritableStream<Uint8Array>({
    start: async () => void (handle = await fs.promises.open(path, 'w')),
    write: async (chunk) => void (await handle!.write(chunk)),
    close: () => handle!.close(),
    abort: () => handle?.close(),
  });
  return { sink, remove: () => fs.promises.rm(path, { force: true }) };
}

/** Streams `body` to `to`, counting bytes. A partial file is removed when the stream fails. */
async function write(body: ReadableStream<Uint8Array> | null, to: DownloadOptions['to'], signal: AbortSignal | undefined): Promise<number> {
  let bytes = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const file = typeof to === 'string' ? fileSink(to) : undefined;
  const sink = file ? file.sink : (to as WritableStream<Uint8Array>);
  const source = body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  try {
    await source.pipeThrough(counter).pipeTo(sink, signal ? { signal } : {});
  } catch (error) {
    await file?.remove();
    throw error;
  }
  return bytes;
}

/**
 * Fetches a download URL, with no credential, and streams it to `options.to`. Statuses listed in
 * `options.pending` are asked again until the file is ready.
 */
export async function downloadUrl(config: Config<string>, url: string, options: DownloadOptions, operationId = 'download'): Promise<DownloadResult> {
  const { signal, pending } = options;
  const custom = config.options.fetch;
  const { clock } = config;
  const started = clock.now();
  const shown = url.split(/[?#]/)[0]!;
  for (;;) {
    signal?.throwIfAborted();
    const init: RequestInit = { method: 'GET', redirect: 'follow', ...(signal ? { signal } : {}) };
    const response = await (custom ? custom(new Request(url, init)) : fetch(url, init));
    if (response.ok) {
      const bytes = await write(response.body, options.to, signal);
      return { bytes, contentType: response.headers.get('content-type') ?? '', url: shown };
    }
    await response.body?.cancel();
    const interval = pending?.intervalMs ?? 5_000;
    if (!pending?.statuses.includes(response.status) || clock.now() + interval - started > (pending.timeoutMs ?? 600_000)) {
      throw new DownloadError(operationId, response.status, shown);
    }
    await clock.sleep(interval, signal);
  }
}

/**
 * Calls the operation and streams the file it hands back: its success body, or the file at the
 * URL the body names. A body without the URL (a file delivered elsewhere) is a DownloadError.
 */
export async function download(config: Config<string>, op: RawOperation, input: RawInput | undefined, options: DownloadOptions): Promise<DownloadResult> {
  const meta = op.meta.download;
  if (!meta) throw new ClientError('DownloadError', `${op.operationId} hands back no file`, op.operationId);
  try {
    if (meta.url) {
      const data = await op(config, input);
      const url = valueAt(data, meta.url);
      if (typeof url !== 'string' || url === '') throw new DownloadError(op.operationId, undefined, '', `the response has no download URL at /${meta.url.join('/')}`);
      return await downloadUrl(config, url, options, op.operationId);
    }
    const outcome = await send(config, op.meta, { ...input, unread: true, signal: options.signal ?? input?.signal }, op.codec);
    if (!outcome.ok) throw toApiError(config, outcome);
    const bytes = await write(outcome.response.body, options.to, options.signal ?? input?.signal);
    return { bytes, contentType: outcome.response.headers.get('content-type') ?? '', url: safeUrl(outcome.request).split('?')[0]! };
  } catch (error) {
    if (!meta.url) await config.options.onError?.({ operationId: op.operationId, error });
    throw error;
  }
}
