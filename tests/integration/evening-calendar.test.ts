/**
 * Evenings on the public side (issue 12): the upcoming evenings in Dutch and English, and as
 * iCalendar per evening and per municipality, parsed with a real iCalendar parser (ical.js):
 * stable UID, SEQUENCE raised on every change, STATUS:CANCELLED, LOCATION and GEO, and the right
 * local time on the Sundays the clocks change. A crawl of every public answer finds no address,
 * no name and no e-mail address.
 */
import '../helpers/own-redis-prefix';
import ICAL from 'ical.js';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { demoStreets } from '../helpers/campaigns';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let officer: TestUser;
let autumn: number;
let spring: number;

const VENUE_ADDRESS = 'Jaffalaan 1, 2628 BX Delft';
const ORGANISER = {
  name: 'Marieke Organisator',
  email: 'marieke.organisator@delft.example',
  phone: '06 12345678',
};

async function post(p: string, body: unknown, method = 'POST') {
  const res = await fetch(`${app.url}${p}`, {
    method,
    headers: { ...bearer(officer), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as { id: number; sequence: number };
}

beforeAll(async () => {
  officer = await createTestUser(t.pool, { role: 'officer' });
  const [street] = await demoStreets(t.pool, 3, 8);
  const evening = (title: string, startsAt: string, endsAt: string) =>
    post('/api/evenings', {
      municipality: 'GM0503',
      title,
      startsAt,
      endsAt,
      venue: { name: 'Wijkcentrum De Wippolder', address: VENUE_ADDRESS, lon: 4.3736, lat: 52.0017 },
      capacity: 40,
      speakers: ['Wijkagent'],
      organiser: ORGANISER,
      area: { streetIds: [street!.id] },
    });
  // The Sundays the clocks change: 28 March 2027 (02:00 CET -> 03:00 CEST) and 31 October 2027 (back).
  autumn = (await evening('Avond na de klokwissel', '2027-10-31T19:30:00+01:00', '2027-10-31T21:30:00+01:00'))
    .id;
  spring = (await evening('Lenteavond', '2027-03-28T19:30:00+02:00', '2027-03-28T21:00:00+02:00')).id;
});

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal;
}

test('the upcoming evenings in Dutch and English: date in Amsterdam time, venue, area', async () => {
  const nl = (await (await fetch(`${app.url}/api/public/GM0503/evenings?lang=nl`)).json()) as {
    feed: { webcal: string };
    evenings: {
      id: number;
      when: string;
      statusLabel: string;
      venue: { name: string };
      areaStreets: string[];
    }[];
  };
  const en = (await (await fetch(`${app.url}/api/public/GM0503/evenings?lang=en`)).json()) as typeof nl;
  expect(nl.feed.webcal).toMatch(/^webcal:\/\/.+\/api\/public\/GM0503\/evenings\.ics$/);
  const a = nl.evenings.find((e) => e.id === autumn)!;
  expect(a.when).toBe('zondag 31 oktober 2027, 19:30–21:30');
  expect(a.statusLabel).toBe('gaat door');
  expect(a.venue.name).toBe('Wijkcentrum De Wippolder');
  expect(a.areaStreets.length).toBeGreaterThan(0);
  expect(en.evenings.find((e) => e.id === spring)!.when).toBe('Sunday 28 March 2027, 19:30–21:00');
  expect((await fetch(`${app.url}/api/public/GM9999/evenings`)).status).toBe(404);
});

test('the feed and each evening parse with ical.js; local times are right on both DST Sundays', async () => {
  const res = await fetch(`${app.url}/api/public/GM0503/evenings.ics`);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  const cal = parse(await res.text());
  expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const a = events.find((e) => e.summary === 'Avond na de klokwissel')!;
  expect(a.startDate.zone?.tzid).toBe('Europe/Amsterdam');
  expect([a.startDate.hour, a.startDate.minute]).toEqual([19, 30]);
  // 19:30 CET (after the change) is 18:30 UTC; on the spring Sunday 19:30 CEST is 17:30 UTC.
  expect(a.startDate.toJSDate().toISOString()).toBe('2027-10-31T18:30:00.000Z');
  const s = events.find((e) => e.summary === 'Lenteavond')!;
  expect(s.startDate.toJSDate().toISOString()).toBe('2027-03-28T17:30:00.000Z');
  expect(s.endDate.toJSDate().toISOString()).toBe('2027-03-28T19:00:00.000Z');
  expect(a.location).toBe('Wijkcentrum De Wippolder');
  const geo = a.component.getFirstPropertyValue('geo') as unknown as number[];
  expect(geo.map((n) => Math.round(n * 1e4) / 1e4)).toEqual([52.0017, 4.3736]);
  expect(a.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  expect(a.component.getFirstProperty('dtstamp')!.toICALString()).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);

  const one = parse(await (await fetch(`${app.url}/api/public/GM0503/evenings/${autumn}.ics`)).text());
  const ev = new ICAL.Event(one.getFirstSubcomponent('vevent')!);
  expect(ev.uid).toBe(a.uid);
  expect(ev.sequence).toBe(0);
  expect((await fetch(`${app.url}/api/public/GM0599/evenings/${autumn}.ics`)).status).toBe(404);
});

test('every change raises SEQUENCE under the same UID; a cancelled evening says STATUS:CANCELLED', async () => {
  const before = parse(await (await fetch(`${app.url}/api/public/GM0503/evenings/${spring}.ics`)).text());
  const uid = new ICAL.Event(before.getFirstSubcomponent('vevent')!).uid;
  await post(`/api/evenings/${spring}`, { title: 'Lenteavond (nieuwe zaal)' }, 'PATCH');
  await post(`/api/evenings/${spring}/cancel`, {});
  const after = new ICAL.Event(
    parse(
      await (await fetch(`${app.url}/api/public/GM0503/evenings/${spring}.ics`)).text(),
    ).getFirstSubcomponent('vevent')!,
  );
  expect(after.uid).toBe(uid);
  expect(after.sequence).toBe(2);
  expect(after.summary).toBe('Lenteavond (nieuwe zaal)');
  expect(after.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  const list = (await (await fetch(`${app.url}/api/public/GM0503/evenings?lang=en`)).json()) as {
    evenings: { id: number; status: string; statusLabel: string }[];
  };
  expect(list.evenings.find((e) => e.id === spring)).toMatchObject({
    status: 'cancelled',
    statusLabel: 'cancelled',
  });
});

test('a crawl of the public evening answers finds no address, house number, name or e-mail address', async () => {
  const urls = [
    '/api/public/GM0503/evenings?lang=nl',
    '/api/public/GM0503/evenings?lang=en',
    '/api/public/GM0503/evenings.ics',
    `/api/public/GM0503/evenings/${autumn}.ics`,
    `/api/public/GM0503/evenings/${spring}.ics`,
  ];
  const { rows } = await t.pool.query<{ line: string }>(
    `SELECT street_name || ' ' || huisnummer AS line FROM addresses WHERE residential LIMIT 2000`,
  );
  for (const u of urls) {
    const text = await (await fetch(`${app.url}${u}`)).text();
    expect(text).not.toContain(VENUE_ADDRESS);
    expect(text).not.toMatch(/\b[1-9]\d{3} ?[A-Z]{2}\b/); // a postcode
    expect(text).not.toMatch(/[\w.+-]+@(?!preventiekaart\.local)[\w-]+\.[\w.-]+/); // an e-mail address (a UID is not one)
    expect(text).not.toContain(ORGANISER.name);
    expect(text).not.toContain(ORGANISER.phone);
    for (const r of rows) expect(text).not.toContain(`${r.line},`);
  }
});
