// The real specs: each against itself is no change at all (the whole of both specs walked, every
// schema pair compared), and a copy with one real edit gives exactly the expected changes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../generator/diff/run.ts';

const repo = resolve(import.meta.dirname, '../..');
const appboy = join(repo, 'spec/appboy.yaml');
const appcues = join(repo, 'spec/appcues.yaml');

/** A copy of a spec with text replaced (each replacement must apply once). */
function edited(spec: string, edits: [string | RegExp, string][]): string {
  let text = readFileSync(spec, 'utf8');
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    expect(next, `edit ${String(from)} applies`).not.toBe(text);
    text = next;
  }
  const path = join(mkdtempSync(join(tmpdir(), 'oaskit-diff-real-')), spec.endsWith('appboy.yaml') ? 'appboy.yaml' : 'appcues.yaml');
  writeFileSync(path, text);
  return path;
}

const rows = (r: Awaited<ReturnType<typeof diffSpecs>>) => r.changes.map((c) => [c.id, c.level, c.operation, c.loc?.pointer]);

describe('oaskit diff on the real specs', () => {
  it('appboy against itself: nothing', async () => {
    const r = await diffSpecs(appboy, appboy);
    expect(r.changes).toEqual([]);
    expect(r.semver).toBe('none');
  });

  it('appcues against itself: nothing', async () => {
    const r = await diffSpecs(appcues, appcues);
    expect(r.changes).toEqual([]);
  });

  it('appboy: a lower maxItems on a request array and a renamed operationId', async () => {
    const changed = edited(appboy, [
      [/(    UsersTrackRequest:[\s\S]*?        attributes:\n          type: array\n          maxItems: )50/, '$125'],
      ['operationId: deleteUsers', 'operationId: removeUsers'],
    ]);
    const r = await diffSpecs(appboy, changed);
    expect(rows(r)).toEqual([
      ['sdk-function-renamed', 'breaking', 'POST /users/delete', '/paths/~1users~1delete/post'],
      ['sdk-method-renamed', 'breaking', 'POST /users/delete', '/paths/~1users~1delete/post'],
      ['sdk-operation-types-renamed', 'breaking', 'POST /users/delete', '/paths/~1users~1delete/post'],
      ['request-property-max-items-decreased', 'breaking', 'POST /users/track', '/components/schemas/UsersTrackRequest/properties/attributes'],
    ]);
    expect(r.changes.find((c) => c.id === 'sdk-method-renamed')!.message).toBe('client.userData.deleteUsers() is now client.userData.removeUsers() (operationId deleteUsers → removeUsers)');
    expect(r.semver).toBe('major');
    // and back: the limit raised is an addition, the names renamed back are breaking again
    const back = await diffSpecs(changed, appboy);
    expect(rows(back).map((x) => x[0])).toEqual(['sdk-function-renamed', 'sdk-method-renamed', 'sdk-operation-types-renamed', 'request-property-max-items-increased']);
  });

  it('appcues: an operation moved to another tag is an SDK break with the wire unchanged', async () => {
    const changed = edited(appcues, [['      operationId: listFlows\n      tags: [Flows]', '      operationId: listFlows\n      tags: [Experiences]']]);
    const r = await diffSpecs(appcues, changed);
    expect(rows(r)).toEqual([['sdk-method-moved', 'breaking', 'GET /v2/accounts/{account_id}/flows', '/paths/~1v2~1accounts~1{account_id}~1flows/get']]);
    expect(r.changes[0]!.message).toBe('client.flows.listFlows() is now client.experiences.listFlows()');
  });
});
