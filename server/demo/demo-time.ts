/**
 * The demo's fixed calendar: every generated instant lies before DEMO_END, so the output never
 * depends on the clock of the machine that writes it, and formatting helpers for CSV cells.
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Activity in the demo ends here (exclusive); a fixed date keeps files byte-identical per seed. */
export const DEMO_END = Date.UTC(2025, 5, 30);
/** Oldest honest account. */
export const DEMO_START = Date.UTC(2016, 0, 1);

// Formatting millions of timestamps through Date dominated the run time; a demo spans a few
// thousand days, so each day's text is made once and the time of day is plain arithmetic.
const dayTexts = new Map<number, string>();

/** `2024-03-01`: a date without zone, which docs/input-format.md reads as UTC. */
export function isoDate(ms: number): string {
  const day = Math.floor(ms / DAY);
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * DAY).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}

/** `2024-03-01T12:00:05Z`: whole seconds, UTC. */
export function isoSeconds(ms: number): string {
  const seconds = Math.floor((ms - Math.floor(ms / DAY) * DAY) / SECOND);
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor(seconds / 60) % 60;
  const ss = seconds % 60;
  return `${isoDate(ms)}T${two(hh)}:${two(mm)}:${two(ss)}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
