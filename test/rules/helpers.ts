// Run oaskit's diagnostics on spec text written to a temp folder, and show each diagnostic as
// `line:col code message` (1-based), the shape the rule tables compare with.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diagnose } from '../../generator/diagnostics/diagnose.ts';
import { locateDiagnostic } from '../../generator/diagnostics/position.ts';
import type { OaskitConfig } from '../../generator/diagnostics/config.ts';

/** Removes the common indentation of a template literal and its first newline. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** Writes files (name -> text) to a new temp folder; returns the folder. */
export function writeSpec(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oaskit-rules-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/**
 * The diagnostics of `files['openapi.yaml']` (or the first file), as `line:col code message`,
 * restricted to `codes` when given; `file.yaml:line:col …` for files other than the root.
 */
export async function diagnosticsOf(files: Record<string, string> | string, codes?: string[], config: OaskitConfig | null = null): Promise<string[]> {
  const all = typeof files === 'string' ? { 'openapi.yaml': files } : files;
  const dir = writeSpec(all);
  const root = join(dir, Object.keys(all)[0]!);
  const result = await diagnose(root, { config });
  return result.diagnostics
    .filter((d) => !codes || codes.includes(d.code))
    .map((d) => {
      const l = locateDiagnostic(d, result.workspace.get(d.file));
      const where = d.file === root ? '' : d.file.slice(dir.length + 1) + ':';
      return { text: `${where}${l.start.line}:${l.start.col} ${d.code} ${d.message}`, key: [d.file === root ? 0 : 1, l.range.start] as const };
    })
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || (a.text < b.text ? -1 : 1))
    .map((x) => x.text);
}
