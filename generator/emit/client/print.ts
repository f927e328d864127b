// The printer of client.ts: declarations as text in their final layout (two-space indentation,
// JSDoc as `/** … */` blocks), so no formatter and no compiler API run over the output. Names,
// types and doc text reach it already made safe (safe.ts: identifier, literal, docText).

export interface Doc {
  /** docText()-escaped text (may hold newlines) */
  description?: string;
  tags?: { tagName: string; text: string }[];
}

export interface Member {
  name: string;
  type: string;
  docs?: Doc;
  isReadonly?: boolean;
  hasQuestionToken?: boolean;
}

/** A JSDoc block at `indent`, or nothing for an empty doc. */
export function jsDoc(doc: Doc | undefined, indent = ''): string {
  if (!doc) return '';
  const lines: string[] = [];
  if (doc.description) lines.push(...doc.description.split('\n'));
  for (const tag of doc.tags ?? []) {
    if (lines.length && !lines[lines.length - 1]!.startsWith('@')) lines.push('');
    lines.push(`@${tag.tagName} ${tag.text}`.trimEnd());
  }
  if (!lines.length) return '';
  return [`${indent}/**`, ...lines.map((line) => `${indent} *${line ? ' ' + line : ''}`), `${indent} */`].join('\n') + '\n';
}

function member(m: Member, indent: string): string {
  return `${jsDoc(m.docs, indent)}${indent}${m.isReadonly ? 'readonly ' : ''}${m.name}${m.hasQuestionToken ? '?' : ''}: ${m.type};\n`;
}

export function interfaceDeclaration(d: { name: string; typeParameters?: string[]; extends?: string[]; members: Member[]; docs?: Doc }): string {
  const params = d.typeParameters?.length ? `<${d.typeParameters.join(', ')}>` : '';
  const heritage = d.extends?.length ? ` extends ${d.extends.join(', ')}` : '';
  return `${jsDoc(d.docs)}export interface ${d.name}${params}${heritage} {\n${d.members.map((m) => member(m, '  ')).join('')}}\n`;
}

export function typeAlias(d: { name: string; type: string; docs?: Doc }): string {
  return `${jsDoc(d.docs)}export type ${d.name} = ${d.type};\n`;
}

export function functionDeclaration(d: { name: string; typeParameters?: string[]; parameters: string[]; returnType: string; body: string[]; docs?: Doc }): string {
  const params = d.typeParameters?.length ? `<${d.typeParameters.join(', ')}>` : '';
  return `${jsDoc(d.docs)}export function ${d.name}${params}(${d.parameters.join(', ')}): ${d.returnType} {\n${d.body.map((line) => `  ${line}\n`).join('')}}\n`;
}
