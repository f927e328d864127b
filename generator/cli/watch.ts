// Saves of spec files, for `oaskit generate --watch`: fs.watch on the folder of every file the
// specs read (not recursive: a spec beside node_modules must not watch node_modules), saves
// gathered for a short while (an editor's save is several events: write, rename, chmod), one
// change handled at a time.
import { watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const specLike = /\.(ya?ml|json)$/i;

export interface FileWatcher {
  /** the folders watched now */
  folders(): string[];
  close(): Promise<void>;
}

export function watchFiles(options: {
  /** the files whose folders to watch; asked again after each change (a spec may $ref new files) */
  files: () => string[];
  /** paths to leave alone (the output folders) */
  ignore: (path: string) => boolean;
  onChange: (paths: string[]) => Promise<void>;
  /** how long to wait for more events after the last one */
  debounceMs?: number;
}): FileWatcher {
  const debounceMs = options.debounceMs ?? 100;
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const sync = () => {
    const wanted = new Set(options.files().map((file) => dirname(resolve(file))));
    for (const [dir, w] of watchers) {
      if (!wanted.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => name && saw(join(dir, name.toString())));
        w.on('error', () => watchers.delete(dir));
        watchers.set(dir, w);
      } catch {
        // a folder that is gone: watched again once a spec reads from it
      }
    }
  };
  const saw = (path: string) => {
    if (closed || !specLike.test(path) || options.ignore(path)) return;
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const flush = () => {
    const paths = [...pending].sort();
    pending = new Set();
    running = running.then(async () => {
      if (closed) return;
      await options.onChange(paths);
      sync();
    });
  };

  sync();
  return {
    folders: () => [...watchers.keys()].sort(),
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      await running;
    },
  };
}
