// When a team's stand-up digest is due: its stand-up time in its own time zone, weekdays only, not on holidays. Pure.
import { addDays, clockTime, instantOf, type LocalDate, localParts, minutesOf } from '@flowkit/core';

/** A team's stand-up, as `.github/flowkit.yml` gives it under `teams.<name>`. */
export interface StandupSchedule {
  /** Local time 'HH:MM'. */
  time: string;
  /** IANA time zone of `time` and of the holidays. */
  timeZone: string;
  /** Local dates without a stand-up. */
  holidays: readonly LocalDate[];
  /**
   * How long after the stand-up time a run may still post, in minutes. Scheduled workflows start late (GitHub
   * queues them, sometimes by half an hour), so the first run inside this window posts and later ones find the
   * day's digest already there.
   */
  windowMinutes: number;
}

/** Post today's digest, or skip with the reason. */
export type PostDecision =
  | { post: true; date: LocalDate; reason: string }
  | {
      post: false;
      date: LocalDate;
      reason: string;
      why: 'weekend' | 'holiday' | 'too-early' | 'too-late' | 'already-posted';
    };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Decides whether the digest is posted at `now`. Local dates and times come from the time zone's rules at that
 * instant, so daylight saving changes move the UTC moment of the stand-up and nothing else.
 */
export function decidePost(now: Date, schedule: StandupSchedule, alreadyPosted = false): PostDecision {
  const { date, minutes } = localParts(now, schedule.timeZone);
  const weekday = WEEKDAYS[weekdayOf(date)] ?? '';
  const local = `${date} ${clockTime(minutes)} ${schedule.timeZone}`;
  if (isWeekend(date))
    return { post: false, date, why: 'weekend', reason: `It is ${weekday} (${local}): no stand-up.` };
  if (schedule.holidays.includes(date))
    return { post: false, date, why: 'holiday', reason: `${date} is a holiday (${local}): no stand-up.` };
  const start = minutesOf(schedule.time);
  if (minutes < start) {
    return {
      post: false,
      date,
      why: 'too-early',
      reason: `It is ${local}; the stand-up is at ${schedule.time}.`,
    };
  }
  if (minutes >= start + schedule.windowMinutes) {
    return {
      post: false,
      date,
      why: 'too-late',
      reason: `It is ${local}, more than ${schedule.windowMinutes} minutes after the ${schedule.time} stand-up; the next digest is due on the next working day.`,
    };
  }
  if (alreadyPosted)
    return {
      post: false,
      date,
      why: 'already-posted',
      reason: `Today's digest (${date}) is already posted.`,
    };
  return { post: true, date, reason: `It is ${local}: stand-up time (${schedule.time}).` };
}

/** When the previous working day's digest was due: rollbacks since then go into today's. */
export function previousDigestAt(date: LocalDate, schedule: StandupSchedule): Date {
  return instantOf(previousWorkingDay(date, schedule.holidays), minutesOf(schedule.time), schedule.timeZone);
}

/** The working day before `date` (weekends and holidays skipped), whose digest the rollbacks are counted from. */
export function previousWorkingDay(date: LocalDate, holidays: readonly LocalDate[]): LocalDate {
  let day = addDays(date, -1);
  for (let step = 0; step < 31; step++) {
    if (!isWeekend(day) && !holidays.includes(day)) return day;
    day = addDays(day, -1);
  }
  return day;
}

/** 0 Sunday … 6 Saturday. */
function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function isWeekend(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}
