// Who is on call: a daily or weekly round-robin in the team's time zone, with overrides and skips. Pure.
import {
  addDays,
  daysBetween,
  type FlowkitConfig,
  instantOf,
  type LocalDate,
  localParts,
  minutesOf,
} from '@flowkit/core';

/** An on-call rotation, as `.github/flowkit.yml` describes it under `teams.<name>.rotation`. */
export interface Rotation {
  cadence: 'daily' | 'weekly';
  /** The day the first member's first shift starts (at `handover`). */
  start: LocalDate;
  timeZone: string;
  /** Local time shifts change, 'HH:MM' (default 09:00). */
  handover?: string;
  /** In rotation order: GitHub logins or emails. */
  members: string[];
  /** Someone else on call for whole days, e.g. a swap. Wins over the rotation. */
  overrides?: { from: LocalDate; to: LocalDate; member: string; reason?: string }[];
  /** Days a member cannot be on call; the rotation skips to the next member. */
  unavailable?: { member: string; from: LocalDate; to: LocalDate; reason?: string }[];
}

/** A team's rotation as .github/flowkit.yml writes it (`teams.<name>.rotation`), in this module's terms. */
export function toRotation(rotation: NonNullable<FlowkitConfig['teams'][string]['rotation']>): Rotation {
  return {
    cadence: rotation.cadence,
    start: rotation.start,
    timeZone: rotation['time-zone'],
    handover: rotation.handover,
    members: rotation.members,
    overrides: rotation.overrides,
    unavailable: rotation.unavailable,
  };
}

/** The answer to "who is on call at this moment", with the reasoning. */
export interface OnCall {
  member: string;
  /** 1 for the rotation's first shift. */
  shiftNumber: number;
  firstDay: LocalDate;
  lastDay: LocalDate;
  /** When the shift starts and ends (handover to handover). */
  start: Date;
  end: Date;
  via: 'rotation' | 'override' | 'skip';
  /** Members passed over because they were unavailable, with why. */
  skipped: { member: string; reason: string }[];
  /** One sentence for people: "sarah is on call 2026-11-23 → 2026-11-29, week 3 of the rotation." */
  explanation: string;
}

/** Thrown when nobody can be on call (the rotation has not started, or everyone is away). */
export class RotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RotationError';
  }
}

/** Who is on call at `at`. Deterministic: the same rotation and instant always give the same answer. */
export function onCallAt(rotation: Rotation, at: Date): OnCall {
  if (rotation.members.length === 0) throw new RotationError('the rotation has no members');
  const handover = minutesOf(rotation.handover ?? '09:00');
  const local = localParts(at, rotation.timeZone);
  // Before the handover time a moment still belongs to the previous day's shift.
  const day = local.minutes < handover ? addDays(local.date, -1) : local.date;
  const elapsed = daysBetween(rotation.start, day);
  if (elapsed < 0) throw new RotationError(`the rotation starts on ${rotation.start}, after ${day}`);
  const length = rotation.cadence === 'daily' ? 1 : 7;
  const index = Math.floor(elapsed / length);
  const firstDay = addDays(rotation.start, index * length);
  const lastDay = addDays(firstDay, length - 1);
  const shift = {
    shiftNumber: index + 1,
    firstDay,
    lastDay,
    start: instantOf(firstDay, handover, rotation.timeZone),
    end: instantOf(addDays(firstDay, length), handover, rotation.timeZone),
  };
  const unit = rotation.cadence === 'daily' ? 'day' : 'week';
  const when = `${firstDay === lastDay ? firstDay : `${firstDay} → ${lastDay}`}, ${unit} ${index + 1} of the rotation`;

  const override = (rotation.overrides ?? []).find((entry) => contains(entry, day));
  const scheduled = rotation.members[index % rotation.members.length] ?? '';
  if (override !== undefined) {
    const why = override.reason ? ` (${override.reason})` : '';
    return {
      member: override.member,
      ...shift,
      via: 'override',
      skipped: [],
      explanation: `${override.member} is on call on ${day} instead of ${scheduled}${why}; the shift is ${when}.`,
    };
  }

  const skipped: { member: string; reason: string }[] = [];
  for (let step = 0; step < rotation.members.length; step++) {
    const member = rotation.members[(index + step) % rotation.members.length] ?? '';
    const away = (rotation.unavailable ?? []).find(
      (entry) => entry.member === member && contains(entry, day),
    );
    if (away === undefined) {
      const passed = skipped.map((entry) => `${entry.member} (${entry.reason})`).join(', ');
      return {
        member,
        ...shift,
        via: skipped.length === 0 ? 'rotation' : 'skip',
        skipped,
        explanation: `${member} is on call ${when}${skipped.length === 0 ? '' : `; skipped ${passed}`}.`,
      };
    }
    skipped.push({
      member,
      reason: `unavailable ${away.from} → ${away.to}${away.reason ? `: ${away.reason}` : ''}`,
    });
  }
  throw new RotationError(
    `nobody in the rotation is available on ${day}: ${skipped.map((entry) => entry.member).join(', ')} are all away`,
  );
}

function contains(range: { from: LocalDate; to: LocalDate }, day: LocalDate): boolean {
  return daysBetween(range.from, day) >= 0 && daysBetween(day, range.to) >= 0;
}
