// Turning a diagnostic's location (pointer or offsets) into line and column: done only here,
// at the edge, for the CLI, the language server and the docs.
import { relative } from 'node:path';
import type { Position, Range, SourceFile } from '../load/source-file.ts';
import type { Diagnostic } from '../core/diagnostic.ts';

export interface Located {
  diagnostic: Diagnostic;
  range: Range;
  start: Position;
  end: Position;
  source: SourceFile | undefined;
}

export function locateDiagnostic(d: Diagnostic, source: SourceFile | undefined): Located {
  let range: Range = d.offsets ?? { start: 0, end: 0 };
  if (source && !d.offsets && d.pointer !== undefined) range = source.locate(d.pointer, d.atKey ? 'key' : 'value');
  const start = source ? source.position(range.start) : { line: 1, col: 1 };
  const end = source ? source.position(range.end) : start;
  return { diagnostic: d, range, start, end, source };
}

/** A path for people: relative to the working folder when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
