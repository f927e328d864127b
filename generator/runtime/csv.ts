// RFC 4180 CSV from rows. A field is quoted when it holds a comma, a quote, CR or LF (quotes
// doubled); records end with CRLF. Values must be strings or finite numbers; a value CSV cannot
// carry (NUL, a lone surrogate, anything else) is an error naming its row and column.

export type CsvValue = string | number;
/** A record (columns by name), a list of values, or one value (a one-column row). */
export type CsvRow = CsvValue | readonly CsvValue[] | { readonly [column: string]: CsvValue | undefined };
export type CsvRows = readonly CsvRow[];

export interface CsvOptions {
  /** Column order for record rows (default: the keys in order of first appearance). */
  columns?: readonly string[];
  /** Write a header row: default true for record rows, false otherwise. */
  header?: boolean;
}

export class CsvEncodeError extends Error {
  constructor(
    message: string,
    /** 0-based row of the input (-1 for the header) */
    readonly row: number,
    /** 0-based column */
    readonly column: number,
  ) {
    super(message);
    this.name = 'CsvEncodeError';
  }
}

const needsQuotes = /[",\r\n]/;

/** One field, quoted when needed. */
export function encodeCsvField(value: unknown, row = 0, column = 0): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CsvEncodeError(`row ${row}, column ${column}: ${value} is not a finite number`, row, column);
    text = String(value);
  } else {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new CsvEncodeError(`row ${row}, column ${column}: ${kind} cannot be a CSV value (only strings and numbers)`, row, column);
  }
  if (text.includes('\u0000')) throw new CsvEncodeError(`row ${row}, column ${column}: NUL cannot be encoded in CSV`, row, column);
  if (!isWellFormed(text)) throw new CsvEncodeError(`row ${row}, column ${column}: a lone surrogate cannot be encoded as UTF-8`, row, column);
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

function isRecord(row: CsvRow): row is { readonly [column: string]: CsvValue | undefined } {
  return typeof row === 'object' && row !== null && !Array.isArray(row);
}

/** The CSV text of `rows` (each line ends with CRLF). */
export function encodeCsv(rows: CsvRows, options: CsvOptions = {}): string {
  if (!Array.isArray(rows)) throw new CsvEncodeError('CSV rows must be an array', 0, 0);
  const records = rows.length > 0 && rows.every(isRecord);
  if (!records && rows.some(isRecord)) {
    const at = rows.findIndex(isRecord);
    throw new CsvEncodeError(`row ${at}: records and value lists cannot be mixed`, at, 0);
  }
  const lines: string[] = [];
  if (records) {
    const columns = options.columns ? [...options.columns] : [];
    if (!options.columns) {
      const seen = new Set<string>();
      for (const row of rows as readonly Record<string, unknown>[]) for (const key of Object.keys(row)) if (!seen.has(key)) (seen.add(key), columns.push(key));
    }
    if (options.header ?? true) lines.push(columns.map((c, i) => encodeCsvField(c, -1, i)).join(','));
    rows.forEach((row, r) => {
      const record = row as Record<string, unknown>;
      lines.push(columns.map((c, i) => (Object.prototype.hasOwnProperty.call(record, c) && record[c] !== undefined ? encodeCsvField(record[c], r, i) : '')).join(','));
    });
  } else {
    if (options.header && options.columns) lines.push(options.columns.map((c, i) => encodeCsvField(c, -1, i)).join(','));
    rows.forEach((row, r) => {
      const values = Array.isArray(row) ? row : [row];
      const line = values.map((v, i) => encodeCsvField(v, r, i)).join(',');
      // a lone empty field would be a blank line, which readers skip
      lines.push(line === '' && values.length === 1 ? '""' : line);
    });
  }
  return lines.map((l) => l + '\r\n').join('');
}
