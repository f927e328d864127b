// key-misspelt: a key of a schema that is no keyword but nearly one (`typ`, `requird`,
// `additionalProperty`). JSON Schema ignores unknown keywords, so the slip is silent everywhere
// else: validators accept anything, generated types lose the constraint. The keywords are the
// grammar's (core/grammar.ts); unknown keys of the other OpenAPI objects are oas-schema's, which
// gives its own did-you-mean.
import { escapeSegment, isObject } from '../core/pointer.ts';
import { grammar } from '../core/grammar.ts';
import { closest } from '../core/suggest.ts';
import type { Finding, Rule } from './rule.ts';

const keywords = Object.keys(grammar.schema.fields);
const known = new Set(keywords);

export const keyMisspelt: Rule = {
  id: 'key-misspelt',
  description: 'A schema key must be a keyword, not a near miss of one (`typ` for `type`).',
  check(ctx) {
    const out: Finding[] = [];
    for (const site of ctx.index.ofKind('schema')) {
      if (!isObject(site.value)) continue;
      for (const key of Object.keys(site.value)) {
        if (known.has(key) || key.startsWith('x-')) continue;
        const meant = closest(key, keywords);
        if (!meant) continue;
        out.push({
          message: `'${key}' is not a schema keyword (validators ignore it); did you mean '${meant}'?`,
          file: site.loc.file,
          pointer: `${site.loc.pointer}/${escapeSegment(key)}`,
          atKey: true,
          suggestion: { text: meant, part: 'key' },
        });
      }
    }
    return out;
  },
};
