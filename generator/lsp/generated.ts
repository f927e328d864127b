// The generated code one hover away: what `oaskit generate` makes of an operation or a component
// schema — the client method, the types, the validators — read from the same model and name plan
// the generator uses (model/naming.ts), and where that symbol is in the generated package of a
// project spec (pipeline/layout.ts: spec/<name>.yaml -> generated/<name>/) when it was generated.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeSegment } from '../core/pointer.ts';
import type { ApiModel, Operation } from '../model/types.ts';
import type { Schema } from '../model/schema.ts';
import { generatedFolder } from '../pipeline/layout.ts';
import type { Analysis } from './project.ts';

/** The model of an analysis: the one its `model` rule built (or built now, on first use); undefined when it cannot be built. */
export function modelOf(analysis: Analysis): ApiModel | undefined {
  return analysis.model();
}

export type Generated = { kind: 'operation'; op: Operation } | { kind: 'schema'; name: string; schema: Schema };

/** The operation or component schema a place of the root document is (its key, or anything inside an operation's key line). */
export function generatedAt(analysis: Analysis, file: string, segments: string[]): Generated | undefined {
  if (file !== analysis.root) return undefined;
  const model = modelOf(analysis);
  if (!model) return undefined;
  if (segments[0] === 'paths' && segments.length >= 3) {
    const pointer = '/' + segments.slice(0, 3).map(escapeSegment).join('/');
    const op = model.operations.find((o) => o.loc.file === file && o.loc.pointer === pointer);
    if (op && (segments.length === 3 || segments[3] === 'operationId')) return { kind: 'operation', op };
  }
  if (segments[0] === 'components' && segments[1] === 'schemas' && segments.length === 3) {
    const named = model.schemas.find((s) => s.name === segments[2]);
    if (named) return { kind: 'schema', name: named.name, schema: named.schema };
  }
  return undefined;
}

/** Markdown: the generated method (or the type and validators of a schema). */
export function describeGenerated(analysis: Analysis, g: Generated): string | undefined {
  const model = modelOf(analysis)!;
  const names = model.names;
  if (g.kind === 'operation') {
    const n = names.operations.get(g.op);
    if (!n) return undefined;
    const call = `client.${n.group ? `${n.group}.` : ''}${n.method}(input)`;
    const types = `paths['${g.op.path}']['${g.op.method}']`;
    return [
      `**Generated client** (\`${names.packageName}\`): \`${call}\` → \`Promise<…>\`, on the client \`${names.factory}()\` returns`,
      `Standalone: \`import { ${n.fn} } from '${names.packageName}'\`, \`${n.fn}(config, input)\` (operations.ts)`,
      `Types: \`${n.type}Input\`, \`${n.type}Result\` (client.ts) · \`${types}\` (schema.d.ts) · docs anchor \`${n.anchor}\``,
    ].join('\n\n');
  }
  const type = names.schemaTypes.get(g.schema);
  const validator = names.schemaValidators.get(g.schema);
  if (!type) return undefined;
  return `**Generated** (\`${names.packageName}\`): type \`components['schemas']['${g.name}']\` (schema.d.ts, \`${type}\`)${validator ? ` · validators \`validate${validator}\`, \`is${validator}\` (validators.ts)` : ''}`;
}

/** Where the generated symbol is: a file of generated/<name>/ and the offset of its name. */
export function generatedLocation(analysis: Analysis, g: Generated): { file: string; start: number; end: number } | undefined {
  const folder = generatedFolder(analysis.root);
  if (!folder || !existsSync(folder)) return undefined;
  const names = modelOf(analysis)!.names;
  if (g.kind === 'operation') {
    const n = names.operations.get(g.op);
    const file = join(folder, 'client.ts');
    if (!n || !existsSync(file)) return undefined;
    const text = readFileSync(file, 'utf8');
    // the method in its group's interface (`export interface UserDataOperations`), else anywhere
    const group = n.group ? new RegExp(`^export interface ${n.group[0]!.toUpperCase()}${n.group.slice(1)}Operations\\b`, 'm').exec(text) : null;
    const re = new RegExp(`^\\s+readonly ${n.method}\\b`, 'gm');
    re.lastIndex = group?.index ?? 0;
    const m = re.exec(text);
    if (!m) return undefined;
    const start = m.index + m[0].length - n.method.length;
    return { file, start, end: start + n.method.length };
  }
  const file = join(folder, 'schema.d.ts');
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const components = /^export interface components \{/m.exec(text);
  if (!components) return undefined;
  // openapi-typescript's layout: `schemas` one level inside `components`, each schema one level deeper
  const schemas = /^( +)schemas: \{/gm;
  schemas.lastIndex = components.index;
  const s = schemas.exec(text);
  if (!s) return undefined;
  const key = /^[A-Za-z_$][\w$]*$/.test(g.name) ? g.name : JSON.stringify(g.name);
  const indent = s[1]!.length * 2;
  const member = new RegExp(`^ {${indent}}${key.replace(/[$.*+?^(){}[\]|\\]/g, '\\$&')}\\??:`, 'gm');
  member.lastIndex = s.index;
  const m = member.exec(text);
  if (!m) return undefined;
  const start = m.index + indent;
  return { file, start, end: start + key.length };
}

