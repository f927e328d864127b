// The key of a block mapping written at the start of a line, read from the line alone: what the
// incremental parse cuts a file by (chunked-source.ts) and what error recovery blanks out
// (recover.ts). Plain keys and simply quoted ones; a flow or multi-line key is not one.
/** A block mapping key at the start of a line: plain (`paths:`) or simply quoted (`'200':`). */
export function yamlKey(line: string): { key: string; length: number; inline: boolean } | undefined {
  const t = line.trimStart();
  let key: string;
  let length: number;
  const quoted = /^'([^'\n]*)'|^"([^"\\\n]*)"/.exec(t);
  if (quoted) {
    key = quoted[1] ?? quoted[2]!;
    length = quoted[0].length;
  } else {
    const plain = /^([^\s#'"\-?:,[\]{}&*!|>%@`][^\n]*?|-[^\s\n][^\n]*?)(?=:(\s|$))/.exec(t);
    if (!plain || /\s#/.test(plain[1]!)) return undefined;
    key = plain[1]!.trimEnd();
    length = plain[1]!.length;
  }
  const after = t.slice(length);
  if (!/^\s*:(\s|$)/.test(after)) return undefined;
  const rest = after.replace(/^\s*:/, '').trim();
  return { key, length, inline: rest !== '' && !rest.startsWith('#') };
}
