// `format`: the formats oaskit asserts (OpenAPI documents use them as constraints), for the string
// and number families. Unknown formats, and known ones on values of another type, are annotations
// and always pass. Checks are runtime.ts helpers (copied into generated modules) or inline code.
import { _, literal, type Code, type Name } from '../code.ts';
import type { ModuleGen } from '../compiler.ts';
import * as runtime from '../runtime.ts';

export interface FormatDef {
  type: 'string' | 'number';
  /** Code that is true when `data` (already of `type`) is valid. */
  valid(data: Name, mod: ModuleGen): Code;
  check(value: never): boolean;
}

function helper(name: 'fmtDate' | 'fmtTime' | 'fmtDateTime' | 'fmtEmail' | 'fmtUri' | 'fmtUuid' | 'fmtIpv4' | 'fmtIpv6' | 'fmtHostname'): FormatDef {
  return {
    type: 'string',
    valid: (data, mod) => _`${mod.helper(name)}(${data})`,
    check: runtime[name] as (value: never) => boolean,
  };
}

function integerRange(min: number, maxExclusive: number): FormatDef {
  return {
    type: 'number',
    valid: (data) => _`Number.isInteger(${data}) && ${data} >= ${literal(min)} && ${data} < ${literal(maxExclusive)}`,
    check: (value: number) => Number.isInteger(value) && value >= min && value < maxExclusive,
  };
}

const FORMATS: Record<string, FormatDef> = {
  'date-time': helper('fmtDateTime'),
  date: helper('fmtDate'),
  time: helper('fmtTime'),
  email: helper('fmtEmail'),
  uri: helper('fmtUri'),
  uuid: helper('fmtUuid'),
  ipv4: helper('fmtIpv4'),
  ipv6: helper('fmtIpv6'),
  hostname: helper('fmtHostname'),
  int32: integerRange(-(2 ** 31), 2 ** 31),
  int64: integerRange(-(2 ** 63), 2 ** 63),
};

/** The definition of a format that applies to values of `type`, if oaskit checks it. */
export function formatFor(format: unknown, type: 'string' | 'number'): FormatDef | undefined {
  if (typeof format !== 'string' || !Object.prototype.hasOwnProperty.call(FORMATS, format)) return undefined;
  const def = FORMATS[format]!;
  return def.type === type ? def : undefined;
}

export function formatError(format: string): { keyword: string; params: { format: string }; message: string } {
  return { keyword: 'format', params: { format }, message: runtime.formatMessage(format) };
}
