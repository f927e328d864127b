// provenance(): the kind, sources and statement of `x-oaskit-evidence` / `x-oaskit-note` texts;
// provenanceProblems(): what keeps a value from being read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { provenance, provenanceProblems, type Provenance } from '../../generator/model/provenance.ts';

describe('provenance', () => {
  const cases: [string, Record<string, unknown>, Omit<Provenance, 'extension' | 'pointer'>[]][] = [
    ['a document with one source', { 'x-oaskit-evidence': 'Document (SEED 002): the path.' }, [{ kind: 'document', sources: ['SEED 002'], text: 'the path.' }]],
    [
      'several sources, split at semicolons and trimmed',
      { 'x-oaskit-note': 'Decision ( SEED 001 Response format ;SEED 001 Error Handling ): both codes.' },
      [{ kind: 'decision', sources: ['SEED 001 Response format', 'SEED 001 Error Handling'], text: 'both codes.' }],
    ],
    ['a guess without sources', { 'x-oaskit-evidence': 'Guess: newest first.' }, [{ kind: 'guess', sources: [], text: 'newest first.' }]],
    ['the keyword in any case', { 'x-oaskit-evidence': 'GUESS: a.' }, [{ kind: 'guess', sources: [], text: 'a.' }]],
    ['commas stay inside one source', { 'x-oaskit-evidence': 'Document (004 Basics, Rate Limits): b.' }, [{ kind: 'document', sources: ['004 Basics, Rate Limits'], text: 'b.' }]],
    ['a folded multi-line text keeps its inner lines', { 'x-oaskit-note': 'Guess:\n  line one\nline two\n' }, [{ kind: 'guess', sources: [], text: 'line one\nline two' }]],
    ['unlabelled text is left out', { 'x-oaskit-note': 'The document writes it with a space.' }, []],
    ['a word that only begins like a keyword is not one', { 'x-oaskit-note': 'Documentation: see above.', 'x-oaskit-evidence': 'Guesswork: no.' }, []],
    ['other extensions are not read', { 'x-oaskit-credential': 'Document (x): y', description: 'Guess: z' }, []],
    ['a non-string value is skipped', { 'x-oaskit-note': { Guess: 'a' }, 'x-oaskit-evidence': 7 }, []],
  ];
  it.each(cases)('%s', (_, extensions, want) => {
    expect(provenance(extensions).map(({ kind, sources, text }) => ({ kind, sources, text }))).toEqual(want);
  });

  it('reads lists item by item, evidence before notes, with each entry\'s pointer', () => {
    const ext = { 'x-oaskit-note': 'Decision (A; B): chose A.', 'x-oaskit-evidence': ['Document (SEED 000): the capability.', 'not labelled', 'Guess: the order.'] };
    expect(provenance(ext)).toEqual([
      { kind: 'document', sources: ['SEED 000'], text: 'the capability.', extension: 'x-oaskit-evidence', pointer: '/x-oaskit-evidence/0' },
      { kind: 'guess', sources: [], text: 'the order.', extension: 'x-oaskit-evidence', pointer: '/x-oaskit-evidence/2' },
      { kind: 'decision', sources: ['A', 'B'], text: 'chose A.', extension: 'x-oaskit-note', pointer: '/x-oaskit-note' },
    ]);
  });

  it('reads what YAML gives for the forms EXTENSIONS.md shows', () => {
    const obj = parse(`
x-oaskit-evidence:
  - 'Document (SEED 002): the path: /segments/{id}/add_user_ids.'
  - "Guess: the CSV has no header row."
x-oaskit-note: >-
  Decision (SEED 001 Response format; SEED 001 Error Handling): the document
  gives 200 in one place and 202 in another.
`) as Record<string, unknown>;
    expect(provenance(obj).map((p) => [p.kind, p.sources, p.text])).toEqual([
      ['document', ['SEED 002'], 'the path: /segments/{id}/add_user_ids.'],
      ['guess', [], 'the CSV has no header row.'],
      ['decision', ['SEED 001 Response format', 'SEED 001 Error Handling'], 'the document gives 200 in one place and 202 in another.'],
    ]);
    expect(provenanceProblems(obj)).toEqual([]);
  });
});

describe('provenanceProblems', () => {
  it.each([
    ['unlabelled text, with the text kept for display', { 'x-oaskit-note': 'plain words' }, [{ extension: 'x-oaskit-note', pointer: '/x-oaskit-note', message: 'x-oaskit-note does not say its kind: begin it with "Document (sources):", "Decision (sources):" or "Guess:"', text: 'plain words' }]],
    ['a document without sources', { 'x-oaskit-evidence': 'Document: it says so.' }, [{ extension: 'x-oaskit-evidence', pointer: '/x-oaskit-evidence', message: 'x-oaskit-evidence is a Document entry without its sources: write "Document (source; …): text"', text: 'Document: it says so.' }]],
    ['empty parentheses are no sources', { 'x-oaskit-evidence': 'Document ( ; ): x' }, [{ extension: 'x-oaskit-evidence', pointer: '/x-oaskit-evidence', message: 'x-oaskit-evidence is a Document entry without its sources: write "Document (source; …): text"', text: 'Document ( ; ): x' }]],
    ['a kind with nothing after it', { 'x-oaskit-note': 'Guess:  ' }, [{ extension: 'x-oaskit-note', pointer: '/x-oaskit-note', message: 'x-oaskit-note has a kind but no statement after it', text: 'Guess:  ' }]],
    [
      'the unquoted YAML list item that became a mapping',
      parse(`x-oaskit-evidence:\n  - Guess: the order.\n`) as Record<string, unknown>,
      [{ extension: 'x-oaskit-evidence', pointer: '/x-oaskit-evidence/0', message: 'x-oaskit-evidence item 0 must be text: YAML reads an unquoted `Kind: text` as a mapping; quote the text or write it as a block scalar (>-)' }],
    ],
    ['a number', { 'x-oaskit-note': 3 }, [{ extension: 'x-oaskit-note', pointer: '/x-oaskit-note', message: 'x-oaskit-note must be text or a list of texts' }]],
    ['labelled text has none', { 'x-oaskit-note': 'Decision (A): b', 'x-oaskit-evidence': ['Guess: c', 'Document (D): e'] }, []],
    ['an object without the extensions has none', { description: 'x' }, []],
  ] as [string, Record<string, unknown>, unknown[]][])('%s', (_, extensions, want) => {
    expect(provenanceProblems(extensions)).toEqual(want);
  });
});

describe('EXTENSIONS.md', () => {
  it('shows examples that read without problems', () => {
    const md = readFileSync(new URL('../../EXTENSIONS.md', import.meta.url), 'utf8');
    const blocks = [...md.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as unknown);
    const kinds: string[] = [];
    const walk = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      const obj = v as Record<string, unknown>;
      expect(provenanceProblems(obj)).toEqual([]);
      kinds.push(...provenance(obj).map((p) => p.kind));
      Object.values(obj).forEach(walk);
    };
    blocks.forEach(walk);
    expect(kinds).toEqual(['document', 'document', 'guess', 'decision']);
  });
});
