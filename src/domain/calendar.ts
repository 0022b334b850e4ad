import { createEvents, type EventAttributes } from "ics";
import type { Config } from "./config.js";
import { addDaysIso } from "./dates.js";
import type { WeekRoutine } from "./drill-week.js";
import { openActions } from "./history.js";
import type { StoredRecord } from "./record.js";
import type { Rep } from "./rep.js";
import { fromProfile, summarizeRep } from "./review.js";

/** One all-day event of the manager's calendar, before it becomes iCalendar text. */
export interface CalendarEvent {
  /** Stable across exports, so a calendar that imports the file again updates the event. */
  uid: string;
  title: string;
  description: string;
  /** YYYY-MM-DD */
  date: string;
  /** Repeats every this many days; absent for a one-off event. */
  every_days?: number;
  kind: "1on1" | "commitment" | "drill";
}

export interface RepRecords {
  rep: Rep;
  records: StoredRecord[];
}

/**
 * The manager's week as events: each rep's next 1:1 by the cadence, recurring (an overdue
 * one is put on today, since a recurring series that starts in the past only shows missed
 * days); every open commitment with a due date on that date; the week's drills on their
 * due day, today for one already overdue.
 */
export function calendarEvents(
  config: Config,
  reps: RepRecords[],
  routine: WeekRoutine,
  today: string,
): CalendarEvent[] {
  const names = new Map(reps.map(({ rep }) => [rep.id, rep.name]));
  const period = { from: addDaysIso(today, -config.defaults.review_days), to: today };
  const events: CalendarEvent[] = [];
  for (const { rep, records } of reps) {
    const cadence = summarizeRep(config, fromProfile(rep), records, period).cadence;
    events.push({
      uid: `1on1-${rep.id}@coach`,
      title: `1:1 with ${rep.name}`,
      description: `Every ${cadence.every_days} days. Before it: coach plan ${rep.id}; after it: coach session ${rep.id}.`,
      date: cadence.next_due > today ? cadence.next_due : today,
      every_days: cadence.every_days,
      kind: "1on1",
    });
    for (const { action } of openActions(records, today)) {
      if (!action.due) continue;
      events.push({
        uid: `${action.id}@coach`,
        title: `${rep.name}: ${action.text}`,
        description: `Owner: ${action.owner === "manager" ? "you" : rep.name}. Close it with coach actions done ${action.id}.`,
        date: action.due,
        kind: "commitment",
      });
    }
  }
  for (const item of routine.items) {
    const name = names.get(item.rep) ?? item.rep;
    const score = item.last_score === null ? "not practised yet" : `last score ${item.last_score}/5`;
    events.push({
      uid: `drill-${item.rep}-${item.skill}@coach`,
      title: `Drill ${item.skill} with ${name}`,
      description: `${score}. Run it with coach drill ${item.rep} --skill ${item.skill}${item.template ? ` (template ${item.template})` : ""}.`,
      date: item.due > today ? item.due : today,
      kind: "drill",
    });
  }
  return events;
}

const dateArray = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return [y, m, d];
};

/** A repeat every N days as an RRULE; whole weeks read better in a calendar program as WEEKLY. */
function recurrence(days: number): string {
  return days % 7 === 0 ? `FREQ=WEEKLY;INTERVAL=${days / 7}` : `FREQ=DAILY;INTERVAL=${days}`;
}

/**
 * RFC 5545 text (CRLF lines, folded at 75 octets) through the `ics` library. DTSTAMP is
 * today at midnight UTC rather than the clock, so the same workspace on the same day
 * gives the same file.
 */
export function renderCalendar(events: CalendarEvent[], today: string): string {
  const stamp = `${today.replaceAll("-", "")}T000000Z`;
  const attributes = events.map(
    (event): EventAttributes =>
      ({
        uid: event.uid,
        title: event.title,
        description: event.description,
        start: dateArray(event.date),
        end: dateArray(addDaysIso(event.date, 1)),
        categories: [event.kind === "1on1" ? "1:1" : event.kind],
        transp: "TRANSPARENT",
        ...(event.every_days ? { recurrenceRule: recurrence(event.every_days) } : {}),
        // Not in the library's types, but its schema and formatter take it (defaults to Date.now()).
        timestamp: stamp,
      }) as EventAttributes,
  );
  const { error, value } = createEvents(attributes, { productId: "coach", calName: "Coaching" });
  if (error || value === null) throw error ?? new Error("the calendar could not be written");
  return foldByOctets(value);
}

/**
 * RFC 5545 limits a line to 75 octets; `ics` counts characters, so a name in Chinese or an
 * emoji made its lines too long. Unfold, then fold again by UTF-8 bytes, never inside a
 * character (a continuation line starts with one space).
 */
export function foldByOctets(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  return lines.map(foldLine).join("\r\n");
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);
