// $ref resolution is sandboxed: a ref to a URL, to an absolute path or one that climbs out of the
// spec's folder is a diagnostic at the ref, never a fetch or a read, and nothing is generated.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../generator/load/workspace.ts';
import { runCli } from '../support/cli.ts';
const work = mkdtempSync(join(tmpdir(), 'oaskit-refs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spec = (ref: string) => `openapi: 3.1.0
info: { title: refs, version: '1' }
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '${ref}'
`;

const cases: [string, string, RegExp][] = [
  ['a parent-folder path', '../../etc/passwd', /climbs out of the spec's folder/],
  ['an absolute path', '/etc/passwd#/x', /is an absolute path/],
  ['an https URL', 'https://example.com/schemas.yaml#/Pet', /points to a URL/],
  ['a file URL', 'file:///etc/passwd', /points to a URL/],
  ['a protocol-relative URL', '//example.com/x.yaml', /points to a URL/],
  ['an encoded climb', '..%2F..%2Fetc%2Fpasswd', /climbs out of the spec's folder/],
];

describe('sandboxed $ref', () => {
  it.each(cases)('refuses %s with a positioned diagnostic, and generates nothing', { timeout: 120_000 }, async (_, ref, message) => {
    const dir = join(work, Buffer.from(ref).toString('hex').slice(0, 24), 'spec');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'api.yaml'), spec(ref));
    const check = await runCli(['check', join(dir, 'api.yaml')]);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/api\.yaml:12:23 - error ref-unsafe: /);
    expect(check.out).toMatch(message);
    const out = join(dir, '..', 'out');
    const generate = await runCli(['generate', '--spec', join(dir, 'api.yaml'), '--out', out]);
    expect(generate.code).toBe(1);
    expect(generate.err).toMatch(/ref-unsafe/);
    expect(existsSync(out)).toBe(false);
  });

  it('reads no file outside the folder while resolving', () => {
    const dir = join(work, 'reads', 'spec');
    mkdirSync(dir, { recursive: true });
    const reads: string[] = [];
    const ws = new Workspace(join(dir, 'api.yaml'), {
      read: (p) => {
        reads.push(p);
        if (p === join(dir, 'api.yaml')) return spec('../../etc/passwd');
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
    });
    const problems = ws.checkRefs();
    expect(problems.map((d) => d.code)).toEqual(['ref-unsafe']);
    expect(reads).toEqual([join(dir, 'api.yaml')]);
  });
});
