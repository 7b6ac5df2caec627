/**
 * Dates and times as officers type them (a `datetime-local` field, "2030-03-12T19:30") are
 * Amsterdam wall-clock times, whatever the browser's own time zone is. No DOM: unit-tested in node.
 */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

/** Amsterdam's offset from UTC at the instant `ms`, in milliseconds (+1 h or +2 h). */
function offsetAt(ms: number): number {
  const w = wallClock(ms);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}

/**
 * "2030-03-12T19:30" in Amsterdam as an ISO instant ("2030-03-12T18:30:00.000Z"); null when the
 * text is not a date and time.
 */
export function amsterdamToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(asUtc)) return null;
  // The offset at the guess, then at the result: right on both sides of a clock change.
  let ms = asUtc - offsetAt(asUtc);
  ms = asUtc - offsetAt(ms);
  return new Date(ms).toISOString();
}

/** An ISO instant as the Amsterdam wall-clock value of a `datetime-local` field. */
export function isoToAmsterdam(iso: string): string {
  const w = wallClock(new Date(iso).getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${two(w.mo)}-${two(w.d)}T${two(w.h)}:${two(w.mi)}`;
}
