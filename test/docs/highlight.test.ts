// The build-time highlighter: tokens of JSON, shell and TypeScript samples, every piece escaped,
// nothing lost (the text of the highlighted HTML is the input), and no input that breaks it.
import { describe, expect, it } from 'vitest';
import { highlight, tokens, type Language } from '../../generator/emit/docs/highlight.ts';

/** The text a browser shows for highlighted HTML. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const kinds = (text: string, language: Language) => tokens(text, language).filter((t) => t.kind).map((t) => `${t.kind}:${t.text}`);

describe('highlight', () => {
  const cases: [string, Language, string, string[]][] = [
    ['JSON keys, strings, numbers and literals', 'json', '{\n  "a": "x",\n  "b": [1, -2.5e3, true, null]\n}', ['p:"a"', 's:"x"', 'p:"b"', 'n:1', 'n:-2.5e3', 'n:true', 'n:null']],
    ['an escaped quote stays inside its string', 'json', '{"a\\"b": "c\\\\"}', ['p:"a\\"b"', 's:"c\\\\"']],
    ['a curl command: command, flags, quoted words, variables', 'shell', `curl -X POST 'https://e.com/a?b=1' \\\n  -H "Authorization: Bearer $TOKEN" \\\n  --data '{"a": 1}'`, ['t:curl', 'f:-X', "s:'https://e.com/a?b=1'", 'f:-H', 's:"Authorization: Bearer ', 'v:$TOKEN', 's:"', 'f:--data', `s:'{"a": 1}'`]],
    ['an escaped quote between quoted parts, and a variable inside single quotes, are plain', 'shell', `-H 'a"b'\\''c$HOME' \\`, ['f:-H', `s:'a"b'`, `s:'c$HOME'`]],
    ['a variable in braces', 'shell', 'echo "${A_B}x"', ['t:echo', 's:"', 'v:${A_B}', 's:x"']],
    ['TypeScript keywords, strings, numbers, property names', 'ts', "import { f } from 'p';\nconst data = await f({ query: { page: 1 }, ok: true });", ['k:import', 'k:from', "s:'p'", 'k:const', 'k:await', 'p:query', 'p:page', 'n:1', 'p:ok', 'n:true']],
    ['a keyword inside a name or after a dot is not a keyword', 'ts', 'client.import.newThing(constant)', []],
    ['comments', 'ts', '// a note\nx; /* b */', ['c:// a note', 'c:/* b */']],
  ];
  it.each(cases)('%s', (_name, language, text, want) => {
    expect(kinds(text, language)).toEqual(want);
    expect(textOf(highlight(text, language).value)).toBe(text);
  });

  it('escapes spec text in every token and between tokens', () => {
    const hostile = `{"</code><script>alert(1)</script>": "<img src=x onerror=alert(1)>", "&lt;": 1}`;
    const out = highlight(hostile, 'json').value;
    expect(out).not.toMatch(/<(script|img|\/code)/i);
    expect(out).toContain('&lt;/code&gt;&lt;script&gt;');
    expect(out).toContain('&amp;lt;');
    expect(textOf(out)).toBe(hostile);
    // only the highlighter's own elements, with one of its fixed classes
    for (const tag of out.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(/^<(i class=[kspnvfct]|\/i)>$/);
  });

  it('never fails and never loses text, whatever the input', () => {
    const samples = ['', '"', "'", '`', '/*', '{"a":', '$', '-', '\\', 'a\u2028b', '"\n"', '<>&', '1e', '--', '#!/bin/sh'];
    for (const language of ['json', 'shell', 'ts', 'text'] as const) {
      for (const a of samples) for (const b of samples) expect(textOf(highlight(a + b, language).value), `${language}: ${JSON.stringify(a + b)}`).toBe(a + b);
    }
  });
});
