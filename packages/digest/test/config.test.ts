// The config keys the digest reads: stand-up time and zone, holidays, digest options, and their exact errors.
import { parseConfig } from '@flowkit/core';
import { describe, expect, test } from '@jest/globals';

const team = (lines: string) => `version: 1\nteams:\n  frontend:\n${lines}`;

describe('teams.<name>.standup, holidays and digest', () => {
  test('a valid stand-up is read as written; a single holiday becomes a list', async () => {
    const config = await parseConfig(
      team(
        '    standup: { time: "09:30", time-zone: Europe/Berlin }\n    holidays: 2026-12-24\n    digest: { review-wait-hours: 8, jql: "project = DASH" }\n',
      ),
      'flowkit.yml',
    );
    expect(config.teams.frontend).toEqual({
      standup: { time: '09:30', 'time-zone': 'Europe/Berlin' },
      holidays: ['2026-12-24'],
      digest: { 'review-wait-hours': 8, jql: 'project = DASH' },
    });
  });

  test.each([
    [
      'a time past 23:59',
      '    standup: { time: "24:00", time-zone: Europe/Berlin }\n',
      'flowkit.yml:4: teams.frontend.standup.time: expected a 24-hour time like 09:30, got "24:00"',
    ],
    [
      'a misspelt time zone',
      '    standup: { time: "09:30", time-zone: Europe/Berlln }\n',
      'flowkit.yml:4: teams.frontend.standup.time-zone: expected an IANA time zone like Europe/Berlin, got "Europe/Berlln"',
    ],
    [
      'a stand-up without a time zone',
      '    standup: { time: "09:30" }\n',
      "flowkit.yml:4: teams.frontend.standup: missing required key 'time-zone'",
    ],
    [
      'a date that does not exist',
      '    holidays: [2026-02-30]\n',
      'flowkit.yml:4: teams.frontend.holidays[0]: expected a date written YYYY-MM-DD, got "2026-02-30"',
    ],
    [
      'zero review-wait hours',
      '    digest: { review-wait-hours: 0 }\n',
      'flowkit.yml:4: teams.frontend.digest.review-wait-hours: expected a number of hours from 1 to 720, got number 0',
    ],
  ])('%s is refused with the path and what was expected', async (_label, lines, message) => {
    await expect(parseConfig(team(lines), 'flowkit.yml')).rejects.toThrow(message);
  });
});
