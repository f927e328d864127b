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

export async function formatFile(file: EmittedFile): Promise<EmittedFile> {
  const parser = parsers.find(([re]) => re.test(file.path))?.[1];
  if (!parser) return file;
  const contents = await format(file.contents, { parser, printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf', proseWrap: 'preserve' });
  return { path: file.path, contents };
}
