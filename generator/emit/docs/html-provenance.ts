// Where each statement comes from, as a reader sees it: an `x-oaskit-evidence` or `x-oaskit-note`
// text that begins with its kind (`Document (sources):`, `Decision (sources):`, `Guess:`, read by
// model/provenance.ts) becomes a badge next to the thing it is about (operation, parameter, field,
// response, schema) and a box with its statement under it; every guess is also collected for the
// API's list of guesses. A text without a kind is shown as before, as a note or as evidence.
import { parseProvenance, type Provenance, type ProvenanceKind } from '../../model/provenance.ts';
import { html, join, type Html } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import type { Note } from './schema-view.ts';

/** What a badge and a note box say for each kind. */
export const kindLabels: Readonly<Record<ProvenanceKind, string>> = { document: 'Document', decision: 'Decision', guess: 'Guess' };

/** A note, read: with its kind when it says one. */
export interface ReadNote {
  note: Note;
  provenance?: Provenance;
}

export function readNotes(notes: readonly Note[]): ReadNote[] {
  return notes.map((note) => ({ note, provenance: parseProvenance(note.text, note.kind === 'note' ? 'x-oaskit-note' : 'x-oaskit-evidence') }));
}

/** Sources a document badge names before it says how many more there are (the boxes list them all). */
const badgeSources = 3;

/**
 * The badges of an object, at most one per kind (documents, decisions, guesses, in that order):
 * `Document: SEED 002; SEED 000`, `Decision: A; B` (or `3 decisions`), `Guess` (or `2 guesses`).
 */
export function badgeTexts(entries: readonly Provenance[]): { kind: ProvenanceKind; text: string }[] {
  const out: { kind: ProvenanceKind; text: string }[] = [];
  const of = (kind: ProvenanceKind) => entries.filter((p) => p.kind === kind);
  const documents = [...new Set(of('document').flatMap((p) => p.sources))];
  if (of('document').length) {
    const named = documents.slice(0, badgeSources).join('; ');
    out.push({ kind: 'document', text: documents.length ? `Document: ${named}${documents.length > badgeSources ? ` +${documents.length - badgeSources}` : ''}` : 'Document' });
  }
  const decisions = of('decision');
  if (decisions.length === 1) out.push({ kind: 'decision', text: decisions[0]!.sources.length ? `Decision: ${decisions[0]!.sources.join('; ')}` : 'Decision' });
  else if (decisions.length > 1) out.push({ kind: 'decision', text: `${decisions.length} decisions` });
  const guesses = of('guess').length;
  if (guesses) out.push({ kind: 'guess', text: guesses === 1 ? 'Guess' : `${guesses} guesses` });
  return out;
}

/** Where a guess is written, for the list of guesses: a label and a link from the API's overview. */
export interface Place {
  label: Html;
  /** the page (relative to the site root) and the id on it */
  page: string;
  id: string;
}

/** The guesses of one API, in the order the pages show them; one entry per statement. */
export class Guesses {
  readonly entries: { text: string; places: Place[] }[] = [];
  add(text: string, place: Place): void {
    const e = this.entries.find((x) => x.text === text);
    if (e) e.places.push(place);
    else this.entries.push({ text, places: [place] });
  }
}

export interface NoteContext {
  /** an id for a guess box (unique on the page) */
  claimId: (base: string) => string;
  guesses: Guesses;
  /** the page being written, and what the notes are about (for the list of guesses) */
  page: string;
  where: Html;
}

/**
 * The badges (for the heading line) and the boxes (under it) of an object's notes. Badges are
 * text, so they read without JavaScript and in print; one per kind.
 */
export function provenanceHtml(notes: readonly Note[], ctx: NoteContext): { badges: Html; boxes: Html } {
  const read = readNotes(notes);
  const badges = badgeTexts(read.flatMap((r) => (r.provenance ? [r.provenance] : []))).map((b) => html` <span class="pv pv-${b.kind}">${b.text}</span>`);
  const boxes = read.map(({ note, provenance: p }) => {
    if (!p) return html`<div class="note note-${note.kind}"><p class="note-label">${note.kind === 'note' ? 'Note' : 'Evidence'}</p>${renderMarkdown(note.text, 5)}</div>`;
    const id = p.kind === 'guess' ? ctx.claimId('guess') : undefined;
    if (id) ctx.guesses.add(p.text, { label: ctx.where, page: ctx.page, id });
    return html`<div class="note note-${p.kind}"${id ? html` id="${id}"` : ''}><p class="note-label">${kindLabels[p.kind]}${p.sources.length ? html` <span class="note-sources">(${p.sources.join('; ')})</span>` : ''}</p>${renderMarkdown(p.text, 5)}</div>`;
  });
  return { badges: join(badges), boxes: join(boxes, '\n') };
}

/** The list of an API's guesses, each statement with links to where it is written. */
export function guessesList(guesses: Guesses, href: (place: Place) => string): Html {
  return html`<ol class="guesses">
${join(
  guesses.entries.map(
    (g) => html`<li>${renderMarkdown(g.text, 5)}<p class="meta">At ${join(
      g.places.map((p) => html`<a href="${href(p)}">${p.label}</a>`),
      ', ',
    )}</p></li>`,
  ),
  '\n',
)}
</ol>`;
}
