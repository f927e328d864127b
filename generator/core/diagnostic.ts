// Diagnostics are plain data shared by the CLI, the language server and the generator.
// A location is a file plus a JSON pointer (or a raw offset range for syntax errors);
// line and column are computed only at the edge, from the source file.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Diagnostic {
  /** stable code, e.g. `ref-dangling`, `yaml-syntax`, `oas-schema` */
  code: string;
  severity: Severity;
  /** one line, for a person */
  message: string;
  /** absolute path of the file the problem is in */
  file: string;
  /** JSON pointer of the offending node in `file` */
  pointer?: string;
  /** point at the key of the node rather than its value (e.g. an unknown property) */
  atKey?: boolean;
  /** raw offsets, when there is no node (syntax errors) */
  offsets?: { start: number; end: number };
  /** what the node (its key or its value) was probably meant to be: a quick fix */
  suggestion?: Suggestion;
  /** other places that belong to the problem (the other operation with the same id, …) */
  related?: Related[];
  /** the name the problem is about, when a fix needs it (the undeclared path parameter) */
  subject?: string;
}

export interface Suggestion {
  text: string;
  part: 'key' | 'value';
}

export interface Related {
  file: string;
  pointer: string;
  message: string;
  atKey?: boolean;
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Sorted by file, position then code: output order never depends on discovery order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic, startOf: (d: Diagnostic) => number): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const d = startOf(a) - startOf(b);
  if (d !== 0) return d;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
