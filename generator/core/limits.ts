// What a spec may not exceed, in any command. A spec is input from another team: each limit keeps
// a hostile or broken one from exhausting the stack, the memory or the time of whatever reads it
// next (oaskit's own walkers, but also Prism, openapi-typescript, prettier), and each is reported
// as an error diagnostic at the place it was hit (codes `limit-*`). The largest real specs known
// (GitHub's, 13 MB, 258,000 values, 21 levels deep) stay far below every one of them.
export const limits = {
  /** characters in one file (`limit-file-size`) */
  fileChars: 64 * 1024 * 1024,
  /** characters in all the files of one spec together (`limit-file-size`) */
  workspaceChars: 256 * 1024 * 1024,
  /** objects and arrays nested in one file (`limit-depth`); real specs stay under 70 */
  depth: 256,
  /** values (objects, arrays, scalars, keys excluded) in one file (`limit-nodes`) */
  nodes: 4_000_000,
  /** links in one chain of `$ref`s to `$ref`s before a node (`limit-ref-chain`) */
  refChain: 64,
  /**
   * Levels a depth-first walk may descend through `$ref`s from the document's root (`limit-ref-depth`):
   * other tools walk resolved refs recursively, so a chain of thousands of components nested in
   * one another exhausts their stack however shallow each file is. Real specs stay under 50
   * (GitHub's: 29); openapi-typescript's bundler runs out of stack near 1,800.
   */
  refDepth: 500,
  /**
   * Milliseconds one test of a spec's pattern against one of its examples may take (`limit-time`):
   * a pattern that backtracks catastrophically would otherwise hang `check` and the language
   * server (validators/pattern-sandbox.ts). Real patterns answer in microseconds.
   */
  patternMs: 1000,
} as const;
