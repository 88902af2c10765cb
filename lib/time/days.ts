/**
 * Calendar days in the learner's time zone. A day is named by its key, "YYYY-MM-DD"; its start is
 * the first instant of that date in the zone (local midnight, or later when a DST jump skips it).
 * Pure: every function takes the IANA zone explicitly; only Intl is used, so DST follows the
 * runtime's time-zone data.
 */

/** The zone used when the learner's is unknown or invalid. */
export const DEFAULT_TIME_ZONE = "UTC";

/** The cookie in which the browser reports its IANA time zone (set by app/components/time-zone-script). */
export const TIME_ZONE_COOKIE = "descent_tz";

// Longer than any IANA name ("America/Argentina/ComodRivadavia" is 32).
const MAX_TIME_ZONE_LENGTH = 64;
const DAY_MS = 86_400_000;
const KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter giving the wall-clock parts of an instant in `timeZone` (throws RangeError on a bad zone). */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether `value` is a time zone this runtime knows (an IANA name such as "America/Los_Angeles", or "UTC"). */
export function isValidTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_TIME_ZONE_LENGTH) return false;
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** `value` when it is a valid time zone, else UTC. */
export function normalizeTimeZone(value: unknown): string {
  return isValidTimeZone(value) ? value : DEFAULT_TIME_ZONE;
}

/** The wall-clock fields of `date` in `timeZone`. */
function wallClock(date: Date, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(date)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 1970,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** The calendar day of `date` in `timeZone`, "YYYY-MM-DD". */
export function dayKey(date: Date, timeZone: string): string {
  const { year, month, day } = wallClock(date, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** UTC midnight of a day key: calendar arithmetic only, no zone involved. */
function parseKey(key: string): number {
  const match = KEY_PATTERN.exec(key);
  if (!match) throw new RangeError(`"${key}" is not a day key (YYYY-MM-DD).`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The day key `days` calendar days after `key` (negative: before). */
export function addDays(key: string, days: number): string {
  return new Date(parseKey(key) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from day `from` to day `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseKey(to) - parseKey(from)) / DAY_MS);
}

/**
 * The first instant of day `key` in `timeZone`: local midnight, or the instant the clocks jump to
 * when a DST change skips midnight (as in America/Santiago).
 */
export function startOfDayKey(key: string, timeZone: string): Date {
  const wall = parseKey(key);
  // The offset at the answer is the offset either just before or just after it: try both.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const candidates = [first, second].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (dayKey(new Date(candidate), timeZone) === key) return new Date(candidate);
  }
  // Unreachable for real zones; keep the later guess, which lies in the day or just before it.
  return new Date(candidates[1] as number);
}

/** The first instant of the local day containing `now`. */
export function startOfDay(now: Date, timeZone: string): Date {
  return startOfDayKey(dayKey(now, timeZone), timeZone);
}

/** The first instant of the local day after the one containing `now` (the end of today, exclusive). */
export function startOfNextDay(now: Date, timeZone: string): Date {
  return startOfDayKey(addDays(dayKey(now, timeZone), 1), timeZone);
}

/** "Now" and the learner's time zone: what every day-based computation needs. */
export type Clock = { now: Date; timeZone: string };
