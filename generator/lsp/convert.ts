// Offsets to LSP positions and oaskit diagnostics to LSP diagnostics: done only here, at the edge.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type Range as LspRange } from 'vscode-languageserver-protocol';
import type { Diagnostic } from '../core/diagnostic.ts';
import { locateDiagnostic } from '../diagnostics/position.ts';
import type { Range, SourceFile } from '../load/source-file.ts';

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

export function toLspDiagnostic(d: Diagnostic, source: SourceFile | undefined): LspDiagnostic {
  const l = locateDiagnostic(d, source);
  const start = { line: l.start.line - 1, character: l.start.col - 1 };
  const end = { line: l.end.line - 1, character: l.end.col - 1 };
  return { range: { start, end }, severity: severities[d.severity], code: d.code, source: 'oaskit', message: d.message };
}
