/**
 * Reading uploaded text files the way police exports arrive: UTF-8 with or without a byte
 * order mark, UTF-16 with one (Excel's "Unicode text"), or Windows-1252 (Excel on Dutch
 * Windows); `;` or `,` separated, quoted fields.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { BadInputError } from '../core/errors';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Set when the bytes are in an encoding that is not read (UTF-32, UTF-16 without a BOM): what was found. */
  problem?: string;
}

const UTF8 = 'save it as UTF-8 (in Excel: "CSV UTF-8") and import it again';

/**
 * Decodes bytes: a BOM says UTF-8 or UTF-16; valid UTF-8 is UTF-8; anything else is read as
 * Windows-1252, unless the zero bytes give it away as UTF-16 without a BOM (every other byte
 * 0 for Latin text), which would otherwise come out as letters separated by NUL characters.
 */
export function decodeText(buf: Buffer): DecodedText {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x0000feff)
    return { text: '', encoding: 'utf-8', problem: `the file is UTF-32 (little-endian); ${UTF8}` };
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x0000feff)
    return { text: '', encoding: 'utf-8', problem: `the file is UTF-32 (big-endian); ${UTF8}` };
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(buf);
  if (utf16) {
    return {
      text: '',
      encoding: 'utf-8',
      problem: `the file looks like UTF-16 (${utf16}) without a byte order mark, which cannot be told apart reliably; ${UTF8}`,
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'win1252'), encoding: 'windows-1252' };
  }
}

/** 'little-endian' / 'big-endian' when the first 4 KB have zero bytes at most odd (even) positions and few at the others. */
function utf16WithoutBom(buf: Buffer): string | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0,
    oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'little-endian';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'big-endian';
  return undefined;
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
  constructor(
    message: string,
    readonly line: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
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
    throw new CsvSyntaxError(
      `${fileName}${line ? ` line ${line}` : ''}: not readable as CSV (${reason})`,
      line ?? 1,
      reason,
      { cause: err },
    );
  }
}
