// Generality over other projects' specs (../shared/robustness): every valid OpenAPI 3.x document
// generates code that passes `tsc --strict`; every invalid one gets a clear diagnostic with a
// position, and nothing crashes. `npx tsx scripts/robustness.ts` prints the table.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { diagnose } from '../generator/diagnostics/diagnose.ts';
import { locateDiagnostic } from '../generator/diagnostics/position.ts';
import { emitApi, writeFolder } from '../generator/pipeline/pipeline.ts';
import { buildModel, ModelError } from '../generator/model/build-model.ts';
import { typecheckFolder } from './lib/typecheck.ts';

export interface RobustnessCase {
  file: string;
  kind: 'valid' | 'invalid' | 'swagger2' | 'fragment';
  expectInvalid: boolean;
  errors: number;
  firstError?: string;
  generated: boolean;
  crash?: string;
}

export const sharedRobustness = resolve(import.meta.dirname, '../../shared/robustness');

/** Documents whose folder says they must fail. */
function expectInvalid(file: string): boolean {
  return /[\\/](invalid|fail)[\\/]/.test(file);
}

export function robustnessDocuments(root = sharedRobustness): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !/oai-3\.2-schema-tests/.test(f)) // 3.2 is not a version oaskit claims to read
    .sort();
}

/** Is this file a whole document (rather than a fragment another file refers to)? */
function documentKind(file: string): 'openapi' | 'swagger2' | 'fragment' {
  const head = readFileSync(file, 'utf8').slice(0, 4000);
  if (/^\s*["']?openapi["']?\s*:/m.test(head)) return 'openapi';
  if (/^\s*["']?swagger["']?\s*:/m.test(head)) return 'swagger2';
  return 'fragment';
}

export async function runRobustness(outDir: string, root = sharedRobustness) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const cases: RobustnessCase[] = [];
  let n = 0;
  for (const file of robustnessDocuments(root)) {
    const kind = documentKind(file);
    const c: RobustnessCase = { file: relative(root, file), kind: kind === 'openapi' ? 'valid' : kind, expectInvalid: expectInvalid(file), errors: 0, generated: false };
    cases.push(c);
    if (kind === 'fragment') continue;
    try {
      const result = await diagnose(file);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      c.errors = errors.length;
      if (errors.length) {
        const l = locateDiagnostic(errors[0]!, result.workspace.get(errors[0]!.file));
        c.firstError = `${relative(root, errors[0]!.file)}:${l.start.line}:${l.start.col} ${errors[0]!.code}: ${errors[0]!.message}`;
        c.kind = kind === 'swagger2' ? 'swagger2' : 'invalid';
        continue;
      }
      let model;
      try {
        model = await buildModel(result, `case${n++}`);
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        c.errors = 1;
        c.kind = 'invalid';
        c.firstError = `model: ${error.message}`;
        continue;
      }
      writeFolder(join(outDir, model.name), await emitApi(model));
      c.generated = true;
    } catch (error) {
      c.crash = (error as Error).stack ?? String(error);
    }
  }
  const typecheck = typecheckFolder(outDir);
  return { cases, typecheck };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (!existsSync(sharedRobustness)) {
    console.error(`robustness: ${sharedRobustness} is absent`);
    process.exit(2);
  }
  const { cases, typecheck } = await runRobustness(resolve(import.meta.dirname, '../.tmp/robustness'));
  for (const c of cases) console.log(`${c.generated ? 'generated' : c.kind.padEnd(9)} ${c.expectInvalid ? 'expect-invalid' : '              '} ${c.file}${c.firstError ? '\n    ' + c.firstError : ''}${c.crash ? '\n    CRASH ' + c.crash : ''}`);
  const gen = cases.filter((c) => c.generated).length;
  console.log(`robustness: ${cases.length} files, ${gen} generated, ${cases.filter((c) => c.errors).length} with diagnostics, ${cases.filter((c) => c.crash).length} crashes; tsc --strict over ${typecheck.files} files: ${typecheck.errors.length} errors`);
  for (const e of typecheck.errors.slice(0, 30)) console.log(`  ${relative(process.cwd(), e.file)}:${e.line} ${e.message.split('\n')[0]}`);
}
