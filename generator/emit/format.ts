// Prettier over every emitted file, by file type, with fixed options: output never depends on a
// user's prettier config, so it is byte-identical on every machine.
import { format } from 'prettier';
import type { EmittedFile } from './emitter.ts';

const parsers: [RegExp, string][] = [
  [/\.(ts|mts|cts)$/, 'typescript'],
  [/\.(js|mjs)$/, 'babel'],
  [/\.json$/, 'json'],
  [/\.md$/, 'markdown'],
  [/\.css$/, 'css'],
];

/** The options every emitted file is formatted with. */
export const PRETTIER_OPTIONS = { printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf', proseWrap: 'preserve' } as const;

export async function formatFile(file: EmittedFile): Promise<EmittedFile> {
  const parser = parsers.find(([re]) => re.test(file.path))?.[1];
  // A file its emitter formatted with these options already (prettier takes tens of seconds
  // over a big API's validators) is taken as it is.
  if (!parser || file.formatted) return { path: file.path, contents: file.contents };
  const contents = await format(file.contents, { parser, ...PRETTIER_OPTIONS });
  return { path: file.path, contents };
}
