import { parseISO } from "date-fns/parseISO";
import * as z from "zod/mini";
import { ISO_DATE, isCalendarDate } from "./calendar-date.js";

export { isCalendarDate };

/** A calendar date as written in records: `YYYY-MM-DD`, no time, no zone. */
export const isoDateSchema = z
  .string()
  .check(z.regex(ISO_DATE, "expected a date as YYYY-MM-DD"), z.refine(isCalendarDate, "not a real calendar date"));

/** Local calendar date of `date` as YYYY-MM-DD (records never carry a time). */
export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Midnight local time of a YYYY-MM-DD string. */
export function fromIsoDate(value: string): Date {
  return parseISO(value);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms =
    Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) -
    Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  return Math.round(ms / 86_400_000);
}

export function addDaysIso(date: string, days: number): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + days));
  return d.toISOString().slice(0, 10);
}

/**
 * Code-point order: right for ISO dates and slug ids, and far cheaper than
 * localeCompare, whose collator costs some 20 ms to set up on first use.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
