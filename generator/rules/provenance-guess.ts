// provenance-guess (opt-in): lists the spec's guesses, the `Guess:` texts of x-oaskit-evidence and
// x-oaskit-note, each at its position, for the people who will replace them with facts.
import { isObject } from '../core/pointer.ts';
import { provenance } from '../model/provenance.ts';
import { finding, type Finding, type Rule } from './rule.ts';

/** Long notes are cut in the one-line message; the position leads to the whole text. */
const maxText = 160;

export const provenanceGuess: Rule = {
  id: 'provenance-guess',
  description: 'Lists every guess: an x-oaskit-evidence or x-oaskit-note text that begins with "Guess" (opt-in).',
  check(ctx) {
    const out: Finding[] = [];
    for (const site of ctx.index.sites) {
      if (!isObject(site.value)) continue;
      for (const p of provenance(site.value)) {
        if (p.kind !== 'guess') continue;
        const text = p.text.replace(/\s+/g, ' ');
        const short = text.length > maxText ? text.slice(0, maxText - 1).trimEnd() + '…' : text;
        out.push(finding({ file: site.loc.file, pointer: site.loc.pointer + p.pointer }, `guess${p.sources.length ? ` (from ${p.sources.join('; ')})` : ''}: ${short}`));
      }
    }
    return out;
  },
};
