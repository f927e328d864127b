// Names derived from spec text. Only identifiers made here (or validated here) reach generated
// code as identifiers; everything else goes in as a string literal.

const reserved = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await abstract any as async boolean constructor declare get is module namespace never readonly require number object set string symbol type undefined unique unknown from global bigint of arguments eval'.split(' '),
);

/** Words of a name: splits on anything that is not a letter or digit, and on camel humps. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function camelCase(text: string): string {
  const w = words(text);
  // an acronym that starts the name is lower-cased whole: `KPI Export` -> `kpiExport`, not `kPIExport`
  return w.map((x, i) => (i > 0 ? x.charAt(0).toUpperCase() + x.slice(1) : /^[A-Z0-9]+$/.test(x) ? x.toLowerCase() : x.charAt(0).toLowerCase() + x.slice(1))).join('');
}

export function pascalCase(text: string): string {
  return words(text)
    .map((x) => x.charAt(0).toUpperCase() + x.slice(1))
    .join('');
}

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return identifierPattern.test(name) && !reserved.has(name);
}

/**
 * A safe identifier from any text: camelCase (or PascalCase) words, a leading `_` before a
 * digit, a trailing `_` after a reserved word, `_` for empty. Never contains spec punctuation.
 */
export function toIdentifier(text: string, style: 'camel' | 'pascal' = 'camel'): string {
  let id = style === 'camel' ? camelCase(text) : pascalCase(text);
  if (id === '') id = '_';
  if (/^[0-9]/.test(id)) id = '_' + id;
  if (reserved.has(id)) id += '_';
  return id;
}

/** `get /users/{id}/events` -> `getUsersByIdEvents` */
export function deriveOperationId(method: string, path: string): string {
  const parts = path.split('/').filter(Boolean).map((p) => (p.startsWith('{') ? 'by ' + p.slice(1, -1) : p));
  return toIdentifier([method, ...parts].join(' '));
}
