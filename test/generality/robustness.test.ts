// Every document in ../shared/robustness: a valid OpenAPI 3.x document generates code that passes
// `tsc --strict`; an invalid one gets a diagnostic with a position; nothing crashes.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRobustness } from '../../scripts/robustness.ts';
import { sharedAvailable } from '../support/shared.ts';

describe.skipIf(!sharedAvailable('robustness specs'))('robustness corpus', () => {
  it('generates strict-clean code for every valid document and diagnoses every invalid one', { timeout: 600_000 }, async () => {
    const { cases, typecheck } = await runRobustness(resolve(import.meta.dirname, '../../.tmp/robustness-test'));
    const documents = cases.filter((c) => c.kind !== 'fragment');
    const generated = cases.filter((c) => c.generated);
    console.log(
      `robustness: ${documents.length} documents, ${generated.length} generated and type-checked (${typecheck.files} files), ` +
        `${documents.filter((c) => c.errors).length} diagnosed, ${cases.filter((c) => c.kind === 'swagger2').length} of them Swagger 2.0`,
    );
    expect(cases.filter((c) => c.crash).map((c) => `${c.file}: ${c.crash}`)).toEqual([]);
    // documents their authors mark invalid must get an error diagnostic
    expect(cases.filter((c) => c.expectInvalid && c.kind !== 'fragment' && c.errors === 0).map((c) => c.file)).toEqual([]);
    // every diagnosed document names a file:line:col
    for (const c of documents.filter((c) => c.errors && c.firstError && !c.firstError.startsWith('model:'))) expect(c.firstError).toMatch(/:\d+:\d+ [a-z0-9-]+: /);
    expect(typecheck.errors.map((e) => `${e.file}:${e.line} ${e.message}`)).toEqual([]);
    expect(generated.length).toBeGreaterThan(150);
  });
});
