// The validators' runtime: the few helpers generated code calls, written once here.
// The interpreter imports them; the compiler copies the ones a module uses into that module
// (see runtime-source.ts), so generated validators have no runtime dependency. Everything here
// must stay plain, self-contained TypeScript that passes `tsc --strict`: no imports, and no
// top-level name starting with `is` or `validate` (those are the exported names of generated modules).

/** One validation failure. */
export interface ValidationError {
  /** JSON pointer to the offending value in the validated data ("" is the root). */
  instancePath: string;
  /** Location of the failing keyword in the schema, as a URI fragment ("#/properties/a/type"). */
  schemaPath: string;
  /** The keyword that failed. */
  keyword: string;
  /** The keyword's arguments, for programs that handle errors. */
  params: Record<string, unknown>;
  /** A sentence for people: "must have at most 50 items". */
  message: string;
}

/** What a `validate` function returns: the typed value, or every error found. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

export const hasOwn = Object.prototype.hasOwnProperty;

/** The object's own value of `name`, or undefined (typed `any`, as generated code reads data). */
export function own(data: any, name: string): any {
  return hasOwn.call(data, name) ? data[name] : undefined;
}

// --- errors ----------------------------------------------------------------------------------
// Collecting code records errors through these (one short call per failure, not an object
// literal); the interpreter writes the same messages with the same functions.

/** Records one error. */
export function fail(errors: ValidationError[], instancePath: string, schemaPath: string, keyword: string, params: Record<string, unknown>, message: string): void {
  errors.push({ instancePath, schemaPath, keyword, params, message });
}

/** The message of a `type` error; `type` lists the allowed types, comma-separated. */
export function typeMessage(type: string): string {
  return `must be ${type.split(',').join(' or ')}`;
}

export function failType(errors: ValidationError[], instancePath: string, schemaPath: string, type: string): void {
  fail(errors, instancePath, schemaPath, 'type', { type }, typeMessage(type));
}

export function requiredMessage(name: string): string {
  return `must have required property ${JSON.stringify(name)}`;
}

export function failRequired(errors: ValidationError[], instancePath: string, schemaPath: string, name: string): void {
  fail(errors, instancePath, schemaPath, 'required', { missingProperty: name }, requiredMessage(name));
}

export function formatMessage(format: string): string {
  return `must be a valid ${format}`;
}

export function failFormat(errors: ValidationError[], instancePath: string, schemaPath: string, format: string): void {
  fail(errors, instancePath, schemaPath, 'format', { format }, formatMessage(format));
}

export function additionalMessage(key: string): string {
  return `must not have unknown property ${JSON.stringify(key)}`;
}

export function failAdditional(errors: ValidationError[], instancePath: string, schemaPath: string, key: string): void {
  fail(errors, instancePath, schemaPath, 'additionalProperties', { additionalProperty: key }, additionalMessage(key));
}

/** A collecting function's properties: [name, check, collect, schemaPath] rows; the schemaPath
 * is the usual `<schemaPath>/properties/<name>` when left out, else a suffix or a whole path. */
export type PropertyTable = readonly (readonly [
  name: string,
  check: (value: any) => boolean,
  collect: (value: any, instancePath: string, errors: ValidationError[], schemaPath: string) => void,
  schemaPath?: string,
])[];

/** Collects the errors of the object's properties, in table order: each own, defined value is
 * checked, and only a failing one is collected. */
export function collectProperties(data: Record<string, unknown>, table: PropertyTable, errors: ValidationError[], instancePath: string, schemaPath: string): void {
  for (const [name, check, collect, path] of table) {
    if (!hasOwn.call(data, name)) continue;
    const value = data[name];
    if (value === undefined || check(value)) continue;
    const at = path === undefined ? `${schemaPath}/properties/${name}` : path.charCodeAt(0) === 35 ? path : schemaPath + path;
    collect(value, `${instancePath}/${pointerSegment(name)}`, errors, at);
  }
}

/** Whether the object's properties (own, defined) pass their checks: a very wide object's. */
export function checkProperties(data: Record<string, unknown>, table: PropertyTable): boolean {
  for (const [name, check] of table) {
    if (!hasOwn.call(data, name)) continue;
    const value = data[name];
    if (value !== undefined && !check(value)) return false;
  }
  return true;
}

/** What `validateX` returns: the value when `check` passes, else the errors `collect` finds
 * (data nested too deeply for the stack is an error, never an exception). */
export function resultOf<T>(
  value: unknown,
  check: (value: any) => boolean,
  collect: (value: any, instancePath: string, errors: ValidationError[], schemaPath: string) => void,
  schemaPath = '',
): ValidationResult<T> {
  const errors: ValidationError[] = [];
  try {
    if (check(value)) return { ok: true, value: value as T };
    collect(value, '', errors, schemaPath);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    errors.push({ instancePath: '', schemaPath: '#', keyword: '$ref', params: {}, message: 'is nested too deeply to validate' });
  }
  return errors.length === 0 ? { ok: true, value: value as T } : { ok: false, errors };
}

/** `required` with many names, collecting: an error for each name the object lacks. */
export function failMissing(data: Record<string, unknown>, names: readonly string[], errors: ValidationError[], instancePath: string, schemaPath: string): void {
  for (const name of names) if (data[name] === undefined || !hasOwn.call(data, name)) failRequired(errors, instancePath, schemaPath, name);
}

/** `required` with many names, checking: whether the object has them all. */
export function hasAll(data: Record<string, unknown>, names: readonly string[]): boolean {
  for (const name of names) if (data[name] === undefined || !hasOwn.call(data, name)) return false;
  return true;
}

/** Length of a string in Unicode code points (what minLength/maxLength count). */
export function ucs2length(str: string): number {
  const length = str.length;
  let count = length;
  for (let i = 0; i < length - 1; i++) {
    const high = str.charCodeAt(i);
    if (high >= 0xd800 && high <= 0xdbff && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** A property name as one JSON pointer segment. */
export function pointerSegment(key: string): string {
  if (key.indexOf('~') === -1 && key.indexOf('/') === -1) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON equality: same type, same numbers, same strings, arrays item by item, objects key by key. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!hasOwn.call(b, key)) return false;
    if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The first pair of equal items, as [earlier index, later index], or undefined when all differ.
 * Strings, numbers, booleans and null go through a Map (linear); objects and arrays are compared
 * with deepEqual against each other only. */
export function duplicateItems(items: unknown[]): [number, number] | undefined {
  const seen = new Map<unknown, number>();
  const composite: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'object' && item !== null) {
      for (const j of composite) if (deepEqual(items[j], item)) return [j, i];
      composite.push(i);
    } else {
      const j = seen.get(item);
      if (j !== undefined) return [j, i];
      seen.set(item, i);
    }
  }
  return undefined;
}

/** multipleOf that survives binary floating point: 0.3 is a multiple of 0.1. The quotient must be
 * within a few units in the last place of an integer (relative error of two decimal-to-binary
 * conversions and a division); an infinite quotient is never a multiple. */
export function multipleOf(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  if (Number.isInteger(quotient)) return true;
  if (!Number.isFinite(quotient)) return false;
  return Math.abs(quotient - Math.round(quotient)) <= Math.abs(quotient) * 4 * Number.EPSILON;
}

// --- formats ---------------------------------------------------------------------------------
// RFC 3339 dates and times are parsed by hand (no RegExp, no allocation); the others are
// anchored regular expressions without nested quantifiers.

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(str: string, at: number): number {
  const a = str.charCodeAt(at) - 48;
  const b = str.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function fullDate(str: string): boolean {
  if (str.charCodeAt(4) !== 45 || str.charCodeAt(7) !== 45) return false;
  const century = twoDigits(str, 0);
  const yearOfCentury = twoDigits(str, 2);
  const month = twoDigits(str, 5);
  const day = twoDigits(str, 8);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  if (month !== 2) return day <= DAYS_IN_MONTH[month]!;
  const year = century * 100 + yearOfCentury;
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** RFC 3339 full-time from `at` to the end: HH:MM:SS[.frac](Z|+HH:MM|-HH:MM). */
function fullTime(str: string, at: number): boolean {
  const hour = twoDigits(str, at);
  const minute = twoDigits(str, at + 3);
  const second = twoDigits(str, at + 6);
  if (str.charCodeAt(at + 2) !== 58 || str.charCodeAt(at + 5) !== 58) return false;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  let i = at + 8;
  const length = str.length;
  if (str.charCodeAt(i) === 46) {
    i++;
    const start = i;
    while (i < length) {
      const c = str.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === start) return false;
  }
  const zone = str.charCodeAt(i);
  let offset = 0;
  if (zone === 90 || zone === 122) {
    if (i + 1 !== length) return false;
  } else if (zone === 43 || zone === 45) {
    if (i + 6 !== length || str.charCodeAt(i + 3) !== 58) return false;
    const offsetHour = twoDigits(str, i + 1);
    const offsetMinute = twoDigits(str, i + 4);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return false;
    offset = (zone === 43 ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  } else {
    return false;
  }
  if (second !== 60) return true;
  // A leap second is 23:59:60 in UTC.
  const utcMinutes = (((hour * 60 + minute - offset) % 1440) + 1440) % 1440;
  return utcMinutes === 23 * 60 + 59;
}

export function fmtDate(str: string): boolean {
  return str.length === 10 && fullDate(str);
}

export function fmtTime(str: string): boolean {
  return str.length >= 9 && fullTime(str, 0);
}

export function fmtDateTime(str: string): boolean {
  if (str.length < 20) return false;
  const separator = str.charCodeAt(10);
  return (separator === 84 || separator === 116) && fullDate(str) && fullTime(str, 11);
}

const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function fmtEmail(str: string): boolean {
  return str.length <= 320 && EMAIL.test(str);
}

const HOSTNAME_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, at most 63
 * characters each and 253 in all; `--` in the 3rd and 4th positions only in `xn--` labels
 * (IDNA A-labels, which are not decoded further). */
export function fmtHostname(str: string): boolean {
  if (str.length === 0 || str.length > 253) return false;
  for (const label of str.split('.')) {
    if (!HOSTNAME_LABEL.test(label)) return false;
    if (label.charCodeAt(2) === 45 && label.charCodeAt(3) === 45 && !/^xn/i.test(label)) return false;
  }
  return true;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function fmtIpv4(str: string): boolean {
  return IPV4.test(str);
}

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function hexGroups(text: string): number {
  if (text === '') return 0;
  const groups = text.split(':');
  for (const group of groups) if (!HEX_GROUP.test(group)) return -1;
  return groups.length;
}

/** RFC 4291 text form: eight groups, one `::`, an optional trailing IPv4 part; no zone index. */
export function fmtIpv6(str: string): boolean {
  if (str.length < 2 || str.length > 45) return false;
  let text = str;
  let groups = 0;
  if (str.indexOf('.') !== -1) {
    const lastColon = str.lastIndexOf(':');
    if (lastColon === -1 || !IPV4.test(str.slice(lastColon + 1))) return false;
    text = str.slice(0, lastColon + 1);
    groups = 2;
    if (text.endsWith('::')) text += '0';
    else text = text.slice(0, -1);
  }
  const gap = text.indexOf('::');
  if (gap === -1) {
    const count = hexGroups(text);
    return count !== -1 && count + groups === 8;
  }
  if (text.indexOf('::', gap + 1) !== -1) return false;
  const head = hexGroups(text.slice(0, gap));
  const tail = hexGroups(text.slice(gap + 2));
  return head !== -1 && tail !== -1 && head + tail + groups <= 7;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function fmtUuid(str: string): boolean {
  return UUID.test(str);
}

// RFC 3986 URI (absolute, with optional fragment); the IP-literal host is checked loosely.
const URI =
  /^[a-z][a-z0-9+.-]*:(?:\/\/(?:(?:[a-z0-9._~!$&'()*+,;=:-]|%[0-9a-f]{2})*@)?(?:\[[0-9a-z:.]+\]|(?:[a-z0-9._~!$&'()*+,;=-]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9._~!$&'()*+,;=:@-]|%[0-9a-f]{2})*)*|\/?(?:(?:[a-z0-9._~!$&'()*+,;=:@-]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9._~!$&'()*+,;=:@-]|%[0-9a-f]{2})*)*)?)(?:\?(?:[a-z0-9._~!$&'()*+,;=:@/?-]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9._~!$&'()*+,;=:@/?-]|%[0-9a-f]{2})*)?$/i;

export function fmtUri(str: string): boolean {
  return URI.test(str);
}
