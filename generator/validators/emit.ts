// Assembles a generated validator module: the exported functions, the hoisted constants and the
// check_/collect_ functions are code text (code.ts), laid out by layout.ts as they are written (no
// formatter parses the module); the runtime helpers are copied as runtime.ts writes them. Every
// piece of spec text reaching this file is already a literal (code.ts) or goes through
// docComment / header escaping here.
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { docComment, literal, type Code, type Name } from './code.ts';
import { layoutCode } from './layout.ts';
import type { FunctionUnit, ModuleGen } from './compiler.ts';
import { runtimeSource } from './runtime-source.ts';

// required, not imported: an ES import of TypeScript's 9 MB CommonJS compiler makes Node scan it
// for its module format and named exports first (half a second per process)
const ts: typeof TS = createRequire(import.meta.url)('typescript');

export interface PlannedEntry {
  validateName: string;
  isName: string;
  check: FunctionUnit;
  collect: FunctionUnit;
  /** TypeScript type of a valid value. */
  type: string;
  description?: string;
  /** Where the schema is, for the doc comment. */
  at: string;
  /** The schemaPath of the entry's schema (passed to a shared collecting function). */
  schemaPath: string;
  /** A $ref cycle is reachable: guard against stack exhaustion on deep data. */
  recursive: boolean;
}

/** A caller's type expression, accepted only when it parses as exactly one TypeScript type. */
export function checkTypeExpression(text: string): string {
  // the forms the generator writes (`Plain<components["schemas"]["Pet"]>`, ...) are recognised
  // without the TypeScript parser, which costs a parse per entry on a large spec
  if (isSimpleTypeReference(text.trim()) && !/\/[/*]/.test(text)) return text.trim();
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

// A type reference with type arguments and indexed accesses by string or number literals
// (`A<B["x"]>[200]`), a grammar whose every sentence TypeScript parses as exactly one type.
const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const INDEX = /\[(?:"(?:[^"\\\r\n\u2028\u2029]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"|[0-9]+)\]/y;

// words that are not type names where a type is expected (those left to the parser)
const KEYWORDS = new Set(
  ('abstract accessor as asserts async await break case catch class const constructor continue debugger declare default delete do else enum export ' +
    'extends false finally for from function get global if implements import in infer instanceof interface is keyof let module namespace new of out ' +
    'override package private protected public readonly require return satisfies set static super switch throw true try type typeof unique var while with yield').split(' '),
);

function isSimpleTypeReference(text: string): boolean {
  let at = 0;
  const match = (re: RegExp): boolean => {
    re.lastIndex = at;
    if (!re.test(text)) return false;
    at = re.lastIndex;
    return true;
  };
  const reference = (depth: number): boolean => {
    const start = at;
    if (depth > 16 || !match(IDENTIFIER) || KEYWORDS.has(text.slice(start, at))) return false;
    if (text[at] === '<') {
      at++;
      if (!reference(depth + 1)) return false;
      while (text[at] === ',' && text[at + 1] === ' ') {
        at += 2;
        if (!reference(depth + 1)) return false;
      }
      if (text[at] !== '>') return false;
      at++;
    }
    while (text[at] === '[') if (!match(INDEX)) return false;
    return true;
  };
  return reference(0) && at === text.length;
}

function headerComment(text: string): string {
  return docComment(text)
    .split('\n')
    .map((line) => `// ${line}`.trimEnd())
    .join('\n');
}

/** The doc comment of an exported function: one line when the entry's description is. */
function entryDocs(entry: PlannedEntry, what: (subject: string) => string): string {
  const description = entry.description?.trim();
  if (description && !/[\r\n\u2028\u2029]/.test(description)) return `/** ${docComment(what(description))} */`;
  const parts = description ? [docComment(description), ''] : [];
  parts.push(docComment(what(entry.at)));
  const lines = parts.join('\n').split('\n');
  return ['/**', ...lines.map((line) => (line === '' ? '*' : `* ${line}`)), '*/'].join('\n');
}

function validateBody(mod: ModuleGen, entry: PlannedEntry): string {
  const schemaPath = entry.collect.shared ? `, ${literal(entry.schemaPath).text}` : '';
  return `return ${mod.helper('resultOf').text}(value, ${entry.check.name.text}, ${entry.collect.name.text}${schemaPath});`;
}

function isBody(entry: PlannedEntry): string {
  const call = `return ${entry.check.name.text}(value);`;
  return entry.recursive ? `try {\n${call}\n} catch (error) {\nif (error instanceof RangeError) return false;\nthrow error;\n}` : call;
}

/** A hoisted constant as a statement; a table of two or more rows one row a line, as prettier
 * prints it. */
function constantText(constant: { name: Name; init: Code; type?: string; rows?: Code[] }): string {
  const declared = constant.type ? `${constant.name.text}: ${constant.type}` : constant.name.text;
  if (constant.rows && constant.rows.length > 1) return `const ${declared} = [\n${constant.rows.map((row) => `${row.text},`).join('\n')}\n];`;
  return `const ${declared} = ${constant.init.text};`;
}

/** The functions the entries use, directly or not, in creation order. */
function usedUnits(mod: ModuleGen, entries: PlannedEntry[]): FunctionUnit[] {
  const used = new Set<FunctionUnit>();
  const visit = (unit: FunctionUnit): void => {
    if (used.has(unit)) return;
    used.add(unit);
    unit.calls.forEach(visit);
  };
  for (const entry of entries) {
    visit(entry.check);
    visit(entry.collect);
  }
  return mod.units.filter((unit) => used.has(unit));
}

function unitText(mod: ModuleGen, unit: FunctionUnit): string {
  const signature = mod.signature(unit);
  const params = signature.params.map((param) => `${param.name}: ${param.type}`).join(', ');
  const body = [unit.body!.text, unit.mode === 'is' ? 'return true;' : ''].filter((part) => part !== '');
  return `function ${unit.name.text}(${params}): ${signature.returnType} {${body.length ? `\n${body.join('\n')}\n` : ''}}`;
}

/**
 * The module text: header, imports, the ValidationError/ValidationResult types, the entries,
 * hoisted constants, the check_/collect_ functions, then the runtime helpers they use.
 */
export function renderModule(mod: ModuleGen, entries: PlannedEntry[], options: { header?: string | false; imports?: string[] }): string {
  const exported = entries.map((entry) =>
    [
      entryDocs(entry, (subject) => `Validates a value against ${subject}: the value, typed, or every error found.`),
      `export function ${entry.validateName}(value: unknown): ValidationResult<${entry.type}> {`,
      validateBody(mod, entry),
      '}',
      '',
      entryDocs(entry, (subject) => `Whether a value is valid against ${subject} (stops at the first error).`),
      `export function ${entry.isName}(value: unknown): value is ${entry.type} {`,
      isBody(entry),
      '}',
    ].join('\n'),
  );
  const units = usedUnits(mod, entries);
  const used = new Set(units.flatMap((unit) => unit.body!.text.match(/\b(?:[CSP]|RE)\d+\b/g) ?? []));
  const constants = mod.constants.filter((constant) => used.has(constant.name.text)).map(constantText);
  const functions = units.map((unit) => unitText(mod, unit));
  const imports = options.imports ?? [];
  const helpers = runtimeSource([...mod.helpers].sort(), [], ['ValidationError', 'ValidationResult']);
  const types = runtimeSource(['ValidationResult'], ['ValidationError', 'ValidationResult']).join('\n\n');
  const header = options.header === false ? '' : headerComment(options.header ?? 'Generated by oaskit (validator compiler). Do not edit.');
  const parts = [header, imports.join('\n'), types, ...exported.map(layoutCode), layoutCode(constants.join('\n')), ...functions.map(layoutCode), helpers.join('\n\n')];
  return parts.map((part) => part.trimEnd()).filter((part) => part !== '').join('\n\n') + '\n';
}
