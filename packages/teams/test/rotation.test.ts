import { describe, expect, test } from '@jest/globals';
import { onCallAt, type Rotation, RotationError } from '../src/rotation.ts';

const weekly: Rotation = {
  cadence: 'weekly',
  start: '2026-11-09',
  timeZone: 'Europe/London',
  members: ['tom', 'priya', 'sarah'],
};

describe('onCallAt', () => {
  test('weekly round-robin from the start date, explained', () => {
    const now = onCallAt(weekly, new Date('2026-11-27T12:00:00Z'));
    expect(now).toMatchObject({
      member: 'sarah',
      shiftNumber: 3,
      firstDay: '2026-11-23',
      lastDay: '2026-11-29',
      via: 'rotation',
    });
    expect(now.explanation).toBe('sarah is on call 2026-11-23 → 2026-11-29, week 3 of the rotation.');
    expect(now.start.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(now.end.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(onCallAt(weekly, new Date('2026-11-30T10:00:00Z')).member).toBe('tom');
  });

  test('the shift changes at the handover time in the team’s time zone', () => {
    const ny: Rotation = { ...weekly, timeZone: 'America/New_York', handover: '10:30' };
    // Monday 2026-11-30 10:29 in New York (15:29 UTC) is still last week's shift.
    expect(onCallAt(ny, new Date('2026-11-30T15:29:00Z')).member).toBe('sarah');
    expect(onCallAt(ny, new Date('2026-11-30T15:30:00Z')).member).toBe('tom');
  });

  test('daily rotation across a daylight-saving change counts calendar days, not hours', () => {
    const daily: Rotation = {
      cadence: 'daily',
      start: '2026-03-27',
      timeZone: 'Europe/London',
      members: ['a', 'b', 'c'],
    };
    // Clocks go forward on 2026-03-29; the 09:00 handover stays 09:00 local (08:00 UTC after the change).
    const sunday = onCallAt(daily, new Date('2026-03-29T08:30:00Z'));
    expect(sunday).toMatchObject({ member: 'c', shiftNumber: 3, firstDay: '2026-03-29' });
    expect(sunday.start.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(sunday.explanation).toBe('c is on call 2026-03-29, day 3 of the rotation.');
    expect(onCallAt(daily, new Date('2026-03-29T07:59:00Z')).member).toBe('b');
  });

  test('an override wins for its days, and says whom it replaces', () => {
    const swapped: Rotation = {
      ...weekly,
      overrides: [{ from: '2026-11-25', to: '2026-11-26', member: 'tom', reason: 'swap with sarah' }],
    };
    const covered = onCallAt(swapped, new Date('2026-11-25T12:00:00Z'));
    expect(covered).toMatchObject({ member: 'tom', via: 'override' });
    expect(covered.explanation).toBe(
      'tom is on call on 2026-11-25 instead of sarah (swap with sarah); the shift is 2026-11-23 → 2026-11-29, week 3 of the rotation.',
    );
    expect(onCallAt(swapped, new Date('2026-11-27T12:00:00Z')).member).toBe('sarah');
  });

  test('an unavailable member is skipped for the next in order', () => {
    const away: Rotation = {
      ...weekly,
      unavailable: [{ member: 'sarah', from: '2026-11-20', to: '2026-11-28', reason: 'vacation' }],
    };
    const now = onCallAt(away, new Date('2026-11-27T12:00:00Z'));
    expect(now).toMatchObject({
      member: 'tom',
      via: 'skip',
      skipped: [{ member: 'sarah', reason: 'unavailable 2026-11-20 → 2026-11-28: vacation' }],
    });
    expect(now.explanation).toBe(
      'tom is on call 2026-11-23 → 2026-11-29, week 3 of the rotation; skipped sarah (unavailable 2026-11-20 → 2026-11-28: vacation).',
    );
    expect(onCallAt(away, new Date('2026-11-29T12:00:00Z')).member).toBe('sarah');
  });

  test('is deterministic', () => {
    const at = new Date('2027-06-15T03:00:00Z');
    expect(onCallAt(weekly, at)).toEqual(onCallAt(weekly, at));
  });

  test('fails clearly before the start, with nobody available, or with no members', () => {
    expect(() => onCallAt(weekly, new Date('2026-11-01T12:00:00Z'))).toThrow(
      'the rotation starts on 2026-11-09, after 2026-11-01',
    );
    const allAway: Rotation = {
      ...weekly,
      unavailable: weekly.members.map((member) => ({ member, from: '2026-11-01', to: '2026-12-31' })),
    };
    expect(() => onCallAt(allAway, new Date('2026-11-27T12:00:00Z'))).toThrow(RotationError);
    expect(() => onCallAt(allAway, new Date('2026-11-27T12:00:00Z'))).toThrow(
      'nobody in the rotation is available on 2026-11-27',
    );
    expect(() => onCallAt({ ...weekly, members: [] }, new Date())).toThrow('the rotation has no members');
  });
});
