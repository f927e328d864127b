// The layout of generated validator code: two spaces per open block, nothing else. The compiler
// writes one statement or block header per line (code.ts), so the final layout needs only the
// block structure, read from each line's leading closers and trailing openers: no formatter
// parses the output, it costs one pass over the text, and the same input is always the same
// bytes. Lines are never re-wrapped; a long condition stays on its line.

/** What an open block is: a switch indents its labels once and their statements twice. */
type Frame = 'block' | 'switch' | 'case';

const CASE_LABEL = /^(?:case .+|default):(?: \{)?$/;

/** Lays out one top-level statement (or several) of generated code. */
export function layoutCode(code: string): string {
  const out: string[] = [];
  const frames: Frame[] = [];
  let comment = false;
  for (const raw of code.split('\n')) {
    const text = raw.trim();
    if (text === '') {
      out.push('');
      continue;
    }
    if (comment) {
      // a JSDoc continuation line: ` * text` under the `/**`
      out.push(`${pad(frames.length)} ${text}`);
      if (text.endsWith('*/')) comment = false;
      continue;
    }
    if (text.startsWith('/**') && !text.endsWith('*/')) {
      out.push(pad(frames.length) + text);
      comment = true;
      continue;
    }
    // leading closers end blocks (a case label's block ends with its switch's closing brace too)
    let i = 0;
    while (i < text.length && (text[i] === '}' || text[i] === ']' || text[i] === ')')) {
      if (frames[frames.length - 1] === 'case') frames.pop();
      frames.pop();
      i++;
    }
    if (CASE_LABEL.test(text) && (frames[frames.length - 1] === 'case' || frames[frames.length - 1] === 'switch')) {
      if (frames[frames.length - 1] === 'case') frames.pop();
      out.push(pad(frames.length) + text);
      frames.push('case');
      if (text.endsWith(' {')) frames.push('block');
      continue;
    }
    out.push(pad(frames.length) + text);
    // trailing openers start blocks (`push({` two, closed by a `});`)
    for (let j = text.length - 1; j >= i && (text[j] === '{' || text[j] === '[' || text[j] === '('); j--) frames.push(text.startsWith('switch (') ? 'switch' : 'block');
  }
  return out.join('\n');
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}
