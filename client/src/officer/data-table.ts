/** A plain table of the officers' page: caption, column headings, an empty body to fill. */

/**
 * A `<table class="pk-table">` with its caption and one `<th scope="col">` per heading.
 *
 * @returns the table and its body, for the caller's rows
 */
export function dataTable(
  caption: string,
  headings: string[],
): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const table = document.createElement('table');
  table.className = 'pk-table';
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const h of headings) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.appendChild(th);
  }
  return { table, body: table.createTBody() };
}
