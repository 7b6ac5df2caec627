/**
 * Reading uploaded text files the way police exports arrive: UTF-8 with or without a byte
 * order mark, or Windows-1252 (Excel on Dutch Windows); `;` or `,` separated, quoted fields.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { BadInputError } from '../core/errors';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
}

/** Decodes bytes: a BOM or valid UTF-8 means UTF-8, anything else is read as Windows-1252. */
export function decodeText(buf: Buffer): DecodedText {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'win1252'), encoding: 'windows-1252' };
  }
}

/** The first line of a text (without its line break). */
export function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** The separator of a CSV: whichever of `;`, `,` and tab occurs most in the first line outside quotes. */
export function detectDelimiter(line: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ',';
}

/** Malformed CSV (e.g. a stray quote): names the line. */
export class CsvSyntaxError extends BadInputError {
  constructor(message: string, readonly line: number, readonly reason: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface CsvRecord {
  /** 1-based line on which the record ends. */
  line: number;
  fields: string[];
}

/**
 * Parses CSV text into records with their line numbers. Rows may have any number of fields
 * (the caller reports wrong counts per line); malformed quoting fails the file, naming the line.
 */
export function parseCsv(text: string, delimiter: string, fileName: string, toLine?: number): CsvRecord[] {
  try {
    const rows = parse(text, {
      delimiter,
      ...(toLine ? { to_line: toLine } : {}),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as { record: string[]; info: { lines: number } }[];
    return rows.map((r) => ({ line: r.info.lines, fields: r.record }));
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    const reason = (err as Error).message.replace(/^Invalid /, 'invalid ');
    throw new CsvSyntaxError(`${fileName}${line ? ` line ${line}` : ''}: not readable as CSV (${reason})`, line ?? 1, reason, { cause: err });
  }
}
