/** CSV for spreadsheets: cells guarded against formula injection, lines joined with commas. */

/**
 * One CSV cell: empty for null; text starting with =, +, -, @, tab or carriage return gets a
 * leading apostrophe so a spreadsheet does not run it as a formula (CSV injection; numbers are
 * written as they are); quoted when it holds a quote, comma, semicolon or newline.
 */
export function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // A number is written as it is (a negative one stays a number); text that a spreadsheet would
  // run as a formula gets a leading apostrophe.
  const guarded = typeof v !== 'number' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV line of guarded cells. */
export function csvLine(cells: Array<string | number | null>): string {
  return cells.map(csvCell).join(',');
}
