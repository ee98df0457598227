// Calendar arithmetic in an IANA time zone with Intl only: local dates of instants, and instants of local times.

/** A calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True when the runtime knows the IANA time zone (Europe/London, America/New_York, UTC). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight of a local time 'HH:MM'. */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** 'HH:MM' of minutes since midnight. */
export function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The local date and minutes since local midnight of an instant in a time zone. */
export function localParts(at: Date, timeZone: string): { date: LocalDate; minutes: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The instant at which the clocks in `timeZone` show `date` at `minutes` past midnight (DST gaps move forward). */
export function instantOf(date: LocalDate, minutes: number, timeZone: string): Date {
  const wanted = Date.UTC(...ymd(date), 0, minutes);
  // Guess with the offset at the wanted wall time, then correct once for a DST change between guess and result.
  let guess = wanted - offsetAt(new Date(wanted), timeZone);
  guess = wanted - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(...ymd(to)) - Date.UTC(...ymd(from))) / 86_400_000);
}

/** The date `days` after `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.UTC(...ymd(date)) + days * 86_400_000).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isLocalDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && addDays(text, 0) === text;
}

function ymd(date: LocalDate): [number, number, number] {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return [year, month - 1, day];
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(at: Date, timeZone: string): number {
  const { date, minutes } = localParts(at, timeZone);
  const seconds = Number(
    formatter(timeZone)
      .formatToParts(at)
      .find((part) => part.type === 'second')?.value ?? 0,
  );
  const local = Date.UTC(...ymd(date), 0, minutes) + seconds * 1000;
  return local - Math.floor(at.getTime() / 1000) * 1000;
}
