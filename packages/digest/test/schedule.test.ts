// When the digest is due: stand-up time in the team's zone, weekends, holidays, daylight saving, already posted.
import { describe, expect, test } from '@jest/globals';
import { decidePost, previousWorkingDay, type StandupSchedule } from '../src/schedule.ts';

const newYork: StandupSchedule = {
  time: '09:30',
  timeZone: 'America/New_York',
  holidays: ['2026-11-26'],
  windowMinutes: 120,
};
const tokyo: StandupSchedule = { time: '10:00', timeZone: 'Asia/Tokyo', holidays: [], windowMinutes: 120 };

const at = (iso: string, schedule: StandupSchedule, posted = false) =>
  decidePost(new Date(iso), schedule, posted);

describe('decidePost', () => {
  test('posts at and after the stand-up time in the team’s zone, not before, not after the window', () => {
    expect(at('2026-11-30T14:30:00Z', newYork)).toEqual({
      post: true,
      date: '2026-11-30',
      reason: 'It is 2026-11-30 09:30 America/New_York: stand-up time (09:30).',
    });
    expect(at('2026-11-30T14:29:00Z', newYork)).toMatchObject({ post: false, why: 'too-early' });
    expect(at('2026-11-30T16:29:00Z', newYork)).toMatchObject({ post: true });
    expect(at('2026-11-30T16:30:00Z', newYork)).toMatchObject({ post: false, why: 'too-late' });
  });

  test('Tokyo’s 10:00 stand-up is 01:00 UTC the same day', () => {
    expect(at('2026-11-30T01:00:00Z', tokyo)).toMatchObject({ post: true, date: '2026-11-30' });
    // 10:00 UTC on Monday is 19:00 in Tokyo: long past.
    expect(at('2026-11-30T10:00:00Z', tokyo)).toMatchObject({ post: false, why: 'too-late' });
    // Friday 01:00 UTC is Friday 10:00 in Tokyo; Saturday 01:00 UTC is Saturday there.
    expect(at('2026-11-27T01:00:00Z', tokyo)).toMatchObject({ post: true, date: '2026-11-27' });
    expect(at('2026-11-28T01:00:00Z', tokyo)).toMatchObject({ post: false, why: 'weekend' });
  });

  test('weekends and holidays are skipped with the reason', () => {
    expect(at('2026-11-28T14:35:00Z', newYork)).toEqual({
      post: false,
      date: '2026-11-28',
      why: 'weekend',
      reason: 'It is Saturday (2026-11-28 09:35 America/New_York): no stand-up.',
    });
    expect(at('2026-11-29T14:35:00Z', newYork)).toMatchObject({ why: 'weekend' });
    expect(at('2026-11-26T14:35:00Z', newYork)).toEqual({
      post: false,
      date: '2026-11-26',
      why: 'holiday',
      reason: '2026-11-26 is a holiday (2026-11-26 09:35 America/New_York): no stand-up.',
    });
  });

  test('daylight saving moves the UTC moment: 13:30 UTC before the switch, 14:30 UTC after', () => {
    // New York leaves daylight saving time on Sunday 2026-11-01.
    expect(at('2026-10-30T13:30:00Z', newYork)).toMatchObject({ post: true, date: '2026-10-30' });
    expect(at('2026-11-02T13:30:00Z', newYork)).toMatchObject({ post: false, why: 'too-early' });
    expect(at('2026-11-02T14:30:00Z', newYork)).toMatchObject({ post: true, date: '2026-11-02' });
    // And enters it on Sunday 2027-03-14: Monday's stand-up is at 13:30 UTC again.
    expect(at('2027-03-15T13:30:00Z', newYork)).toMatchObject({ post: true, date: '2027-03-15' });
    expect(at('2027-03-12T13:30:00Z', newYork)).toMatchObject({ post: false, why: 'too-early' });
  });

  test('a digest already posted today is not posted again', () => {
    expect(at('2026-11-30T14:45:00Z', newYork, true)).toEqual({
      post: false,
      date: '2026-11-30',
      why: 'already-posted',
      reason: "Today's digest (2026-11-30) is already posted.",
    });
  });
});

describe('previousWorkingDay', () => {
  test('skips weekends and holidays', () => {
    expect(previousWorkingDay('2026-11-30', [])).toBe('2026-11-27');
    expect(previousWorkingDay('2026-11-27', ['2026-11-26'])).toBe('2026-11-25');
    expect(previousWorkingDay('2026-12-01', [])).toBe('2026-11-30');
  });
});
