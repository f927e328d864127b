// swagger-parser's resolver options for a workspace (used to bundle multi-file specs): no HTTP,
// no file system; only files the workspace already loaded, and so already checked to lie inside
// the sandbox.
import { fileURLToPath } from 'node:url';
import type { Workspace } from './workspace.ts';

export function sandboxedResolve(ws: Workspace) {
  return {
    external: true,
    http: false,
    file: false,
    workspace: {
      order: 1,
      canRead: true,
      read: (file: { url: string }) => {
        const path = file.url.startsWith('file:') ? fileURLToPath(file.url) : decodeURIComponent(file.url);
        const f = ws.get(path);
        if (!f) throw new Error(`${path} is outside the spec's folder or was not loaded`);
        return f.text;
      },
    },
  };
}
