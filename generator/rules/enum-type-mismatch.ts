// enum-type-mismatch: every enum value is of a type the schema allows (else it can never match).
import { isObject } from '../core/pointer.ts';
import { finding, type Finding, type Rule } from './rule.ts';

export const enumTypeMismatch: Rule = {
  id: 'enum-type-mismatch',
  description: 'Every enum value must be of a type the schema allows.',
  check(ctx) {
    const out: Finding[] = [];
    for (const site of ctx.index.ofKind('schema')) {
      const s = site.value;
      if (!isObject(s) || !Array.isArray(s.enum) || s.type === undefined) continue;
      const types = (Array.isArray(s.type) ? s.type : [s.type]).filter((t): t is string => typeof t === 'string');
      if (types.length === 0) continue;
      if (ctx.version === '3.0' && s.nullable === true) types.push('null');
      s.enum.forEach((value, i) => {
        if (types.some((t) => hasType(value, t))) return;
        const allowed = types.length === 1 ? types[0] : types.join(' or ');
        out.push(finding({ file: site.loc.file, pointer: `${site.loc.pointer}/enum/${i}` }, `enum value ${preview(value)} is not of type ${allowed}`));
      });
    }
    return out;
  },
};

export function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true; // an unknown type is oas-schema's business
  }
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
}
