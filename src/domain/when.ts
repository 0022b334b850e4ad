import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { addWeeks } from "date-fns/addWeeks";
import { endOfMonth } from "date-fns/endOfMonth";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import { subMonths } from "date-fns/subMonths";
import { fromIsoDate, toIsoDate } from "./dates.js";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export const WHEN_FORMS =
  "YYYY-MM-DD, today, tomorrow, a weekday (friday), 3d, 2w, next week, next month, end of month";
export const SINCE_FORMS = "YYYY-MM-DD, today, yesterday, a weekday (monday), 30d, 12w, 3m, last week, last month";

/**
 * A due date as people type it, resolved against `today` (YYYY-MM-DD).
 * Weekday names mean the next such day after today; `3d`/`2w` count from today.
 * Returns undefined when the text is not one of WHEN_FORMS.
 */
export function parseDue(text: string, today: string): string | undefined {
  const value = text.trim().toLowerCase().replace(/\s+/g, " ");
  const base = fromIsoDate(today);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isValid(parseISO(value)) ? value : undefined;
  if (value === "today") return today;
  if (value === "tomorrow") return toIsoDate(addDays(base, 1));
  if (value === "next week") return toIsoDate(addWeeks(base, 1));
  if (value === "next month") return toIsoDate(addMonths(base, 1));
  if (value === "end of month" || value === "eom") return toIsoDate(endOfMonth(base));
  const weekday = weekdayIndex(value);
  if (weekday !== undefined) return toIsoDate(addDays(base, ((weekday - base.getDay() + 6) % 7) + 1));
  const span = /^(\d{1,4}) ?(d|days?|w|weeks?|m|months?)$/.exec(value);
  if (span) {
    const n = Number(span[1]);
    const unit = span[2]![0];
    return toIsoDate(unit === "d" ? addDays(base, n) : unit === "w" ? addWeeks(base, n) : addMonths(base, n));
  }
  return undefined;
}

/**
 * The start of a period as people type it, counting back from `today`:
 * `30d` is 30 days ago, `monday` the most recent Monday before today.
 */
export function parseSince(text: string, today: string): string | undefined {
  const value = text.trim().toLowerCase().replace(/\s+/g, " ");
  const base = fromIsoDate(today);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isValid(parseISO(value)) ? value : undefined;
  if (value === "today") return today;
  if (value === "yesterday") return toIsoDate(addDays(base, -1));
  if (value === "last week") return toIsoDate(addWeeks(base, -1));
  if (value === "last month") return toIsoDate(subMonths(base, 1));
  const weekday = weekdayIndex(value);
  if (weekday !== undefined) return toIsoDate(addDays(base, -(((base.getDay() - weekday + 6) % 7) + 1)));
  const span = /^(\d{1,4}) ?(d|days?|w|weeks?|m|months?)( ago)?$/.exec(value);
  if (span) {
    const n = Number(span[1]);
    const unit = span[2]![0];
    return toIsoDate(unit === "d" ? addDays(base, -n) : unit === "w" ? addWeeks(base, -n) : subMonths(base, n));
  }
  return undefined;
}

function weekdayIndex(value: string): number | undefined {
  if (value.length < 3) return undefined;
  const index = WEEKDAYS.findIndex((day) => day.startsWith(value) || value === `next ${day}`);
  return index === -1 ? undefined : index;
}
