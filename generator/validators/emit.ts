// Assembles a generated validator module: one ts-morph source file built from structures in a
// single batch (no manipulation after creation), printed once and formatted by prettier.
// Every piece of spec text reaching this file is already a literal (code.ts) or goes through
// docComment / header escaping here.
import prettier from 'prettier';
import { Project, StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import ts from 'typescript';
import { docComment } from './code.ts';
import type { ModuleGen } from './compiler.ts';
import { runtimeSource } from './runtime-source.ts';

export interface PlannedEntry {
  validateName: string;
  isName: string;
  checkFn: string;
  collectFn: string;
  /** TypeScript type of a valid value. */
  type: string;
  description?: string;
  /** Where the schema is, for the doc comment. */
  at: string;
  /** A $ref cycle is reachable: guard against stack exhaustion on deep data. */
  recursive: boolean;
}

let project: Project | undefined;

function sourceProject(): Project {
  project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  return project;
}

/** A caller's type expression, accepted only when it parses as exactly one TypeScript type. */
export function checkTypeExpression(text: string): string {
  const source = ts.createSourceFile('type.ts', `type T = ${text};`, ts.ScriptTarget.ES2022, false);
  const diagnostics = (source as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? [];
  const statement = source.statements[0];
  const ok =
    diagnostics.length === 0 &&
    source.statements.length === 1 &&
    statement !== undefined &&
    ts.isTypeAliasDeclaration(statement) &&
    statement.type.getFullText(source).trim() === text.trim() &&
    !/\/[/*]/.test(text);
  if (!ok) throw new Error(`not a TypeScript type expression: ${JSON.stringify(text)}`);
  return text.trim();
}

function headerComment(text: string): string {
  return docComment(text)
    .split('\n')
    .map((line) => `// ${line}`.trimEnd())
    .join('\n');
}

function entryDocs(entry: PlannedEntry, what: string): { description: string }[] {
  const parts = entry.description ? [docComment(entry.description.trim()), ''] : [];
  parts.push(docComment(what));
  return [{ description: parts.join('\n') }];
}

const TOO_DEEP = `{ instancePath: "", schemaPath: "#", keyword: "$ref", params: {}, message: "is nested too deeply to validate" }`;

function validateBody(entry: PlannedEntry): string {
  const call = `${entry.collectFn}(value, "", errors);`;
  const run = entry.recursive
    ? `try {\n${call}\n} catch (error) {\nif (!(error instanceof RangeError)) throw error;\nerrors.push(${TOO_DEEP});\n}`
    : call;
  return `const errors: ValidationError[] = [];\n${run}\nreturn errors.length === 0 ? { ok: true, value: value as ${entry.type} } : { ok: false, errors };`;
}

function isBody(entry: PlannedEntry): string {
  const call = `return ${entry.checkFn}(value);`;
  return entry.recursive ? `try {\n${call}\n} catch (error) {\nif (error instanceof RangeError) return false;\nthrow error;\n}` : call;
}

const formatted = new Map<string, Promise<string>>();

/** prettier, remembered for text that recurs in every module (runtime types and helpers, imports). */
function formatOnce(text: string): Promise<string> {
  let result = formatted.get(text);
  if (!result) {
    result = prettier.format(text, { parser: 'typescript' });
    formatted.set(text, result);
  }
  return result;
}

/**
 * The module text: header, imports, the ValidationError/ValidationResult types, the entries,
 * hoisted constants, the check_/collect_ functions, then the runtime helpers they use. The
 * schema-specific part is one ts-morph source file built from structures in one batch and
 * formatted by prettier; the verbatim runtime parts are formatted once per process and reused,
 * which keeps compiling thousands of schemas fast.
 */
export async function renderModule(mod: ModuleGen, entries: PlannedEntry[], options: { header?: string; imports?: string[] }): Promise<string> {
  const statements: StatementStructures[] = [];
  for (const entry of entries) {
    statements.push(
      {
        kind: StructureKind.Function,
        isExported: true,
        name: entry.validateName,
        parameters: [{ name: 'value', type: 'unknown' }],
        returnType: `ValidationResult<${entry.type}>`,
        docs: entryDocs(entry, `Validates a value against ${entry.at}: the value, typed, or every error found.`),
        statements: [validateBody(entry)],
      },
      {
        kind: StructureKind.Function,
        isExported: true,
        name: entry.isName,
        parameters: [{ name: 'value', type: 'unknown' }],
        returnType: `value is ${entry.type}`,
        docs: entryDocs(entry, `Whether a value is valid against ${entry.at} (stops at the first error).`),
        statements: [isBody(entry)],
      },
    );
  }
  for (const constant of mod.constants) {
    statements.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: constant.name.text, initializer: constant.init.text }],
    });
  }
  for (const unit of mod.units) {
    const signature = mod.signature(unit);
    statements.push({
      kind: StructureKind.Function,
      name: unit.name.text,
      parameters: signature.params,
      returnType: signature.returnType,
      statements: [unit.body!.text + (unit.mode === 'is' ? '\nreturn true;' : '')],
    });
  }
  const file = sourceProject().createSourceFile('validators.ts', { statements }, { overwrite: true });
  const text = file.getFullText();
  sourceProject().removeSourceFile(file);

  const imports = options.imports ?? [];
  const helpers = runtimeSource([...mod.helpers].sort());
  const parts = await Promise.all([
    imports.length ? formatOnce(imports.join('\n')) : '',
    formatOnce(runtimeSource(['ValidationResult'], ['ValidationError', 'ValidationResult']).join('\n\n')),
    prettier.format(text, { parser: 'typescript' }),
    helpers.length ? formatOnce(helpers.join('\n\n')) : '',
  ]);
  const header = headerComment(options.header ?? 'Generated by oaskit (validator compiler). Do not edit.');
  return [header, ...parts.filter((part) => part !== '').map((part) => part.trimEnd())].join('\n\n') + '\n';
}
