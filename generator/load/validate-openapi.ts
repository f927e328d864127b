// Validation of a spec against the OpenAPI 3.0 / 3.1 schema, by swagger-parser. Its errors
// carry an instance path into the (partly dereferenced) document; we map each one back to the
// file and node it came from through the workspace, which follows refs on the way.
import SwaggerParser from '@apidevtools/swagger-parser';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { parsePointer, toPointer } from './pointer.ts';
import type { Workspace } from './workspace.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

export async function validateOpenApi(ws: Workspace): Promise<Diagnostic[]> {
  const rootPath = ws.root.path;
  try {
    await SwaggerParser.validate(rootPath, structuredClone(ws.root.value) as never, {
      resolve: sandboxedResolve(ws),
      dereference: { circular: true },
    } as never);
    return [];
  } catch (error) {
    const details = (error as { details?: AjvError[] }).details;
    if (Array.isArray(details) && details.length) return fromAjvErrors(ws, details);
    return [{ code: 'oas-invalid', severity: 'error', message: oneLine((error as Error).message), file: rootPath, pointer: '' }];
  }
}

/**
 * swagger-parser's resolver options for a workspace: no HTTP, no file system; only files the
 * workspace already loaded (and so already checked to lie inside the sandbox).
 */
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

/** Ajv reports every failed branch of every oneOf; keep the errors that say something. */
function fromAjvErrors(ws: Workspace, errors: AjvError[]): Diagnostic[] {
  const summaries = new Set(['oneOf', 'anyOf', 'if', 'then', 'else', 'not', '$ref', 'dynamicRef', '$dynamicRef']);
  let useful = errors.filter((e) => !summaries.has(e.keyword));
  if (useful.length === 0) useful = errors;
  // an error on a node whose children also fail adds nothing
  const paths = useful.map((e) => e.instancePath);
  const standalone = new Set(['additionalProperties', 'unevaluatedProperties', 'required']);
  useful = useful.filter((e) => standalone.has(e.keyword) || !paths.some((p) => p !== e.instancePath && p.startsWith(e.instancePath + '/')));
  // "must have required property '$ref'" is the reference-object branch failing: noise when others exist
  const byPath = new Map<string, AjvError[]>();
  for (const e of useful) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const [instancePath, list] of byPath) {
    const nonRef = list.filter((e) => !(e.keyword === 'required' && e.params?.missingProperty === '$ref'));
    for (const e of nonRef.length ? nonRef : list) {
      const loc = locateInstance(ws, instancePath);
      const unknown = e.params?.additionalProperty ?? e.params?.unevaluatedProperty;
      const extra = unknown !== undefined ? ` '${String(unknown)}'` : e.keyword === 'enum' ? `: ${JSON.stringify(e.params?.allowedValues)}` : '';
      const property = unknown !== undefined ? `${instancePath}/${String(unknown).replace(/~/g, '~0').replace(/\//g, '~1')}` : undefined;
      const message = `${instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
      if (seen.has(message)) continue;
      seen.add(message);
      out.push({
        code: 'oas-schema',
        severity: 'error',
        message,
        file: loc.file,
        pointer: property ? locateInstance(ws, property).pointer : loc.pointer,
        atKey: Boolean(property),
      });
    }
  }
  return out;
}

function locateInstance(ws: Workspace, instancePath: string): { file: string; pointer: string } {
  const segments = parsePointer(instancePath);
  // walk as far as the path exists (following refs), then point at the deepest node reached
  for (let n = segments.length; n >= 0; n--) {
    const pointer = toPointer(segments.slice(0, n));
    const r = ws.resolvePointer(ws.root.path, pointer);
    if (r.ok) return r.target.loc;
  }
  return { file: ws.root.path, pointer: '' };
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}
