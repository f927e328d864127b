// The language server's `oaskit.breakingChanges` command, through a real client over stdio: the
// open spec's unsaved text against its version at a git ref of a real repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/lsp-client.ts';
import { op, post, spec } from './support.ts';

const before = spec({ '/pets': { get: op('listPets'), post: post('addPet', { type: 'object', properties: { name: { type: 'string' } } }) } });
const after = spec({ '/pets': { get: op('findPets'), post: post('addPet', { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }) } });

let client: LspClient;
let dir: string;

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'oaskit-diff-lsp-')));
  mkdirSync(join(dir, 'spec'));
  writeFileSync(join(dir, 'spec/pets.json'), JSON.stringify(before, null, 2));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'spec');
  client = await LspClient.start();
});

afterAll(async () => {
  await client?.stop();
});

describe('oaskit.breakingChanges', () => {
  it('lists the changes of the unsaved text against the merge base with main', async () => {
    const uri = client.open(join(dir, 'spec/pets.json'), JSON.stringify(after, null, 2));
    const r = await client.request<{ base: string; compared: boolean; semver: string; changes: { id: string; level: string; operation?: string; uri?: string; range?: { start: { line: number } } }[] }>('workspace/executeCommand', { command: 'oaskit.breakingChanges', arguments: [uri] });
    expect(r.compared).toBe(true);
    expect(r.base).toMatch(/^[0-9a-f]{40}$/);
    expect(r.semver).toBe('major');
    expect(r.changes.map((c) => [c.id, c.level, c.operation])).toEqual([
      ['sdk-function-renamed', 'breaking', 'GET /pets'],
      ['sdk-method-renamed', 'breaking', 'GET /pets'],
      ['sdk-operation-types-renamed', 'breaking', 'GET /pets'],
      ['request-property-became-required', 'breaking', 'POST /pets'],
    ]);
    const required = r.changes.find((c) => c.id === 'request-property-became-required')!;
    expect(required.uri).toBe(uri);
    // the node of the property in the unsaved text
    const lines = JSON.stringify(after, null, 2).split('\n');
    expect(lines[required.range!.start.line]).toMatch(/"name": \{/);
  });

  it('a bad ref is an error answer, not a crash', async () => {
    const uri = client.open(join(dir, 'spec/pets.json'), JSON.stringify(after, null, 2));
    await expect(client.request('workspace/executeCommand', { command: 'oaskit.breakingChanges', arguments: [uri, 'no-such-ref'] })).rejects.toThrow(/no-such-ref/);
    // and the server still answers
    const r = await client.request<{ compared: boolean }>('workspace/executeCommand', { command: 'oaskit.breakingChanges', arguments: [uri, 'HEAD'] });
    expect(r.compared).toBe(true);
  });
});
