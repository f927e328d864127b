// The generated package of an API for the tests that run it: generated/<name>/ (what is committed
// and shipped) when it is there; otherwise the spec is generated into a temporary folder first
// (a fresh clone before `oaskit generate`, or while generated/ is being rebuilt).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../mock/helpers.ts';
import { runCli } from '../support/cli.ts';

/** What every generated package exports that the suite uses; the rest is reached by name. */
export interface GeneratedPackage {
  /** the folder it was loaded from */
  dir: string;
  /** generated/<name>/ (true) or a temporary generation (false) */
  committed: boolean;
  /** index.ts: the client factory, the runtime's error classes, ... */
  index: Record<string, unknown>;
  /** validators.ts: validate*(value) and is*(value) */
  validators: Record<string, unknown>;
  /** remove a temporary generation */
  dispose(): void;
}

/** `spec` defaults to spec/<name>.yaml; a spec from elsewhere (a test fixture) is always generated afresh. */
export async function loadGenerated(name: string, spec = join(root, 'spec', `${name}.yaml`)): Promise<GeneratedPackage> {
  const committed = join(root, 'generated', name);
  let dir = committed;
  let temporary: string | undefined;
  if (spec !== join(root, 'spec', `${name}.yaml`) || !existsSync(join(committed, 'index.ts'))) {
    mkdirSync(join(root, '.tmp'), { recursive: true });
    temporary = mkdtempSync(join(root, '.tmp', `conformance-${name}-`));
    dir = join(temporary, name);
    const run = await runCli(['generate', '--quiet', '--spec', spec, '--out', dir], { cwd: root });
    if (run.code !== 0) throw new Error(`oaskit generate --spec ${spec} failed (${run.code}): ${run.err}`);
  }
  const index = (await import(pathToFileURL(join(dir, 'index.ts')).href)) as Record<string, unknown>;
  const validators = (await import(pathToFileURL(join(dir, 'validators.ts')).href)) as Record<string, unknown>;
  return {
    dir,
    committed: temporary === undefined,
    index,
    validators,
    dispose: () => {
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}
