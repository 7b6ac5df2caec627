/** The inspection sheet template renders its example and refuses a view with a missing field (strict). */
import fs from 'node:fs';
import path from 'node:path';
import { sheetDocument } from '../../server/inspections/sheet-template';
import type { SheetView } from '../../server/inspections/sheet-view';
import { walkAlongStreets } from '../../server/routing/walk-route';

const example = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '..', '..', 'templates', 'inspections', 'sheet.nl.example.json'),
    'utf8',
  ),
) as SheetView;

test('the example renders: streets in order, checklist, subsidy, phone link', () => {
  const html = sheetDocument(example);
  expect(html.indexOf('1. Mekelweg')).toBeLessThan(html.indexOf('2. Schoemakerstraat'));
  expect(html).toContain('Subsidie: Kleine Veiligheidsprojecten');
  // Handlebars escapes '=' in text.
  expect(html).toContain('http://127.0.0.1:3000/inspectie.html?id&#x3D;1');
  expect(html).not.toContain('<img');
});

test('a missing field throws instead of printing blank', () => {
  const { team: _team, ...noTeam } = example;
  void _team;
  expect(() => sheetDocument(noTeam as SheetView)).toThrow(/"team" not defined/);
});

test('the TSP order is kept, but a street reached at one end is walked to its other end', () => {
  // Tour start -> a1 -> b2 -> b1 -> a2: street 1 (a1-b1) and street 2 (a2-b2) would be left half-walked.
  const ends = [
    { a_vertex: 'a1', b_vertex: 'b1' },
    { a_vertex: 'a2', b_vertex: 'b2' },
  ];
  expect(walkAlongStreets(['s', 'a1', 'b2', 'b1', 'a2'], ends)).toEqual(['s', 'a1', 'b1', 'b2', 'a2']);
  // Streets sharing an end are chained; a street whose ends are one vertex adds nothing.
  expect(
    walkAlongStreets(
      ['s', 'x', 'y', 'z'],
      [
        { a_vertex: 'x', b_vertex: 'y' },
        { a_vertex: 'y', b_vertex: 'z' },
        { a_vertex: 'z', b_vertex: 'z' },
      ],
    ),
  ).toEqual(['s', 'x', 'y', 'z']);
});
