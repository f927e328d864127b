// Offsets to LSP positions and oaskit diagnostics to LSP diagnostics: done only here, at the edge.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type Range as LspRange } from 'vscode-languageserver-protocol';
import type { Diagnostic } from '../core/diagnostic.ts';
import { locateDiagnostic } from '../diagnostics/position.ts';
import type { Range, SourceFile } from '../load/source-file.ts';
import { pathToFileURL } from 'node:url';

export function toPosition(source: SourceFile, offset: number): Position {
  const p = source.position(offset);
  return { line: p.line - 1, character: p.col - 1 };
}

export function toRange(source: SourceFile, range: Range): LspRange {
  return { start: toPosition(source, range.start), end: toPosition(source, range.end) };
}

/** The offset of an LSP position in a text (UTF-16 code units, like the positions). */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(offset + position.character, lineEnd);
}

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

/** What a quick fix needs of a diagnostic (code actions receive the diagnostics back). */
export interface DiagnosticData {
  file: string;
  pointer?: string;
  atKey?: boolean;
  suggestion?: Diagnostic['suggestion'];
  subject?: string;
}

export function toLspDiagnostic(d: Diagnostic, source: SourceFile | undefined, sourceOf: (file: string) => SourceFile | undefined = () => undefined): LspDiagnostic {
  const l = locateDiagnostic(d, source);
  const start = { line: l.start.line - 1, character: l.start.col - 1 };
  const end = { line: l.end.line - 1, character: l.end.col - 1 };
  const out: LspDiagnostic = { range: { start, end }, severity: severities[d.severity], code: d.code, source: 'oaskit', message: d.message };
  if (d.related?.length) {
    out.relatedInformation = d.related.flatMap((r) => {
      const s = r.file === d.file ? source : sourceOf(r.file);
      if (!s) return [];
      return [{ location: { uri: pathToFileURL(r.file).href, range: toRange(s, s.locate(r.pointer, r.atKey ? 'key' : 'value')) }, message: r.message }];
    });
  }
  if (d.pointer !== undefined || d.suggestion || d.subject !== undefined) {
    const data: DiagnosticData = { file: d.file, ...(d.pointer !== undefined ? { pointer: d.pointer } : {}), ...(d.atKey ? { atKey: true } : {}), ...(d.suggestion ? { suggestion: d.suggestion } : {}), ...(d.subject !== undefined ? { subject: d.subject } : {}) };
    out.data = data;
  }
  return out;
}
