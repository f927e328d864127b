// Where a node lives: a file and a JSON pointer inside it. Every layer passes locations in this
// form; line and column are computed only at the edge (CLI, language server, docs).
export interface Loc {
  file: string;
  pointer: string;
}
