// Durations in milliseconds.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
/** A month, for bands and frequencies: 30 days. */
export const MONTH = 30 * DAY;
