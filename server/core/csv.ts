/** CSV for spreadsheets: cells guarded against formula injection, lines joined with commas. */

/**
 * One CSV cell: empty for null; a value starting with =, +, - or @ gets a leading apostrophe so a
 * spreadsheet does not run it as a formula (CSV injection); quoted when it holds a quote, comma,
 * semicolon or newline.
 */
export function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  const guarded = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV line of guarded cells. */
export function csvLine(cells: Array<string | number | null>): string {
  return cells.map(csvCell).join(',');
}
