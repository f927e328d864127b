// What an editor shows for a client method: TypeScript's language service (the one behind
// VS Code's hover and signature help), asked about calls in a file that uses generated/appboy.
// A call must read as `(input: <Operation>Input) => Promise<…the success body…>`, not as the
// `paths` entry it is computed from.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const file = join(root, 'test', 'types', 'hover-consumer.ts');
const source = `import { createAppboyClient } from '../../generated/appboy/index.ts';
const client = createAppboyClient({ appGroupId: 'g' });
void client.userData.deleteUsers({ body: { external_ids: ['u'] } });
void client.kpiExport.getDailyActiveUsersDataSeries({ query: { length: 7 } });
void client.userData.deleteUsers.result({ body: { external_ids: ['u'] } });
`;

function service(): ts.LanguageService {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  return ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => (f === file ? ts.ScriptSnapshot.fromString(source) : existsSync(f) ? ts.ScriptSnapshot.fromString(readFileSync(f, 'utf8')) : undefined),
    getCurrentDirectory: () => root,
    getCompilationSettings: () => config.options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (f) => f === file || ts.sys.fileExists(f),
    readFile: (f) => (f === file ? source : ts.sys.readFile(f)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
}

describe('hovering a generated client method', () => {
  it('shows the input by its name and what the call resolves to', { timeout: 120_000 }, () => {
    const ls = service();
    const hover = (word: string) => ts.displayPartsToString(ls.getQuickInfoAtPosition(file, source.indexOf(word) + 2)?.displayParts);
    const signature = (word: string) => {
      const item = ls.getSignatureHelpItems(file, source.indexOf(word) + word.length, {})!.items[0]!;
      return [ts.displayPartsToString(item.prefixDisplayParts), item.parameters.map((p) => ts.displayPartsToString(p.displayParts)).join(', '), ts.displayPartsToString(item.suffixDisplayParts)].join('');
    };
    const deleteUsers = hover('deleteUsers(');
    expect(deleteUsers).toContain('(input: DeleteUsersInput<never>) => Promise<{');
    expect(deleteUsers).toContain('deleted: number;');
    expect(deleteUsers).toContain('message: "queued";');
    expect(deleteUsers).not.toContain('paths');
    expect(signature('getDailyActiveUsersDataSeries(')).toBe(
      'getDailyActiveUsersDataSeries(input: GetDailyActiveUsersDataSeriesInput<never>): Promise<{ message: string; data?: { time?: string | undefined; dau?: number | undefined; }[] | undefined; }>',
    );
    expect(signature('result(')).toBe('result(input: DeleteUsersInput<never>): Promise<DeleteUsersResult>');
  });
});
