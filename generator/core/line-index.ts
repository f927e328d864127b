// The one line index: offsets to 1-based line and column (UTF-16 code units, what editors and tsc
// count), for the loader, the diagnostics and the language server. Built on first use; after an
// edit the next index is derived from the previous one instead of rescanning the whole text.

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units */
  col: number;
}

export class LineIndex {
  private built: ArrayLike<number> | undefined;

  /** `starts`: the offsets where lines begin, when already known. */
  constructor(
    private readonly text: string,
    starts?: ArrayLike<number>,
  ) {
    this.built = starts;
  }

  private get starts(): ArrayLike<number> {
    if (!this.built) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.built = starts;
    }
    return this.built;
  }

  /** The index of `text`, which is this index's text with [head, oldEnd) replaced (length + delta). */
  edited(text: string, head: number, oldEnd: number, delta: number): LineIndex {
    const starts = this.starts;
    const n = starts.length;
    const keep = this.upperBound(head);
    const after = this.upperBound(oldEnd);
    const inserted: number[] = [];
    const newEnd = oldEnd + delta;
    for (let i = text.indexOf('\n', head); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) inserted.push(i + 1);
    const out = new Int32Array(keep + inserted.length + (n - after));
    for (let i = 0; i < keep; i++) out[i] = starts[i]!;
    for (let i = 0; i < inserted.length; i++) out[keep + i] = inserted[i]!;
    for (let i = after; i < n; i++) out[keep + inserted.length + i - after] = starts[i]! + delta;
    return new LineIndex(text, out);
  }

  /** How many line starts are <= offset. */
  private upperBound(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  position(offset: number): Position {
    const line = Math.max(0, this.upperBound(offset) - 1);
    return { line: line + 1, col: offset - this.starts[line]! + 1 };
  }

  /** The offset of a 1-based line and column (clamped to the text). */
  offset(line: number, col: number): number {
    const starts = this.starts;
    const l = Math.min(Math.max(line, 1), starts.length) - 1;
    const lineEnd = l + 1 < starts.length ? starts[l + 1]! - 1 : this.text.length;
    return Math.min(starts[l]! + Math.max(col, 1) - 1, lineEnd);
  }
}
